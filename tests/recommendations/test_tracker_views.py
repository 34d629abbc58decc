"""The tracker page (/tracker/): who may read it, what each row shows, the filters (directly
and through the page), bad parameters, pagination and its query count."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from inspections.access import OPCC_EDITOR_GROUP
from recommendations.models import Finding, Response
from recommendations.selectors import tracker_queryset
from recommendations.tracker_filters import ResponseTrackerFilter
from recommendations.tracker_views import PAGE_SIZE
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
    UserFactory,
)
from tests.recommendations.headings import headings

pytestmark = pytest.mark.django_db

URL = reverse("tracker:list")
State = Response.State


def today() -> datetime.date:
    return timezone.localdate()


def due_in(days: int, **kwargs) -> Response:
    """A response whose statutory deadline is `days` days from today (negative: passed)."""
    published = today() + datetime.timedelta(days=days - 55)
    return ResponseFactory(inspection__published_on=published, **kwargs)


def rows(response) -> list[Response]:
    return list(response.context["page"].object_list)


def text(response) -> str:
    """The page's visible text, whitespace collapsed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


# --- Who may read it ----------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_a_user_without_a_role_is_refused(client):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("role", ["analyst", "editor", "administrator"])
def test_every_role_can_read_the_tracker(client, role, request):
    due_in(10)
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL)

    assert response.status_code == HTTPStatus.OK
    assert response.context["active_section"] == "tracker"
    assert len(rows(response)) == 1


# --- What a row shows ---------------------------------------------------------------------------


def test_row_shows_dates_state_timing_and_counts(analyst_client):
    response = ResponseFactory(
        inspection__title="Integrated PEEL Assessment 2018/19: Testshire",
        inspection__published_on=datetime.date(2019, 5, 2),
        chief_officer_comments_requested_by=datetime.date(2019, 6, 7),
        chief_officer_comments_received_on=datetime.date(2019, 6, 5),
    )
    recommendation = FindingFactory(inspection=response.inspection, recommendation=True)
    FindingFactory(inspection=response.inspection, recommendation=True)
    FindingFactory.create_batch(3, inspection=response.inspection, kind=Finding.Kind.AFI)
    FindingExplanationFactory(response=response, finding=recommendation)

    page = analyst_client.get(URL)

    [row] = rows(page)
    assert (row.recommendations_owed, row.recommendations_explained, row.afi_count) == (2, 1, 3)
    days = (today() - datetime.date(2019, 6, 26)).days
    assert row.timing == f"{days} days overdue"
    visible = text(page)
    assert (
        "Integrated PEEL Assessment 2018/19: Testshire PEEL force inspection 2 May 2019 "
        f"26 June 2019 {days} days overdue Overdue Incomplete Requested by 7 June 2019 "
        "Received 5 June 2019 1 of 2 3"
    ) in visible
    assertContains(page, '<strong class="govuk-tag govuk-tag--red">Overdue</strong>', html=True)
    assertContains(page, reverse("inspections:detail", args=[response.inspection_id]))
    assertContains(page, "1 response")


@pytest.mark.parametrize(
    ("days", "timing", "state"),
    [
        (0, "Due today", "Due soon"),
        (1, "1 day left", "Due soon"),
        (14, "14 days left", "Due soon"),
        (15, "15 days left", "Open"),
        (-1, "1 day overdue", "Overdue"),
    ],
)
def test_days_left_or_overdue(analyst_client, days, timing, state):
    due_in(days)

    page = analyst_client.get(URL)

    assert f"{timing} {state}" in text(page)


