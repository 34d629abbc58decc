"""The findings list's report filter: the chosen report shown by its title with a link that
removes it, and a search over report titles (`report_q`) listing reports to choose, in the page
(without a script) and from its own URL (for the page's script). The list never carries every
report: at national scale that was 535 KB of a 595 KB page."""

import datetime
from http import HTTPStatus
from urllib.parse import urlencode

import pytest

from recommendations.views.findings_list import (
    REPORT_CHOICES_SHOWN,
    REPORT_WORD_CHARS,
    REPORT_WORDS,
)
from tests.factories import InspectionFactory, UserFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

LIST_URL = "/findings/"
CHOICES_URL = "/findings/reports/"


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def world():
    return build_world()


def test_the_list_does_not_carry_every_report(analyst_client, world):
    for number in range(30):
        InspectionFactory(title=f"Thematic report number {number}")
    html = analyst_client.get(LIST_URL).content.decode()
    assert "Thematic report number" not in html
    assert '<select class="govuk-select govuk-!-width-full" id="inspection"' not in html
    assert '<label class="govuk-label" for="report_q">Find a report by words of its title' in html


def test_the_chosen_report_is_shown_by_title_kept_by_the_form_and_removable(
    analyst_client, world, html_form_data
):
    query = urlencode([("force", "avon"), ("inspection", world.avon21.pk), ("sort", "age")])
    response = analyst_client.get(f"{LIST_URL}?{query}")
    html = response.content.decode()
    assert (
        '<p class="govuk-body" id="chosen-report">Avon PEEL 2021/22 '
        '<span class="govuk-body-s">(April 2022)</span><br>'
    ) in html
    # Removing it keeps the other filters and the order.
    assert '<a class="govuk-link" href="?force=avon&amp;sort=age">Remove<span' in html
    # Applying other filters keeps it (a hidden field; `inspection` means what it always did).
    assert html_form_data(response, containing="q")["inspection"] == str(world.avon21.pk)
    assert "Choose another report by words of its title" in html


def test_an_unknown_report_is_an_error_that_points_at_the_search(analyst_client, world):
    response = analyst_client.get(f"{LIST_URL}?inspection=999999")
    html = response.content.decode()
    assert '<a href="#report_q">Report:' in html
    assert 'id="chosen-report"' not in html
    assert 'name="inspection"' not in html  # not kept: applying the filters drops it


def test_the_search_lists_matching_reports_newest_first_as_links_keeping_the_filters(
    analyst_client, world
):
    """Without a script: "Apply filters" with words in the search lists the reports whose title
    contains every word (any case); each link filters the list by that report instead of the
    chosen one, with the other filters and the order kept."""
    query = urlencode(
        [
            ("force", "avon"),
            ("inspection", world.avon18.pk),
            ("sort", "age"),
            ("report_q", "peel AVON"),
        ]
    )
    html = analyst_client.get(f"{LIST_URL}?{query}").content.decode()
    assert "2 reports whose title contains “peel AVON”" in html
    newer = (
        f'href="?force=avon&amp;sort=age&amp;inspection={world.avon21.pk}">Avon PEEL 2021/22</a>'
    )
    older = (
        f'href="?force=avon&amp;sort=age&amp;inspection={world.avon18.pk}">Avon PEEL 2018/19</a>'
    )
    assert newer in html and older in html
    assert html.index(newer) < html.index(older)
    assert "Kent PEEL" not in html
    # The search does not filter the findings: the chosen report still does.
    assert 'id="chosen-report">Avon PEEL 2018/19' in html


def test_the_search_says_when_nothing_matches_and_when_more_match_than_it_lists(
    analyst_client, world
):
    html = analyst_client.get(f"{LIST_URL}?report_q=nowhere").content.decode()
    assert "No report title contains “nowhere”." in html
    for day in range(REPORT_CHOICES_SHOWN + 1):
        InspectionFactory(
            title=f"Custody thematic {day}",
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
        )
    html = analyst_client.get(f"{LIST_URL}?report_q=custody").content.decode()
    assert f"The {REPORT_CHOICES_SHOWN} newest reports whose title contains “custody”" in html
    assert "more match: add words to narrow the list" in html
    assert "Custody thematic 0<" not in html  # the oldest is left out
    assert html.count("Custody thematic") == REPORT_CHOICES_SHOWN


def test_the_search_reads_a_bounded_query(analyst_client, world):
    words = " ".join(["avon"] * (REPORT_WORDS + 5) + ["x" * (REPORT_WORD_CHARS * 3)])
    response = analyst_client.get(CHOICES_URL, {"report_q": words})
    assert response.status_code == HTTPStatus.OK
    assert "Avon PEEL 2021/22" in response.content.decode()  # the extra words were not read


def test_the_choices_url_gives_the_same_list_for_the_pages_script(analyst_client, world):
    query = urlencode([("force", "avon"), ("page", "3"), ("report_q", "avon")])
    response = analyst_client.get(f"{CHOICES_URL}?{query}")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<html" not in html  # a fragment, put in the page under the search
    assert f'href="?force=avon&amp;inspection={world.avon21.pk}">Avon PEEL 2021/22</a>' in html
    assert analyst_client.get(CHOICES_URL).content.decode().strip() == ""


def test_the_choices_url_needs_sign_in_and_the_permission_to_read_findings(client, world):
    response = client.get(CHOICES_URL, {"report_q": "avon"})
    assert response.status_code == HTTPStatus.FOUND
    client.force_login(UserFactory(is_staff=True))  # no role
    assert client.get(CHOICES_URL, {"report_q": "avon"}).status_code == HTTPStatus.FORBIDDEN


def test_the_choices_url_query_count_is_constant(analyst_client, world, django_assert_num_queries):
    # session, user, permissions (own, roles'), the reports whose title contains the words
    with django_assert_num_queries(5):
        analyst_client.get(CHOICES_URL, {"report_q": "peel"})
    for _ in range(10):
        InspectionFactory(title="Another PEEL report")
    with django_assert_num_queries(5):
        analyst_client.get(CHOICES_URL, {"report_q": "peel"})


def test_a_nul_character_separates_words_rather_than_failing(analyst_client, world):
    """PostgreSQL refuses NUL in a query (the fuzz test found a 500 here): it separates words."""
    InspectionFactory(title="Custody inspection of Nulltown")
    for url in (LIST_URL, CHOICES_URL):
        response = analyst_client.get(url, {"report_q": "custody\x00nulltown"})
        assert response.status_code == HTTPStatus.OK
        assert "Custody inspection of Nulltown" in response.content.decode(), url
