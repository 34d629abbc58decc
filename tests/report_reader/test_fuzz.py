"""No input crashes the reader: random text and bytes give a report or a ReportError, and
text made of report-like lines in any order gives a report whose line ranges point into it."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspections.report_reader import ParsedReport, ReportError, parse_text, read_report
from inspections.report_reader.blocks import normalise
from inspections.report_reader.furniture import strip_furniture

LINES = [
    "# PEEL 2021/22",
    "## Areas for improvement",
    "Areas for improvement",
    "Recommendations",
    "Recommendation 6989",
    "Cause of concern:",
    "Cause of concern: Responding to the public",
    "We made three recommendations in this report:",
    "By March 2022, chief constables should:",
    "HMIC recommends that the force should immediately:",
    "- review its custody policy;",
    "  • ensure that call handlers record risk",
    "1",
    "2.",
    "The force should improve how it answers calls.",
    "The extent to which the force is effective at keeping people safe is good.",
    "Requires improvement",
    "Good",
    "Status: Completed",
    "Completed",
    "[on]9th February 2017 [status]awaiting-review[/status][/on]",
    "Letter information",
    "Sent on",
    "2 October 2024",
    "Skip to content",
    "Outstanding | Good | Adequate |",
    "Preventing crime\tgood",
    "| Area | Grade |",
    "**Innovative practice**",
    "Treatment of the public, protecting vulnerable people and managing offenders - adequate",
    "",
    "",
]

quiet = settings(
    max_examples=int(os.environ.get("READER_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@quiet
@given(st.text())
def test_any_text_parses(text):
    assert isinstance(parse_text(text), ParsedReport)


@quiet
@given(st.binary(max_size=4000), st.sampled_from(["report.txt", "report.md", "page.html", ""]))
def test_any_bytes_read_or_refused_with_a_reason(data, name):
    try:
        report = read_report(data, name)
    except ReportError as error:
        assert str(error)
    else:
        assert isinstance(report, ParsedReport)


@quiet
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=80), max_size=60))
def test_report_like_text_parses_with_line_ranges_inside_it(lines):
    text = "\n".join(lines)
    report = parse_text(text)
    count = len(normalise(text).split("\n"))  # line numbers count normalised lines
    for finding in report.findings:
        assert finding.kind
        assert 0.0 <= finding.confidence <= 1.0
        if finding.lines:
            start, end = finding.lines
            assert 1 <= start <= end <= count
        if finding.cause_of_concern is not None:
            assert 0 <= finding.cause_of_concern < len(report.findings)


@quiet
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=80), max_size=60))
def test_furniture_is_blanked_never_removed(lines):
    text = normalise("\n".join(lines))
    cleaned, furniture = strip_furniture(text)
    assert len(cleaned.split("\n")) == len(text.split("\n"))
    assert furniture.blanked == len(furniture.removed)


def test_a_bulleted_number_alone_on_a_line_is_read_not_a_crash():
    """ "* 3" on its own line, then a sentence: the number was read from the raw line with its
    bullet (ValueError); found by the check that the reader's refactoring changed nothing."""
    from inspections.report_reader import parse_text

    for bullet in ("* ", "- ", ""):
        report = parse_text(
            f"{bullet}3\nThe force should improve how it answers calls to the public.\n"
        )
        assert report is not None
