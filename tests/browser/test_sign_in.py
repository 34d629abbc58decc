import pytest
from django.contrib.auth.models import Group

from inspections.access import ANALYST_GROUP
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_anonymous_visitor_is_sent_to_sign_in_and_lands_on_the_dashboard(page):
    UserFactory(username="analyst1").groups.add(Group.objects.get(name=ANALYST_GROUP))
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    log_in(page, "analyst1")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"


def test_wrong_password_shows_an_error_summary(page):
    UserFactory(username="analyst1")
    log_in(page, "analyst1", "wrong password")
    assert page.get_by_role("alert").is_visible()
    assert "There is a problem" in page.get_by_role("alert").inner_text()
    assert_accessible(page)


def test_a_user_without_a_role_is_told_so(page):
    UserFactory(username="nobody")
    log_in(page, "nobody")
    assert (
        page.get_by_role("heading", level=1).inner_text() == "You do not have access to this page"
    )
    assert_accessible(page)


def test_an_editor_signing_in_at_the_admin_lands_in_the_admin(page, editor):
    """Issue 16: signing in at /admin/login/ landed on the public dashboard."""
    page.goto("/admin/login/")
    assert_accessible(page)
    log_in_here(page, editor.username)

    assert page.url.endswith("/admin/")
    assert "Inspection findings and statutory responses" in page.content()


def test_an_editor_sent_to_sign_in_from_an_admin_page_lands_on_it(page, editor):
    page.goto("/admin/recommendations/response/")
    assert "/admin/login/?next=" in page.url
    log_in_here(page, editor.username)

    assert page.url.endswith("/admin/recommendations/response/")


def log_in_here(page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
