"""A PCC response imported as what it is: matched to the recorded report it names, its quoted
findings to the recorded findings, its answers saved as the response's explanations (never new
findings, never a new report, never marked published)."""

import html
import io
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from inspections.models import Inspection
from inspections.report_reader import parse_text
from inspections.report_reader.model import PCC_RESPONSE
from recommendations.imports.responses import (
    MATCH_THRESHOLD,
    response_explanations_import,
    response_proposal_from_parsed,
)
from recommendations.models import Finding, FindingExplanation, Response
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    InspectionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db

TITLE = "PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Northshire"

# Made up, in the layout of an OPCC's published response: a heading naming the report, each
# area for improvement quoted under its label and answered below it.
RESPONSE_TEXT = """Office of the Police and Crime Commissioner for Northshire

Police and Crime Commissioner's response to the HMICFRS report: {title}

Section 55 of the Police Act 1996 requires local policing bodies to respond within 56 days.

Areas for improvement

Area for improvement 1
The force needs to improve how quickly it answers emergency and non-emergency calls.

Response: The force has recruited twelve call handlers and introduced a new call-routing system.

Area for improvement 2
The force needs to make sure that victims are kept informed of the progress of their case.

Response: A victim contact audit is under way and will be reported to me in June.

Area for improvement 3
The force needs to improve how it records equality data for stop and search.

Response: New mandatory fields were added to the stop and search app in January.

Area for improvement 4
The force needs to review its approach to managing registered sex offenders.

Response: The force has commissioned a review of its offender management unit.
"""

RECRUITED = "The force has recruited twelve call handlers and introduced a new call-routing system."
RECORDED = (
    "The force needs to improve how quickly it answers emergency and non-emergency calls.",
    "The force needs to make sure that victims are kept informed of the progress of their case.",
    "The force needs to improve how it records equality data for stop and search.",
)


@pytest.fixture
def report(force):
    """The report the response answers, recorded with three of the four findings it quotes
    (the fourth is not in the record) and the force's response row."""
    inspection = InspectionFactory(force=force, title=TITLE)
    for position, text in enumerate(RECORDED, start=1):
        FindingFactory(inspection=inspection, position=position, text=text)
    ResponseFactory(inspection=inspection)
    return inspection


def parsed(title: str = TITLE):
    document = parse_text(RESPONSE_TEXT.format(title=title))
    assert document.document_kind == PCC_RESPONSE
    return document


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Inspection, Finding, Response, FindingExplanation)
    }


def test_proposal_matches_the_quoted_findings_to_the_recorded_report(report, force):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=force)

    assert proposal.report == report
    assert proposal.response == report.responses.get(force=force)
    matches = [(q.finding.position if q.finding else None) for q in proposal.quoted]
    assert matches == [1, 2, 3, None]
    assert all(q.score >= MATCH_THRESHOLD for q in proposal.matched)
    assert proposal.quoted[0].explanation == RECRUITED
    assert proposal.summary() == (
        f"A response by {force.local_policing_body} to “{TITLE}” (recorded: yes); quoted "
        "findings matched: 3 of 4."
    )
    assert proposal.refusal() == ""


def test_proposal_writes_nothing(report, force):
    before = counts()
    response_proposal_from_parsed(parsed=parsed(), force=force)
    assert counts() == before


def test_the_title_is_matched_ignoring_case_and_spacing(report, force):
    proposal = response_proposal_from_parsed(
        parsed=parsed("  " + TITLE.upper().replace(" ", "   ")), force=force
    )
    assert proposal.report == report


def test_a_national_report_applying_to_the_force_is_found(force):
    national = InspectionFactory(national=True, title="An inspection of the police response")
    national.applies_to.add(force)
    proposal = response_proposal_from_parsed(
        parsed=parsed(), force=force, title="an inspection of the police RESPONSE"
    )
    assert proposal.report == national


def test_another_forces_report_is_not_the_one_answered(report, other_force):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=other_force)
    assert proposal.report is None


