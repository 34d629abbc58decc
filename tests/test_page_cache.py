"""Rendered pages and CSV exports kept until the record changes (peel_tracker.page_cache): kept
pages equal rendered ones, every change made through the application is seen on the next
request, each user keeps their own header, access decides what is shared, and exports are kept
only whole and small."""

import re
from http import HTTPStatus

import pytest
from django.core.cache import caches
from django.urls import resolve, reverse
from django.utils import timezone

from inspections.models import Grade
from peel_tracker import page_cache
from recommendations.models import Status
from recommendations.services import finding_status_change
from tests.factories import (
    FindingStatusFactory,
    InspectionFactory,
    JudgmentFactory,
    ResponseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Session, user, permissions (own, roles'), the record's version, the user's access (role and
# forces edited, one query): all a kept page costs. The dashboard also reads the user's saved
# views, which are never kept (recommendations.saved_view_parts).
QUERIES_WHEN_KEPT = 6
# What is the user's own on a kept page, read for each request: the dashboard's saved views,
# the finding page's watch button.
PER_REQUEST_QUERIES = {"dashboard": 1, "recommendations:detail": 1}
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def record(force):
    """A report on `force` with a grade, a finding with a status, and the force's response."""
    inspection = InspectionFactory(force=force, title="PEEL 2023–25: an inspection of Testshire")
    JudgmentFactory(inspection=inspection)
    status = FindingStatusFactory(
        finding__inspection=inspection, force=force, status=Status.AWAITING_REVIEW
    )
    response = ResponseFactory(inspection=inspection)
    return {"inspection": inspection, "status": status, "response": response}


def page_urls(record) -> list[str]:
    inspection, status = record["inspection"], record["status"]
    return [
        reverse("dashboard"),
        reverse("recommendations:list"),
        reverse("recommendations:list") + "?status=open&sort=force",
        reverse("recommendations:list") + "?published_after=not-a-date",
        reverse("recommendations:detail", args=[status.finding_id]),
        reverse("inspections:force", args=[inspection.force.slug]),
        reverse("inspections:detail", args=[inspection.pk]),
        reverse("tracker:list"),
        reverse("tracker:list") + "?year=1066",
    ]


def html(response) -> str:
    """The page without its CSRF token (masked afresh for every response)."""
    return CSRF_TOKEN.sub("", response.content.decode())


def test_a_kept_page_is_the_page_rendered_afresh(client, analyst, record, settings):
    client.force_login(analyst)
    for url in page_urls(record):
        settings.PAGE_CACHE_SECONDS = 0
        rendered = client.get(url)
        settings.PAGE_CACHE_SECONDS = 600
        client.get(url)  # rendered and kept
        kept = client.get(url)
        assert rendered.status_code == kept.status_code == HTTPStatus.OK, url
        assert html(kept) == html(rendered), url


def test_a_kept_page_costs_a_constant_few_queries(
    client, analyst, record, django_assert_num_queries
):
    client.force_login(analyst)
    for url in page_urls(record):
        client.get(url)
        with django_assert_num_queries(
            QUERIES_WHEN_KEPT + PER_REQUEST_QUERIES.get(resolve(url.split("?")[0]).view_name, 0)
        ):
            assert client.get(url).status_code == HTTPStatus.OK


def test_nothing_is_kept_when_the_cache_is_off(client, analyst, record, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(analyst)
    client.get(reverse("recommendations:list"))
    client.get(reverse("recommendations:export_csv"))
    assert not caches[page_cache.CACHE_ALIAS]._cache


def change_status(record, editor):
    finding_status_change(
        finding_status=record["status"],
        status=Status.COMPLETE,
        effective_on=timezone.localdate(),
        note="Closed by the force.",
        user=editor,
    )


def change_grade(record, editor):
    judgment = record["inspection"].judgments.get()
    judgment.grade = Grade.INADEQUATE
    judgment.save()


def mark_response_not_required(record, editor):
    response = record["response"]
    response.is_not_required = True
    response.not_required_reason = "The body answered the national report instead."
    response.save()


def rename_report(record, editor):
    inspection = record["inspection"]
    inspection.title = "PEEL 2023–25: renamed"
    inspection.save()


@pytest.mark.parametrize(
    "change, url_name",
    [
        (change_status, "recommendations:list"),
        (change_grade, "inspections:force"),
        (mark_response_not_required, "tracker:list"),
        (rename_report, "dashboard"),
    ],
    ids=["status changed", "grade changed", "response not required", "report renamed"],
)
def test_a_change_is_seen_on_the_next_request(client, analyst, editor, record, change, url_name):
    args = [record["inspection"].force.slug] if url_name == "inspections:force" else []
    url = reverse(url_name, args=args)
    client.force_login(analyst)
    before = html(client.get(url))
    assert html(client.get(url)) == before  # kept
    change(record, editor)
    assert html(client.get(url)) != before


def test_an_admin_change_to_reference_data_is_seen_on_the_next_request(
    client, administrator, analyst, record, html_form_data
):
    """A force renamed in the admin: forces have no history, but the admin's log changes the
    record's version."""
    force = record["inspection"].force
    url = reverse("recommendations:list")
    client.force_login(analyst)
    assert force.name in html(client.get(url))
    client.force_login(administrator)
    change_url = reverse("admin:inspections_force_change", args=[force.pk])
    data = html_form_data(client.get(change_url), containing="name")
    data["name"] = "Renamedshire Constabulary"
    assert client.post(change_url, data).status_code == HTTPStatus.FOUND
    client.force_login(analyst)
    page = html(client.get(url))
    assert force.name not in page
    assert "Renamedshire Constabulary</label>" in page  # the force filter's checkbox


def test_each_user_gets_their_own_header_on_a_kept_page(client, analyst, record):
    """The header (name, sign-out form and its token) is rendered for each request: a second
    analyst shares the first one's kept page but not their name or token."""
    url = reverse("recommendations:list")
    client.force_login(analyst)
    assert f"Sign out {analyst.username}" in client.get(url).content.decode()
    other = UserFactory(username="second-analyst")
    other.groups.set(analyst.groups.all())
    client.force_login(other)
    page = client.get(url).content.decode()
    assert "Sign out second-analyst" in page and analyst.username not in page
    # The token in the form is valid for this session: signing out works.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client.handler.enforce_csrf_checks = True
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(url).status_code == HTTPStatus.FOUND  # signed out: to the sign-in page


def test_what_a_user_may_change_is_not_shared(client, analyst, editor, outsider, record):
    """The tracker links a response to its change page only for those who may change it: an
    editor of the force, an editor of another force and an analyst each get their own page."""
    url = reverse("tracker:list")
    change_url = reverse("admin:recommendations_response_change", args=[record["response"].pk])
    for user, sees_link in [(editor, True), (analyst, False), (outsider, False), (editor, True)]:
        client.force_login(user)
        assert (change_url in client.get(url).content.decode()) is sees_link, user


def test_the_record_a_new_status_link_is_not_shared(
    client, analyst, editor, outsider, administrator, record, force
):
    """A finding's page links its force's status to the admin's form only for those the admin
    lets record one. Whoever comes first, nobody else is served their kept page: not an
    analyst, an editor of another force, an editor of the same force whom the admin does not
    let in (not staff), an analyst wrongly attached to the force, or a signed-out visitor."""
    url = reverse("recommendations:detail", args=[record["status"].finding_id])
    link = reverse("admin:recommendations_findingstatus_change", args=[record["status"].pk])
    not_staff = UserFactory(is_staff=False)
    not_staff.groups.set(editor.groups.all())
    force.editors.add(not_staff)
    attached_analyst = UserFactory(is_staff=True)
    attached_analyst.groups.set(analyst.groups.all())
    force.editors.add(attached_analyst)
    for user, sees_link in [
        (editor, True),
        (analyst, False),
        (outsider, False),
        (not_staff, False),
        (attached_analyst, False),
        (None, False),
        (administrator, True),
        (editor, True),
        (analyst, False),
    ]:
        if user is None:
            client.logout()
            response = client.get(url)
            assert response.status_code == HTTPStatus.FOUND  # to the sign-in page
        else:
            client.force_login(user)
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK
        assert (link in response.content.decode()) is sees_link, user
        assert ("Record a new status" in response.content.decode()) is sees_link, user


def test_a_refused_request_never_reads_or_fills_the_cache(client, record):
    client.force_login(UserFactory())  # signed in, no role
    for url in page_urls(record):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
    client.logout()
    assert client.get(reverse("recommendations:list")).status_code == HTTPStatus.FOUND
    assert not caches[page_cache.CACHE_ALIAS]._cache


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url_name", ["recommendations:export_csv", "tracker:export_csv"])
def test_a_csv_export_is_kept_whole_with_its_headers(client, analyst, record, url_name):
    client.force_login(analyst)
    url = reverse(url_name)
    first = client.get(url)
    assert first.streaming
    sent = body(first)
    kept = client.get(url)
    assert not kept.streaming and kept.content == sent
    for header in ("Content-Type", "Content-Disposition"):
        assert kept[header] == first[header]
    change_status(record, UserFactory(is_superuser=True))
    assert client.get(url).streaming  # the record changed: made afresh


def test_a_large_export_is_not_kept(client, analyst, record, monkeypatch):
    client.force_login(analyst)
    url = reverse("recommendations:export_csv")
    monkeypatch.setattr(page_cache, "MAX_EXPORT_BYTES", 100)
    body(client.get(url))
    assert client.get(url).streaming


def test_an_export_is_kept_only_when_it_was_sent_to_the_end():
    kept = []
    assert list(page_cache._kept_as_sent(iter([b"a,b\r\n", b"c,d\r\n"]), kept.append)) == [
        b"a,b\r\n",
        b"c,d\r\n",
    ]
    assert kept == [b"a,b\r\nc,d\r\n"]
    cut_short = page_cache._kept_as_sent(iter([b"a,b\r\n", b"c,d\r\n"]), kept.append)
    next(cut_short)
    cut_short.close()  # what the server does when the download is cut short
    assert kept == [b"a,b\r\nc,d\r\n"]


def test_a_bad_export_request_is_not_kept(client, analyst, record):
    client.force_login(analyst)
    url = reverse("recommendations:export_csv") + "?published_after=not-a-date"
    for _ in range(2):
        assert client.get(url).status_code == HTTPStatus.BAD_REQUEST
    assert not caches[page_cache.CACHE_ALIAS]._cache


def test_processes_can_share_kept_pages_in_a_directory(
    client, analyst, record, settings, tmp_path, monkeypatch, django_assert_num_queries
):
    """With DJANGO_CACHE_DIR the caches are files that every process on the machine reads: a
    page rendered by one is kept for all (here: read back from the directory)."""
    from peel_tracker import settings as project_settings

    monkeypatch.setattr(project_settings, "CACHE_DIR", str(tmp_path))
    settings.CACHES = {
        "default": project_settings._cache("record"),
        "pages": project_settings._cache("pages", MAX_ENTRIES=200),
    }
    assert "FileBasedCache" in settings.CACHES["pages"]["BACKEND"]
    client.force_login(analyst)
    url = reverse("recommendations:list")
    rendered = client.get(url)
    assert list((tmp_path / "pages").iterdir())
    with django_assert_num_queries(QUERIES_WHEN_KEPT):
        kept = client.get(url)
    assert html(kept) == html(rendered)
