"""The admin for themes, findings, statuses and their history, responses and explanations:
smoke tests, query counts, recording statuses (one and in bulk), the permanent history, and
who may see and change what."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.messages import get_messages
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from recommendations.models import (
    Finding,
    FindingExplanation,
    FindingStatus,
    Response,
    Status,
    StatusChange,
    Theme,
)
from recommendations.services import finding_status_change, inspection_open_tracking
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
    StatusChangeFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2022, 4, 7)
NOTE_REQUIRED = "Add a note saying why the status changed and what evidence supports it."


def admin_url(model: type[Model], view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@dataclass(frozen=True)
class AdminCase:
    """One registered model: how to make a row that the search and the filter find plus one
    they don't, the search term, and a list_filter parameter matching the first row (None
    where the admin has no list_filter)."""

    model: type[Model]
    make: Callable[[], tuple[Model, Model]]
    search: str
    filter: dict[str, str] | None
    can_add: bool = True


def make_findings():
    return (
        FindingFactory(text="Improve the supervision of stop and search.", kind="afi"),
        FindingFactory(text="A triage car for mental health calls.", good_practice=True),
    )


def make_statuses():
    return (
        FindingStatusFactory(finding__text="Improve the supervision of stop and search."),
        FindingStatusFactory(finding__text="Vet all officers again.", status=Status.COMPLETE),
    )


def make_status_changes():
    # Each factory row also has its status's opening entry (awaiting review, "New finding").
    return (
        StatusChangeFactory(
            status=Status.BEING_PROGRESSED, note="Plan agreed; evidence: board minutes."
        ),
        StatusChangeFactory(status=Status.COMPLETE, note="Closed after an audit."),
    )


def make_responses():
    return (
        ResponseFactory(inspection__title="PEEL 2021/22: Cumbria", is_published=True),
        ResponseFactory(inspection__title="PEEL 2021/22: Lancashire", is_published=False),
    )


CASES = [
    AdminCase(
        Theme,
        lambda: (
            ThemeFactory(slug="stop-and-search", name="Stop and search"),
            ThemeFactory(slug="vetting", name="Vetting"),
        ),
        search="stop",
        filter=None,
    ),
    AdminCase(Finding, make_findings, search="supervision", filter={"kind__exact": "afi"}),
    AdminCase(
        FindingStatus,
        make_statuses,
        search="supervision",
        filter={"status__exact": "awaiting_review"},
        # Statuses are opened by the service when a report's findings are saved.
        can_add=False,
    ),
    AdminCase(
        StatusChange,
        make_status_changes,
        search="minutes",
        filter={"status__exact": "being_progressed"},
        # History is permanent: written by the services only.
        can_add=False,
    ),
    AdminCase(Response, make_responses, search="Cumbria", filter={"is_published__exact": "1"}),
    AdminCase(
        FindingExplanation,
        lambda: (
            FindingExplanationFactory(text="We set up an external scrutiny panel."),
            FindingExplanationFactory(text="Training is complete."),
        ),
        search="scrutiny",
        filter=None,
    ),
]
FILTERED_CASES = [case for case in CASES if case.filter is not None]


def case_id(case: AdminCase) -> str:
    return case.model.__name__


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


# --- Smoke tests: every model of this app ---------------------------------------------------


# Models managed on pages of their own rather than in the admin, and why.
NOT_IN_ADMIN = {
    # Their owners rename, re-share and delete them at /views/; a private view is private from
    # administrators too (SavedView.objects.visible_to), which an admin list would not be.
    "SavedView",
    # A person's own watches and digest frequency, managed on /watching/: nobody else's business.
    "Watch",
    "DigestSubscription",
}


def test_every_model_has_an_admin():
    models = apps.get_app_config("recommendations").get_models()

    # Change-history models (django-simple-history) are read on their model's History page.
    unregistered = [
        model.__name__
        for model in models
        if not admin.site.is_registered(model)
        and not model.__name__.startswith("Historical")
        and model.__name__ not in NOT_IN_ADMIN
    ]
    assert unregistered == []


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_changelist_lists_rows(administrator_client, case):
    wanted, other = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"))

    assert response.status_code == HTTPStatus.OK
    assert {wanted, other} <= set(response.context["cl"].result_list)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_changelist_search_shows_the_matching_row_only(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"), {"q": case.search})

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [wanted]
    assert admin_url(case.model, "change", wanted.pk) in response.content.decode()


@pytest.mark.parametrize("case", FILTERED_CASES, ids=case_id)
def test_changelist_filter_shows_the_matching_row_only(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"), case.filter)

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [wanted]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_add_page_renders_or_is_forbidden(administrator_client, case):
    response = administrator_client.get(admin_url(case.model, "add"))

    expected = HTTPStatus.OK if case.can_add else HTTPStatus.FORBIDDEN
    assert response.status_code == expected


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_change_page_renders(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "change", wanted.pk))

    assert response.status_code == HTTPStatus.OK
    assert response.context["original"] == wanted


# --- Changelist query counts do not grow with the rows ---------------------------------------


def make_themes(n: int) -> None:
    # The findings column is an annotation, not a query per theme.
    for theme in ThemeFactory.create_batch(n):
        for finding in FindingFactory.create_batch(2):
            finding.themes.add(theme)


def make_findings_with_lineage(n: int) -> None:
    theme = ThemeFactory()
    for _ in range(n):
        cause = FindingFactory(cause=True)
        recommendation = FindingFactory(
            recommendation=True, inspection=cause.inspection, cause_of_concern=cause
        )
        recommendation.themes.add(theme)


def make_tracked_reports(n: int) -> None:
    """What publishing reports really creates: per report, statuses across several findings
    and forces (a force report with two AFIs, a national one applying to two forces), their
    opening history entries and the responses owed; then one status moved on by an editor."""
    recorder = UserFactory()
    for _ in range(n):
        report = InspectionFactory(published_on=PUBLISHED)
        FindingFactory.create_batch(2, inspection=report, kind=Finding.Kind.AFI)
        FindingFactory(inspection=report, good_practice=True)
        inspection_open_tracking(inspection=report, user=recorder)
        national = InspectionFactory(national=True, published_on=PUBLISHED)
        national.applies_to.set(ForceFactory.create_batch(2))
        FindingFactory(inspection=national, area=None, recommendation=True)
        inspection_open_tracking(inspection=national)
        finding_status_change(
            finding_status=FindingStatus.objects.filter(finding__inspection=report).first(),
            status=Status.BEING_PROGRESSED,
            effective_on=datetime.date(2022, 6, 1),
            note="Action plan agreed.",
            user=UserFactory(is_superuser=True),
        )


def make_explanations(n: int) -> None:
    FindingExplanationFactory.create_batch(n)


ROW_MAKERS = {
    Theme: make_themes,
    Finding: make_findings_with_lineage,
    FindingStatus: make_tracked_reports,
    StatusChange: make_tracked_reports,
    Response: make_tracked_reports,
    FindingExplanation: make_explanations,
}


def count_changelist_queries(client, model: type[Model]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(model, "changelist"))
    assert response.status_code == HTTPStatus.OK
    return len(queries)


@pytest.mark.parametrize("model", ROW_MAKERS, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(administrator_client, model):
    make_rows = ROW_MAKERS[model]
    make_rows(3)
    shown = model.objects.count()
    assert shown
    queries_before = count_changelist_queries(administrator_client, model)

    make_rows(3)

    assert model.objects.count() == 2 * shown
    assert count_changelist_queries(administrator_client, model) == queries_before


def test_finding_status_changelist_query_count_for_an_editor(client, editor, force):
    # An editor's request also reads the forces they edit; still once, not once per row.
    client.force_login(editor)
    make_tracked_reports(3)
    queries_before = count_changelist_queries(client, FindingStatus)

    make_tracked_reports(3)

    assert count_changelist_queries(client, FindingStatus) == queries_before


# --- Recording a new status on the change page ---------------------------------------------


@pytest.fixture
def finding_status(force):
    return FindingStatusFactory(
        finding__inspection__force=force, finding__inspection__published_on=PUBLISHED
    )


@pytest.fixture
def status_form(editor_client, finding_status, html_form_data):
    """The status change page's form as the browser would submit it, plus a valid change."""
    response = editor_client.get(admin_url(FindingStatus, "change", finding_status.pk))
    return html_form_data(response, form_id="findingstatus_form") | {
        "new_status": Status.BEING_PROGRESSED,
        "effective_on": "2022-06-01",
        "note": "Action plan agreed with the force; evidence: board minutes of 14 June.",
    }


