"""No lost updates: two people open the same record; the second to save is refused, told what
changed, and the first one's change survives."""

import datetime
import threading
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peel_tracker.concurrency import ConcurrentEditError
from recommendations.forms import FindingStatusForm
from recommendations.models import Finding, FindingStatus, Response
from recommendations.services import finding_status_change, inspection_open_tracking
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory

pytestmark = pytest.mark.django_db


def two_clients(*users) -> list[Client]:
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_second_save_of_a_finding_is_refused_and_the_first_survives(
    administrator, editor, force, html_form_data
):
    finding = FindingFactory(inspection__force=force, text="Original text")
    url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    first, second = two_clients(editor, administrator)
    first_form = html_form_data(first.get(url), containing="text")
    second_form = html_form_data(second.get(url), containing="text")

    first_form["text"] = "Text as the editor corrected it"
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    second_form["text"] = "Text as the administrator would have it"
    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    message = page.context["adminform"].form.non_field_errors()[0]
    assert f"{editor.username} saved this finding" in message
    assert "“Original text” → “Text as the editor corrected it”" in message
    assert "Nothing you entered was saved" in message
    finding.refresh_from_db()
    assert finding.text == "Text as the editor corrected it"
    assert finding.version == 2


def test_saving_again_after_reloading_works(editor, force, html_form_data):
    finding = FindingFactory(inspection__force=force)
    url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    (client,) = two_clients(editor)
    for text in ("First correction", "Second correction"):
        data = html_form_data(client.get(url), containing="text")
        data["text"] = text
        assert client.post(url, data).status_code == HTTPStatus.FOUND
    finding.refresh_from_db()
    assert (finding.text, finding.version) == ("Second correction", 3)


def test_a_post_without_the_loaded_version_is_refused(editor, force, html_form_data):
    finding = FindingFactory(inspection__force=force, text="Original text")
    url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    (client,) = two_clients(editor)
    data = html_form_data(client.get(url), containing="text")
    del data["loaded_version"]
    data["text"] = "Crafted"
    assert client.post(url, data).status_code == HTTPStatus.OK
    assert Finding.objects.get(pk=finding.pk).text == "Original text"


def test_second_save_of_a_response_is_refused(administrator, editor, force, html_form_data):
    inspection = InspectionFactory(force=force, published_on=datetime.date(2024, 1, 31))
    inspection_open_tracking(inspection=inspection)
    response = Response.objects.get(inspection=inspection)
    url = reverse("admin:recommendations_response_change", args=[response.pk])
    first, second = two_clients(editor, administrator)
    first_form = html_form_data(first.get(url), containing="body_comments")
    second_form = html_form_data(second.get(url), containing="body_comments")

    first_form["body_comments"] = "The commissioner welcomes the report."
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    second_form["body_comments"] = "Overwrite"
    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    assert "saved this response" in page.content.decode()
    response.refresh_from_db()
    assert response.body_comments == "The commissioner welcomes the report."


def test_second_status_change_is_refused_with_what_was_recorded(
    administrator, editor, force, html_form_data
):
    status = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2022, 4, 7),
    )
    url = reverse("admin:recommendations_findingstatus_change", args=[status.pk])
    first, second = two_clients(editor, administrator)
    first_form = html_form_data(first.get(url), containing="note")
    second_form = html_form_data(second.get(url), containing="note")
    for form, status_value, note in (
        (first_form, "being_progressed", "Plan agreed."),
        (second_form, "complete", "Closed."),
    ):
        form.update(new_status=status_value, effective_on="2023-01-10", note=note)

    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "Since you opened this page" in html and "Plan agreed." in html
    # The note's own full stop ends the sentence (issue 16: it read "Plan agreed.. Your").
    assert "(took effect 10 January 2023): Plan agreed. Your status was not recorded" in html
    assert ".." not in html.split("Since you opened this page")[1].split("</")[0]
    status.refresh_from_db()
    assert status.status == "being_progressed"
    assert status.history.count() == 2


def test_every_edit_is_in_the_change_history_with_author_and_values(editor, force, html_form_data):
    finding = FindingFactory(inspection__force=force, text="Before")
    url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    (client,) = two_clients(editor)
    data = html_form_data(client.get(url), containing="text")
    data["text"] = "After"
    client.post(url, data)

    newest, previous = finding.history.all()[:2]
    assert newest.history_user == editor
    assert [
        (c.field, c.old, c.new) for c in newest.diff_against(previous).changes if c.field == "text"
    ] == [("text", "Before", "After")]
    history_page = client.get(reverse("admin:recommendations_finding_history", args=[finding.pk]))
    assert history_page.status_code == HTTPStatus.OK


def test_bulk_status_changes_and_date_corrections_are_recorded(administrator, force):
    inspection = InspectionFactory(force=force, published_on=datetime.date(2019, 5, 1))
    inspection_open_tracking(inspection=inspection, user=administrator)
    response = Response.objects.get(inspection=inspection)
    assert response.history.count() == 1  # created, with its author
    assert response.history.first().history_user == administrator

    inspection.published_on = datetime.date(2019, 5, 2)
    inspection.save()
    inspection_open_tracking(inspection=inspection, user=administrator)

    newest = response.history.first()
    assert newest.due_on == datetime.date(2019, 6, 26)
    assert newest.history_user == administrator
    assert FindingStatus.objects.count() == 0


