"""The findings list and a finding's page: access, content, filters through the view,
pagination, bad input and query counts."""

import csv
import datetime
import io
import re
from http import HTTPStatus
from urllib.parse import parse_qsl, urlencode

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.urls import reverse

from inspections.access import ANALYST_GROUP, OPCC_EDITOR_GROUP
from recommendations.filters import FindingFilter
from recommendations.selectors import finding_rows
from recommendations.services import finding_status_change
from tests.factories import (
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    UserFactory,
)
from tests.recommendations.findings_world import build_world, labels
from tests.recommendations.headings import headings

pytestmark = pytest.mark.django_db

LIST_URL = "/findings/"


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def world():
    return build_world()


def test_urls():
    assert reverse("recommendations:list") == LIST_URL
    assert reverse("recommendations:detail", args=[7]) == "/findings/7/"
    assert reverse("recommendations:export_csv") == "/findings/export.csv"
    assert reverse("recommendations:export_xlsx") == "/findings/export.xlsx"


@pytest.mark.parametrize("url", [LIST_URL, "/findings/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


def test_every_signed_in_role_reads_the_list(client, world, editor, outsider, analyst):
    for user in (editor, outsider, analyst):
        client.force_login(user)
        assert client.get(LIST_URL).status_code == HTTPStatus.OK


def test_a_signed_in_user_without_a_role_is_refused(client, world):
    client.force_login(UserFactory())
    assert client.get(LIST_URL).status_code == HTTPStatus.FORBIDDEN


def test_list_shows_rows_count_and_links(analyst_client, world):
    response = analyst_client.get(LIST_URL)
    assert response.status_code == HTTPStatus.OK
    assert response.context["active_section"] == "findings"
    assert response.context["page_obj"].paginator.count == 9
    html = response.content.decode()
    assert "9 results" in html
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">Findings 1 to 9 of 9' in html
    )
    assert html.count('<th scope="col" class="govuk-table__header') == 5
    for finding in (world.afi_avon18, world.nat_gp, world.rec_kent):
        assert f'href="/findings/{finding.pk}/"' in html
    assert f'href="/inspections/{world.avon18.pk}/"' in html
    assert 'href="/forces/avon/"' in html
    assert "2 May 2019" in html and "April 2022" in html
    assert "Not stated" in html  # afi_avon21's status date and the undated report
    assert '<strong class="govuk-tag govuk-tag--green">Complete</strong>' in html
    assert "No status: good practice is not tracked" in html
    assert "National report" in html  # the national good practice has no force of its own


def test_list_filters_through_the_view(analyst_client, world):
    query = "force=avon&kind=afi&status=open&q=stop+and+search"
    response = analyst_client.get(f"{LIST_URL}?{query}")
    assert labels(response.context["rows"], world) == ["afi_avon21@avon", "afi_avon18@avon"]
    html = response.content.decode()
    assert "2 results" in html
    # Export links carry the same query.
    assert f'href="/findings/export.csv?{query.replace("&", "&amp;")}"' in html
    assert f'href="/findings/export.xlsx?{query.replace("&", "&amp;")}"' in html


def test_search_finds_findings_by_their_reports_title(analyst_client, world):
    response = analyst_client.get(LIST_URL, {"q": "Spotlight 2020"})
    assert set(labels(response.context["rows"], world)) == {
        "nat_rec@avon",
        "nat_rec@kent",
        "nat_gp@-",
    }
    html = response.content.decode()
    assert "3 results" in html
    assert "Every word must appear in the finding's text or its report's title" in html


def test_each_active_filter_is_a_tag_linking_to_the_query_without_it(analyst_client, world):
    query = [
        ("force", "avon"),
        ("force", "kent"),
        ("kind", "afi"),
        ("status", "open"),
        ("area", "Legitimacy"),
        ("theme", "stop-and-search"),
        ("published_after", "2019-01-01"),
        ("q", "stop"),
        ("sort", "age"),
        ("page", "1"),
    ]
    response = analyst_client.get(f"{LIST_URL}?{urlencode(query)}")
    tags = {
        tag["label"]: dict(parse_qsl(tag["remove_url"][1:]))
        for tag in response.context["active_filters"]
    }
    assert list(tags) == [
        "Force: Avon Constabulary",
        "Force: Kent Police",
        "Kind: Area for improvement",
        "Status: Open",
        "Area: Legitimacy (every framework)",
        "Theme: Stop and search",
        "Published on or after: 1 January 2019",
        "Containing: “stop”",
    ]
    removal = {tag["label"]: tag["remove_url"] for tag in response.context["active_filters"]}
    assert removal["Force: Avon Constabulary"] == (
        "?force=kent&kind=afi&status=open&area=Legitimacy&theme=stop-and-search"
        "&published_after=2019-01-01&q=stop&sort=age"
    )
    assert "status" not in tags["Status: Open"] and tags["Status: Open"]["sort"] == "age"
    html = response.content.decode()
    assert "Remove filter: </span>Force: Kent Police" in html
    assert response.context["clear_url"] == "?sort=age"
    assert 'href="?sort=age">Clear filters</a>' in html


def test_each_heading_sorts_the_list_keeping_the_filters_and_marks_the_current_sort(
    analyst_client, many_rows
):
    filters = {"force": "avon", "kind": "afi", "q": "force"}
    response = analyst_client.get(LIST_URL, {**filters, "page": "2"})
    assert headings(response) == {
        "Finding": (None, {**filters, "sort": "kind"}, "Kind"),
        "Force": (None, {**filters, "sort": "force"}, "Force (A to Z)"),
        # The default sort, newest report first: a click reverses it.
        "Report": ("descending", {**filters, "sort": "published"}, "Oldest report first"),
        "Status": (None, {**filters, "sort": "status"}, "Status"),
        "Since": (None, {**filters, "sort": "age"}, "Oldest status first"),
    }
    # Every filter kept (repeatable ones too), the page number dropped.
    response = analyst_client.get(
        f"{LIST_URL}?force=avon&force=kent&kind=afi&sort=published&page=2"
    )
    marked = headings(response)
    assert marked["Report"][0] == "ascending"
    assert [aria for aria, _, _ in marked.values()].count(None) == 4
    html = response.content.decode()
    assert 'href="?force=avon&amp;force=kent&amp;kind=afi&amp;sort=-published"' in html
    assert 'href="?force=avon&amp;force=kent&amp;kind=afi&amp;sort=force"' in html
    assert '<span class="app-sort-arrow" aria-hidden="true">▲</span>' in html
    # A sort with one direction stays as it is when its heading is clicked again.
    assert headings(analyst_client.get(LIST_URL, {"sort": "age"}))["Since"] == (
        "ascending",
        {"sort": "age"},
        "Oldest status first",
    )


@pytest.mark.parametrize("column", ["Finding", "Force", "Report", "Status", "Since"])
def test_following_a_heading_gives_that_sort_and_the_exports_follow_it(
    analyst_client, world, column
):
    first = headings(analyst_client.get(LIST_URL, {"kind": ["afi", "recommendation"]}), raw=True)
    query = first[column][1]
    assert query.startswith("kind=afi&kind=recommendation&sort=")
    response = analyst_client.get(f"{LIST_URL}?{query}")
    assert headings(response)[column][0] in ("ascending", "descending")
    shown = [(row.pk, row.row_force_name or "") for row in response.context["rows"]]
    expected = list(
        FindingFilter(QueryDict(query), queryset=finding_rows()).qs.values_list(
            "pk", "row_force_name"
        )
    )
    assert shown == [(pk, force or "") for pk, force in expected]
    html = response.content.decode()
    assert f'href="/findings/export.csv?{query.replace("&", "&amp;")}"' in html
    export = analyst_client.get(f"/findings/export.csv?{query}")
    lines = b"".join(export.streaming_content).decode("utf-8-sig")
    exported = [(int(row[13]), row[0]) for row in list(csv.reader(io.StringIO(lines)))[1:]]
    assert exported == shown


def test_area_by_id_tag_names_its_framework(analyst_client, world):
    response = analyst_client.get(f"{LIST_URL}?area={world.legit21.pk}")
    assert response.context["active_filters"][0]["label"] == "Area: Legitimacy (PEEL 2021/22)"


def test_the_form_shows_the_filters_and_submits_the_same_query(
    analyst_client, world, html_form_data
):
    query = [
        ("q", "stop search"),
        ("kind", "afi"),
        ("kind", "recommendation"),
        ("status", "open"),
        ("force", "avon"),
        ("area", str(world.legit21.pk)),
        ("theme", "stop-and-search"),
        ("inspection", str(world.avon21.pk)),
        ("published_after", "2019-01-01"),
        ("published_before", "2023-12-31"),
        ("carried_forward", "yes"),
        ("sort", "age"),
    ]
    response = analyst_client.get(f"{LIST_URL}?{urlencode(query)}")
    form = html_form_data(response, containing="q")
    assert form == {
        "q": "stop search",
        "kind": ["recommendation", "afi"],
        "status": "open",
        "force": "avon",
        "area": str(world.legit21.pk),
        "theme": "stop-and-search",
        "inspection": str(world.avon21.pk),
        "published_after": "2019-01-01",
        "published_before": "2023-12-31",
        "carried_forward": "yes",
        "sort": "age",
        # The report search (recommendations.views.findings_list.report_choices), empty: it
        # chooses a report, it does not filter the findings.
        "report_q": "",
    }
    html = response.content.decode()
    assert '<form method="get" action="/findings/"' in html
    assert '<label class="govuk-label govuk-label--s" for="q">Containing the words</label>' in html


def test_an_area_given_by_name_survives_the_form(analyst_client, world, html_form_data):
    response = analyst_client.get(f"{LIST_URL}?area=Legitimacy")
    assert html_form_data(response, containing="q")["area"] == "Legitimacy"


def test_no_results_says_so(analyst_client, world):
    response = analyst_client.get(f"{LIST_URL}?q=nothing+like+this")
    html = response.content.decode()
    assert "0 results" in html and "No finding matches these filters." in html
    assert "<table" not in html


def test_invalid_filters_show_an_error_summary_and_no_rows(analyst_client, world):
    response = analyst_client.get(f"{LIST_URL}?published_after=yesterday&force=atlantis&kind=afi")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<title>Error: Findings" in html
    assert "There is a problem with the filters" in html
    assert 'href="#published_after">Published on or after: Enter a real date' in html
    assert 'href="#force-1">Force: There is no force “atlantis”.' in html
    assert 'id="published_after-error"' in html
    assert "<table" not in html and "page_obj" not in response.context


def test_long_values_are_cut_in_error_messages(analyst_client, world):
    response = analyst_client.get(LIST_URL, {"kind": "k" * 5000})
    assert response.status_code == HTTPStatus.OK
    assert "k" * 300 not in response.content.decode()


@pytest.fixture
def many_rows(world):
    """30 more Avon AFIs, so the list has 39 rows: two pages."""
    inspection = InspectionFactory(force=world.avon, framework=world.fw21, title="Avon extra")
    for position in range(1, 31):
        FindingStatusFactory(
            finding=FindingFactory(inspection=inspection, position=position, area=world.legit21),
            force=world.avon,
        )


def test_pages_of_25_with_govuk_pagination_keeping_the_query(analyst_client, many_rows):
    response = analyst_client.get(f"{LIST_URL}?force=avon&sort=force")
    assert len(response.context["rows"]) == 25
    html = response.content.decode()
    assert '<nav class="govuk-pagination" aria-label="Pagination">' in html
    assert 'href="?force=avon&amp;sort=force&amp;page=2" rel="next"' in html
    second = analyst_client.get(f"{LIST_URL}?force=avon&sort=force&page=2")
    assert len(second.context["rows"]) == 35 - 25  # 30 + Avon's 5 rows
    first_ids = {(r.pk, r.row_status_pk) for r in response.context["rows"]}
    second_ids = {(r.pk, r.row_status_pk) for r in second.context["rows"]}
    assert not first_ids & second_ids
    assert 'aria-current="page">2</a>' in second.content.decode()


@pytest.mark.parametrize(
    ("page", "shown", "note"),
    [
        ("999999999999999999999999", 2, "There are only 2 pages: showing the last page."),
        ("3", 2, "There are only 2 pages: showing the last page."),
        ("0", 1, "That page number is not valid: showing the first page."),
        ("abc", 1, "That page number is not valid: showing the first page."),
        ("2", 2, None),
    ],
)
def test_page_numbers_out_of_range_show_the_nearest_page_and_say_so(
    analyst_client, many_rows, page, shown, note
):
    response = analyst_client.get(LIST_URL, {"page": page})
    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].number == shown
    assert response.context["page_note"] == note
    if note:
        assert note in response.content.decode()


