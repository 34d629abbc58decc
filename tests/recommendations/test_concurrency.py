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
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    FindingStatusFactory,
    InspectionFactory,
    JudgmentFactory,
)

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


# --- Every editable model and every inline (issue 19, point 2) ------------------------------


def _stale_pair(url: str, users, html_form_data, **find):
    first, second = two_clients(*users)
    return (
        first,
        second,
        html_form_data(first.get(url), **find),
        html_form_data(second.get(url), **find),
    )


def test_saving_a_report_page_never_writes_back_a_finding_changed_on_its_own_page(
    administrator, editor, force, html_form_data
):
    """The lost update seen: a report's page saved after one of its findings was corrected on
    the finding's own page wrote the old text back."""
    finding = FindingFactory(inspection__force=force, position=1, text="Original text")
    report_url = reverse("admin:inspections_inspection_change", args=[finding.inspection_id])
    finding_url = reverse("admin:recommendations_finding_change", args=[finding.pk])
    (report_page,) = two_clients(administrator)
    report_form = html_form_data(report_page.get(report_url), form_id="inspection_form")
    (finding_page,) = two_clients(editor)
    correction = html_form_data(finding_page.get(finding_url), containing="text")
    correction["text"] = "Corrected on its own page"
    assert finding_page.post(finding_url, correction).status_code == HTTPStatus.FOUND

    page = report_page.post(report_url, report_form)

    assert page.status_code == HTTPStatus.OK
    assert f"{editor.username} saved this finding" in page.content.decode()
    finding.refresh_from_db()
    assert finding.text == "Corrected on its own page"


def test_a_report_changed_since_it_was_opened_is_refused(
    administrator, editor, force, html_form_data
):
    inspection = InspectionFactory(force=force, title="Original title")
    url = reverse("admin:inspections_inspection_change", args=[inspection.pk])
    first, second, first_form, second_form = _stale_pair(
        url, (editor, administrator), html_form_data, form_id="inspection_form"
    )
    first_form["title"] = "Title as the editor corrected it"
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    second_form["summary"] = "A summary"
    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    assert "saved this inspection" in page.content.decode()
    inspection.refresh_from_db()
    assert (inspection.title, inspection.summary, inspection.version) == (
        "Title as the editor corrected it",
        "",
        2,
    )


def test_a_grade_changed_since_the_report_page_was_opened_is_not_written_back(
    administrator, editor, force, html_form_data
):
    judgment = JudgmentFactory(inspection__force=force, grade="good")
    report_url = reverse("admin:inspections_inspection_change", args=[judgment.inspection_id])
    grade_url = reverse("admin:inspections_judgment_change", args=[judgment.pk])
    (report_page, grade_page) = two_clients(administrator, editor)
    report_form = html_form_data(report_page.get(report_url), form_id="inspection_form")
    correction = html_form_data(grade_page.get(grade_url), containing="grade")
    correction["grade"] = "adequate"
    assert grade_page.post(grade_url, correction).status_code == HTTPStatus.FOUND

    page = report_page.post(report_url, report_form)

    assert page.status_code == HTTPStatus.OK
    assert "saved this judgment" in page.content.decode()
    judgment.refresh_from_db()
    assert (judgment.grade, judgment.version) == ("adequate", 2)


def test_an_explanation_changed_since_the_response_page_was_opened_is_not_written_back(
    administrator, editor, force, html_form_data
):
    explanation = FindingExplanationFactory(
        response__inspection__force=force,
        response__inspection__published_on=datetime.date(2024, 1, 31),
        response__force=force,
        text="First answer",
    )
    response_url = reverse("admin:recommendations_response_change", args=[explanation.response_id])
    explanation_url = reverse(
        "admin:recommendations_findingexplanation_change", args=[explanation.pk]
    )
    (response_page, explanation_page) = two_clients(administrator, editor)
    response_form = html_form_data(response_page.get(response_url), containing="body_comments")
    correction = html_form_data(explanation_page.get(explanation_url), containing="text")
    correction["text"] = "Corrected answer"
    assert explanation_page.post(explanation_url, correction).status_code == HTTPStatus.FOUND

    page = response_page.post(response_url, response_form)

    assert page.status_code == HTTPStatus.OK
    assert "saved this finding explanation" in page.content.decode()
    explanation.refresh_from_db()
    assert explanation.text == "Corrected answer"


def test_saving_a_report_page_raises_the_versions_of_the_rows_it_changed(
    administrator, force, html_form_data
):
    finding = FindingFactory(inspection__force=force, position=1, text="Original text")
    url = reverse("admin:inspections_inspection_change", args=[finding.inspection_id])
    (client,) = two_clients(administrator)
    data = html_form_data(client.get(url), form_id="inspection_form")
    data["findings-0-text"] = "Corrected inline"
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    finding.refresh_from_db()
    assert (finding.text, finding.version) == ("Corrected inline", 2)
    # Unchanged rows keep their version: saving the page again with nothing changed is fine.
    data = html_form_data(client.get(url), form_id="inspection_form")
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    finding.refresh_from_db()
    assert finding.version == 2