def field_errors(response, field: str) -> list[str]:
    return response.context["adminform"].form.errors.get(field, [])


def post_status(client, finding_status, data):
    return client.post(admin_url(FindingStatus, "change", finding_status.pk), data)


def test_editor_records_a_new_status(editor_client, editor, finding_status, status_form):
    response = post_status(editor_client, finding_status, status_form)

    assert response.status_code == HTTPStatus.FOUND
    finding_status.refresh_from_db()
    assert finding_status.status == Status.BEING_PROGRESSED
    assert finding_status.status_since == datetime.date(2022, 6, 1)
    assert finding_status.updated_by == editor
    assert finding_status.history.count() == 2
    newest = finding_status.history.first()
    assert newest.status == Status.BEING_PROGRESSED
    assert newest.effective_on == datetime.date(2022, 6, 1)
    assert newest.note == status_form["note"]
    assert newest.recorded_by == editor


def test_the_date_input_gets_an_iso_date_the_browser_can_show(editor_client, finding_status):
    response = editor_client.get(admin_url(FindingStatus, "change", finding_status.pk))

    today = timezone.localdate().isoformat()
    assert f'type="date" name="effective_on" value="{today}"' in response.content.decode()


def test_a_status_change_records_what_it_rests_on(editor_client, finding_status, status_form):
    response = post_status(
        editor_client,
        finding_status,
        status_form
        | {"source_kind": "revisit_letter", "source_reference": "HMICFRS letter of 3 May 2022"},
    )

    assert response.status_code == HTTPStatus.FOUND
    newest = finding_status.history.first()
    assert (newest.source_kind, newest.source_reference) == (
        "revisit_letter",
        "HMICFRS letter of 3 May 2022",
    )


