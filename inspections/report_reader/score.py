"""Score the reader against a corpus of real texts: `python -m inspections.report_reader.score
[CORPUS]` (default `../shared/corpus`). The corpus holds `texts/NAME.txt` and `expected.json`
(schema and scoring method in the corpus README).

Rules, as the corpus README sets them:
- A required (non-optional) expected finding is found when a proposal of the same kind contains
  its phrase (whitespace collapsed, case ignored). One only contained by a proposal of another
  kind is a kind error. The schema's one good-practice kind ("innovative_practice") stands
  for each era's word: notable, innovative or promising practice.
- A proposal that contains no expected phrase (optional ones included) is invented.
- On found findings: parent link (the proposal's cause of concern contains the parent phrase),
  addressees (as worded, the report's own force counting as "the force") and absolute deadlines.
- Judgments: area loosely (shared words), grade exactly. Proposed grades on a document that
  states none are extra.
- Published date (to the precision given), title (loosely), document kind and force.

Pure Python: tests call `score_corpus` and read the totals.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from inspections.report_reader import forces
from inspections.report_reader.extract import read_report
from inspections.report_reader.model import ParsedFinding, ParsedReport, ReportError
from inspections.report_reader.vocabulary import parse_date, plain

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"

# The reader's report kinds (InspectionKind) → the corpus's document kinds, for readers that
# say only what report a document is.
_KIND_OF_REPORT = {
    "peel_force": "peel_force",
    "peel_national": "thematic",
    "thematic": "thematic",
    "joint_thematic": "thematic",
    "accelerated_cause_of_concern": "cause_of_concern_letter",
    "revisit_letter": "revisit_letter",
}

_STOP = {"the", "of", "and", "a", "an", "to", "in", "for", "on", "at", "its", "how", "does", "is"}
_OWN_FORCE = {"force", "the force", "service", "the service", "constabulary", "the constabulary"}


@dataclass
class Score:
    """Counts for one document or a sum of documents."""

    documents: int = 0
    required: int = 0
    found: int = 0
    invented: int = 0
    invented_complete: int = 0  # invented on documents that are not cut off
    kind_errors: int = 0
    parents: int = 0
    parents_right: int = 0
    addressees: int = 0
    addressees_right: int = 0
    deadlines: int = 0
    deadlines_right: int = 0
    judgments: int = 0
    judgments_found: int = 0
    judgments_extra: int = 0
    dates_right: int = 0
    titles_right: int = 0
    kinds_right: int = 0
    forces_right: int = 0
    errors: int = 0  # documents the reader refused

    def add(self, other: Score) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def judgment_recall(self) -> float:
        return self.judgments_found / self.judgments if self.judgments else 1.0


@dataclass
class DocumentScore:
    name: str
    kind: str
    truncated: bool
    score: Score
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def collapse(text: str) -> str:
    return " ".join(text.split()).lower()


def document_kind(parsed: ParsedReport) -> str:
    return getattr(parsed, "document_kind", "") or _KIND_OF_REPORT.get(parsed.kind or "", "")


def _content_words(text: str) -> set[str]:
    return {word for word in plain(text).split() if word not in _STOP}


def area_matches(expected: str, proposed: str) -> bool:
    """Loosely: one name holds the other, or they share most of their words (area names
    differ between eras and copies)."""
    a, b = plain(expected), plain(proposed)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def title_matches(expected: str, proposed: str) -> bool:
    """Loosely: titles in the corpus are descriptive; a proposed title is right when most of
    its words are in the expected one and it names more than the force."""
    a, b = _content_words(expected), _content_words(proposed)
    if not a or not b:
        return not a and not b
    shared = len(a & b)
    return shared / len(b) >= 0.6 and shared / len(a) >= 0.3


def _addressee(name: str, force_words: set[str]) -> str:
    name = collapse(name)
    name = re.sub(r"^(?:the|all(?: the)?)\s+", "", name)
    if name in _OWN_FORCE or f"the {name}" in _OWN_FORCE:
        return "the force"
    words = set(plain(name).split())
    if force_words and words - {"police", "constabulary", "service"} <= force_words and words:
        return "the force"  # the report's own force named ("Staffordshire Police")
    return name


def _addressees_right(expected: list[str], proposed: list[str], force: str | None) -> bool:
    force_words = set((force or "").replace("-", " ").split())
    want = {_addressee(name, force_words) for name in expected}
    got = {_addressee(name, force_words) for name in proposed} or {"the force"}
    if want == got:
        return True
    unmatched = {g for g in got if not any(w in g or g in w for w in want)}
    missing = {w for w in want if not any(w in g or g in w for g in got)}
    return not unmatched and not missing


def force_slug(name: str | None) -> str | None:
    """'West Mercia Police' → 'west-mercia' (HMICFRS's URL style, as data/forces.csv); a
    force whose name is not its slug ('Hampshire and Isle of Wight Constabulary' →
    'hampshire') from the reader's table of the 43."""
    if not name:
        return None
    if slug := forces.force_slug(name):
        return slug
    words = plain(name).replace("'", "").split()
    while words and words[-1] in ("police", "constabulary", "service"):
        words.pop()
    return "-".join(words) or None


def _deadline_month(text: str) -> str:
    parsed = parse_date(text or "")
    return parsed[0].strftime("%Y-%m") if parsed else ""


def score_document(name: str, text_bytes: bytes, expected: dict) -> DocumentScore:
    score = Score(documents=1)
    result = DocumentScore(
        name=name,
        kind=expected.get("kind", ""),
        truncated=bool(expected.get("truncated")),
        score=score,
    )
    try:
        parsed = read_report(text_bytes, name)
    except ReportError as error:
        score.errors = 1
        result.notes.append(f"refused: {error}")
        parsed = ParsedReport()
    _score_findings(result, parsed, expected)
    _score_judgments(result, parsed, expected)
    _score_metadata(result, parsed, expected)
    return result


# The corpus schema has one kind for good practice, "innovative_practice"; the reader names
# the era's own word (notable practice in 2018/19, innovative or promising practice since).
_PRACTICE_KINDS = {"innovative_practice", "promising_practice", "notable_practice"}


def _same_kind(proposed: str, expected: str) -> bool:
    return proposed == expected or {proposed, expected} <= _PRACTICE_KINDS


def _score_findings(result: DocumentScore, parsed: ParsedReport, expected: dict) -> None:
    """Required findings found (with the right kind), and proposals that match nothing."""
    score = result.score
    proposals = parsed.findings
    texts = [collapse(finding.text) for finding in proposals]
    matched_proposals: set[int] = set()
    for item in expected.get("findings", []):
        phrase = collapse(item["phrase"])
        holders = [i for i, text in enumerate(texts) if phrase in text]
        matched_proposals.update(holders)
        if item.get("optional"):
            continue
        score.required += 1
        same = [i for i in holders if _same_kind(proposals[i].kind, item["kind"])]
        if not same:
            if holders:
                score.kind_errors += 1
                result.missed.append(f"{item['kind']} as {proposals[holders[0]].kind}: {phrase}")
            else:
                result.missed.append(f"{item['kind']}: {phrase}")
            continue
        score.found += 1
        _score_found_finding(score, item, proposals[same[0]], texts, expected.get("force"))
    for index, finding in enumerate(proposals):
        if index not in matched_proposals:
            score.invented += 1
            result.invented.append(f"{finding.kind}: {' '.join(finding.text.split())[:90]}")
    if not result.truncated:
        score.invented_complete = score.invented


def _score_found_finding(
    score: Score, item: dict, finding: ParsedFinding, texts: list[str], force: str | None
) -> None:
    """On a found finding: its cause-of-concern parent, addressees and absolute deadline."""
    if item.get("parent"):
        score.parents += 1
        cause = finding.cause_of_concern
        if cause is not None and 0 <= cause < len(texts):
            score.parents_right += collapse(item["parent"]) in texts[cause]
    if "addressees" in item:
        score.addressees += 1
        score.addressees_right += _addressees_right(item["addressees"], finding.addressees, force)
    want, got = item.get("deadline", ""), _deadline_month(finding.deadline)
    if want or got:
        score.deadlines += 1
        score.deadlines_right += want == got


def _score_judgments(result: DocumentScore, parsed: ParsedReport, expected: dict) -> None:
    """Expected judgments found (area loosely, grade exactly), and grades proposed for an area
    the document does not grade."""
    score = result.score
    expected_judgments = expected.get("judgments", [])
    proposed_judgments = [
        (judgment.area, judgment.grade.replace("_", " ")) for judgment in parsed.judgments
    ]
    used: set[int] = set()
    for item in expected_judgments:
        score.judgments += 1
        for index, (area, grade) in enumerate(proposed_judgments):
            if index not in used and grade == item["grade"] and area_matches(item["area"], area):
                used.add(index)
                score.judgments_found += 1
                break
        else:
            result.missed.append(f"grade {item['area']}: {item['grade']}")
    for index, (area, grade) in enumerate(proposed_judgments):
        if index in used:
            continue
        if not any(area_matches(item["area"], area) for item in expected_judgments):
            score.judgments_extra += 1
            result.notes.append(f"extra grade {area}: {grade}")


def _score_metadata(result: DocumentScore, parsed: ParsedReport, expected: dict) -> None:
    """Published date (to the precision given), title, document kind and force."""
    score = result.score
    want_date = expected.get("published") or ""
    got_date = parsed.published.isoformat() if parsed.published else ""
    if want_date:
        got_date = got_date[: len(want_date)]
    score.dates_right = int(want_date == got_date)
    if not score.dates_right:
        result.notes.append(f"published {got_date or '-'} (expected {want_date or '-'})")
    score.titles_right = int(title_matches(expected.get("title", ""), parsed.title))
    if not score.titles_right:
        result.notes.append(f"title {parsed.title!r}")
    got_kind = document_kind(parsed)
    score.kinds_right = int(got_kind == result.kind)
    if not score.kinds_right:
        result.notes.append(f"kind {got_kind or '-'}")
    score.forces_right = int(force_slug(parsed.force) == expected.get("force"))
    if not score.forces_right:
        result.notes.append(f"force {parsed.force or '-'}")


def score_corpus(folder: str | Path) -> list[DocumentScore]:
    """Score every `texts/*.txt` of the corpus that `expected.json` describes."""
    folder = Path(folder)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    results = []
    for name in sorted(expected):
        path = folder / "texts" / name
        results.append(score_document(name, path.read_bytes(), expected[name]))
    return results


def total(results: list[DocumentScore], kind: str | None = None) -> Score:
    summed = Score()
    for result in results:
        if kind is None or result.kind == kind:
            summed.add(result.score)
    return summed


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def _row(label: str, score: Score) -> str:
    return (
        f"{label:<58} {_ratio(score.found, score.required):>6} {score.invented:>4}"
        f" {score.invented_complete:>4} {score.kind_errors:>4}"
        f" {_ratio(score.parents_right, score.parents):>5}"
        f" {_ratio(score.addressees_right, score.addressees):>6}"
        f" {_ratio(score.deadlines_right, score.deadlines):>5}"
        f" {_ratio(score.judgments_found, score.judgments):>6} {score.judgments_extra:>3}"
        f" {_ratio(score.dates_right, score.documents):>6}"
        f" {_ratio(score.titles_right, score.documents):>6}"
        f" {_ratio(score.kinds_right, score.documents):>6}"
        f" {_ratio(score.forces_right, score.documents):>6}"
    )


HEADER = (
    f"{'document':<58} {'found':>6} {'inv':>4} {'invC':>4} {'kErr':>4} {'links':>5}"
    f" {'addr':>6} {'dl':>5} {'grades':>6} {'xG':>3} {'dates':>6} {'titles':>6}"
    f" {'dkind':>6} {'force':>6}"
)


def report(results: list[DocumentScore], *, details: bool = True) -> str:
    """The table `make reader-score` prints: one line per document, then per kind of
    document, then the total."""
    lines = [HEADER]
    for result in results:
        lines.append(_row(result.name.removesuffix(".txt")[:58], result.score))
        if details:
            for note in result.missed:
                lines.append(f"    missed {note}")
            for note in result.invented:
                lines.append(f"    invented {note}")
            for note in result.notes:
                lines.append(f"    {note}")
    lines.append("")
    lines.append(HEADER.replace("document", "kind of document", 1))
    for kind in sorted({result.kind for result in results}):
        lines.append(_row(kind, total(results, kind)))
    summed = total(results)
    lines.append(_row("TOTAL", summed))
    lines.append("")
    lines.append(
        f"findings recall {summed.recall:.0%} ({summed.found}/{summed.required}), "
        f"invented {summed.invented} ({summed.invented_complete} on complete documents), "
        f"kind errors {summed.kind_errors}, grades {summed.judgment_recall:.0%} "
        f"({summed.judgments_found}/{summed.judgments}, {summed.judgments_extra} extra), "
        f"dates {summed.dates_right}/{summed.documents}, titles {summed.titles_right}/"
        f"{summed.documents}, document kinds {summed.kinds_right}/{summed.documents}, "
        f"refused {summed.errors}"
    )
    lines.append(
        "columns: found = required findings found with the right kind; inv = invented "
        "(invC: on complete documents); kErr = found with the wrong kind; links = cause-of-"
        "concern parents right; addr, dl = addressees, absolute deadlines right on found "
        "findings; grades = judgments found (xG: extra); dkind = document kind"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    quiet = "--quiet" in args
    args = [arg for arg in args if arg != "--quiet"]
    folder = Path(args[0]) if args else DEFAULT_CORPUS
    if not (folder / "expected.json").is_file():
        print(f"No corpus at {folder} (expected {folder / 'expected.json'}).", file=sys.stderr)
        return 2
    print(report(score_corpus(folder), details=not quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
