"""Helpers shared by the browser tests (Playwright driving Debian's Chromium)."""

import os
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1366, "height": 900}

# Counts htmx requests in flight, so that a test can wait for the regions a change
# refetches (wait_for_load_state("networkidle") returns at once after page load).
_COUNT_HTMX_REQUESTS = """
window.__htmxInFlight = 0;
document.addEventListener("htmx:beforeSend", () => { window.__htmxInFlight += 1; });
document.addEventListener("htmx:afterRequest", () => { window.__htmxInFlight -= 1; });
"""


def log_in(page: Page, live_server, username: str, then: str) -> None:
    """Log in through the login form (password ``pw-<username>``) and land on ``then``."""
    page.add_init_script(_COUNT_HTMX_REQUESTS)
    page.goto(f"{live_server.url}{reverse('login')}?next={then}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"pw-{username}")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{then}")


def settle(page: Page) -> None:
    """Wait until every htmx request the page has sent has been answered."""
    page.wait_for_function("() => (window.__htmxInFlight || 0) === 0")


def watch_console(page: Page) -> list[str]:
    """Collect the page's console errors and uncaught exceptions."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def screenshot(page: Page, name: str) -> None:
    """With SCREENSHOTS=1, save the page as test-results/<name>, to look at a failing run.

    The README's screenshots come from docs/take_screenshots.py, on the seeds.
    """
    if os.environ.get("SCREENSHOTS") == "1":
        (ROOT / "test-results").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "test-results" / name))