def _history_rows(page) -> list[tuple[int, int]]:
    """(row label's id, row cells' id) for each row of the read-only history inline."""
    (history,) = [
        formset
        for formset in page.context["inline_admin_formsets"]
        if formset.formset.model.__name__ == "StatusChange"
    ]
    return [(row.original.pk, row.form.instance.pk) for row in history]


def test_after_a_refused_stale_status_the_history_shown_is_the_history_as_it_now_is(
    administrator, editor, force, html_form_data
):
    status = FindingStatusFactory(finding__inspection__force=force)
    url = reverse("admin:recommendations_findingstatus_change", args=[status.pk])
    first, second = two_clients(editor, administrator)
    first_form = html_form_data(first.get(url), containing="note")
    second_form = html_form_data(second.get(url), containing="note")
    first_form.update(new_status="being_progressed", effective_on="2023-01-10", note="Plan agreed.")
    second_form.update(new_status="complete", effective_on="2023-01-11", note="Closed.")
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND

    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    newest_first = list(status.history.order_by("-recorded_at", "-id").values_list("pk", flat=True))
    assert len(newest_first) == 2
    # Each row's label and cells are the same entry, and the other editor's entry is there.
    assert _history_rows(page) == [(pk, pk) for pk in newest_first]
    assert _history_rows(second.get(url)) == _history_rows(page)


def test_after_a_refused_stale_finding_edit_its_statuses_are_shown_as_they_now_are(
    administrator, editor, force, html_form_data
):
    finding = FindingFactory(inspection__force=force, text="Original text")
    FindingStatusFactory(finding=finding, force=force)
    url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    first, second = two_clients(editor, administrator)
    first_form = html_form_data(first.get(url), containing="text")
    second_form = html_form_data(second.get(url), containing="text")
    first_form["text"] = "Corrected"
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    second_form["text"] = "Overwrite"

    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    (statuses,) = [
        formset
        for formset in page.context["inline_admin_formsets"]
        if formset.formset.model is FindingStatus
    ]
    assert not statuses.formset.is_bound
    assert [(row.original.pk, row.form.instance.pk) for row in statuses] == [
        (pk, pk) for pk in finding.statuses.values_list("pk", flat=True)
    ]


def test_a_status_change_checks_the_version_under_the_row_lock(editor, force):
    status = FindingStatusFactory(finding__inspection__force=force, force=force)
    seen = status.version
    finding_status_change(
        finding_status=status,
        status="being_progressed",
        effective_on=timezone.localdate(),
        note="Plan agreed.",
        user=editor,
        expected_version=seen,
    )
    with pytest.raises(ConcurrentEditError, match="Since you opened this page"):
        finding_status_change(
            finding_status=status,
            status="complete",
            effective_on=timezone.localdate(),
            note="Closed.",
            user=editor,
            expected_version=seen,
        )
    assert status.history.count() == 2


def test_a_status_form_that_lost_the_race_after_validation_is_refused(
    editor, force, html_form_data, monkeypatch
):
    """The window between the form's own check and the save: another change lands in it."""
    status = FindingStatusFactory(finding__inspection__force=force, force=force)
    url = reverse("admin:recommendations_findingstatus_change", args=[status.pk])
    (client,) = two_clients(editor)
    data = html_form_data(client.get(url), containing="note")
    data.update(new_status="complete", effective_on="2023-01-11", note="Closed.")
    original_clean = FindingStatusForm.clean

    def clean_then_someone_saves(form):
        cleaned = original_clean(form)
        # Someone else's change lands now. (In this one-thread test it is inside the same
        # request's transaction, so the refusal's rollback takes it too; the threaded
        # PostgreSQL test below has each change in its own transaction.)
        finding_status_change(
            finding_status=FindingStatus.objects.get(pk=status.pk),
            status="being_progressed",
            effective_on=datetime.date(2023, 1, 10),
            note="Plan agreed.",
            user=editor,
        )
        return cleaned

    monkeypatch.setattr(FindingStatusForm, "clean", clean_then_someone_saves)
    response = client.post(url, data, follow=True)

    assert "Since you opened this page" in response.content.decode()
    assert not FindingStatus.objects.get(pk=status.pk).history.filter(note="Closed.").exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_of_ten_simultaneous_stale_status_changes_exactly_one_is_recorded(editor, force):
    status = FindingStatusFactory(finding__inspection__force=force, force=force)
    seen = status.version
    start = threading.Barrier(10)
    outcomes = []

    def submit(n: int) -> None:
        try:
            start.wait()
            finding_status_change(
                finding_status=FindingStatus.objects.get(pk=status.pk),
                status="being_progressed",
                effective_on=timezone.localdate(),
                note=f"Submission {n}.",
                user=editor,
                expected_version=seen,
            )
            outcomes.append("recorded")
        except ConcurrentEditError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["recorded"] + ["refused"] * 9
    status.refresh_from_db()
    assert (status.version, status.history.count()) == (seen + 1, 2)
