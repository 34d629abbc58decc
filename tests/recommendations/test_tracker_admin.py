"""A response's admin page: recording the chief officer's comments and the explanations,
publishing under the completeness rule (with its recorded override), marking a response not
required, the readable errors for bad dates, the draft document download and the reminder
log."""

import datetime
import io
from http import HTTPStatus

import docx
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from recommendations.models import Finding, FindingExplanation, ReminderLog, Response
from tests.factories import FindingExplanationFactory, FindingFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def change_url(response: Response) -> str:
    return reverse("admin:recommendations_response_change", args=[response.pk])


def draft_url(response: Response) -> str:
    return reverse("admin:recommendations_response_draft", args=[response.pk])


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def response(force):
    """A response due in 10 days: two recommendations (one under a cause of concern) and an
    AFI to explain."""
    response = ResponseFactory(
        inspection__force=force, inspection__published_on=today() - datetime.timedelta(days=45)
    )
    report = response.inspection
    cause = FindingFactory(inspection=report, position=1, cause=True, text="Cause text")
    FindingFactory(
        inspection=report,
        position=2,
        recommendation=True,
        cause_of_concern=cause,
        reference="R1",
        text="Recommendation one",
    )
    FindingFactory(
        inspection=report, position=3, recommendation=True, reference="R2", text="Rec two"
    )
    FindingFactory(inspection=report, position=4, kind=Finding.Kind.AFI, text="AFI one")
    return response


def form_data(client, response, html_form_data, **changes) -> dict:
    data = html_form_data(client.get(change_url(response)), form_id="response_form")
    return data | changes


def field_errors(page, field: str) -> list[str]:
    return page.context["adminform"].form.errors.get(field, [])


def explanation_errors(page) -> list[str]:
    [formset] = [f.formset for f in page.context["inline_admin_formsets"]]
    return list(formset.non_form_errors())


# --- The page -----------------------------------------------------------------------------------


def test_change_page_offers_a_box_for_each_recommendation_and_afi(editor_client, response):
    page = editor_client.get(change_url(response))

    assert page.status_code == HTTPStatus.OK
    [inline] = page.context["inline_admin_formsets"]
    initial = [form.initial.get("finding") for form in inline.formset.extra_forms]
    positions = list(
        Finding.objects.filter(pk__in=initial)
        .order_by("position")
        .values_list("position", flat=True)
    )
    assert positions == [2, 3, 4]  # not the cause of concern; in report order
    assertContains(page, "Due soon (10 days left)")
    assertContains(page, "0 of 2")
    assertContains(page, "Download draft response (.docx)")
    assertContains(page, draft_url(response))


def test_explained_findings_get_no_new_box(editor_client, response):
    FindingExplanationFactory(
        response=response, finding=response.inspection.findings.get(position=2)
    )

    page = editor_client.get(change_url(response))

    [inline] = page.context["inline_admin_formsets"]
    assert len(inline.formset.initial_forms) == 1
    assert len(inline.formset.extra_forms) == 2
    assertContains(page, "1 of 2")


