"""The dashboard, a force's page and a report's page: content, access, query counts."""

import datetime
from http import HTTPStatus

import pytest
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from inspections.models import Grade, Judgment
from recommendations.inspection_views import FORCE_RESPONSES_SHOWN
from recommendations.models import DUE_SOON_DAYS, FindingStatus, Response
from recommendations.selectors import overview
from recommendations.selectors.overview import GRADE_TAG_CLASSES
from recommendations.services import finding_status_change, inspection_open_tracking
from tests.factories import (
    AreaFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    NationalBodyFactory,
    ResponseFactory,
    StatusChangeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


def populate(force, *, reports: int = 2) -> None:
    """Reports with graded areas, open and closed findings, and responses owed."""
    today = timezone.localdate()
    for _ in range(reports):
        inspection = InspectionFactory(force=force, published_on=today - datetime.timedelta(30))
        area = AreaFactory(framework=inspection.framework)
        Judgment.objects.create(inspection=inspection, area=area, grade="good")
        for _ in range(2):
            FindingStatusFactory(finding__inspection=inspection, finding__area=area, force=force)
        closed = FindingStatusFactory(finding__inspection=inspection, force=force)
        StatusChangeFactory(finding_status=closed, status="complete")
        closed.status, closed.status_since = "complete", today
        closed.save()
        # After the report's other findings (a fixed number met the factory's sequence).
        last = inspection.findings.aggregate(last=Max("position"))["last"]
        FindingFactory(inspection=inspection, good_practice=True, position=last + 1)
        inspection_open_tracking(inspection=inspection)


@pytest.mark.parametrize(
    "url",
    [
        reverse("dashboard"),
        reverse("inspections:force", args=["cumbria"]),
        reverse("inspections:detail", args=[1]),
    ],
)
def test_anonymous_visitors_go_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


def test_unknown_force_and_report_are_404(analyst_client):
    assert analyst_client.get("/forces/nowhere/").status_code == HTTPStatus.NOT_FOUND
    assert analyst_client.get("/inspections/999999/").status_code == HTTPStatus.NOT_FOUND


def test_dashboard_shows_open_findings_and_responses_due(analyst_client, force):
    populate(force)
    overdue = InspectionFactory(
        force=force, published_on=timezone.localdate() - datetime.timedelta(days=70)
    )
    inspection_open_tracking(inspection=overdue)

    response = analyst_client.get(reverse("dashboard"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["by_force"] == [
        {"force__slug": force.slug, "force__name": force.name, "count": 4}
    ]
    assert [row["count"] for row in response.context["by_kind"]] == [4]
    assert response.context["responses"].overdue_count == 1
    # populate()'s responses are due in 25 days: open, not yet due soon (DUE_SOON_DAYS).
    assert response.context["responses"].due_soon_count == 0
    year = timezone.localdate().year
    assert {"year": year, "opened": 6, "closed": 2} in response.context["per_year"]
    html = response.content.decode()
    assert "Open findings by force" in html
    assert "<svg" in html and "<table" in html  # every chart has its table


def test_open_findings_by_force_most_first_without_closed_or_national_bodies_own(force):
    """Open statuses counted per force, most first, ties by name; a force whose findings are
    all closed is not listed, nor a national body's own status on a force's report."""
    busier, closed_only = ForceFactory(name="Zedshire Police"), ForceFactory()
    for owner, count in [(force, 2), (busier, 3)]:
        for _ in range(count):
            FindingStatusFactory(force=owner, finding__inspection__force=owner)
    FindingStatusFactory(force=closed_only, status="complete")
    FindingStatusFactory(force=None, national_body=NationalBodyFactory())
    assert overview.open_findings_by_force() == [
        {"force__slug": busier.slug, "force__name": "Zedshire Police", "count": 3},
        {"force__slug": force.slug, "force__name": force.name, "count": 2},
    ]


def test_dashboard_due_soon_is_the_trackers_window_and_says_so(analyst_client, force):
    """Issue 16: the dashboard said "next 28 days" while the tracker's "due soon" is 14 days.
    Both now use DUE_SOON_DAYS and the tracker's states (a response marked not required is
    neither overdue nor due soon)."""
    today = timezone.localdate()

    def due_in(days: int, **kwargs):
        # Published on day 1, a report's response is due on day 56 (s.55(5A)).
        published = today + datetime.timedelta(days=days - 55)
        return ResponseFactory(
            inspection__force=force, inspection__published_on=published, **kwargs
        )

    soon = due_in(DUE_SOON_DAYS)
    later = due_in(DUE_SOON_DAYS + 1)
    overdue = due_in(-1)
    due_in(-2, is_not_required=True, not_required_reason="Superseded by a later report")
    assert {soon.due_on, later.due_on} == {
        today + datetime.timedelta(days=DUE_SOON_DAYS),
        today + datetime.timedelta(days=DUE_SOON_DAYS + 1),
    }

    response = analyst_client.get(reverse("dashboard"))

    responses = response.context["responses"]
    assert responses.due_soon == [soon] and responses.due_soon_count == 1
    assert responses.overdue == [overdue] and responses.overdue_count == 1
    tracker = Response.objects.with_state(today)
    assert list(tracker.filter(state="due_soon")) == [soon]
    assert list(tracker.filter(state="overdue")) == [overdue]
    html = response.content.decode()
    assert f"Due soon: due today or in the next {DUE_SOON_DAYS} days (1)" in html
    assert "28 days" not in html


def test_oldest_open_findings_date_an_undated_status_from_its_report(analyst_client, force):
    """Issue 16: an open finding with no status date (an old report loaded from its text) is
    open at least since its report was published, so it comes before one dated 2019."""
    dated = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2019, 5, 2),
        status_since=datetime.date(2019, 6, 1),
    )
    undated = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2016, 3, 1),
        status_since=None,
    )
    unknown = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=None,
        status_since=None,
    )

    response = analyst_client.get(reverse("dashboard"))

    assert response.context["oldest_open"] == [undated, dated, unknown]
    html = response.content.decode()
    assert '1 March 2016 <span class="govuk-body-s">(report published)</span>' in html
    assert html.index("1 March 2016") < html.index("1 June 2019")


