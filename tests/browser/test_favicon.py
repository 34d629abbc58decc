"""The favicon in Chromium (issue 16: /favicon.ico was 404): the page's icon link and
/favicon.ico both load an image, within the Content-Security-Policy."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_icon_loads_from_the_pages_link_and_from_favicon_ico(page: Page):
    page.goto("/accounts/login/")
    hrefs = page.eval_on_selector_all("link[rel=icon]", "links => links.map(l => l.href)")
    assert any(href.endswith("/static/images/favicon.svg") for href in hrefs)

    for url in [*hrefs, "/favicon.ico"]:
        response = page.request.get(url)  # follows /favicon.ico's redirect
        assert response.status == 200, url
        assert response.headers["content-type"].startswith("image/"), url

    # The browser itself loads the icon as an image under the page's policy (img-src 'self').
    loaded = page.evaluate(
        """async () => await new Promise(resolve => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth);
            img.onerror = () => resolve(0);
            img.src = '/favicon.ico';
        })"""
    )
    assert loaded > 0
    assert_accessible(page)  # no CSP violation reported
