# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on the second blind corpus (corpus_blind2), one
made-up text each: a definition page headed by a finding's label, a letter whose page also
shows a publication date, a bare date line above a page's title, a national page naming many
forces, and a pillar page's question grade given in prose."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def test_a_definition_under_a_findings_label_is_not_a_finding():
    report = read(
        """\
        Area for improvement

        When our inspectors find a shortcoming that is less serious than a cause of concern, we will normally report it as an area for improvement. If we identify one, the force is expected to address it before our next inspection.

        See also: recommendation.
        """
    )
    assert report.findings == []


def test_a_letter_is_dated_by_its_sent_on_line_even_below_a_published_on_line():
    report = read(
        """\
        Exampleshire Police: monitoring decision

        Published on: 14 March 2022

        Letter information

        From:
        Alex Example
        His Majesty's Inspector of Constabulary

        To:
        Sam Sample
        Exampleshire Police and Crime Commissioner

        Sent on:
        9 March 2022

        Thank you for your letter of 2 March. I am writing to confirm the position we discussed.
        """
    )
    assert report.published.isoformat() == "2022-03-09"
    assert report.letter_date.isoformat() == "2022-03-09"


def test_a_date_line_and_weather_reading_above_a_news_headline_are_not_its_title():
    report = read(
        """\
        Thursday 3 March 2022
        11.5 C

        Exampleshire police chief welcomes inspection report

        Exampleshire Police has been told by the inspectorate that it must improve how it answers calls.
        """
    )
    assert report.title == "Exampleshire police chief welcomes inspection report"
    assert report.published is None  # the banner's date is the day the page was saved


def test_a_dated_press_release_does_not_take_its_date_as_its_title():
    report = read(
        """\
        4 Nov 2021

        Commissioner responds to the inspectorate's report on custody

        The police and crime commissioner has today published his response to the report.
        """
    )
    assert report.title == "Commissioner responds to the inspectorate's report on custody"
    assert report.published.isoformat() == "2021-11-04"


def test_a_national_page_naming_many_forces_is_no_one_forces_and_proposes_no_grades():
    report = read(
        """\
        PEEL: police efficiency 2016 – force press releases

        Below are the press releases that accompany this publication.
        - The forces judged as outstanding are Durham Constabulary and Kent Police.
        - The forces assessed as 'requires improvement' are Gwent Police, Norfolk Constabulary and Suffolk Constabulary.

        HMICFRS judged that Lincolnshire Police:
        - is 'good' at meeting current demands;
        - is 'requires improvement' at planning for the future.

        PEEL: Police efficiency 2016 – Lincolnshire Police
        "Lincolnshire Police has been assessed as good in the efficiency with which it keeps people safe."
        """
    )
    assert report.force is None
    assert report.judgments == []


def test_a_force_page_that_mentions_a_few_other_forces_keeps_its_force_and_grades():
    report = read(
        """\
        Exampleshire PEEL 2017

        How efficient is the force at keeping people safe and reducing crime?

        Good

        Norfolk Constabulary is good at meeting current demands. It collaborates with Suffolk Constabulary on many services, and shares a control room arrangement studied by Kent Police and Essex Police. Norfolk Constabulary has sound financial plans.
        """
    )
    assert report.force == "Norfolk Constabulary"
    assert report.judgments and {j.grade for j in report.judgments} == {"good"}


def test_a_fire_service_inspectorates_chapter_is_not_a_police_document():
    report = read(
        """\
        Fire Service Inspectorate: Review of Training Arrangements
        4 Conclusions
        41. This review makes no new recommendation for the Service. We have formed some conclusions instead.
        42. Our conclusions are:
        a) The Service has a clear training plan, overseen by the Fire Board.
        b) Crew managers are not always released for training. The fire service should consider how it releases them.
        c) The Fire Board receives regular reports on progress with our earlier recommendations.
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.force is None