def test_a_status_change_with_an_unknown_source_kind_is_refused(
    editor_client, finding_status, status_form
):
    response = post_status(editor_client, finding_status, status_form | {"source_kind": "gossip"})

    assert field_errors(response, "source_kind")
    assert_nothing_written(finding_status)


def assert_nothing_written(finding_status):
    finding_status.refresh_from_db()
    assert finding_status.status == Status.AWAITING_REVIEW
    assert finding_status.status_since == PUBLISHED
    assert finding_status.history.count() == 1


def test_status_change_without_a_note_is_refused(editor_client, finding_status, status_form):
    response = post_status(editor_client, finding_status, status_form | {"note": ""})

    assert response.status_code == HTTPStatus.OK
    assert field_errors(response, "note") == [NOTE_REQUIRED]
    assertContains(response, NOTE_REQUIRED)
    assert_nothing_written(finding_status)


def test_status_change_with_a_blank_note_is_refused(editor_client, finding_status, status_form):
    response = post_status(editor_client, finding_status, status_form | {"note": "  \n "})

    assert response.status_code == HTTPStatus.OK
    assert field_errors(response, "note") == [NOTE_REQUIRED]
    assert_nothing_written(finding_status)


def test_status_change_dated_in_the_future_is_refused(editor_client, finding_status, status_form):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = post_status(
        editor_client, finding_status, status_form | {"effective_on": tomorrow.isoformat()}
    )

    assert response.status_code == HTTPStatus.OK
    assert field_errors(response, "effective_on") == [
        "The date the status took effect cannot be in the future."
    ]
    assertContains(response, "The date the status took effect cannot be in the future.")
    assert_nothing_written(finding_status)