def test_dashboard_query_count_is_constant(analyst_client, django_assert_num_queries):
    force = ForceFactory()
    populate(force)
    # session, user, permissions (own, roles'), the record's version (recommendations.freshness),
    # the user's access (role, forces edited: peel_tracker.page_cache), by force, by kind, opened
    # per year, closed per year (cached for that version), oldest open (dated statuses, then
    # undated ones by their report's date), response counts, overdue list, due-soon list, and
    # the user's saved views (for each request, after the cache: recommendations.saved_view_parts)
    with django_assert_num_queries(16):
        analyst_client.get(reverse("dashboard"))
    populate(force)
    populate(ForceFactory())
    with django_assert_num_queries(16):
        analyst_client.get(reverse("dashboard"))
    # Nothing changed: the page comes from the cache; the saved views are read for each request.
    with django_assert_num_queries(7):
        analyst_client.get(reverse("dashboard"))


def test_force_page_shows_grades_open_findings_and_responses(analyst_client, force):
    populate(force)
    response = analyst_client.get(reverse("inspections:force", args=[force.slug]))
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["matrices"]) == 2  # two frameworks
    html = response.content.decode()
    assert "Grades over time" in html and "Open findings by area" in html
    assert html.count("Not published") == 2


def test_force_page_lists_the_newest_reports_and_links_to_the_tracker_for_the_rest(
    analyst_client, force
):
    for day in range(FORCE_RESPONSES_SHOWN + 1):
        published = datetime.date(2020, 1, 1) + datetime.timedelta(days=day)
        ResponseFactory(inspection=InspectionFactory(force=force, published_on=published))
    response = analyst_client.get(reverse("inspections:force", args=[force.slug]))
    responses = response.context["responses"]
    assert len(responses) == FORCE_RESPONSES_SHOWN
    assert responses[0].report_published_on == datetime.date(2020, 1, 1) + datetime.timedelta(
        days=FORCE_RESPONSES_SHOWN
    )
    assert f"/tracker/?force={force.slug}&amp;sort=-published" in response.content.decode()


def test_force_page_query_count_is_constant(analyst_client, django_assert_num_queries):
    force = ForceFactory()
    populate(force)
    url = reverse("inspections:force", args=[force.slug])
    # session, user, permissions (own, roles'), the record's version, the user's access (role,
    # forces edited), force, judgments (the grades section, kept until grades or reports
    # change), open findings by area (kept until the record changes), responses
    with django_assert_num_queries(10):
        analyst_client.get(url)
    populate(force, reports=4)
    with django_assert_num_queries(10):
        analyst_client.get(url)


