"""The last pass: the parsed report put together from what the passes read. Causes of
concern linked to their recommendations, summaries and duplicates dropped, each finding's
deadline and addressees, each report's kind, the document's dates and what it is."""

from __future__ import annotations

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.addressees import deadline_and_addressees
from inspections.report_reader.links import dedupe, drop_findings, link_causes
from inspections.report_reader.metadata import report_kind_of
from inspections.report_reader.same_areas import same_areas
from inspections.report_reader.titles import fill_title, tidy_title


class ResultPass:
    """Mixed into the parser: run last."""

    def _result(self) -> model.ParsedReport:
        link_causes(self.findings, self.intros)
        findings = drop_findings(self.findings, self._summaries_and_cut_text())
        findings = dedupe(findings)
        for finding in findings:
            if finding.kind in (model.RECOMMENDATION, model.AFI):
                # An AFI of a thematic report is addressed too ("Chief constables should …").
                finding.deadline, finding.addressees = deadline_and_addressees(finding.text)
        for finding in self.findings:
            # remains_from_earlier also when the finding's own text says so
            if vocab.REMAINS_RE.search(finding.text) and vocab.FINDING_WORD_RE.search(finding.text):
                finding.remains_from_earlier = True
        infos = []
        for number, segment in enumerate(self.segments):
            parsed = vocab.parse_date(segment.published) if segment.published else None
            info = model.ReportInfo(
                title=tidy_title(segment.title),
                published=parsed[0] if parsed else None,
                published_precision=parsed[1] if parsed else "day",
                framework=self.frameworks[number],
                finding_count=sum(1 for f in findings if f.report == number),
            )
            info.kind = report_kind_of(info, segment, findings, number)
            infos.append(info)
        main = max(range(len(infos)), key=lambda n: (infos[n].finding_count, -n))
        report = model.ParsedReport(
            title=infos[main].title,
            published=infos[main].published,
            published_precision=infos[main].published_precision,
            framework=infos[main].framework,
            kind=infos[main].kind,
            force=self._force(main),
            judgments=same_areas(self.judgments),
            findings=findings,
            reports=infos,
            main_report=main,
            warnings=self.warnings,
            status_log=self.furniture.status_log,
        )
        letter = (
            vocab.parse_date(self.furniture.letter_date) if self.furniture.letter_date else None
        )
        if letter:
            report.letter_date = letter[0]
            if self.furniture.is_letter:
                # An inspectorate's letter is published as sent: its "Sent on" date, also
                # when the page shows the day it was put online ("Published on: …").
                report.published, report.published_precision = letter
        self._document_kind(report)
        if letter and report.document_kind == model.PCC_RESPONSE:
            # A response is published on its own date ("Date of this response", the letter's
            # date), not on that of the report it answers, which it also states.
            report.published, report.published_precision = letter
        fill_title(report)
        return report
