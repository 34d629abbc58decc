"""The admin for forces, frameworks, areas, inspections and judgments: smoke tests, query
counts, entering a report on one page, and who may change what."""

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

from inspections.models import Area, Force, Framework, Inspection, Judgment
from recommendations.models import Finding, FindingStatus, Response, Status
from tests.factories import (
    AreaFactory,
    FindingFactory,
    ForceFactory,
    FrameworkFactory,
    InspectionFactory,
    JudgmentFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2022, 4, 7)
# s.55(5A): publication day is day 1 of 56, so the last compliant day is 55 days later.
DUE = datetime.date(2022, 6, 1)


def admin_url(model: type[Model], view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@dataclass(frozen=True)
class AdminCase:
    """One registered model: how to make a row that the search and the filter find plus one
    they don't, the search term, and a list_filter parameter matching the first row."""

    model: type[Model]
    make: Callable[[], tuple[Model, Model]]
    search: str
    filter: dict[str, str]


CASES = [
    AdminCase(
        Force,
        lambda: (
            ForceFactory(name="Cumbria Constabulary", body_kind=Force.BodyKind.PCC),
            ForceFactory(name="Greater Manchester Police", body_kind=Force.BodyKind.MAYOR),
        ),
        search="Cumbria",
        filter={"body_kind__exact": "pcc"},
    ),
    AdminCase(
        Framework,
        lambda: (
            FrameworkFactory(name="PEEL 2021/22"),
            FrameworkFactory(name="PEEL 2014 to 2017", four_tier=True),
        ),
        search="2021",
        filter={"scale__exact": "five_tier"},
    ),
    AdminCase(
        Area,
        lambda: (
            AreaFactory(name="Preventing crime", kind=Area.Kind.AREA),
            AreaFactory(name="Effectiveness", kind=Area.Kind.PILLAR),
        ),
        search="Preventing",
        filter={"kind__exact": "area"},
    ),
    AdminCase(
        Inspection,
        lambda: (
            InspectionFactory(title="PEEL 2021/22: Cumbria Constabulary"),
            InspectionFactory(title="Spotlight on vetting", national=True),
        ),
        search="Cumbria",
        filter={"kind__exact": "peel_force"},
    ),
    AdminCase(
        Judgment,
        lambda: (
            JudgmentFactory(area__name="Investigating crime", grade="good"),
            JudgmentFactory(area__name="Protecting vulnerable people", grade="inadequate"),
        ),
        search="Investigating",
        filter={"grade__exact": "good"},
    ),
]


# --- Smoke tests: every registered model of this app ----------------------------------------


def test_every_model_has_an_admin():
    models = apps.get_app_config("inspections").get_models()

    # Change-history models (django-simple-history) are read on their model's History page.
    unregistered = [
        model.__name__
        for model in models
        if not admin.site.is_registered(model) and not model.__name__.startswith("Historical")
    ]
    assert unregistered == []


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_changelist_lists_rows(administrator_client, case):
    wanted, other = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"))

    assert response.status_code == HTTPStatus.OK
    assert set(response.context["cl"].result_list) == {wanted, other}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_changelist_search_shows_the_matching_row_only(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"), {"q": case.search})

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [wanted]
    assert admin_url(case.model, "change", wanted.pk) in response.content.decode()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_changelist_filter_shows_the_matching_row_only(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "changelist"), case.filter)

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [wanted]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_add_page_renders(administrator_client, case):
    response = administrator_client.get(admin_url(case.model, "add"))

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_change_page_renders(administrator_client, case):
    wanted, _ = case.make()

    response = administrator_client.get(admin_url(case.model, "change", wanted.pk))

    assert response.status_code == HTTPStatus.OK
    assert response.context["original"] == wanted


# --- Changelist query counts do not grow with the rows ---------------------------------------


def make_forces(n: int) -> None:
    ForceFactory.create_batch(n)


def make_frameworks(n: int) -> None:
    # The area count column is an annotation, not a query per framework.
    for framework in FrameworkFactory.create_batch(n):
        AreaFactory.create_batch(2, framework=framework)


def make_areas(n: int) -> None:
    # Questions under pillars, so the parent column (which names the parent's framework) is
    # exercised as well as the framework column.
    for _ in range(n):
        pillar = AreaFactory(kind=Area.Kind.PILLAR)
        AreaFactory(framework=pillar.framework, parent=pillar, kind=Area.Kind.QUESTION)


def make_inspections(n: int) -> None:
    forces = ForceFactory.create_batch(2)
    for _ in range(n):
        inspection = InspectionFactory()
        FindingFactory.create_batch(2, inspection=inspection)
        national = InspectionFactory(national=True)
        national.applies_to.set(forces)


def make_judgments(n: int) -> None:
    for _ in range(n):
        inspection = InspectionFactory()
        JudgmentFactory.create_batch(2, inspection=inspection)


ROW_MAKERS = {
    Force: make_forces,
    Framework: make_frameworks,
    Area: make_areas,
    Inspection: make_inspections,
    Judgment: make_judgments,
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


# --- Entering a report on one page -------------------------------------------------------------


def add_inline_forms(data: dict, prefix: str, rows: list[dict]) -> None:
    """Do what the admin's "Add another" link does: copy the empty inline form (prefix
    __prefix__) once per row, fill it in, and raise the formset's TOTAL_FORMS."""
    template = f"{prefix}-__prefix__-"
    blank = {key[len(template) :]: value for key, value in data.items() if key.startswith(template)}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in blank.items()})
        data.update({f"{prefix}-{index}-{name}": str(value) for name, value in row.items()})
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))


