"""Entering findings in the admin as an editor does (issue 16, item 5): a finding left without a
position goes after the report's others, and addressees are typed one per line, not as JSON."""

from http import HTTPStatus

import pytest

from inspections.models import Inspection
from recommendations.models import Finding
from tests.factories import FindingFactory, ForceFactory, InspectionFactory
from tests.inspections.test_admin import admin_url, form_errors, inspection_form

pytestmark = pytest.mark.django_db

__all__ = ["inspection_form"]  # the fixture, used below by name


def change_form(client, html_form_data, inspection: Inspection) -> dict:
    return html_form_data(
        client.get(admin_url(Inspection, "change", inspection.pk)), form_id="inspection_form"
    )


def append_findings(data: dict, rows: list[dict]) -> None:
    """What "Add another finding" does, once per row, after the findings already on the page:
    copy the empty inline form and fill it in (a key left out stays as the empty form has it)."""
    template = "findings-__prefix__-"
    blank = {key[len(template) :]: value for key, value in data.items() if key.startswith(template)}
    start = int(data["findings-TOTAL_FORMS"])
    for index, row in enumerate(rows, start=start):
        data.update({f"findings-{index}-{name}": value for name, value in blank.items()})
        data.update({f"findings-{index}-{name}": str(value) for name, value in row.items()})
    data["findings-TOTAL_FORMS"] = str(start + len(rows))


def test_findings_added_inline_without_a_position_go_after_the_reports_others(
    administrator_client, html_form_data
):
    inspection = InspectionFactory()
    FindingFactory(inspection=inspection, position=1)
    FindingFactory(inspection=inspection, position=4)
    data = change_form(administrator_client, html_form_data, inspection)
    append_findings(
        data,
        [
            {"kind": Finding.Kind.AFI, "text": "The force should improve supervision."},
            {
                "kind": Finding.Kind.AFI,
                "text": "The force should improve call handling.",
                "position": 7,
            },
            {"kind": Finding.Kind.RECOMMENDATION, "text": "By June, the force should audit."},
        ],
    )

    response = administrator_client.post(admin_url(Inspection, "change", inspection.pk), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    by_text = dict(inspection.findings.values_list("text", "position"))
    assert by_text["The force should improve supervision."] == 8
    assert by_text["The force should improve call handling."] == 7
    assert by_text["By June, the force should audit."] == 9


def test_a_finding_added_on_its_own_page_without_a_position_goes_last(
    administrator_client, html_form_data
):
    inspection = InspectionFactory()
    FindingFactory(inspection=inspection, position=3)
    data = html_form_data(administrator_client.get(admin_url(Finding, "add")), containing="text")
    data.update(
        inspection=str(inspection.pk),
        kind=Finding.Kind.AFI,
        text="The force should improve how it records crime.",
        position="",
    )

    response = administrator_client.post(admin_url(Finding, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    assert Finding.objects.get(text__startswith="The force should improve how").position == 4


def test_a_position_already_taken_is_refused_with_a_message(administrator_client, html_form_data):
    inspection = InspectionFactory()
    FindingFactory(inspection=inspection, position=2)
    data = change_form(administrator_client, html_form_data, inspection)
    append_findings(data, [{"kind": Finding.Kind.AFI, "text": "x", "position": 2}])

    response = administrator_client.post(admin_url(Inspection, "change", inspection.pk), data)

    assert response.status_code == HTTPStatus.OK
    assert (
        "Two findings of this report have the same position: give each its own, or leave a new "
        "one’s empty to place it after the others." in response.content.decode()
    )
    assert inspection.findings.count() == 1


def test_addressees_are_shown_and_typed_one_per_line(administrator_client, html_form_data):
    force = ForceFactory()
    finding = FindingFactory(inspection__force=force, addressees=[])
    url = admin_url(Finding, "change", finding.pk)
    page = administrator_client.get(url)
    data = html_form_data(page, containing="text")
    # An empty list is an empty box, not the JSON "[]".
    assert data["addressees"] == ""

    data["addressees"] = "chief constables\n\n  the Home Office  \n"
    assert administrator_client.post(url, data).status_code == HTTPStatus.FOUND
    finding.refresh_from_db()
    assert finding.addressees == ["chief constables", "the Home Office"]

    data = html_form_data(administrator_client.get(url), containing="text")
    assert data["addressees"].splitlines() == ["chief constables", "the Home Office"]


def test_addressees_inline_on_the_report_page_are_lines_too(administrator_client, html_form_data):
    inspection = InspectionFactory()
    FindingFactory(inspection=inspection, position=1, addressees=["all chief constables"])
    data = change_form(administrator_client, html_form_data, inspection)
    assert data["findings-0-addressees"] == "all chief constables"
    assert data["findings-__prefix__-addressees"] == ""


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_findings_added_at_once_by_several_editors_each_take_their_own_position(
    administrator, html_form_data
):
    """Six editors add a finding without a position to the same report at the same moment:
    each is saved, at its own next position (none fails on the unique position)."""
    import threading

    from django.db import connection
    from django.test import Client

    inspection = InspectionFactory()
    FindingFactory(inspection=inspection, position=1)
    clients = [Client() for _ in range(6)]
    for client in clients:
        client.force_login(administrator)
    data = html_form_data(clients[0].get(admin_url(Finding, "add")), containing="text")
    data.update(inspection=str(inspection.pk), kind=Finding.Kind.AFI, position="")
    start = threading.Barrier(len(clients))
    outcomes = []

    def add(n: int) -> None:
        try:
            start.wait()
            response = clients[n].post(admin_url(Finding, "add"), {**data, "text": f"AFI {n}."})
            outcomes.append(response.status_code)
        except Exception as error:  # an IntegrityError escaping the view is the bug
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes == [HTTPStatus.FOUND] * len(clients)
    positions = sorted(inspection.findings.values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5, 6, 7]