def test_force_page_grades_are_kept_until_grades_change_not_when_a_status_does(
    analyst_client, django_assert_num_queries, force, administrator, settings
):
    """With the page cache off (DJANGO_PAGE_CACHE_SECONDS=0) the page is rendered for each
    request, but its grades section is kept until grades or reports change, and its open
    findings by area until the record does."""
    settings.PAGE_CACHE_SECONDS = 0
    populate(force)
    url = reverse("inspections:force", args=[force.slug])
    # session, user, permissions (own, roles'), the record's version, force, judgments, open
    # findings by area, responses
    with django_assert_num_queries(9):
        analyst_client.get(url)
    # Nothing changed: no judgments, no open findings by area.
    with django_assert_num_queries(7):
        response = analyst_client.get(url)
    assert sum(row["count"] for row in response.context["open_by_area"]) == 4
    assert "Outstanding" not in response.content.decode()
    status = FindingStatus.objects.filter(force=force).open().first()
    finding_status_change(
        finding_status=status,
        status="complete",
        effective_on=timezone.localdate(),
        note="Closed on evidence.",
        user=administrator,
    )
    # A status changed: open findings by area are counted again; the grades section is kept.
    with django_assert_num_queries(8):
        response = analyst_client.get(url)
    assert sum(row["count"] for row in response.context["open_by_area"]) == 3
    judgment = Judgment.objects.filter(inspection__force=force).first()
    judgment.grade = "outstanding"
    judgment.save()
    html = analyst_client.get(url).content.decode()
    assert '<strong class="govuk-tag govuk-tag--green">Outstanding</strong>' in html


@pytest.mark.parametrize("grade", [*Grade.values, ""])
def test_force_page_grade_tags_are_the_reports_page_grade_tags(grade):
    """The force page writes its grade tags from GRADE_TAG_CLASSES (one include per cell was a
    third of its rendering time); they are inspections/_grade_tag.html's."""
    tag = render_to_string("inspections/_grade_tag.html", {"grade": grade, "label": "Label"})
    expected = GRADE_TAG_CLASSES.get(grade, "govuk-tag--grey")
    assert tag == f'<strong class="govuk-tag {expected}">Label</strong>\n'


def test_report_page_groups_findings_and_lists_responses(analyst_client, force):
    inspection = InspectionFactory(force=force, published_on=datetime.date(2019, 5, 2))
    area = AreaFactory(framework=inspection.framework, name="Legitimacy")
    Judgment.objects.create(inspection=inspection, area=area, grade="good")
    cause = FindingFactory(inspection=inspection, area=area, cause=True, text="A cause")
    FindingFactory(inspection=inspection, area=area, recommendation=True, cause_of_concern=cause)
    FindingFactory(inspection=inspection, area=area, text="External scrutiny of stop and search")
    inspection_open_tracking(inspection=inspection)

    response = analyst_client.get(reverse("inspections:detail", args=[inspection.pk]))

    assert response.status_code == HTTPStatus.OK
    groups = response.context["groups"]
    assert list(groups["Legitimacy"]) == [
        "Cause of concern",
        "Recommendation",
        "Area for improvement",
    ]
    html = response.content.decode()
    assert "26 June 2019" in html  # the statutory deadline
    assert "1 awaiting review" in html


def test_national_report_lists_every_force_it_applies_to(analyst_client):
    inspection = InspectionFactory(national=True, published_on=datetime.date(2024, 1, 31))
    forces = ForceFactory.create_batch(3)
    inspection.applies_to.set(forces)
    inspection_open_tracking(inspection=inspection)
    response = analyst_client.get(reverse("inspections:detail", args=[inspection.pk]))
    html = response.content.decode()
    for force in forces:
        assert force.name in html
    assert "26 March 2024" in html


def test_report_page_query_count_is_constant(analyst_client, django_assert_num_queries):
    inspection = InspectionFactory(national=True)
    inspection.applies_to.set(ForceFactory.create_batch(2))
    for _ in range(3):
        FindingFactory(inspection=inspection, area=None, recommendation=True)
    inspection_open_tracking(inspection=inspection)
    url = reverse("inspections:detail", args=[inspection.pk])
    # session, user, permissions (own, roles'), the record's version, the user's access (role,
    # forces edited), inspection, judgments, findings, status summary, responses
    with django_assert_num_queries(11):
        analyst_client.get(url)
    inspection.applies_to.add(*ForceFactory.create_batch(2))
    for _ in range(3):
        FindingFactory(inspection=inspection, area=None, recommendation=True)
    inspection_open_tracking(inspection=inspection)
    with django_assert_num_queries(11):
        analyst_client.get(url)