def add_rows(world, force, count):
    inspection = InspectionFactory(force=force, framework=world.fw21)
    for position in range(1, count + 1):
        finding = FindingFactory(inspection=inspection, position=position, area=world.legit21)
        finding.themes.add(world.stop)
        FindingStatusFactory(finding=finding, force=force)
    FindingFactory(inspection=inspection, position=count + 1, area=None, good_practice=True)


def test_list_query_count_is_constant(analyst_client, world, django_assert_num_queries):
    url = f"{LIST_URL}?kind=afi&kind=innovative_practice&sort=status"
    # session, user, permissions (own, roles'), the record's version (recommendations.freshness),
    # the user's access (role, forces edited: peel_tracker.page_cache), count (cached for that
    # version), page of rows, then the filter options: forces, areas, themes (kept until
    # reports or the admin change something; add_rows adds a report; no list of reports: the
    # report filter is a search)
    with django_assert_num_queries(11):
        analyst_client.get(url)
    add_rows(world, world.avon, 10)
    add_rows(world, ForceFactory(), 10)
    with django_assert_num_queries(11):
        response = analyst_client.get(url)
    assert response.context["page_obj"].paginator.count == 3 + 1 + 2 * 11
    # Nothing changed: the page comes from the cache, as rendered.
    with django_assert_num_queries(6):
        kept = analyst_client.get(url)
    assert f"{3 + 1 + 2 * 11} results" in kept.content.decode()


