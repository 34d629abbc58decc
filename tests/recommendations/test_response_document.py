"""The draft response document (.docx): opened back with python-docx, its headings and the
texts of the recommendations, AFIs and explanations come from the record, for any force."""

import datetime
import io

import docx
import pytest
from django.core.management import call_command

from inspections.models import Force
from recommendations.models import Finding, Response
from recommendations.response_document import build_response_document, document_filename
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 3, 1)


def open_document(response: Response) -> docx.document.Document:
    return docx.Document(io.BytesIO(build_response_document(response, today=TODAY)))


def headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.fixture
def response():
    force = ForceFactory(
        slug="northshire",
        name="Northshire Police",
        local_policing_body="Northshire Police and Crime Commissioner",
    )
    response = ResponseFactory(
        inspection__force=force,
        inspection__title="PEEL 2023-25: Northshire Police",
        inspection__kind="peel_force",
        inspection__published_on=datetime.date(2024, 1, 31),
        key_findings="The force is good at investigating crime.\n\nIt must answer calls faster.",
        chief_officer_comments="The Chief Constable accepts every recommendation.",
        body_comments="The Commissioner will monitor progress.\n- Quarterly reports\n- A panel",
    )
    report = response.inspection
    cause = FindingFactory(
        inspection=report, position=1, cause=True, reference="C1", text="Call handling is slow."
    )
    first = FindingFactory(
        inspection=report,
        position=2,
        recommendation=True,
        cause_of_concern=cause,
        reference="R1",
        text="Within six months, answer 90% of 999 calls within 10 seconds.",
    )
    FindingFactory(
        inspection=report,
        position=3,
        recommendation=True,
        text="By July 2025, review the neighbourhood policing model.",
    )
    afi = FindingFactory(
        inspection=report,
        position=4,
        kind=Finding.Kind.AFI,
        text="The force needs to improve how it records crime.",
    )
    FindingFactory(inspection=report, position=5, good_practice=True, text="Good practice text.")
    FindingExplanationFactory(
        response=response, finding=first, text="A new call-handling system went live in March."
    )
    FindingExplanationFactory(response=response, finding=afi, text="A crime-recording audit.")
    return response


def test_headings_follow_the_published_layout(response):
    document = open_document(response)

    assert headings(document) == [
        (
            "Title",
            "Northshire Police and Crime Commissioner response to an inspection of Northshire "
            "Police published by His Majesty’s Inspectorate of Constabulary and Fire & Rescue "
            "Services (HMICFRS)",
        ),
        ("Heading 1", "Inspection title"),
        ("Heading 1", "Date published"),
        ("Heading 1", "Type of inspection"),
        ("Heading 1", "Response due"),
        ("Heading 1", "Key findings"),
        ("Heading 1", "Causes of concern and recommendations"),
        ("Heading 2", "Cause of concern C1"),
        ("Heading 3", "Recommendation R1"),
        ("Heading 2", "Recommendation 2"),
        ("Heading 1", "Areas for improvement"),
        ("Heading 2", "Area for improvement 1"),
        ("Heading 1", "Chief Constable’s comments"),
        ("Heading 1", "Comments of the Northshire Police and Crime Commissioner"),
    ]


def test_report_facts_and_statutory_paragraph(response):
    text = paragraphs(open_document(response))

    assert text[1] == (
        "DRAFT produced from PEEL Tracker on 1 March 2024. Check every section before publication."
    )
    assert text[2].startswith("Section 55 of the Police Act 1996")
    after = {text[i - 1]: text[i] for i in range(1, len(text))}
    assert after["Inspection title"] == "PEEL 2023-25: Northshire Police"
    assert after["Date published"] == "31 January 2024"
    assert after["Type of inspection"] == "PEEL force inspection"
    # The leap-year deadline: 31 January 2024 + 55 days.
    assert after["Response due"].startswith("26 March 2024")


def test_each_recommendation_and_afi_with_its_explanation(response):
    text = paragraphs(open_document(response))

    def block(heading: str) -> list[str]:
        start = text.index(heading)
        return text[start + 1 : start + 4]

    assert block("Recommendation R1") == [
        "Within six months, answer 90% of 999 calls within 10 seconds.",
        "Response",
        "A new call-handling system went live in March.",
    ]
    assert block("Recommendation 2") == [
        "By July 2025, review the neighbourhood policing model.",
        "Response",
        "[No explanation recorded yet: section 55(5B) requires one]",
    ]
    assert block("Area for improvement 1") == [
        "The force needs to improve how it records crime.",
        "Response",
        "A crime-recording audit.",
    ]
    assert "Good practice text." not in text