def test_only_this_reports_findings_can_be_explained(editor_client, response, html_form_data):
    elsewhere = FindingFactory(recommendation=True)
    data = form_data(
        editor_client,
        response,
        html_form_data,
        **{"explanations-0-finding": str(elsewhere.pk), "explanations-0-text": "Done."},
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.OK
    [inline] = page.context["inline_admin_formsets"]
    assert inline.formset.forms[0].errors["finding"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


# --- Recording and publishing -------------------------------------------------------------------


def explain_all(data: dict) -> dict:
    return data | {
        "explanations-0-text": "Action plan for recommendation one.",
        "explanations-1-text": "Training for recommendation two.",
        "explanations-2-text": "Scrutiny panel set up.",
    }


def test_editor_records_comments_and_explanations_and_publishes(
    editor_client, response, html_form_data
):
    data = explain_all(
        form_data(
            editor_client,
            response,
            html_form_data,
            chief_officer_comments_requested_by=(today() - datetime.timedelta(days=20)).isoformat(),
            chief_officer_comments_received_on=(today() - datetime.timedelta(days=5)).isoformat(),
            chief_officer_comments="The Chief Constable welcomes the report.",
            body_comments="The Commissioner will hold the force to account.",
            is_published="on",
            published_on=today().isoformat(),
        )
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.FOUND, page.context["adminform"].form.errors
    saved = Response.objects.with_state(today()).get(pk=response.pk)
    assert saved.state == Response.State.PUBLISHED_ON_TIME
    assert saved.chief_officer_comments == "The Chief Constable welcomes the report."
    assert sorted(
        FindingExplanation.objects.filter(response=response).values_list(
            "finding__position", flat=True
        )
    ) == [2, 3, 4]


def test_publishing_with_a_recommendation_unexplained_is_refused_by_name(
    editor_client, response, html_form_data
):
    data = form_data(
        editor_client,
        response,
        html_form_data,
        is_published="on",
        published_on=today().isoformat(),
        **{"explanations-0-text": "Action plan for recommendation one."},
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.OK
    assert explanation_errors(page) == [
        "The response cannot be marked published: 1 recommendation of the report has no "
        "explanation, and section 55(5B) requires one for each: “Recommendation R2: Rec two”. "
        "Add the missing explanations, or tick “Publish without explaining every "
        "recommendation” and give the reason."
    ]
    assertContains(page, "“Recommendation R2: Rec two”")
    saved = Response.objects.get(pk=response.pk)
    assert not saved.is_published
    assert not saved.explanations.exists()


def test_publishing_with_an_override_records_it(editor_client, editor, response, html_form_data):
    data = form_data(
        editor_client,
        response,
        html_form_data,
        is_published="on",
        published_on=today().isoformat(),
        is_completeness_overridden="on",
        completeness_override_reason="R2 is answered in the joint plan with the fire service.",
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.FOUND
    saved = Response.objects.get(pk=response.pk)
    assert saved.is_published
    assert saved.completeness_override_by == editor
    assert saved.completeness_override_at is not None


def test_override_without_a_reason_is_refused(editor_client, response, html_form_data):
    data = form_data(
        editor_client,
        response,
        html_form_data,
        is_published="on",
        published_on=today().isoformat(),
        is_completeness_overridden="on",
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.OK
    assert field_errors(page, "completeness_override_reason") == [
        "Give the reason for publishing without explaining every recommendation."
    ]


def test_saving_an_incomplete_draft_warns(editor_client, response, html_form_data):
    data = form_data(editor_client, response, html_form_data, body_comments="First draft.")

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.FOUND
    assert (
        "2 of the report's recommendations still have no explanation: the response cannot be "
        "published until each has one (s.55(5B))."
    ) in [str(m) for m in get_messages(page.wsgi_request)]


def test_a_new_response_cannot_be_added_as_published_with_recommendations_unexplained(
    client, administrator, response, other_force, html_form_data
):
    client.force_login(administrator)
    url = reverse("admin:recommendations_response_add")
    data = html_form_data(client.get(url), form_id="response_form") | {
        "inspection": str(response.inspection_id),
        "force": str(other_force.pk),
        "is_published": "on",
    }

    page = client.post(url, data)

    assert page.status_code == HTTPStatus.OK
    assert field_errors(page, "is_published")[0].startswith(
        "The response cannot be marked published: 2 recommendations of the report have no "
        "explanation"
    )
    assert not Response.objects.filter(force=other_force).exists()


def test_report_and_force_cannot_be_changed_on_an_existing_response(editor_client, response):
    page = editor_client.get(change_url(response))

    assert "inspection" not in page.context["adminform"].form.fields
    assert "force" not in page.context["adminform"].form.fields


# --- Bad input: readable errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"is_published": "on", "published_on": "FUTURE"},
            "published_on",
            "The publication date cannot be in the future.",
        ),
        (
            {"is_published": "on", "published_on": "BEFORE_REPORT"},
            "published_on",
            "The response cannot be published before its report (REPORT_DATE).",
        ),
        (
            {"chief_officer_comments_requested_by": "AFTER_DEADLINE"},
            "chief_officer_comments_requested_by",
            "The chief officer's deadline falls after the statutory deadline (DUE); the body "
            "could not then publish in time.",
        ),
        (
            {"published_on": "TODAY"},
            "is_published",
            "Tick “Published” if the response has a publication date.",
        ),
        (
            {"is_not_required": "on", "not_required_reason": ""},
            "not_required_reason",
            "Give the reason no response is required.",
        ),
    ],
    ids=["future", "before-report", "chief-deadline", "date-not-ticked", "not-required-reason"],
)
def test_bad_input_is_a_readable_form_error(
    editor_client, response, html_form_data, changes, field, message
):
    dates = {
        "FUTURE": today() + datetime.timedelta(days=1),
        "BEFORE_REPORT": response.report_published_on - datetime.timedelta(days=1),
        "AFTER_DEADLINE": response.due_on + datetime.timedelta(days=1),
        "TODAY": today(),
    }
    changes = {k: dates[v].isoformat() if v in dates else v for k, v in changes.items()}
    message = message.replace("REPORT_DATE", f"{response.report_published_on:%-d %B %Y}")
    message = message.replace("DUE", f"{response.due_on:%-d %B %Y}")

    page = editor_client.post(
        change_url(response),
        explain_all(form_data(editor_client, response, html_form_data)) | changes,
    )

    assert page.status_code == HTTPStatus.OK
    assert field_errors(page, field) == [message]
    assertContains(page, escape(message))


def test_a_report_dated_in_the_future_is_a_readable_form_error(
    client, administrator, force, html_form_data
):
    # The report's date drives every deadline: a future one is refused before any response
    # row is opened for it.
    client.force_login(administrator)
    url = reverse("admin:inspections_inspection_add")
    data = html_form_data(client.get(url), form_id="inspection_form") | {
        "title": "PEEL 2023-25: Testshire",
        "slug": "peel-2023-25-testshire",
        "kind": "peel_force",
        "force": str(force.pk),
        "published_on": (today() + datetime.timedelta(days=1)).isoformat(),
        "published_precision": "day",
    }

    page = client.post(url, data)

    assert page.status_code == HTTPStatus.OK
    assert field_errors(page, "published_on") == ["The publication date cannot be in the future."]
    assert not Response.objects.exists()


def test_marking_not_required_with_a_reason(editor_client, response, html_form_data):
    data = form_data(
        editor_client,
        response,
        html_form_data,
        is_not_required="on",
        not_required_reason="Answered in the response to the force's PEEL report.",
    )

    page = editor_client.post(change_url(response), data)

    assert page.status_code == HTTPStatus.FOUND
    saved = Response.objects.with_state(today()).get(pk=response.pk)
    assert saved.state == Response.State.NOT_REQUIRED


# --- Changelist ---------------------------------------------------------------------------------


def test_changelist_shows_and_filters_by_state(client, administrator, response):
    overdue = ResponseFactory(inspection__published_on=today() - datetime.timedelta(days=60))
    client.force_login(administrator)
    url = reverse("admin:recommendations_response_changelist")

    everything = client.get(url)
    only_overdue = client.get(url, {"state": "overdue"})

    assertContains(everything, "Due soon (10 days left)")
    assertContains(everything, "Overdue (5 days overdue)")
    assert list(only_overdue.context["cl"].result_list) == [overdue]


# --- The draft document -------------------------------------------------------------------------


def test_editor_downloads_the_draft_document(editor_client, response):
    FindingExplanationFactory(
        response=response,
        finding=response.inspection.findings.get(position=3),
        text="We are training every supervisor.",
    )

    download = editor_client.get(draft_url(response))

    assert download.status_code == HTTPStatus.OK
    assert download["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert download["Content-Disposition"] == (
        f'attachment; filename="draft-response-{response.force.slug}-'
        f'{response.inspection.slug}.docx"'
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs)
    assert "Rec two" in text
    assert "We are training every supervisor." in text


def test_a_draft_of_another_force_is_not_found(client, outsider, response):
    client.force_login(outsider)

    assert client.get(draft_url(response)).status_code == HTTPStatus.NOT_FOUND


def test_a_published_response_can_be_downloaded_by_other_roles(client, analyst, response):
    Response.objects.filter(pk=response.pk).update(is_published=True)
    client.force_login(analyst)

    assert client.get(draft_url(response)).status_code == HTTPStatus.OK


def test_analyst_cannot_download_a_draft(client, analyst, response):
    client.force_login(analyst)

    assert client.get(draft_url(response)).status_code == HTTPStatus.NOT_FOUND


def test_draft_download_needs_sign_in(client, response):
    download = client.get(draft_url(response))

    assert download.status_code == HTTPStatus.FOUND
    assert "login" in download.url


def test_read_only_page_of_a_published_response_offers_the_download(client, analyst, response):
    Response.objects.filter(pk=response.pk).update(is_published=True)
    client.force_login(analyst)

    page = client.get(change_url(response))

    assert page.status_code == HTTPStatus.OK
    assertContains(page, draft_url(response))
    assertNotContains(page, 'name="_save"')


# --- The reminder log ---------------------------------------------------------------------------


def test_reminder_log_is_read_only_for_administrators(client, administrator, editor, response):
    entry = ReminderLog.objects.create(
        response=response, user=editor, sent_on=today(), state=Response.State.DUE_SOON
    )
    client.force_login(administrator)

    changelist = client.get(reverse("admin:recommendations_reminderlog_changelist"))
    change = client.get(reverse("admin:recommendations_reminderlog_change", args=[entry.pk]))

    assert changelist.status_code == HTTPStatus.OK
    assert list(changelist.context["cl"].result_list) == [entry]
    assert change.status_code == HTTPStatus.OK
    assertNotContains(change, 'name="_save"')
    add = client.get(reverse("admin:recommendations_reminderlog_add"))
    assert add.status_code == HTTPStatus.FORBIDDEN


def test_editors_do_not_see_the_reminder_log(editor_client):
    url = reverse("admin:recommendations_reminderlog_changelist")

    assert editor_client.get(url).status_code == HTTPStatus.FORBIDDEN


def test_another_forces_draft_is_refused_as_belonging_to_another_force(client, outsider, response):
    """Issue 16: a Cumbria editor opening Kent's draft response was told "Response with ID 22
    doesn't exist. Perhaps it was deleted?". It is refused, and says why
    (ForceScopedAdminMixin, so every force-scoped admin answers the same)."""
    client.force_login(outsider)

    page = client.get(change_url(response))

    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == reverse("admin:recommendations_response_changelist")
    [message] = [str(m) for m in get_messages(page.wsgi_request)]
    assert message == (
        f"The response with ID “{response.pk}” belongs to another force. You can only open "
        "and change your own force's records."
    )
    assert "deleted" not in message
    explanation = FindingExplanationFactory(
        response=response, finding=response.inspection.findings.get(position=3)
    )
    url = reverse("admin:recommendations_findingexplanation_change", args=[explanation.pk])
    *_, message = [str(m) for m in get_messages(client.get(url).wsgi_request)]
    assert message.startswith(f"The finding explanation with ID “{explanation.pk}” belongs to")


def test_an_id_that_matches_nothing_keeps_djangos_answer(client, outsider, response):
    client.force_login(outsider)

    page = client.get(reverse("admin:recommendations_response_change", args=[999999]))

    [message] = [str(m) for m in get_messages(page.wsgi_request)]
    assert "doesn’t exist" in message
