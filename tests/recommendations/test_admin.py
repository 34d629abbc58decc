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
def administrator_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


# --- Smoke tests: every model of this app ---------------------------------------------------


def test_every_model_has_an_admin():
    models = apps.get_app_config("recommendations").get_models()

    assert [model.__name__ for model in models if not admin.site.is_registered(model)] == []


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