def form_errors(response) -> list:
    """Everything the admin flagged on a re-rendered change form, for assertion messages."""
    if response.context is None:
        return []
    errors = [response.context["adminform"].form.errors]
    for inline in response.context["inline_admin_formsets"]:
        errors += [inline.formset.non_form_errors(), *inline.formset.errors]
    return [error for error in errors if error]


@pytest.fixture
def inspection_form(administrator_client, html_form_data):
    """The Inspection add form as the browser would submit it, before anything is typed."""
    response = administrator_client.get(admin_url(Inspection, "add"))
    data = html_form_data(response, form_id="inspection_form")
    # The inline management forms are named after the inlines' related names.
    assert data["judgments-TOTAL_FORMS"] == "0"
    assert data["findings-TOTAL_FORMS"] == "0"
    return data


def test_inspection_with_judgment_and_findings_entered_on_one_page(
    administrator_client, inspection_form
):
    force = ForceFactory(name="Cumbria Constabulary")
    framework = FrameworkFactory()
    area = AreaFactory(framework=framework, name="Investigating crime")
    data = inspection_form | {
        "title": "PEEL 2021/22: Cumbria Constabulary",
        "slug": "peel-2021-22-cumbria",
        "kind": Inspection.Kind.PEEL_FORCE,
        "framework": str(framework.pk),
        "force": str(force.pk),
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }
    add_inline_forms(data, "judgments", [{"area": area.pk, "grade": "adequate"}])
    add_inline_forms(
        data,
        "findings",
        [
            {
                "position": 1,
                "kind": Finding.Kind.AFI,
                "area": area.pk,
                "text": "The force should improve how it supervises investigations.",
            },
            {
                "position": 2,
                "kind": Finding.Kind.INNOVATIVE_PRACTICE,
                "text": "The force uses a triage car for mental health calls.",
            },
        ],
    )

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    inspection = Inspection.objects.get(slug="peel-2021-22-cumbria")
    assert inspection.force == force
    judgment = inspection.judgments.get()
    assert (judgment.area, judgment.grade) == (area, "adequate")
    afi = inspection.findings.get(kind=Finding.Kind.AFI)
    practice = inspection.findings.get(kind=Finding.Kind.INNOVATIVE_PRACTICE)
    status = FindingStatus.objects.get(finding=afi)
    assert status.force == force
    assert status.status == Status.AWAITING_REVIEW
    assert status.history.count() == 1
    # Good practice is not tracked: no status for it.
    assert not FindingStatus.objects.filter(finding=practice).exists()
    owed = Response.objects.get(inspection=inspection)
    assert owed.force == force
    assert owed.due_on == DUE
    # Counts agree with their nouns (issue 16: "Opened 1 finding statuses and 1 responses").
    assert "Opened 1 finding status and 1 response owed." in [
        str(message) for message in get_messages(response.wsgi_request)
    ]