def test_confirming_writes_explanations_only(report, force, editor):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=force)
    before = counts()

    saved = response_explanations_import(proposal=proposal, user=editor)

    assert len(saved.created) == 3
    assert counts() == {**before, "FindingExplanation": 3}
    response = report.responses.get(force=force)
    assert not response.is_published
    assert [(e.finding.position, e.text) for e in response.explanations.all()] == [
        (1, RECRUITED),
        (2, "A victim contact audit is under way and will be reported to me in June."),
        (3, "New mandatory fields were added to the stop and search app in January."),
    ]
    assert response.explanations.first().history.get().history_user == editor


def test_a_second_confirm_writes_nothing(report, force, editor):
    response_explanations_import(
        proposal=response_proposal_from_parsed(parsed=parsed(), force=force), user=editor
    )
    before = counts()

    saved = response_explanations_import(
        proposal=response_proposal_from_parsed(parsed=parsed(), force=force), user=editor
    )

    assert (len(saved.created), saved.already_explained) == (0, 3)
    assert counts() == before


def test_a_finding_already_explained_keeps_its_explanation(report, force, editor):
    response = report.responses.get(force=force)
    first = report.findings.get(position=1)
    FindingExplanationFactory(response=response, finding=first, text="Written by hand.")

    saved = response_explanations_import(
        proposal=response_proposal_from_parsed(parsed=parsed(), force=force), user=editor
    )

    assert (len(saved.created), saved.already_explained) == (2, 1)
    assert response.explanations.get(finding=first).text == "Written by hand."


def test_an_unrecorded_report_is_refused_saying_what_was_recognised(force, editor):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=force)

    assert proposal.report is None
    assert proposal.summary().endswith("(recorded: no); quoted findings matched: 0 of 4.")
    message = proposal.refusal()
    assert message.startswith(
        f"This document is a PCC response: it names the report “{TITLE}”, which is not "
        f"recorded for {force}. What the reader recognised: The police and crime "
        "commissioner's response to a report"
    )
    assert "Record the report first" in message
    with pytest.raises(ValidationError) as error:
        response_explanations_import(proposal=proposal, user=editor)
    assert error.value.messages == [message]
    assert FindingExplanation.objects.count() == 0


def test_an_editor_of_another_force_is_refused(report, force, outsider):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=force)
    with pytest.raises(PermissionDenied):
        response_explanations_import(proposal=proposal, user=outsider)
    assert FindingExplanation.objects.count() == 0


def test_a_match_outside_the_report_is_refused_before_anything_is_written(report, force, editor):
    proposal = response_proposal_from_parsed(parsed=parsed(), force=force)
    proposal.quoted[3].finding = FindingFactory(text="Another report's finding.")

    with pytest.raises(ValidationError) as error:
        response_explanations_import(proposal=proposal, user=editor)

    assert "is not a finding of" in error.value.messages[0]
    assert FindingExplanation.objects.count() == 0


def test_a_document_that_is_not_a_pcc_response_is_refused(force):
    report_text = parse_text(
        "PEEL 2023–25: An inspection of Northshire Police\n\nArea for improvement 1\n"
        "The force needs to improve how quickly it answers calls.\n"
    )
    assert report_text.document_kind != PCC_RESPONSE
    with pytest.raises(ValidationError, match="This document is not a PCC response") as error:
        response_proposal_from_parsed(parsed=report_text, force=force)
    # What the reader recognised is its own sentences, not squeezed into brackets ("grades.);").
    [message] = error.value.messages
    assert ".)" not in message and ".;" not in message and ".." not in message


# --- the import_report command --------------------------------------------------------------


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_report", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "opcc-response.txt"
    path.write_text(RESPONSE_TEXT.format(title=TITLE), encoding="utf-8")
    return path


def test_command_dry_run_says_what_it_recognised(report, force, document):
    before = counts()
    out, _ = run(document, "--force", force.slug, "--dry-run")
    assert f"A response by {force.local_policing_body} to “{TITLE}” (recorded: yes)" in out
    assert "quoted findings matched: 3 of 4." in out
    assert "no recorded finding matches" in out
    assert "Dry run: nothing was written." in out
    assert counts() == before


