"""axe-core on every admin page an OPCC officer uses (issue 16): each registered model's list,
add form, one change form and its history, with the real data, walked from the admin's
registry so a new admin is checked without being listed here; plus the index and the import
page. Django's admin markup leaves some controls unnamed: static/js/admin-names.js names them."""

import pytest
from django.contrib import admin
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def admin_pages() -> list[str]:
    urls = [reverse("admin:index"), reverse("admin:inspections_inspection_import")]
    for model, _ in sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label):
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"{name}_change", args=[first.pk]))
            urls.append(reverse(f"{name}_history", args=[first.pk]))
    return urls


def test_every_admin_page_passes_axe(page: Page, real_data):
    UserFactory(username="administrator1", is_staff=True, is_superuser=True)
    log_in(page, "administrator1")
    checked, failures = 0, []
    for url in admin_pages():
        page.csp_violations.clear()  # each page answers for its own
        response = page.goto(url)
        assert response is not None and response.status in (200, 403), url
        if response.status == 200:
            try:
                assert_accessible(page)
            except AssertionError as failure:
                failures.append(f"{url}: " + str(failure).split("\nassert")[0][:300])
            checked += 1
    assert not failures, "\n".join(failures)
    assert checked > 20