def test_list_query_count_with_every_filter_is_constant(
    analyst_client, world, django_assert_num_queries
):
    query = urlencode(
        [
            ("force", "avon"),
            ("force", "kent"),
            ("area", "Legitimacy"),
            ("theme", "stop-and-search"),
            ("inspection", world.avon21.pk),
            ("q", "force"),
            ("report_q", "avon"),
        ]
    )
    # session, user, permissions (own, roles'), the record's version, the user's access (role,
    # forces edited), the chosen forces, areas, theme and report (validation), count, page of
    # rows, then the options: forces, areas, themes, and the reports whose title contains
    # `report_q` (the report search)
    with django_assert_num_queries(16):
        analyst_client.get(f"{LIST_URL}?{query}")
    add_rows(world, world.avon, 20)
    for _ in range(3):
        InspectionFactory(title="Avon thematic")
    with django_assert_num_queries(16):
        analyst_client.get(f"{LIST_URL}?{query}")


def test_filter_options_are_kept_until_reports_or_the_admin_change_something(
    analyst_client, administrator_client, world, django_assert_num_queries, settings
):
    """With the page cache off: the forces, areas and themes the filters offer are read once,
    kept when a status changes, and read again when the admin changes a theme."""
    settings.PAGE_CACHE_SECONDS = 0
    analyst_client.get(LIST_URL)
    # session, user, permissions (own, roles'), the record's version, page of rows: no count
    # (kept for this version), no forces, areas or themes.
    with django_assert_num_queries(6):
        analyst_client.get(LIST_URL)
    FindingStatusFactory(finding=world.afi_avon21, force=world.kent)  # a status, not an option
    # ... and the count again (the record changed).
    with django_assert_num_queries(7):
        analyst_client.get(LIST_URL)
    added = administrator_client.post(
        "/admin/recommendations/theme/add/", {"slug": "custody", "name": "Custody"}
    )
    assert added.status_code == HTTPStatus.FOUND
    html = analyst_client.get(LIST_URL).content.decode()
    assert '<option value="custody">Custody</option>' in html