def test_command_saves_explanations_not_findings(report, force, editor, document):
    before = counts()
    out, _ = run(document, "--force", force.slug, "--user", editor.username)
    assert "Saved 3 explanations" in out
    assert counts() == {**before, "FindingExplanation": 3}
    assert not report.responses.get(force=force).is_published


def test_command_refuses_a_response_to_an_unrecorded_report(force, editor, document):
    before = counts()
    with pytest.raises(CommandError) as error:
        run(document, "--force", force.slug, "--user", editor.username)
    assert f"names the report “{TITLE}”, which is not recorded" in str(error.value)
    assert "Record the report first" in str(error.value)
    assert counts() == before


def test_command_needs_a_user_to_save(report, force, document):
    with pytest.raises(CommandError, match="Give --user"):
        run(document, "--force", force.slug)
    assert FindingExplanation.objects.count() == 0


def test_command_refuses_an_editor_of_another_force(report, force, outsider, document):
    with pytest.raises(CommandError, match="You can only change the responses of forces you edit"):
        run(document, "--force", force.slug, "--user", outsider.username)
    assert FindingExplanation.objects.count() == 0


# --- the admin's import page ----------------------------------------------------------------

IMPORT_URL = "/admin/inspections/inspection/import/"


def upload(client, force, title=TITLE):
    return client.post(
        IMPORT_URL,
        {"step": "upload", "force": force.pk, "text": RESPONSE_TEXT.format(title=title)},
    )


def test_admin_import_offers_a_pcc_response_as_explanations_not_a_report(
    admin_client, report, force, html_form_data
):
    before = counts()
    page = upload(admin_client, force)
    assert page.status_code == HTTPStatus.OK
    content = html.unescape(page.content.decode())
    assert "quoted findings matched: 3 of 4." in content
    assert 'value="confirm"' not in content  # not the report review
    assert "No recorded finding matches: it is not saved." in content
    assert counts() == before

    data = html_form_data(page, form_id="import-response")
    assert data["explanation"] == [RECRUITED, *data["explanation"][1:]]
    data["explanation"][1] = "Edited before saving."
    saved = admin_client.post(IMPORT_URL, data)

    response = report.responses.get(force=force)
    assert saved.status_code == HTTPStatus.FOUND
    assert saved["Location"] == reverse("admin:recommendations_response_change", args=[response.pk])
    assert counts() == {**before, "FindingExplanation": 3}
    assert response.explanations.get(finding__position=2).text == "Edited before saving."
    assert not response.is_published


def test_admin_confirm_by_an_editor_of_another_force_saves_nothing(client, report, force, outsider):
    client.force_login(outsider)
    finding = report.findings.get(position=1)
    page = client.post(
        IMPORT_URL,
        {
            "step": "confirm_response",
            "force": force.pk,
            "report": report.pk,
            "finding": [finding.pk],
            "explanation": ["Forged."],
        },
    )
    assert page.status_code == HTTPStatus.OK
    assert "You can only change the responses of forces you edit." in page.content.decode()
    assert FindingExplanation.objects.count() == 0


def test_admin_import_of_a_response_to_an_unrecorded_report_says_what_was_recognised(
    admin_client, force
):
    page = upload(admin_client, force)
    content = html.unescape(page.content.decode())
    assert f"names the report “{TITLE}”, which is not recorded for {force}" in content
    assert "Record the report first" in content
    assert Inspection.objects.count() == 0


def test_a_response_quoting_no_findings_says_what_was_recognised(report, force, editor):
    document = parse_text(
        "Police and Crime Commissioner's response to the HMICFRS report: "
        f"{TITLE}\n\nThe Commissioner welcomes the report and thanks the force.\n"
    )
    assert document.document_kind == PCC_RESPONSE
    proposal = response_proposal_from_parsed(parsed=document, force=force)
    assert proposal.report == report
    assert proposal.refusal().startswith(
        "The document quotes no finding the reader recognises, so there is nothing to save on "
        f"{force}'s response to “{TITLE}”. What the reader recognised: "
    )
    with pytest.raises(ValidationError):
        response_explanations_import(proposal=proposal, user=editor)