def test_status_change_dated_before_the_current_status_is_refused(
    editor_client, finding_status, status_form
):
    response = post_status(
        editor_client, finding_status, status_form | {"effective_on": "2022-04-06"}
    )

    assert response.status_code == HTTPStatus.OK
    assert field_errors(response, "effective_on") == [
        "The date cannot be before the current status took effect (7 April 2022): "
        "history is added to, never rewritten."
    ]
    assertContains(response, "cannot be before the current status took effect")
    assert_nothing_written(finding_status)


def test_change_page_shows_the_history_newest_first(editor_client, editor, finding_status):
    for effective_on, note in [
        (datetime.date(2022, 5, 1), "Second entry: plan drafted."),
        (datetime.date(2022, 6, 1), "Third entry: plan agreed."),
    ]:
        finding_status_change(
            finding_status=finding_status,
            status=Status.BEING_PROGRESSED,
            effective_on=effective_on,
            note=note,
            user=editor,
        )

    response = editor_client.get(admin_url(FindingStatus, "change", finding_status.pk))

    assert response.status_code == HTTPStatus.OK
    # Only the history inline: the "Current" fieldset also shows the latest note.
    page = response.content.decode()
    history = page[page.index('id="history-group"') :]
    positions = [
        history.index(note)
        for note in ["Third entry: plan agreed.", "Second entry: plan drafted.", "New finding"]
    ]
    assert positions == sorted(positions)


# --- Setting the status of several findings at once ----------------------------------------


@pytest.fixture
def two_statuses(force):
    report = InspectionFactory(force=force, published_on=PUBLISHED)
    return FindingStatusFactory.create_batch(2, finding__inspection=report)


def choose_action(client, statuses, html_form_data):
    """Tick the rows on the changelist, choose "set_status" and press Go."""
    changelist = client.get(admin_url(FindingStatus, "changelist"))
    data = html_form_data(changelist, form_id="changelist-form") | {
        "action": "set_status",
        admin.helpers.ACTION_CHECKBOX_NAME: [str(fs.pk) for fs in statuses],
        "index": "0",  # the "Go" button
    }
    return client.post(admin_url(FindingStatus, "changelist"), data)


def apply_status(client, intermediate, html_form_data, **fields):
    """Fill in and submit the form on the action's intermediate page."""
    data = html_form_data(intermediate, containing="apply") | fields
    return client.post(admin_url(FindingStatus, "changelist"), data)


def test_bulk_set_status_first_asks_for_the_status(editor_client, two_statuses, html_form_data):
    response = choose_action(editor_client, two_statuses, html_form_data)

    assert response.status_code == HTTPStatus.OK
    assertTemplateUsed(response, "admin/recommendations/findingstatus/set_status.html")
    assertContains(response, 'name="new_status"')
    assertContains(response, 'name="note"')
    assert list(response.context["queryset"]) == two_statuses
    assert StatusChange.objects.count() == 2  # the opening entries only


def test_bulk_set_status_records_one_entry_per_finding(
    editor_client, editor, two_statuses, html_form_data
):
    intermediate = choose_action(editor_client, two_statuses, html_form_data)
    note = "All AFIs of this report are in the force's improvement plan (plan v3, May 2022)."

    response = apply_status(
        editor_client,
        intermediate,
        html_form_data,
        new_status=Status.BEING_PROGRESSED,
        effective_on="2022-06-01",
        note=note,
    )

    assert response.status_code == HTTPStatus.FOUND
    assert "Recorded a new status for 2 findings." in messages_of(response)
    for finding_status in two_statuses:
        finding_status.refresh_from_db()
        assert finding_status.status == Status.BEING_PROGRESSED
        assert finding_status.history.count() == 2
        newest = finding_status.history.first()
        assert (newest.note, newest.recorded_by) == (note, editor)


