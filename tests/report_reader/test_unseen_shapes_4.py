# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on the fourth blind corpus (corpus_blind4), one
made-up text each, with controls: a tracker's table whose cells hold a cause of concern and
one of its recommendations (the cause repeated on every row), and a tracker site's type label
above the report's name."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


TRACKER = """\
    PEEL Force Inspection
    PEEL 2021/22 causes of concern: Exampleshire Police
    Causes of concern and their recommendations tracked by HMICFRS for Exampleshire Police
    | # | Recommendation | Directed at | Status |
    |---|---|---|---|
    | R1 | Cause of concern: The force does not answer emergency calls quickly enough, and callers wait too long. Recommendation: HMICFRS recommends that within three months the force should: review how many call handlers it needs at its busiest times; | Exampleshire Police | Open |
    | R2 | Cause of concern: The force does not answer emergency calls quickly enough, and callers wait too long. Recommendation: HMICFRS recommends that within six months the force should: make sure its call handlers assess the risk to every caller; | Exampleshire Police | Completed |
    | R3 | Cause of concern: The force does not supervise its investigations well enough. Recommendation: HMICFRS recommends that the force should immediately: make sure supervisors review every open investigation each month. | Exampleshire Police | Completed |
    | R4 | Cause of concern: The force does not supervise its investigations well enough. Recommendation: HMICFRS recom
    """


def test_a_tracker_cell_holding_a_cause_of_concern_and_a_recommendation_is_both():
    report = read(TRACKER)
    causes = [f for f in report.findings if f.kind == model.CAUSE_OF_CONCERN]
    recommendations = [f for f in report.findings if f.kind == model.RECOMMENDATION]
    assert [c.text[:40] for c in causes] == [
        "The force does not answer emergency call",
        "The force does not supervise its investi",
    ]
    assert len(recommendations) == 3  # the fourth row is cut before its recommendation
    assert [report.findings[r.cause_of_concern].text[:22] for r in recommendations] == [
        "The force does not ans",
        "The force does not ans",
        "The force does not sup",
    ]
    assert recommendations[0].text.startswith("Within three months the force should: review")


def test_a_page_about_findings_tracked_by_the_inspectorate_is_a_tracker_listing():
    report = read(TRACKER)
    assert report.document_kind == model.TRACKER_LISTING
    assert report.title == "PEEL 2021/22 causes of concern: Exampleshire Police"


def test_a_table_of_recommendations_without_cause_cells_is_read_one_per_row():
    report = read(
        """\
        | No. | Recommendation | Status |
        |---|---|---|
        | 1 | The force should review how it records reports of missing children. | Open |
        | 2 | The force should improve the supervision of its investigations. | Closed |
        """
    )
    assert [f.kind for f in report.findings] == [model.RECOMMENDATION] * 2
