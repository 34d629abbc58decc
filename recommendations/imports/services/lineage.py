"""Lineage proposals: earlier open findings of the same force with similar text."""

from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher

from django.db.models import Q

from inspections.models import Force
from inspections.report_reader import vocabulary as vocab
from recommendations.models import Finding, FindingStatus, Status

# A proposed link is shown from this similarity up; a report that says a finding "remains in
# place" links it on its own (command line) from STRONG_LINK up.
LINK_THRESHOLD = 0.55
STRONG_LINK = 0.85


_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        "a an and are as at be by for from has have in into is it its of on or that the their this"
        " to was were which with will so can more all any also than them they our we",
    )
)
_BOILERPLATE = re.compile(
    r"^(?:the\s+(?:force|constabulary)|forces|[a-z]+\s+(?:constabulary|police))\s+"
    r"(?:should|must|needs?\s+to|is\s+to)\s+(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    headline = text.strip().split("\n\n", 1)[0]
    headline = _BOILERPLATE.sub("", headline.strip())
    tokens = []
    for word in re.findall(r"[a-z0-9]+", vocab.plain(headline)):
        if word in _STOPWORDS or len(word) < 2:
            continue
        tokens.append(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return tokens


def similarity(first: str, second: str) -> float:
    """How alike two findings' headlines are, 0–1: a token-set comparison (order and
    repetition ignored, the boilerplate 'The force should ensure' removed), tempered by the
    share of words they have in common so that a short text inside a long one is not a match."""
    a, b = set(_tokens(first)), set(_tokens(second))
    if not a or not b:
        return 0.0
    common = sorted(a & b)
    joined = " ".join(common)
    only_a = " ".join(sorted(a - b))
    only_b = " ".join(sorted(b - a))
    left = f"{joined} {only_a}".strip()
    right = f"{joined} {only_b}".strip()
    token_set = max(
        SequenceMatcher(None, joined, left).ratio() if joined else 0.0,
        SequenceMatcher(None, joined, right).ratio() if joined else 0.0,
        SequenceMatcher(None, left, right).ratio(),
    )
    overlap = len(a & b) / len(a | b)
    return round(0.5 * token_set + 0.5 * overlap, 3)


def lineage_eligible(*, force: Force, published_on: date | None) -> list[Finding]:
    """The force's findings that were open before `published_on`, from reports published
    before it (all, when it is not known, and reports whose own date is not known): open now,
    or carried forward since by a report not published before that date (so a report can be
    recorded after a later one)."""
    statuses = (
        FindingStatus.objects.filter(
            Q(status__in=FindingStatus.OPEN_STATUSES) | Q(status=Status.CARRIED_FORWARD),
            force=force,
        )
        .select_related("finding__inspection")
        .prefetch_related("finding__carried_forward_to__inspection")
        .order_by("finding__inspection__published_on", "finding__position")
    )
    findings = []
    for status in statuses:
        finding = status.finding
        earlier = finding.inspection.published_on
        if not (published_on is None or earlier is None or earlier < published_on):
            continue
        if status.status == Status.CARRIED_FORWARD:
            successors = [
                later.inspection.published_on for later in finding.carried_forward_to.all()
            ]
            if published_on is None or not any(
                day is None or day >= published_on for day in successors
            ):
                continue
        findings.append(finding)
    return findings


def lineage_proposals(
    *, texts: list[str], eligible: list[Finding], limit: int = 3
) -> list[list[tuple[Finding, float]]]:
    """For each text, up to `limit` earlier findings that read alike, best first."""
    proposals = []
    for text in texts:
        scored = [(finding, similarity(text, finding.text)) for finding in eligible]
        scored = [pair for pair in scored if pair[1] >= LINK_THRESHOLD]
        scored.sort(key=lambda pair: -pair[1])
        proposals.append(scored[:limit])
    return proposals
