"""Browser tests: Playwright driving Debian's Chromium (no browser download) against
pytest-django's live server, plus an axe-core accessibility check from the npm package."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, sync_playwright

# The live server runs Django's sync ORM while Playwright's sync API runs an event loop in the
# test thread; Django would otherwise refuse ORM calls from a thread with a running loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (see README).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Page:
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    # Every page must satisfy the Content-Security-Policy: collect what Chromium reports.
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    yield page
    context.close()


@pytest.fixture
def real_data(transactional_db):
    call_command("load_real_data", verbosity=0)


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def assert_accessible(page: Page) -> None:
    """Run axe-core on the current page; fail on serious or critical violations, and on any
    Content-Security-Policy violation reported so far."""
    assert not page.csp_violations, "CSP violations:\n" + "\n".join(page.csp_violations)
    # Evaluated through the DevTools protocol, which the page's CSP does not govern, so the
    # policy stays in force for the page's own scripts and styles.
    page.evaluate(AXE_SOURCE.read_text())
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not serious, f"Accessibility violations on {page.url}:\n" + "\n".join(serious)