def test_published_responses_show_their_date_and_state(analyst_client):
    on_time = due_in(-10, inspection__title="Report A")
    Response.objects.filter(pk=on_time.pk).update(is_published=True, published_on=on_time.due_on)
    late = due_in(-10, inspection__title="Report B")
    Response.objects.filter(pk=late.pk).update(
        is_published=True, published_on=late.due_on + datetime.timedelta(days=3)
    )
    due_in(-10, inspection__title="Report C", is_published=True)

    visible = text(analyst_client.get(URL))

    due = f"{on_time.due_on:%-d %B %Y}"
    assert f"{due} On the last day Published on time Published {due}" in visible
    late_on = f"{late.due_on + datetime.timedelta(days=3):%-d %B %Y}"
    assert f"3 days late Published late Published {late_on}" in visible
    assert "Published (date not recorded) Not requested" in visible


def test_not_required_shows_its_reason(analyst_client):
    due_in(3, is_not_required=True, not_required_reason="Answered in the PEEL response.")

    visible = text(analyst_client.get(URL))

    assert "Not required Answered in the PEEL response." in visible


def test_draft_text_is_never_shown(analyst_client):
    due_in(
        5,
        key_findings="KEY FINDINGS DRAFT",
        chief_officer_comments="CHIEF DRAFT",
        body_comments="BODY DRAFT",
    )

    page = analyst_client.get(URL)

    for draft in ("KEY FINDINGS DRAFT", "CHIEF DRAFT", "BODY DRAFT"):
        assertNotContains(page, draft)


def test_change_link_only_for_responses_the_user_may_edit(client, editor, force, other_force):
    own = due_in(5, inspection__force=force)
    other = due_in(6, inspection__force=other_force)
    client.force_login(editor)

    page = client.get(URL)

    assertContains(page, reverse("admin:recommendations_response_change", args=[own.pk]))
    assertNotContains(page, reverse("admin:recommendations_response_change", args=[other.pk]))


@pytest.mark.parametrize("lacks", ["the permission to change responses", "a staff account"])
def test_no_change_link_where_the_admin_would_refuse_the_change(client, force, lacks):
    """The link follows the admin's own rule (as the finding page's status link does), not the
    force check alone: a user attached to the force who may only view responses, or whose
    account cannot enter the admin, gets no link to a page the admin would refuse."""
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory(is_staff=lacks != "a staff account")
    user.user_permissions.add(Permission.objects.get(codename="view_response"))
    if lacks == "a staff account":
        user.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    force.editors.add(user)
    response = due_in(5, inspection__force=force)
    client.force_login(user)

    page = client.get(URL)

    assert page.status_code == HTTPStatus.OK
    assertNotContains(page, reverse("admin:recommendations_response_change", args=[response.pk]))


def test_analyst_gets_no_change_links(analyst_client):
    response = due_in(5)

    page = analyst_client.get(URL)

    assertNotContains(page, reverse("admin:recommendations_response_change", args=[response.pk]))


def test_administrator_gets_every_change_link(client, administrator):
    responses = [due_in(5), due_in(6)]
    client.force_login(administrator)

    page = client.get(URL)

    for response in responses:
        assertContains(page, reverse("admin:recommendations_response_change", args=[response.pk]))


def test_published_response_link(analyst_client):
    response = due_in(-3, is_published=True, published_url="https://opcc.example/response")

    assertContains(analyst_client.get(URL), 'href="https://opcc.example/response"')
    assert response.published_url


def test_incomplete_with_override_is_labelled(analyst_client):
    response = due_in(
        -3,
        is_published=True,
        is_completeness_overridden=True,
        completeness_override_reason="Answered elsewhere.",
    )
    FindingFactory(inspection=response.inspection, recommendation=True)

    assertContains(analyst_client.get(URL), "Incomplete (override recorded)")


# --- Filters: the FilterSet directly ------------------------------------------------------------


def filtered(**params) -> list[Response]:
    filterset = ResponseTrackerFilter(params, queryset=tracker_queryset(today()))
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def test_filter_by_one_or_several_forces():
    a, b, c = ForceFactory.create_batch(3)
    ra, rb, _ = (due_in(5, inspection__force=f) for f in (a, b, c))

    assert filtered(force=[a.slug]) == [ra]
    assert set(filtered(force=[a.slug, b.slug])) == {ra, rb}


