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
