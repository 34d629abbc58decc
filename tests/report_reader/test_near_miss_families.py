# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Documents about inspections that are not an inspection report, one made-up text per family
the second blind corpus showed read as reports: a parliamentary committee's conclusions, a page
of press releases, a glossary entry and a local news site's article. Each is a near miss: its
recommendations and grades are not findings of a force to import. Controls check that a real
report's shape is not caught by the same rules."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def test_a_parliamentary_committees_conclusions_are_a_near_miss():
    report = read(
        """\
        Conclusions and recommendations

        1. Our inquiry heard that the recording of violent crime varies widely between forces, and that the published figures cannot be relied on. (Paragraph 12)

        2. We recommend that the Home Office publish, within six months, a plan for the audit of recorded crime in every force. (Paragraph 19)

        3. Chief constables must take personal responsibility for the integrity of their force's crime data. (Paragraph 23)
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_page_of_press_releases_is_a_near_miss():
    report = read(
        """\
        PEEL: police efficiency 2016 – force press releases

        As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), HMIC assessed how efficiently forces keep people safe. Below are the press releases that accompany this publication.

        - Two forces were judged outstanding: Durham Constabulary and Lancashire Constabulary.
        - All other forces were judged as good or requires improvement.

        Get the national press release

        Get the force press releases
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.judgments == []


def test_a_glossary_entry_is_a_near_miss():
    report = read(
        """\
        Area for improvement

        An area for improvement is a matter that a force should address. We normally report areas for improvement in the force's published report, alongside our graded judgments.

        Back to Glossary
        """
    )
    # Whatever it proposes, a near miss is refused by the import (import_report, the upload).
    assert report.document_kind == model.NEAR_MISS


def test_a_local_news_article_with_advertisements_is_a_near_miss():
    report = read(
        """\
        Exampleshire Police responds to inspection

        Exampleshire Police was inspected by His Majesty's Inspectorate of Constabulary and Fire and Rescue Services in the autumn.

        The inspection assessed the force against the PEEL criteria used for every force in England and Wales.

        The inspectorate has told the force that it must improve how it answers emergency calls, and the force has accepted the findings.

        - Advertisement -

        The force says it has recruited more call handlers since the inspection.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_peel_report_citing_paragraphs_and_a_press_release_stays_a_report():
    report = read(
        """\
        PEEL 2021/22: An inspection of Kent Police

        Investigating crime

        Kent Police is adequate at investigating crime.

        Areas for improvement

        The force should make sure that investigations are allocated to staff with the right skills (see paragraph 4.2). Our national press release sets out the themes across forces.
        """
    )
    assert report.document_kind == model.PEEL_FORCE
    assert len(report.findings) == 1


def test_a_prison_inspection_is_a_near_miss_but_a_police_custody_inspection_is_not():
    prison = textwrap.dedent(
        """\
        Report on an unannounced inspection of HMP Ashwell Grange
        by HM Chief Inspector of Prisons

        Published: 4 June 2024

        HMP Ashwell Grange is a category C prison holding around 820 adult men. Prisoners told
        us that violence had fallen since our last inspection.

        Recommendations

        The governor should make sure that prisoners can get to education every day.
        """
    )
    assert parse_text(prison).document_kind == model.NEAR_MISS
    custody = textwrap.dedent(
        """\
        Report on an unannounced inspection visit to police custody suites in Essex
        by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue

        The police force has three custody suites. Police officers and staff treated detainees
        well. The police should make sure detainees are seen by a nurse promptly; the force
        had no prison transfers waiting.

        Recommendations

        The force should make sure that detainees are seen by a healthcare professional.
        """
    )
    assert parse_text(custody).document_kind != model.NEAR_MISS


def test_a_fire_services_report_that_names_the_police_force_is_no_forces():
    from inspections.report_reader import parse_text

    report = parse_text(
        "Effectiveness, efficiency and people 2023–25: An inspection of Exampleshire Fire and "
        "Rescue Service\n\n"
        "Collaboration with North Yorkshire Police\n\n"
        "The service shares a headquarters with North Yorkshire Police. North Yorkshire Police "
        "and the service run a joint control room.\n\n"
        "Areas for improvement\n\n"
        "The service should make sure its firefighters have good access to risk information.\n"
    )
    assert report.document_kind == "near_miss"
    assert report.force is None