# A finding's page


def detail_url(finding) -> str:
    return reverse("recommendations:detail", args=[finding.pk])


def test_detail_404_for_an_unknown_finding(analyst_client):
    assert analyst_client.get("/findings/999999/").status_code == HTTPStatus.NOT_FOUND
    assert analyst_client.get("/findings/99999999999999999999999/").status_code == 404


def test_detail_shows_text_report_area_themes_and_lineage(analyst_client, world):
    response = analyst_client.get(detail_url(world.afi_avon21))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<p class="govuk-body">The force should ensure' in html
    assert (
        'stop and search powers.</p><p class="govuk-body">Both AFIs will remain in place.</p>'
        in html
    )
    assert f'href="/inspections/{world.avon21.pk}/">Avon PEEL 2021/22</a>' in html
    assert "published April 2022" in html
    assert "Legitimacy (PEEL 2021/22)" in html
    assert 'href="/findings/?theme=external-scrutiny">External scrutiny</a>' in html
    assert f'href="/findings/{world.afi_avon18.pk}/">Area for improvement: The force' in html
    assert "(Avon PEEL 2018/19, 2 May 2019)" in html
    earlier = analyst_client.get(detail_url(world.afi_avon18)).content.decode()
    assert f'href="/findings/{world.afi_avon21.pk}/"' in earlier  # carried forward to


