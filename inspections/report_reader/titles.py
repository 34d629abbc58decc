"""A title for a force's PEEL report whose text does not carry one.

Saved pages of the inspectorate's 2021/22 and 2023–25 reports often start at "Overall summary"
or "Our judgments": the report's title is in the page's header, which was not saved. Those
reports are all titled the same way ("PEEL 2021/22 … An inspection of West Yorkshire Police"),
so when the reader knows the era and the force it proposes that title, with a warning, rather
than none (which the import would refuse). Earlier eras titled each pillar differently, so no
title is made up for them."""

import re

from inspections.report_reader import model

# The eras whose reports are titled "PEEL <years>: An inspection of <force>", as their
# pages name the years.
_TITLED_ERAS = {"peel-2021-22": "PEEL 2021/22", "peel-2023-25": "PEEL 2023–25"}


def proposed_title(report: model.ParsedReport) -> str:
    """The inspectorate's usual title for the report, or "" when it cannot be known."""
    era = _TITLED_ERAS.get(report.framework or "")
    if not era or not report.force or report.document_kind != model.PEEL_FORCE:
        return ""
    return f"{era}: An inspection of {report.force}"


def fill_title(report: model.ParsedReport) -> None:
    """Give a titleless force PEEL report its usual title, and say so."""
    if report.title:
        return
    title = proposed_title(report)
    if title:
        report.title = title
        report.reports[report.main_report].title = title
        report.warnings.append(
            f"The text has no title: “{title}” is proposed from its era and force; check it "
            "against the report."
        )


def tidy_title(title: str) -> str:
    """'Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)
    Inspection Report: …' → 'HMICFRS Inspection Report: …'."""
    title = re.sub(
        r"(?i)\b(?:his|her)\s+majesty['’]?s\s+inspectorate\s+of\s+constabulary"
        r"(?:\s+and\s+fire\s+(?:&|and)\s+rescue\s+services)?\s+\((?P<short>hmicfrs|hmic)\)",
        lambda match: match.group("short").upper(),
        title,
    )
    return " ".join(title.split())