def test_filter_by_state_repeatable():
    overdue, soon, _ = due_in(-1), due_in(1), due_in(40)

    assert filtered(state=["overdue"]) == [overdue]
    assert set(filtered(state=["overdue", "due_soon"])) == {overdue, soon}


def test_filter_by_kind():
    thematic = due_in(5, inspection__kind="thematic")
    due_in(5)

    assert filtered(kind="thematic") == [thematic]


def test_filter_by_year_of_publication():
    old = ResponseFactory(inspection__published_on=datetime.date(2019, 5, 2))
    ResponseFactory(inspection__published_on=datetime.date(2022, 4, 7))

    assert filtered(year="2019") == [old]


def test_filter_by_publication_dates_inclusive():
    first = ResponseFactory(inspection__published_on=datetime.date(2021, 1, 1))
    second = ResponseFactory(inspection__published_on=datetime.date(2021, 6, 30))
    third = ResponseFactory(inspection__published_on=datetime.date(2021, 7, 1))

    assert filtered(published_after="2021-01-01", published_before="2021-06-30") == [
        first,
        second,
    ]
    assert filtered(published_after="2021-06-30") == [second, third]
    assert filtered(published_before="2021-01-01") == [first]


def test_filter_incomplete():
    incomplete = due_in(5)
    FindingFactory(inspection=incomplete.inspection, recommendation=True)
    complete = due_in(6)
    FindingExplanationFactory(
        response=complete,
        finding=FindingFactory(inspection=complete.inspection, recommendation=True),
    )
    due_in(7)  # no recommendations

    assert filtered(incomplete="on") == [incomplete]


def test_sort_by_due_date_with_unknown_deadlines_last():
    later, sooner = due_in(9), due_in(2)
    unknown = ResponseFactory(inspection__published_on=None)

    assert filtered() == [sooner, later, unknown]
    assert filtered(sort="due") == [sooner, later, unknown]
    assert filtered(sort="-due") == [later, sooner, unknown]


def test_sort_by_report_publication_and_by_force():
    zulu = due_in(5, inspection__force=ForceFactory(name="Zulu Police"))
    alpha = due_in(3, inspection__force=ForceFactory(name="Alpha Police"))

    assert filtered(sort="published") == [alpha, zulu]
    assert filtered(sort="-published") == [zulu, alpha]
    assert filtered(sort="force") == [alpha, zulu]


def test_headings_sort_the_tracker_keeping_the_filters_and_mark_the_current_sort(analyst_client):
    due_in(-3)
    filters = {"state": "overdue", "kind": "peel_force"}
    page = analyst_client.get(URL, {**filters, "page": "3"})
    assert headings(page) == {
        "Force": (None, {**filters, "sort": "force"}, "Force (A to Z)"),
        "Report published": (
            None,
            {**filters, "sort": "-published"},
            "Report published (newest first)",
        ),
        # The default sort, soonest deadline first: a click reverses it.
        "Due": ("ascending", {**filters, "sort": "-due"}, "Due date (latest first)"),
    }
    assertContains(page, '<br><span class="govuk-body-s">(days left or overdue)</span></th>')
    # Repeated filters are all kept; the heading of the current sort says so.
    due_in(-3, inspection__force=ForceFactory(slug="kent"))
    due_in(-4, inspection__force=ForceFactory(slug="avon"))
    page = analyst_client.get(URL, {"force": ["kent", "avon"], "sort": "-published"})
    marked = headings(page, raw=True)
    assert marked["Report published"] == (
        "descending",
        "force=kent&force=avon&sort=published",
        "Report published (oldest first)",
    )
    assert marked["Due"] == (None, "force=kent&force=avon&sort=due", "Due date (soonest first)")
    assert headings(analyst_client.get(URL, {"sort": "force"}))["Force"][0] == "ascending"


