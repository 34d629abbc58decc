"""/api/v1/responses/: the 56-day tracker's rows (same filters, same order, same rows as
/tracker/ for the same query string), their statutory state, no draft ever, and a constant
query count."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from recommendations.models import Response
from tests.api.helpers import all_rows, csv_rows, token_client
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/responses/"
DRAFT_TEXTS = ("KEY FINDINGS DRAFT", "CHIEF CONSTABLE DRAFT", "BODY COMMENTS DRAFT")


def today() -> datetime.date:
    return timezone.localdate()


def due_in(days: int, **kwargs) -> Response:
    """A response whose statutory deadline is `days` days from today (negative: passed)."""
    published = today() + datetime.timedelta(days=days - 55)
    return ResponseFactory(inspection__published_on=published, **kwargs)


@pytest.fixture
def kent():
    return ForceFactory(slug="kent", name="Kent Police")


@pytest.fixture
def cumbria():
    return ForceFactory(slug="cumbria", name="Cumbria Constabulary")


@pytest.fixture
def tracker(kent, cumbria):
    """Responses of two forces in every kind of state, with a Cumbria draft holding text."""
    draft = due_in(
        -3,
        inspection__force=cumbria,
        inspection__title="Cumbria PEEL 2025",
        key_findings=DRAFT_TEXTS[0],
        chief_officer_comments=DRAFT_TEXTS[1],
        body_comments=DRAFT_TEXTS[2],
        published_url="https://example.org/draft-not-yet-out",
    )
    recommendation = FindingFactory(inspection=draft.inspection, recommendation=True)
    FindingStatusFactory(finding=recommendation, force=cumbria)
    FindingExplanationFactory(response=draft, finding=recommendation, text="DRAFT EXPLANATION")
    custody = due_in(5, inspection__force=kent, inspection__title="Kent custody")
    unexplained = FindingFactory(inspection=custody.inspection, recommendation=True)
    FindingStatusFactory(finding=unexplained, force=kent)
    due_in(40, inspection__force=kent, inspection__title="Kent PEEL 2025")
    published = due_in(-200, inspection__force=kent, inspection__title="Kent vetting")
    published.is_published = True
    published.published_on = published.due_on - datetime.timedelta(days=2)
    published.published_url = "https://example.org/kent-vetting-response"
    published.save()
    ResponseFactory(
        inspection__force=cumbria,
        inspection__title="Cumbria 2016",
        inspection__published_on=datetime.date(2016, 3, 1),
    )
    ResponseFactory(
        inspection__force=kent,
        inspection__kind="thematic",
        inspection__title="Kent thematic, month only",
        inspection__published_on=datetime.date(2024, 1, 1),
        inspection__published_precision="month",
    )
    return draft


def page_rows(client, query: str) -> list[int]:
    response = client.get(f"/tracker/?{query}")
    assert response.status_code == HTTPStatus.OK
    assert not response.context.get("errors"), response.context.get("errors")
    return [row.pk for row in response.context["page"].object_list]


QUERIES = [
    "",
    "force=kent",
    "force=kent&force=cumbria",
    "state=overdue",
    "state=due_soon&state=open",
    "state=no_statutory_deadline",
    "kind=thematic",
    "year=2024",
    "published_after=2024-01-01",
    "published_after=2015-01-01&published_before=2020-12-31",
    "incomplete=on",
    "sort=-due",
    "sort=published",
    "sort=-published",
    "sort=force",
    "force=kent&sort=-published",
]


@pytest.mark.parametrize("role", ["analyst", "editor", "administrator"])
def test_rows_equal_the_trackers_for_the_same_query_string(client, tracker, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    api = token_client(user)
    for query in QUERIES:
        expected = page_rows(client, query)
        assert expected, f"{query} selects no row: it tests nothing"
        assert [row["response_id"] for row in all_rows(api, f"{URL}?{query}")] == expected, query


def test_a_row_has_the_statutory_state_due_date_and_regime(analyst, tracker, kent):
    rows = all_rows(token_client(analyst), f"{URL}?force=kent&sort=published")
    by_title = {row["report_title"]: row for row in rows}
    custody = by_title["Kent custody"]
    assert custody["state"] == "due_soon"
    assert custody["state_label"] == "Due soon"
    assert custody["due_on"] == (today() + datetime.timedelta(days=5)).isoformat()
    assert custody["regime"] == "statutory"
    assert custody["timing"] == "5 days left"
    assert custody["force_slug"] == "kent"
    assert custody["is_published"] is False
    vetting = by_title["Kent vetting"]
    assert vetting["state"] == "published_on_time"
    assert vetting["published_url"] == "https://example.org/kent-vetting-response"
    month = by_title["Kent thematic, month only"]
    assert month["report_published"] == "2024-01"
    assert month["report_published_precision"] == "month"
    assert month["due_earliest_on"] == "2024-02-25"
    assert month["due_on"] == "2024-03-26"  # 31 January + 55 days


def test_a_kent_editors_token_never_returns_cumbrias_draft(client, tracker, kent, editor):
    """The tracker shows every response owed (dates and states: a public duty), never a
    draft's text; the API has no field for a draft's text, its explanations or an address not
    yet published, in JSON or CSV."""
    kent.editors.add(editor)
    api = token_client(editor)
    for url in (URL, f"{URL}?force=cumbria", f"{URL}?format=csv", "/api/v1/findings/?format=csv"):
        body = api.get(url).content.decode()
        for text in (*DRAFT_TEXTS, "DRAFT EXPLANATION", "draft-not-yet-out"):
            assert text not in body, (url, text)
    (row,) = [
        row for row in all_rows(api, f"{URL}?force=cumbria") if row["response_id"] == tracker.pk
    ]
    assert row["state"] == "overdue"  # as the tracker page shows it to every role
    assert row["published_url"] == ""
    assert not {"key_findings", "chief_officer_comments", "body_comments"} & set(row)


def test_csv_has_the_header_and_the_same_rows(analyst, tracker):
    api = token_client(analyst)
    lines = csv_rows(api.get(f"{URL}?format=csv&sort=force"))
    header = lines[0]
    assert {"response_id", "state", "due_on", "regime", "report_published"} <= set(header)
    assert [int(line[header.index("response_id")]) for line in lines[1:]] == [
        row["response_id"] for row in all_rows(api, f"{URL}?sort=force")
    ]


def test_invalid_parameters_are_refused(analyst, tracker):
    response = token_client(analyst).get(f"{URL}?state=lost&sort=sideways")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.json()) == {"state", "sort"}


def add_responses(count: int) -> None:
    for days in range(count):
        recommendation = FindingFactory(inspection=due_in(days).inspection, recommendation=True)
        FindingStatusFactory(finding=recommendation)


def test_query_count_is_constant_as_rows_double(analyst, tracker, django_assert_num_queries):
    before, after = token_client(analyst), token_client(analyst)
    url = f"{URL}?page_size=1000"
    # the token and its user; recording its use; the user's permissions (own, roles'); the
    # years the filter offers; the rows with their reports, forces, bodies, states and counts
    with django_assert_num_queries(6):
        first = before.get(url).json()["results"]
    add_responses(len(first))
    with django_assert_num_queries(6):
        second = after.get(url).json()["results"]
    assert len(second) == 2 * len(first)
