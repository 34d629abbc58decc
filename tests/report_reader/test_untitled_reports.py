# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""A force's PEEL report saved without its title (the page's header was not saved), and the
programme's history retold in a later report, which names a year that is not its era."""

import textwrap

from inspections.report_reader import model, parse_text

HISTORY = "In 2014, we introduced our police effectiveness, efficiency and legitimacy (PEEL) inspections, which assess the performance of all 43 police forces in England and Wales."


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def test_an_untitled_2023_25_report_gets_the_inspectorates_usual_title_with_a_warning():
    report = read(
        f"""\
        Overall summary

        Our inspection assessed how good Kent Police is in ten areas of policing. We make graded judgments in nine of these ten as follows.

        PEEL 2023–2025

        {HISTORY}
        """
    )
    assert report.framework == "peel-2023-25"
    assert report.title == "PEEL 2023–25: An inspection of Kent Police"
    assert any("no title" in warning for warning in report.warnings)


def test_the_programmes_history_does_not_set_the_era():
    report = read(
        f"""\
        Overall summary

        Our inspection assessed how good Kent Police is in 12 areas of policing.

        Important changes to PEEL

        {HISTORY}
        """
    )
    assert report.framework != "peel-2014"


def test_no_title_is_made_up_without_the_era():
    report = read(
        """\
        Overall summary

        Our inspection assessed how good Kent Police is in 12 areas of policing.
        """
    )
    assert report.title == ""


def test_a_report_with_its_title_keeps_it():
    report = read(
        f"""\
        PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Kent Police

        Overall summary

        {HISTORY}
        """
    )
    assert report.title.startswith("PEEL 2023–25 Police effectiveness")
    assert not any("no title" in warning for warning in report.warnings)


def test_names_above_a_documents_heading_are_not_its_title():
    from inspections.report_reader import parse_text

    # A board paper: the force's name in capitals, the committee's, a date and an agenda
    # line above its Markdown heading.
    paper = parse_text(
        "NORTHUMBRIA POLICE\n\nJOINT INDEPENDENT AUDIT COMMITTEE\n\n10 December 2024\n\n"
        "Agenda item 9\n\n# PEEL 2023–25 Improvement Plan: progress report\n\n"
        "Report of: Deputy Chief Constable\n"
    )
    assert paper.title == "PEEL 2023–25 Improvement Plan: progress report"
    # A web page saved into Word: its menu's words, then the inspectorate's name.
    page = parse_text(
        "Menu Search\n\nHM Inspectorate of Constabulary and Fire & Rescue Services\n\n"
        "# PEEL 2021/22: An inspection of Exampleshire Police\n\nPublished: 29 July 2022\n"
    )
    assert page.title == "PEEL 2021/22: An inspection of Exampleshire Police"


def test_a_title_that_starts_with_the_forces_name_is_kept():
    from inspections.report_reader import parse_text

    report = parse_text(
        "Norfolk Constabulary: PEEL 2021/22\n\nAreas for improvement\n\n- The force should act.\n"
    )
    assert report.title == "Norfolk Constabulary: PEEL 2021/22"