def test_comments_and_key_findings_keep_their_paragraphs_and_bullets(response):
    document = open_document(response)
    styled = [(p.style.name, p.text) for p in document.paragraphs]

    assert ("Normal", "The force is good at investigating crime.") in styled
    assert ("Normal", "It must answer calls faster.") in styled
    assert ("Normal", "The Chief Constable accepts every recommendation.") in styled
    assert styled[-3:] == [
        ("Normal", "The Commissioner will monitor progress."),
        ("List Bullet", "Quarterly reports"),
        ("List Bullet", "A panel"),
    ]


def test_empty_record_gives_placeholders_not_invented_text():
    response = ResponseFactory(inspection__published_on=None)

    text = paragraphs(open_document(response))

    assert "[Not known: the report's publication date is not recorded]" in text
    assert "[Key findings not recorded yet]" in text
    assert "The report makes no recommendations." in text
    assert "The report identifies no areas for improvement." in text
    assert "[The chief constable’s comments are not recorded yet]" in text
    assert "[The body’s comments are not recorded yet]" in text


def test_national_report_names_this_forces_body_and_its_chief_officer():
    report = InspectionFactory(
        national=True,
        title="Disproportionate use of police powers",
        published_on=datetime.date(2021, 2, 25),
    )
    met = ForceFactory(
        slug="metropolitan",
        name="Metropolitan Police Service",
        local_policing_body="Mayor's Office for Policing and Crime (MOPAC)",
    )
    FindingFactory(
        inspection=report, area=None, recommendation=True, text="Forces should record searches."
    )
    response = ResponseFactory(inspection=report, force=met)

    document = open_document(response)

    titles = {text for _, text in headings(document)}
    assert (
        "Mayor's Office for Policing and Crime (MOPAC) response to a national inspection report "
        "published by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS)"
    ) in titles
    assert "Commissioner’s comments" in titles
    assert "Comments of the Mayor's Office for Policing and Crime (MOPAC)" in titles
    assert "PEEL spotlight / national thematic (national)" in paragraphs(document)
    assert "Forces should record searches." in paragraphs(document)
    assert document.core_properties.title == (
        "Mayor's Office for Policing and Crime (MOPAC): response to "
        "Disproportionate use of police powers"
    )


def test_nothing_is_hard_coded_to_cumbria(response):
    document = open_document(response)

    everything = "\n".join(paragraphs(document)) + document.core_properties.title
    assert "Cumbria" not in everything


def test_the_real_cumbria_response_reads_like_its_source():
    call_command("load_real_data", verbosity=0)
    response = Response.objects.with_related().get(
        inspection__slug="cumbria-peel-2018-19", force__slug="cumbria"
    )
    # In May 2019 Cumbria's body was a PCC (a PFCC only from 1 April 2023): the response is
    # headed with the body in office on the publication date, not today's.
    assert Force.objects.get(slug="cumbria").body_kind == "pfcc"
    body = "Police and Crime Commissioner for Cumbria"

    document = open_document(response)
    text = paragraphs(document)

    assert headings(document)[0][1].startswith(f"{body} response to an inspection of Cumbria")
    assert "2 May 2019" in text
    assert any(t.startswith("26 June 2019") for t in text)
    assert "The force should ensure effective external scrutiny of its use of force." in text
    assert any(t.startswith("Chief Constable Michelle Skeer welcomed") for t in text)
    assert document_filename(response) == "draft-response-cumbria-cumbria-peel-2018-19.docx"


def test_a_reference_that_names_its_kind_is_a_heading_once(response):
    """Issue 16: the reader's references already name the kind ("Recommendation 1"); the
    draft's heading is Finding.numbered_label, as on the finding's page and in the list."""
    Finding.objects.filter(reference="R1").update(reference="Recommendation 1")
    Finding.objects.filter(reference="C1").update(reference="Cause of concern 1")

    texts = [text for _, text in headings(open_document(response))]

    assert "Cause of concern 1" in texts and "Recommendation 1" in texts
    assert not any("Recommendation Recommendation" in t or "concern Cause" in t for t in texts)