def test_detail_shows_supersedes_both_ways(analyst_client, world):
    world.afi_avon18.superseded_by = world.rec_kent
    world.afi_avon18.save()
    older = analyst_client.get(detail_url(world.afi_avon18)).content.decode()
    assert f'href="/findings/{world.rec_kent.pk}/">Recommendation R1: Within three' in older
    newer = analyst_client.get(detail_url(world.rec_kent)).content.decode()
    supersedes = re.search(r"Supersedes</dt>\s*<dd[^>]*>(.*?)</dd>", newer, re.DOTALL).group(1)
    assert f'href="/findings/{world.afi_avon18.pk}/"' in supersedes


def test_detail_links_cause_of_concern_and_its_recommendations(analyst_client, world):
    cause = analyst_client.get(detail_url(world.cause_kent)).content.decode()
    assert "Recommendations under this cause of concern" in cause
    assert f'href="/findings/{world.rec_kent.pk}/">Recommendation R1: Within three months' in cause
    rec = analyst_client.get(detail_url(world.rec_kent)).content.decode()
    assert f'href="/findings/{world.cause_kent.pk}/">Cause of concern C1:' in rec


def test_detail_shows_each_forces_status_and_history_newest_first(
    analyst_client, world, administrator
):
    administrator.first_name, administrator.last_name = "Ada", "Byron"
    administrator.save()
    finding_status_change(
        finding_status=world.s_nat_kent,
        status="complete",
        effective_on=datetime.date(2021, 3, 4),
        note="Evidence: data review\npublished by the force.",
        user=administrator,
    )
    response = analyst_client.get(detail_url(world.nat_rec))
    html = response.content.decode()
    assert [s.force.slug for s in response.context["statuses"]] == ["avon", "kent"]
    assert "National report: each force it applies to has its own status" in html
    assert "Current status in each of the 2 forces" in html
    kent = html[html.index('id="history-kent"') :]
    assert kent.index("4 March 2021") < kent.index("1 September 2020")  # newest first
    assert "Evidence: data review\npublished by the force." in kent
    assert "Ada Byron" in kent
    assert "Loaded from the source document" in kent  # the opening entry had no author
    assert 'href="#history-avon"' in html


def test_detail_of_good_practice_says_it_has_no_status(analyst_client, world):
    html = analyst_client.get(detail_url(world.nat_gp)).content.decode()
    assert "Promising practice is good practice: it has no status" in html
    assert "Area</dt>" in html and "Not stated" in html
    assert "History</h2>" not in html


@pytest.mark.parametrize("persona", ["analyst", "administrator"])
def test_detail_query_count_is_constant_however_many_forces(
    client, world, django_assert_num_queries, request, persona
):
    """The same for a user shown a "Record a new status" link for every force: deciding it
    costs no query."""
    client.force_login(request.getfixturevalue(persona))
    analyst_client = client
    url = detail_url(world.nat_rec)
    # session, user, permissions (own, roles'), the record's version, the user's access (role,
    # forces edited), finding with report, force, framework, area, parent and lineage;
    # themes, child recommendations, carried forward to, supersedes, named forces and national
    # bodies it is addressed to, statuses with force, body and updater, their history with
    # authors; whether the user watches the finding (their own button, never kept). An
    # administrator edits every force: no query for the forces they edit.
    queries = 16
    with django_assert_num_queries(queries):
        analyst_client.get(url)
    for force in ForceFactory.create_batch(5):
        world.national.applies_to.add(force)
        FindingStatusFactory(finding=world.nat_rec, force=force)
    with django_assert_num_queries(queries):
        response = analyst_client.get(url)
    assert len(response.context["statuses"]) == 7
    links = response.content.decode().count("Record a new status")
    assert links == (7 if persona == "administrator" else 0)


