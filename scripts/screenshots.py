"""The README's screenshots: sign in to a running server with Debian's Chromium and save the
dashboard and the findings page (their first screen) as PNG files.

Usage (with `make run` serving the real data on 127.0.0.1:8000):
    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000 \
        --username analyst --password peel-demo-analyst --out docs/screenshots
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# The pages to capture: file name, path. The findings page shows an analyst's usual question.
PAGES = [
    ("dashboard.png", "/"),
    ("findings.png", "/findings/?force=cumbria&kind=afi&status=open&q=stop+and+search"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="analyst")
    parser.add_argument("--password", default="peel-demo-analyst")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(base_url=args.base_url, viewport={"width": 1280, "height": 1000})
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(args.username)
        page.get_by_label("Password").fill(args.password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        if "/accounts/login/" in page.url:
            raise SystemExit(f"Could not sign in as {args.username}.")
        for name, path in PAGES:
            page.goto(path)
            page.screenshot(path=args.out / name)  # the first screen, as a user sees it
            print(f"{args.out / name}: {args.base_url}{path}")
        browser.close()


if __name__ == "__main__":
    main()