def test_national_inspection_opens_a_response_for_each_force_it_applies_to(
    administrator_client, inspection_form
):
    cumbria, lancashire = ForceFactory(), ForceFactory()
    data = inspection_form | {
        "title": "PEEL spotlight: vetting and counter-corruption",
        "slug": "spotlight-vetting",
        "kind": Inspection.Kind.PEEL_NATIONAL,
        "force": "",
        "applies_to": [str(cumbria.pk), str(lancashire.pk)],
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    inspection = Inspection.objects.get(slug="spotlight-vetting")
    assert inspection.force is None
    responses = Response.objects.filter(inspection=inspection)
    assert {(r.force, r.due_on) for r in responses} == {(cumbria, DUE), (lancashire, DUE)}


def test_a_national_report_applying_to_nobody_is_refused(administrator_client, inspection_form):
    ForceFactory()
    data = inspection_form | {
        "title": "PEEL spotlight: nobody",
        "slug": "spotlight-nobody",
        "kind": Inspection.Kind.PEEL_NATIONAL,
        "force": "",
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.OK
    assert (
        "A national report must apply to at least one force: choose the forces it applies to, "
        "their regions, or tick “Applies to every force”." in str(form_errors(response))
    )
    assert not Inspection.objects.filter(slug="spotlight-nobody").exists()


def test_a_national_report_can_apply_to_every_force_in_one_tick(
    administrator_client, inspection_form
):
    forces = ForceFactory.create_batch(4)
    data = inspection_form | {
        "title": "PEEL spotlight: everyone",
        "slug": "spotlight-everyone",
        "kind": Inspection.Kind.PEEL_NATIONAL,
        "force": "",
        "applies_to_every_force": "on",
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    inspection = Inspection.objects.get(slug="spotlight-everyone")
    assert set(inspection.applies_to.all()) == set(Force.objects.all()) >= set(forces)
    assert Response.objects.filter(inspection=inspection).count() == Force.objects.count()


def test_a_national_report_can_apply_to_a_regions_forces_and_others_chosen_one_by_one(
    administrator_client, inspection_form
):
    north_west = [ForceFactory(region="North West") for _ in range(3)]
    chosen = ForceFactory(region="Wales")
    ForceFactory(region="Wales")  # not chosen
    data = inspection_form | {
        "title": "Custody in the North West",
        "slug": "custody-north-west",
        "kind": Inspection.Kind.THEMATIC,
        "force": "",
        "applies_to": [str(chosen.pk)],
        "applies_to_regions": ["North West"],
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    inspection = Inspection.objects.get(slug="custody-north-west")
    assert set(inspection.applies_to.all()) == {*north_west, chosen}
    assert {r.force for r in Response.objects.filter(inspection=inspection)} == {
        *north_west,
        chosen,
    }


def test_national_inspection_opens_a_status_per_force_for_each_tracked_finding(
    administrator_client, inspection_form
):
    cumbria, lancashire = ForceFactory(), ForceFactory()
    data = inspection_form | {
        "title": "PEEL spotlight: vetting and counter-corruption",
        "slug": "spotlight-vetting",
        "kind": Inspection.Kind.PEEL_NATIONAL,
        "applies_to": [str(cumbria.pk), str(lancashire.pk)],
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }
    add_inline_forms(
        data,
        "findings",
        [{"position": 1, "kind": Finding.Kind.RECOMMENDATION, "text": "Forces should vet."}],
    )

    response = administrator_client.post(admin_url(Inspection, "add"), data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    statuses = FindingStatus.objects.filter(finding__inspection__slug="spotlight-vetting")
    assert {(s.force, s.status, s.history.count()) for s in statuses} == {
        (cumbria, Status.AWAITING_REVIEW, 1),
        (lancashire, Status.AWAITING_REVIEW, 1),
    }


# --- Who may change what --------------------------------------------------------------------


def test_editor_can_change_an_inspection_of_their_force(client, editor, force, html_form_data):
    inspection = InspectionFactory(force=force, title="Before")
    client.force_login(editor)
    url = admin_url(Inspection, "change", inspection.pk)
    data = html_form_data(client.get(url), form_id="inspection_form") | {"title": "After"}

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    inspection.refresh_from_db()
    assert inspection.title == "After"


def test_editor_cannot_change_an_inspection_of_another_force(client, editor, other_force):
    inspection = InspectionFactory(force=other_force, title="Before")
    client.force_login(editor)

    response = client.post(admin_url(Inspection, "change", inspection.pk), {"title": "After"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    inspection.refresh_from_db()
    assert inspection.title == "Before"


def test_editor_sees_another_forces_inspection_read_only(client, editor, other_force):
    inspection = InspectionFactory(force=other_force)
    client.force_login(editor)

    response = client.get(admin_url(Inspection, "change", inspection.pk))

    assert response.status_code == HTTPStatus.OK
    assert 'name="_save"' not in response.content.decode()


def test_editor_cannot_change_a_national_inspection(client, editor, force):
    inspection = InspectionFactory(national=True, title="Before")
    inspection.applies_to.add(force)
    client.force_login(editor)

    response = client.post(admin_url(Inspection, "change", inspection.pk), {"title": "After"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    inspection.refresh_from_db()
    assert inspection.title == "Before"


def test_editor_cannot_change_a_judgment_of_another_force(client, editor, other_force):
    judgment = JudgmentFactory(inspection__force=other_force, grade="good")
    client.force_login(editor)

    response = client.post(admin_url(Judgment, "change", judgment.pk), {"grade": "inadequate"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    judgment.refresh_from_db()
    assert judgment.grade == "good"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
def test_analyst_can_view_changelists(client, analyst, case):
    case.make()
    client.force_login(analyst)

    response = client.get(admin_url(case.model, "changelist"))

    assert response.status_code == HTTPStatus.OK


def test_analyst_cannot_add_an_inspection(client, analyst):
    client.force_login(analyst)

    response = client.post(admin_url(Inspection, "add"), {"title": "Anything"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("make", "change"),
    [
        (lambda: ForceFactory(name="Before"), {"name": "After"}),
        (lambda: FrameworkFactory(name="Before"), {"name": "After"}),
        (lambda: AreaFactory(name="Before"), {"name": "After"}),
        (lambda: InspectionFactory(title="Before"), {"title": "After"}),
        (lambda: JudgmentFactory(source_section="Before"), {"source_section": "After"}),
    ],
    ids=["Force", "Framework", "Area", "Inspection", "Judgment"],
)
def test_analyst_cannot_change(client, analyst, make, change):
    row = make()
    client.force_login(analyst)

    response = client.post(admin_url(type(row), "change", row.pk), change)

    assert response.status_code == HTTPStatus.FORBIDDEN
    row.refresh_from_db()
    [(field, _)] = change.items()
    assert getattr(row, field) == "Before"


def test_editor_cannot_add_an_inspection_for_another_force(
    client, editor, other_force, html_form_data
):
    client.force_login(editor)
    url = admin_url(Inspection, "add")
    data = html_form_data(client.get(url), form_id="inspection_form") | {
        "title": "PEEL 2021/22: another force",
        "slug": "peel-2021-22-another-force",
        "kind": Inspection.Kind.PEEL_FORCE,
        "force": str(other_force.pk),
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert "force" in response.context["adminform"].form.errors
    assert not Inspection.objects.exists()


def test_editor_cannot_add_a_national_inspection(
    client, editor, force, other_force, html_form_data
):
    # A national report opens statuses and responses for every force it applies to, so, like
    # changing one (may_edit_inspection), adding one is for administrators only.
    client.force_login(editor)
    url = admin_url(Inspection, "add")
    data = html_form_data(client.get(url), form_id="inspection_form") | {
        "title": "PEEL spotlight: vetting",
        "slug": "spotlight-vetting",
        "kind": Inspection.Kind.PEEL_NATIONAL,
        "force": "",
        "applies_to": [str(force.pk), str(other_force.pk)],
        "published_on": PUBLISHED.isoformat(),
        "published_precision": "day",
    }

    response = client.post(url, data)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
    assert not Inspection.objects.exists()
    assert not Response.objects.exists()


def test_editor_cannot_add_a_judgment_to_another_forces_inspection(
    client, editor, other_force, html_form_data
):
    inspection = InspectionFactory(force=other_force)
    area = AreaFactory(framework=inspection.framework)
    client.force_login(editor)
    url = admin_url(Judgment, "add")
    data = html_form_data(client.get(url), form_id="judgment_form") | {
        "inspection": str(inspection.pk),
        "area": str(area.pk),
        "grade": "inadequate",
    }

    response = client.post(url, data)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
    assert not inspection.judgments.exists()