@pytest.mark.parametrize("column", ["Force", "Report published", "Due"])
def test_following_a_heading_sorts_the_page_and_the_exports(analyst_client, column, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rows are read from the context of each rendering
    for days, name in [(9, "Alpha Police"), (2, "Zulu Police"), (5, "Mike Police")]:
        due_in(days, inspection__force=ForceFactory(name=name))
    ResponseFactory(inspection__published_on=None)
    page = analyst_client.get(URL, {"state": ["open", "due_soon"]})
    for _ in range(2):  # the first click, then the second (reversing where it can)
        query = headings(page, raw=True)[column][1]
        page = analyst_client.get(f"{URL}?{query}")
        shown = [response.force.name for response in rows(page)]
        assert len(shown) == 3
        filterset = ResponseTrackerFilter(QueryDict(query), queryset=tracker_queryset(today()))
        assert shown == [response.force.name for response in filterset.qs]
        assert headings(page)[column][0] in ("ascending", "descending")
        export = analyst_client.get(f"{reverse('tracker:export_csv')}?{query}")
        lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()[1:]
        assert [line.split(",")[0] for line in lines] == shown


# --- Filters: through the page, shown and removable ---------------------------------------------


def test_filters_through_the_page_show_each_value_removable(analyst_client):
    cumbria = ForceFactory(slug="cumbria", name="Cumbria Constabulary")
    kent = ForceFactory(slug="kent", name="Kent Police")
    wanted = due_in(-1, inspection__force=cumbria)
    due_in(-1, inspection__force=ForceFactory())

    page = analyst_client.get(
        URL, {"force": ["cumbria", "kent"], "state": ["overdue"], "sort": "-due"}
    )

    assert rows(page) == [wanted]
    filters = {f.label: f.remove_url for f in page.context["active_filters"]}
    assert filters == {
        "Force: Cumbria Constabulary": "?force=kent&state=overdue&sort=-due",
        "Force: Kent Police": "?force=cumbria&state=overdue&sort=-due",
        "State: Overdue": "?force=cumbria&force=kent&sort=-due",
    }
    assertContains(page, "Remove filter: ", count=3)
    assert kent.name in text(page)
    assertContains(page, 'href="?force=kent&amp;state=overdue&amp;sort=-due"')
    assertContains(page, f'<a class="govuk-link" href="{URL}">Clear filters</a>', html=True)
    # The exports take the same query string.
    assertContains(
        page, f'href="{reverse("tracker:export_csv")}?force=cumbria&amp;force=kent&amp;state='
    )


def test_filter_form_keeps_the_choices(analyst_client):
    ForceFactory(slug="cumbria", name="Cumbria Constabulary")

    page = analyst_client.get(URL, {"force": "cumbria", "state": "due_soon", "kind": "thematic"})

    assertContains(page, 'value="cumbria" checked')
    assertContains(page, 'value="due_soon" checked')
    assertContains(page, '<option value="thematic" selected>')


# --- Bad parameters -----------------------------------------------------------------------------


def test_bad_parameters_render_the_page_with_readable_messages(analyst_client):
    due_in(5)

    page = analyst_client.get(
        URL,
        {
            "force": "atlantis",
            "state": "lost",
            "kind": "novel",
            "year": "abc",
            "published_after": "2020-13-45",
            "sort": "random",
        },
    )

    assert page.status_code == HTTPStatus.OK
    assert page.context["errors"] == [
        ("id_force_0", "“atlantis” is not a force."),
        ("id_state_0", "“lost” is not a state."),
        ("id_kind", "“novel” is not a kind of report."),
        ("id_year", "No report was published in “abc”."),
        (
            "id_published_after",
            "“Published on or after” must be a real date, for example 2019-05-02.",
        ),
        ("id_sort", "“random” is not a way to sort the tracker."),
    ]
    assertContains(page, "There is a problem with the filters")
    assertContains(page, "No responses are shown until the filters are corrected.")
    assertNotContains(page, "<table")


def test_dates_in_the_wrong_order_are_refused(analyst_client):
    page = analyst_client.get(
        URL, {"published_after": "2022-01-01", "published_before": "2021-01-01"}
    )

    assert page.context["errors"] == [
        (
            "id_published_before",
            "“Published on or before” must be the same as or later than “Published on or after”.",
        )
    ]


@pytest.mark.parametrize("number", ["abc", "0", "999", "-1"])
def test_bad_page_numbers_show_a_page(analyst_client, number):
    due_in(5)

    page = analyst_client.get(URL, {"page": number})

    assert page.status_code == HTTPStatus.OK
    assert len(rows(page)) == 1


def test_unknown_parameters_are_ignored(analyst_client):
    due_in(5)

    assert len(rows(analyst_client.get(URL, {"utm_source": "email"}))) == 1


# --- Pagination ---------------------------------------------------------------------------------


def test_paginated_with_the_total_count(analyst_client):
    report = InspectionFactory(national=True, published_on=today() - datetime.timedelta(days=50))
    for force in ForceFactory.create_batch(PAGE_SIZE + 1):
        ResponseFactory(inspection=report, force=force)

    first = analyst_client.get(URL)
    second = analyst_client.get(URL, {"page": 2})

    assert len(rows(first)) == PAGE_SIZE
    assert len(rows(second)) == 1
    assertContains(first, f"{PAGE_SIZE + 1} responses")
    assertContains(first, 'href="?page=2"')
    assertContains(second, f"Responses owed: {PAGE_SIZE + 1} to {PAGE_SIZE + 1} of {PAGE_SIZE + 1}")
    assert set(rows(first)).isdisjoint(rows(second))


def test_page_links_keep_the_filters(analyst_client):
    report = InspectionFactory(national=True, published_on=today() - datetime.timedelta(days=50))
    for force in ForceFactory.create_batch(PAGE_SIZE + 1):
        ResponseFactory(inspection=report, force=force)

    page = analyst_client.get(URL, {"state": "due_soon", "page": 1})

    assertContains(page, 'href="?state=due_soon&amp;page=2"')


# --- Query count --------------------------------------------------------------------------------


def make_tracked_responses(force, n: int) -> None:
    """n reports of `force`, each with recommendations, AFIs and an explanation, plus n
    responses of another force (which the force filter hides)."""
    for i in range(n):
        response = due_in(i - 2, inspection__force=force)
        first = FindingFactory(inspection=response.inspection, recommendation=True)
        FindingFactory(inspection=response.inspection, recommendation=True)
        FindingFactory(inspection=response.inspection, kind=Finding.Kind.AFI)
        FindingExplanationFactory(response=response, finding=first)
        due_in(i, inspection__force=ForceFactory())


def get_tracker_as_editor(client, force, django_assert_num_queries) -> int:
    with django_assert_num_queries(11):
        # 1. the session; 2. the user;
        # 3-4. the user's own and group permissions (view_response required);
        # 5. the record's version; 6. is the user an administrator (group); 7. the forces the
        # user edits (change links; with 5-6 the key of the kept page: peel_tracker.page_cache);
        # 8. the years with reports (the year filter's choices, kept until reports or
        # responses change: selectors.tracker_years);
        # 9. the forces named in ?force= (validating the filter);
        # 10. the total count (kept until the record changes: pagination.cached_count);
        # 11. the page of rows with their state and counts (one query);
        # 12. every force (the force checkboxes).
        response = client.get(URL, {"force": force.slug, "sort": "due"})
    assert response.status_code == HTTPStatus.OK
    return len(rows(response))


def test_query_count(client, editor, force, django_assert_num_queries):
    make_tracked_responses(force, 3)
    client.force_login(editor)

    assert get_tracker_as_editor(client, force, django_assert_num_queries) == 3


def test_query_count_does_not_grow_with_the_rows(client, editor, force, django_assert_num_queries):
    make_tracked_responses(force, 6)
    client.force_login(editor)

    assert get_tracker_as_editor(client, force, django_assert_num_queries) == 6


def test_years_and_count_are_kept_until_the_record_changes(
    client, editor, force, django_assert_num_queries, settings
):
    """With the page cache off the page is rendered for each request, but the year filter's
    choices and the total are read once per version of the record."""
    settings.PAGE_CACHE_SECONDS = 0
    make_tracked_responses(force, 3)
    client.force_login(editor)
    client.get(URL)
    # session, user, permissions (own, groups'), the record's version, the page of rows, is
    # the user an administrator and the forces they edit (the change links, one query), every
    # force (the force checkboxes): no years, no count.
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert response.context["page"].paginator.count == Response.objects.count() == 6
    assert ("2016", "2016") not in response.context["form"].fields["year"].choices
    # Each query string has its own count (the key names the filters, not just the page).
    filtered = client.get(URL, {"force": force.slug, "page": "1"})
    assert filtered.context["page"].paginator.count == 3
    # A new report owing a response: both are read again.
    ResponseFactory(inspection__force=force, inspection__published_on=datetime.date(2016, 5, 1))
    response = client.get(URL)
    assert response.context["page"].paginator.count == 7
    assert ("2016", "2016") in response.context["form"].fields["year"].choices


def test_an_editor_without_forces_reads_the_tracker(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    due_in(5)
    client.force_login(user)

    page = client.get(URL)

    assert page.status_code == HTTPStatus.OK
    assertNotContains(page, "Change response")


# --- The real record ----------------------------------------------------------------------------


def test_real_cumbria_record(analyst_client):
    call_command("load_real_data", verbosity=0)

    page = analyst_client.get(URL, {"force": "cumbria"})

    by_report = {r.inspection.slug: r for r in rows(page)}
    peel_2018 = by_report["cumbria-peel-2018-19"]
    assert peel_2018.due_on == datetime.date(2019, 6, 26)
    assert peel_2018.state == State.PUBLISHED_DATE_UNKNOWN
    assert (peel_2018.recommendations_owed, peel_2018.afi_count) == (0, 5)
    assert by_report["diverging-under-pressure"].state == State.PUBLISHED_DATE_UNKNOWN
    # Dated to April 2022 only: due in a window, overdue once its last day has passed.
    peel_2021 = by_report["cumbria-peel-2021-22"]
    assert (peel_2021.due_earliest_on, peel_2021.due_on) == (
        datetime.date(2022, 5, 26),
        datetime.date(2022, 6, 24),
    )
    assert peel_2021.state == State.OVERDUE
    assert (
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cumbria Constabulary "
        "PEEL force inspection 2 May 2019 26 June 2019"
    ) in text(page)
    assert "26 May 2022 – 24 June 2022" in text(page)
    # The national spotlight is owed by all 43 forces.
    national = analyst_client.get(URL, {"kind": "peel_national"})
    assert national.context["page"].paginator.count == 43


@pytest.mark.parametrize(
    "page_number, note",
    [
        ("99", "There is only one page of results: showing it."),
        ("0", "That page number is not valid: showing the first page."),
        ("two", "That page number is not valid: showing the first page."),
    ],
)
def test_a_page_past_the_end_or_not_a_number_says_which_page_is_shown(
    analyst_client, page_number, note
):
    """As the findings list does (one helper, recommendations.pagination.page_or_nearest): a
    bookmarked page that no longer exists shows the nearest one and says so."""
    due_in(5)

    page = analyst_client.get(URL, {"page": page_number})

    assert page.status_code == HTTPStatus.OK
    assertContains(page, note)
    assert len(rows(page)) == 1


def test_a_page_that_exists_has_no_note(analyst_client):
    due_in(5)

    assertNotContains(analyst_client.get(URL, {"page": "1"}), "showing the")
