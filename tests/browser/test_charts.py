"""The SVG bar charts in Chromium, on the real Cumbria record (issue 16: the force page's
labels were cut at the SVG's edge, "tegrated PEEL Assessment 2018/1…"): every text of every
chart lies inside its SVG, and each label's full text is its <title>, as in the table."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page

from inspections.access import ANALYST_GROUP
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# For each chart: its box, and each <text>'s box and its full text (<title>) and shown lines.
CHART_TEXTS = """() => [...document.querySelectorAll('svg.app-chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    return {
        id: svg.getAttribute('aria-labelledby'),
        box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
        texts: [...svg.querySelectorAll('text')].map(text => {
            const r = text.getBoundingClientRect();
            const title = text.querySelector('title');
            const lines = [...text.querySelectorAll('tspan')].map(t => t.textContent);
            return {
                left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                title: title ? title.textContent : null,
                shown: lines.length ? lines.join(' ') : text.textContent,
            };
        }),
    };
})"""


@pytest.fixture
def analyst(real_data):
    user = UserFactory(username="analyst1")
    user.groups.add(Group.objects.get_or_create(name=ANALYST_GROUP)[0])
    return user


def texts_outside_their_chart(page: Page) -> list[str]:
    outside = []
    for chart in page.evaluate(CHART_TEXTS):
        box = chart["box"]
        assert chart["texts"], chart["id"]
        for text in chart["texts"]:
            inside = (
                text["left"] >= box["left"] - 0.5
                and text["right"] <= box["right"] + 0.5
                and text["top"] >= box["top"] - 0.5
                and text["bottom"] <= box["bottom"] + 0.5
            )
            if not inside:
                outside.append(f"{chart['id']}: {text['shown']!r} {text} not in {box}")
    return outside


@pytest.mark.parametrize("width", [1280, 390])
def test_every_chart_label_on_the_force_page_is_inside_its_svg(page: Page, analyst, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "analyst1")
    page.goto("/forces/cumbria/")

    assert page.locator("svg.app-chart").count() >= 1
    assert texts_outside_their_chart(page) == []
    # Each report's label carries its full title, the same as the table's row header.
    [chart] = [c for c in page.evaluate(CHART_TEXTS) if c["id"] == "chart-grades-title"]
    titles = {t["title"] for t in chart["texts"] if t["title"]}
    rows = page.locator("table:has(caption:text('per report')) tbody th").all_inner_texts()
    assert set(rows) <= titles
    for text in chart["texts"]:
        if text["title"] in rows and text["shown"] != text["title"]:
            assert (
                text["shown"].endswith("…") or " ".join(text["title"].split()) == text["shown"]
            ), text
    if width > 1000:
        # At phone width axe flags the page's scrolling tables (not the charts); see the note.
        assert_accessible(page)


def test_every_chart_label_on_the_dashboard_is_inside_its_svg(page: Page, analyst):
    log_in(page, "analyst1")
    page.goto("/")

    assert page.locator("svg.app-chart").count() >= 1
    assert texts_outside_their_chart(page) == []
