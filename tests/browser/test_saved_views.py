"""Issue 18's saved views in Chromium: an editor filters the findings list, saves the view,
reloads it, shares it with their force, and a colleague (another editor of the same force)
opens it from their dashboard and downloads its CSV, which holds the view's rows. The pages
pass axe-core and the CSP."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from inspections.access import OPCC_EDITOR_GROUP
from recommendations.models import SavedView
from tests.browser.conftest import assert_accessible, log_in
from tests.browser.test_tracker import role
from tests.factories import FindingFactory, FindingStatusFactory, ForceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def editor_of(force, username: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(role(OPCC_EDITOR_GROUP))
    force.editors.add(user)
    return user


def test_save_a_view_share_it_with_the_force_and_a_colleague_opens_and_exports_it(
    page: Page, browser, live_server
):
    cumbria, kent = ForceFactory(name="Cumbria Constabulary"), ForceFactory(name="Kent Police")
    for force, text in ((cumbria, "Cumbria should improve stop and search"), (kent, "Kent AFI")):
        finding = FindingFactory(inspection__force=force, kind="afi", text=text)
        FindingStatusFactory(finding=finding, force=force, status="awaiting_review")
    editor_of(cumbria, "cumbria-editor")
    editor_of(cumbria, "cumbria-colleague")

    # Filter, then save the view under a name, private for now.
    log_in(page, "cumbria-editor")
    page.goto(f"/findings/?force={cumbria.slug}&kind=afi&status=open")
    expect(page.locator("#results-count")).to_have_text("1 result")
    page.get_by_role("link", name="Save this view").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save view").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the view.")
    assert_accessible(page)
    page.get_by_label("Name").fill("Open AFIs in Cumbria")
    page.get_by_label("Only me").check()
    page.get_by_role("button", name="Save view").click()

    # Back on the findings list with the same filters, the view named.
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Saved “Open AFIs in Cumbria”."
    )
    expect(page.locator("#saved-view-name")).to_have_text("Open AFIs in Cumbria")
    expect(page.locator("#results-count")).to_have_text("1 result")
    assert_accessible(page)
    page.reload()
    expect(page.locator("#saved-view-name")).to_have_text("Open AFIs in Cumbria")
    expect(page.locator("#results-count")).to_have_text("1 result")
    view = SavedView.objects.get()
    assert view.query == f"force={cumbria.slug}&kind=afi&status=open"

    # Share it with the force (the one the editor works for).
    page.get_by_role("link", name="Rename or change who can open it").click()
    page.get_by_label("People who work for Cumbria Constabulary").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Saved your changes to “Open AFIs in Cumbria”."
    )
    row = page.locator("tbody tr", has_text="Open AFIs in Cumbria")
    expect(row).to_contain_text("People who work for Cumbria Constabulary")
    assert_accessible(page)

    # A colleague of the same force finds it on their dashboard, opens it and exports it.
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    colleague = context.new_page()
    colleague.csp_violations = []
    log_in(colleague, "cumbria-colleague")
    saved = colleague.locator("#saved-views + .app-table-wrapper tbody tr")
    expect(saved).to_have_count(1)
    expect(saved).to_contain_text("cumbria-editor")
    saved.get_by_role("link", name="Open AFIs in Cumbria", exact=True).click()
    expect(colleague.locator("#saved-view-name")).to_have_text("Open AFIs in Cumbria")
    expect(colleague.locator("#results-count")).to_have_text("1 result")
    # Not theirs: no links to change or delete it.
    expect(colleague.get_by_role("link", name="Rename or change who can open it")).to_have_count(0)
    assert_accessible(colleague)
    with colleague.expect_download() as download_info:
        colleague.locator("#saved-view").get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8-sig"))))
    assert [row["Text"] for row in rows] == ["Cumbria should improve stop and search"]
    context.close()