def record_status_url(status) -> str:
    return reverse("admin:recommendations_findingstatus_change", args=[status.pk])


def test_record_a_new_status_is_linked_for_those_who_may_record_it(
    client, world, administrator, analyst
):
    """The link to the admin's form for a force's status: its OPCC editors and administrators
    get it; analysts, editors of other forces and anyone the admin would turn away do not."""
    avon_editor = UserFactory(is_staff=True)
    avon_editor.groups.add(*Group.objects.filter(name=OPCC_EDITOR_GROUP))
    world.avon.editors.add(avon_editor)
    kent_editor = UserFactory(is_staff=True)
    kent_editor.groups.add(*Group.objects.filter(name=OPCC_EDITOR_GROUP))
    world.kent.editors.add(kent_editor)
    not_staff = UserFactory(is_staff=False)  # the admin would not let them in
    not_staff.groups.add(*Group.objects.filter(name=OPCC_EDITOR_GROUP))
    world.avon.editors.add(not_staff)
    avon_analyst = UserFactory(is_staff=True)  # an analyst wrongly made an Avon editor
    avon_analyst.groups.add(*Group.objects.filter(name=ANALYST_GROUP))
    world.avon.editors.add(avon_analyst)

    avon, kent = record_status_url(world.s_nat_avon), record_status_url(world.s_nat_kent)
    for user, links in [
        (avon_editor, {avon}),
        (kent_editor, {kent}),
        (administrator, {avon, kent}),
        (analyst, set()),
        (not_staff, set()),
        (avon_analyst, set()),
    ]:
        client.force_login(user)
        html = client.get(detail_url(world.nat_rec)).content.decode()
        assert {url for url in (avon, kent) if url in html} == links, user
        assert html.count("Record a new status") == len(links), user
        for url in links:
            holder = "Avon Constabulary" if url == avon else "Kent Police"
            assert (
                f'<a class="govuk-link govuk-body-s" href="{url}">Record a new status'
                f'<span class="govuk-visually-hidden"> for {holder}</span></a>'
            ) in html
        # The link leads to a page the admin lets them use; the others are refused.
        if links:
            assert client.get(next(iter(links))).status_code == HTTPStatus.OK
    client.logout()
    assert client.get(detail_url(world.nat_rec)).status_code == HTTPStatus.FOUND


def test_record_a_new_status_is_not_offered_on_good_practice(client, world, administrator):
    client.force_login(administrator)
    assert "Record a new status" not in client.get(detail_url(world.nat_gp)).content.decode()


def test_a_reference_naming_its_kind_is_not_doubled_anywhere(analyst_client, admin_client):
    """Issue 16: "Recommendation Recommendation 1". The reader writes references with their
    kind; the list, the finding's page and the admin's choice of finding show one label
    (Finding.numbered_label)."""
    finding = FindingFactory(
        kind="recommendation", reference="Recommendation 1", text="Answer 999 calls faster."
    )
    FindingStatusFactory(finding=finding, force=finding.inspection.force)

    listed = analyst_client.get(LIST_URL).content.decode()
    page = analyst_client.get(reverse("recommendations:detail", args=[finding.pk]))

    for html in (listed, page.content.decode()):
        assert "Recommendation 1" in html
        assert "Recommendation Recommendation" not in html
    assert finding.label == "Recommendation 1"
    assert str(finding) == "Recommendation 1: Answer 999 calls faster."


def test_a_findings_source_is_its_section_and_report_never_a_file_path(analyst_client):
    """Issue 16: the page showed "Recorded from …, in ../shared/seeds/000_….txt"."""
    finding = FindingFactory(
        source_document="000_7ef010a0f97d3f66.txt",
        source_section="Legitimacy: areas for improvement",
        inspection__title="PEEL 2018/19: Cumbria",
        inspection__source_url="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-cumbria/",
    )

    html = analyst_client.get(reverse("recommendations:detail", args=[finding.pk])).content
    html = html.decode()

    assert "000_7ef010a0f97d3f66.txt" not in html and "seeds" not in html
    assert (
        '“Legitimacy: areas for improvement”, in <a class="govuk-link" '
        'href="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-cumbria/">PEEL 2018/19: '
        "Cumbria on the inspectorate's website</a>" in html
    )