def test_bulk_set_status_without_a_note_is_refused(editor_client, two_statuses, html_form_data):
    intermediate = choose_action(editor_client, two_statuses, html_form_data)

    response = apply_status(
        editor_client,
        intermediate,
        html_form_data,
        new_status=Status.BEING_PROGRESSED,
        effective_on="2022-06-01",
        note="",
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["note"] == [NOTE_REQUIRED]
    assertContains(response, NOTE_REQUIRED)
    assert StatusChange.objects.count() == 2
    assert not FindingStatus.objects.exclude(status=Status.AWAITING_REVIEW).exists()


def test_bulk_set_status_on_another_forces_findings_is_refused(
    outsider_client, two_statuses, html_form_data
):
    data = {
        "action": "set_status",
        admin.helpers.ACTION_CHECKBOX_NAME: [str(fs.pk) for fs in two_statuses],
        "apply": "1",
        "new_status": Status.COMPLETE,
        "effective_on": "2022-06-01",
        "note": "Closed.",
    }

    response = outsider_client.post(admin_url(FindingStatus, "changelist"), data)

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == [
        "2 of the selected findings belong to forces you do not edit. Nothing was changed."
    ]
    assert StatusChange.objects.count() == 2
    assert not FindingStatus.objects.exclude(status=Status.AWAITING_REVIEW).exists()


# --- The history cannot be changed through the admin ---------------------------------------


@pytest.fixture
def entry(finding_status):
    return finding_status.history.get()


def test_status_history_entry_is_shown_read_only(administrator_client, entry):
    response = administrator_client.get(admin_url(StatusChange, "change", entry.pk))

    assert response.status_code == HTTPStatus.OK
    assertNotContains(response, 'name="_save"')
    assertNotContains(response, 'name="note"')


def test_status_history_entry_cannot_be_changed(administrator_client, entry):
    response = administrator_client.post(
        admin_url(StatusChange, "change", entry.pk), {"status": "complete", "note": "Rewritten"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    entry.refresh_from_db()
    assert (entry.status, entry.note) == (Status.AWAITING_REVIEW, "New finding")


@pytest.mark.parametrize("method", ["get", "post"])
def test_status_history_entry_cannot_be_deleted(administrator_client, entry, method):
    response = getattr(administrator_client, method)(
        admin_url(StatusChange, "delete", entry.pk), {"post": "yes"} if method == "post" else {}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert StatusChange.objects.filter(pk=entry.pk).exists()


def test_status_history_changelist_offers_no_actions(administrator_client, entry):
    response = administrator_client.get(admin_url(StatusChange, "changelist"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["action_form"] is None
    assertNotContains(response, "delete_selected")


def test_status_history_delete_selected_action_changes_nothing(administrator_client, entry):
    response = administrator_client.post(
        admin_url(StatusChange, "changelist"),
        {
            "action": "delete_selected",
            admin.helpers.ACTION_CHECKBOX_NAME: [str(entry.pk)],
            "index": "0",
            "post": "yes",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert StatusChange.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_finding_status_cannot_be_deleted(administrator_client, finding_status, method):
    response = getattr(administrator_client, method)(
        admin_url(FindingStatus, "delete", finding_status.pk),
        {"post": "yes"} if method == "post" else {},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert FindingStatus.objects.filter(pk=finding_status.pk).exists()


def test_finding_status_changelist_offers_no_delete_action(administrator_client, finding_status):
    response = administrator_client.get(admin_url(FindingStatus, "changelist"))

    assert response.status_code == HTTPStatus.OK
    assertNotContains(response, "delete_selected")
    assertContains(response, 'value="set_status"')


# --- Who may see and change what -----------------------------------------------------------


def test_outsider_sees_another_forces_status_read_only(outsider_client, finding_status):
    response = outsider_client.get(admin_url(FindingStatus, "change", finding_status.pk))

    assert response.status_code == HTTPStatus.OK
    assertNotContains(response, 'name="new_status"')
    assertNotContains(response, 'name="_save"')


def test_outsider_cannot_record_a_status_for_another_force(outsider_client, finding_status):
    response = post_status(
        outsider_client,
        finding_status,
        {"new_status": Status.COMPLETE, "effective_on": "2022-06-01", "note": "Closed."},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert_nothing_written(finding_status)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_analyst_can_view_changelists(client, analyst, case):
    case.make()
    client.force_login(analyst)

    response = client.get(admin_url(case.model, "changelist"))

    assert response.status_code == HTTPStatus.OK


def test_analyst_cannot_record_a_status(client, analyst, finding_status):
    client.force_login(analyst)

    response = post_status(
        client,
        finding_status,
        {"new_status": Status.COMPLETE, "effective_on": "2022-06-01", "note": "Closed."},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert_nothing_written(finding_status)


@pytest.mark.parametrize(
    ("make", "change"),
    [
        (lambda: ThemeFactory(name="Before"), {"name": "After"}),
        (lambda: FindingFactory(text="Before"), {"text": "After"}),
        (lambda: ResponseFactory(body_comments="Before"), {"body_comments": "After"}),
    ],
    ids=["Theme", "Finding", "Response"],
)
def test_analyst_cannot_change(client, analyst, make, change):
    row = make()
    client.force_login(analyst)

    response = client.post(admin_url(type(row), "change", row.pk), change)

    assert response.status_code == HTTPStatus.FORBIDDEN
    row.refresh_from_db()
    [(field, _)] = change.items()
    assert getattr(row, field) == "Before"


def test_draft_response_is_hidden_from_other_forces(outsider_client, force):
    draft = ResponseFactory(inspection__force=force, is_published=False)

    changelist = outsider_client.get(admin_url(Response, "changelist"))
    change = outsider_client.get(admin_url(Response, "change", draft.pk))

    assert changelist.status_code == HTTPStatus.OK
    assert draft not in changelist.context["cl"].result_list
    # Refused: back to the list, told the draft belongs to another force (ForceScopedAdminMixin).
    assert change.status_code == HTTPStatus.FOUND
    assert change.url == admin_url(Response, "changelist")


def test_published_response_is_visible_to_other_forces_read_only(outsider_client, force):
    published = ResponseFactory(
        inspection__force=force, is_published=True, published_on=datetime.date(2022, 5, 30)
    )

    changelist = outsider_client.get(admin_url(Response, "changelist"))
    change = outsider_client.get(admin_url(Response, "change", published.pk))

    assert list(changelist.context["cl"].result_list) == [published]
    assert change.status_code == HTTPStatus.OK
    assertNotContains(change, 'name="_save"')


def test_draft_response_is_visible_to_its_forces_editor(editor_client, force):
    draft = ResponseFactory(inspection__force=force, is_published=False)

    changelist = editor_client.get(admin_url(Response, "changelist"))
    change = editor_client.get(admin_url(Response, "change", draft.pk))

    assert list(changelist.context["cl"].result_list) == [draft]
    assert change.status_code == HTTPStatus.OK
    assertContains(change, 'name="_save"')


# --- Adding a finding on its own page -------------------------------------------------------


def finding_add_data(client, html_form_data, inspection) -> dict:
    response = client.get(admin_url(Finding, "add"))
    return html_form_data(response, form_id="finding_form") | {
        "inspection": str(inspection.pk),
        "position": "1",
        "kind": Finding.Kind.AFI,
        "text": "The force should improve how it records stop and search.",
    }


def test_finding_added_on_its_own_page_opens_a_status_for_the_force(
    administrator_client, force, html_form_data
):
    inspection = InspectionFactory(force=force, published_on=PUBLISHED)
    data = finding_add_data(administrator_client, html_form_data, inspection)

    response = administrator_client.post(admin_url(Finding, "add"), data)

    assert response.status_code == HTTPStatus.FOUND
    finding = inspection.findings.get()
    # As when the finding is entered on the report's page: tracked from publication.
    status = FindingStatus.objects.get(finding=finding)
    assert (status.force, status.status) == (force, Status.AWAITING_REVIEW)
    assert status.history.count() == 1


def test_editor_cannot_add_a_finding_to_another_forces_inspection(
    editor_client, other_force, html_form_data
):
    inspection = InspectionFactory(force=other_force, published_on=PUBLISHED)
    data = finding_add_data(editor_client, html_form_data, inspection)

    response = editor_client.post(admin_url(Finding, "add"), data)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
    assert not inspection.findings.exists()
