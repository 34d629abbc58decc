import json
from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from inspections.models import Force, Framework, InspectionKind
from inspections.report_reader import ParsedReport, ReportError
from inspections.report_reader.extract import check_size
from inspections.report_reader.model import NEAR_MISS, PCC_RESPONSE, REVIEW_BELOW
from inspections.report_reader.vocabulary import plain
from peel_tracker.text import counted, plural, sentences
from recommendations.imports.reading import report_read
from recommendations.imports.responses import (
    ResponseProposal,
    response_explanations_import,
    response_proposal_from_parsed,
)
from recommendations.imports.services import (
    STRONG_LINK,
    areas_missing,
    duplicate_message,
    lineage_eligible,
    lineage_proposals,
    near_miss_message,
    proposal_from_parsed,
    report_find_existing,
    report_import,
)


class Command(BaseCommand):
    help = (
        "Read an HMICFRS report or an OPCC response (text, Markdown, PDF, .docx or saved HTML) "
        "and record its inspection, graded judgments and findings for a force, in one "
        "transaction, opening the statuses and responses it owes. With --dry-run nothing is "
        "written; --json prints what was read as one JSON object. Areas the framework does not "
        "have yet are added to it. A finding the report says remains in place is linked to the "
        "force's earlier open finding when their texts match closely; other links are proposed "
        "in the admin's import page. A PCC response is matched to the recorded report it names "
        "(its quoted findings to the report's findings) and its answers are saved as the "
        "explanations of the force's response, never as new findings; that needs --user, "
        "someone who edits the force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The report file.")
        parser.add_argument("--force", required=True, help="Force slug, e.g. cumbria.")
        parser.add_argument("--title", help="Title, if the report's own is not wanted.")
        parser.add_argument("--published", help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--kind", choices=InspectionKind.values, help="Kind of report.")
        parser.add_argument("--framework", help="Grading framework slug, e.g. peel-2021-22.")
        parser.add_argument(
            "--user",
            help="Username recorded as the author of what is imported, in the change history and "
            "the status history (without it, the history shows no author).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Read only; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print what was read as JSON.")

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        force = self._force(options["force"])
        user = self._user(options["user"])
        parsed = self._read(path)
        if parsed.document_kind == PCC_RESPONSE:
            self._import_response(parsed, path, force, user, options)
            return
        if parsed.document_kind == NEAR_MISS:
            raise CommandError(f"{path.name}: nothing was imported. {near_miss_message(parsed)}")
        self._check_findings(parsed, path)

        framework = self._framework(options["framework"], parsed.framework)
        title = options["title"] or parsed.title
        if not title:
            raise CommandError(f"{path.name}: no title found in the report; give one with --title.")
        published, precision = self._published(options["published"], parsed)
        kind = options["kind"] or parsed.kind or ("peel_force" if framework else "other")
        judgments, findings = proposal_from_parsed(parsed)
        proposals = _link_lineage(findings, force=force, published=published)

        if parsed.force and plain(parsed.force) != plain(force.name):
            self.stderr.write(f"Note: the report names {parsed.force}; importing for {force}.")
        for warning in parsed.warnings:
            self.stderr.write(f"Note: {warning}")

        existing = report_find_existing(force=force, title=title, published_on=published, kind=kind)
        if existing is not None and not options["dry_run"]:
            raise CommandError(duplicate_message(existing, force))
        if options["json"]:
            data = parsed.to_dict()
            data.update(
                title=title,
                published=published.isoformat() if published else None,
                published_precision=precision if published else None,
                framework=framework.slug if framework else parsed.framework,
                kind=kind,
                judgments=[{"area": j.area, "grade": j.grade} for j in judgments],
            )
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            self._summary(title, published, precision, framework, kind, force, judgments, findings)
            self._areas_and_links(framework, judgments, findings, proposals)

        if options["dry_run"]:
            if existing is not None:
                self.stderr.write(duplicate_message(existing, force))
            if not options["json"]:
                self.stdout.write("Dry run: nothing was written.")
            return
        try:
            inspection = report_import(
                force=force,
                title=title,
                kind=kind,
                framework=framework,
                published_on=published,
                published_precision=precision,
                source_document=path.name,
                judgments=judgments,
                findings=findings,
                user=user,
            )
        except ValidationError as error:
            raise CommandError("Nothing was imported: " + sentences(error.messages)) from error
        message = (
            f"Imported “{inspection.title}” ({inspection.slug}): "
            f"{counted(len(judgments), 'judgment')}, {counted(len(findings), 'finding')}."
        )
        if options["json"]:
            self.stderr.write(message)
        else:
            self.stdout.write(self.style.SUCCESS(message))

    def _force(self, slug: str) -> Force:
        force = Force.objects.filter(slug=slug).first()
        if force is None:
            raise CommandError(
                f"No force with the slug “{slug}”. Slugs are as in HMICFRS's web "
                "addresses, e.g. cumbria, west-mercia, greater-manchester."
            )
        return force

    def _read(self, path: Path) -> ParsedReport:
        try:
            check_size(path.stat().st_size)  # before reading: a 50 MB file is not read at all
            return report_read(data=path.read_bytes(), filename=path.name)
        except ReportError as error:
            raise CommandError(f"{path.name}: {error}") from error

    def _check_findings(self, parsed: ParsedReport, path: Path) -> None:
        """Refuse a report unless it holds the findings of one report."""
        if not parsed.findings:
            raise CommandError(
                f"{path.name}: no findings were found (no cause of concern, recommendation, area "
                "for improvement or good practice the reader recognises). Check that this is an "
                "inspection report or response; nothing was imported. What the reader "
                f"recognised: {parsed.recognised()}"
            )
        with_findings = parsed.reports_with_findings()
        if len(with_findings) > 1:
            titles = "; ".join(f"“{parsed.reports[n].title}”" for n in with_findings)
            raise CommandError(
                f"{path.name} holds findings of {counted(len(with_findings), 'report')} "
                f"({titles}). Split it "
                "into one file per report and import each."
            )

    def _import_response(self, parsed, path, force, user, options) -> None:
        """A PCC response: what it answers and how its quoted findings match the recorded ones;
        without --dry-run, its answers saved as the response's explanations."""
        proposal = response_proposal_from_parsed(
            parsed=parsed, force=force, title=options["title"], source_document=path.name
        )
        if options["json"]:
            self.stdout.write(json.dumps(_proposal_dict(proposal), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(proposal.summary())
            for number, quoted in enumerate(proposal.quoted, start=1):
                where = f" [lines {quoted.lines[0]}–{quoted.lines[1]}]" if quoted.lines else ""
                match = (
                    f"matches “{_short(quoted.finding.text, 60)}” (similarity {quoted.score:.2f})"
                    if quoted.finding
                    else "no recorded finding matches"
                )
                answer = "an answer" if quoted.explanation else "no answer in the document"
                quote = _short(quoted.text, 60)
                self.stdout.write(f"  {number}. “{quote}”{where}: {match}; {answer}")
        problem = proposal.refusal()
        if problem and proposal.report is None:
            raise CommandError(problem)
        if options["dry_run"]:
            if problem:
                self.stderr.write(problem)
            elif not options["json"]:
                self.stdout.write("Dry run: nothing was written.")
            return
        if user is None:
            raise CommandError(
                f"Give --user: a response's explanations are saved in the name of someone who "
                f"edits {force}. Nothing was saved."
            )
        try:
            saved = response_explanations_import(proposal=proposal, user=user)
        except (ValidationError, PermissionDenied) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError("Nothing was saved: " + sentences(messages)) from error
        message = (
            f"Saved {counted(len(saved.created), 'explanation')} on {proposal.response}; "
            f"{counted(saved.already_explained, 'finding')} "
            f"{plural(saved.already_explained, 'was', 'were')} already explained, "
            f"{counted(saved.without_text, 'matched finding')} "
            f"{plural(saved.without_text, 'has', 'have')} no answer in the document. No findings "
            "were created and the response was not marked published."
        )
        (self.stderr if options["json"] else self.stdout).write(message)

    def _published(self, given: str | None, parsed: ParsedReport) -> tuple[date | None, str]:
        """--published (to the day) if given, otherwise the date the reader found."""
        if not given:
            return parsed.published, parsed.published_precision
        try:
            return date.fromisoformat(given), "day"
        except ValueError as error:
            raise CommandError(
                f"--published must be a date as YYYY-MM-DD, not “{given}”."
            ) from error

    def _areas_and_links(self, framework, judgments, findings, proposals) -> None:
        """The framework's areas the report names that it lacks, and the proposed links."""
        if framework is not None:
            names = [j.area for j in judgments] + [f.area for f in findings]
            missing = areas_missing(framework=framework, names=names)
            if missing:
                self.stdout.write(f"Areas to add to {framework}: " + "; ".join(missing))
        for finding, candidates in zip(findings, proposals, strict=True):
            if candidates:
                best, score = candidates[0]
                action = "link" if finding.carried_forward_from else "possible link"
                self.stdout.write(
                    f"  {action}: “{_short(finding.text)}” ← “{_short(best.text)}” "
                    f"({best.inspection}, similarity {score:.2f})"
                )

    def _user(self, username: str | None) -> User | None:
        if username is None:
            return None
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with the username “{username}”.")
        return user

    def _framework(self, slug: str | None, parsed_slug: str | None) -> Framework | None:
        if slug:
            framework = Framework.objects.filter(slug=slug).first()
            if framework is None:
                slugs = ", ".join(Framework.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(f"No framework with the slug “{slug}” (there are: {slugs}).")
            return framework
        return Framework.objects.filter(slug=parsed_slug).first() if parsed_slug else None

    def _summary(self, title, published, precision, framework, kind, force, judgments, findings):
        when = "not stated"
        if published:
            when = published.strftime(
                {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}[precision]
            )
        self.stdout.write(f"{title}")
        self.stdout.write(f"  {kind}, {force}, published {when}, framework {framework or 'none'}")
        for judgment in judgments:
            self.stdout.write(f"  grade: {judgment.area}: {judgment.grade}")
        for number, finding in enumerate(findings, start=1):
            flag = (
                " (remains in place from an earlier report)" if finding.remains_from_earlier else ""
            )
            if finding.confidence < REVIEW_BELOW:
                flag += f" (check: the reader is unsure, confidence {finding.confidence:.1f})"
            if finding.lines:
                first, last = finding.lines
                flag += f" [line {first}]" if first == last else f" [lines {first}–{last}]"
            area = finding.area or "no area"
            self.stdout.write(f"  {number}. {finding.kind} [{area}] {_short(finding.text)}{flag}")


def _link_lineage(findings: list, *, force: Force, published: date | None) -> list:
    """Earlier findings each finding may carry forward, best first; a finding the report says
    remains from an earlier one is linked to a strong candidate."""
    eligible = lineage_eligible(force=force, published_on=published)
    proposals = lineage_proposals(texts=[f.text for f in findings], eligible=eligible)
    for finding, candidates in zip(findings, proposals, strict=True):
        if finding.remains_from_earlier and candidates and candidates[0][1] >= STRONG_LINK:
            finding.carried_forward_from = candidates[0][0]
    return proposals


def _proposal_dict(proposal: ResponseProposal) -> dict:
    """The shape `import_report --json` prints for a PCC response."""
    return {
        "document_kind": PCC_RESPONSE,
        "responds_to": proposal.responds_to,
        "report": proposal.report.slug if proposal.report else None,
        "summary": proposal.summary(),
        "refusal": proposal.refusal() or None,
        "quoted": [
            {
                "kind": quoted.kind,
                "text": quoted.text,
                "lines": list(quoted.lines) if quoted.lines else None,
                "finding": quoted.finding.natural_key() if quoted.finding else None,
                "similarity": quoted.score,
                "explanation": quoted.explanation,
            }
            for quoted in proposal.quoted
        ],
    }


def _short(text: str, length: int = 90) -> str:
    paragraph = text.strip().split("\n\n", 1)[0]
    line = " ".join(part.strip().removeprefix("- ") for part in paragraph.splitlines())
    line = " ".join(line.split())
    return line if len(line) <= length else line[: length - 1] + "…"
