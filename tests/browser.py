"""Helpers shared by the browser tests (Playwright driving Debian's Chromium)."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
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


_logged_in_by_form = False


def log_in(page: Page, live_server, username: str, then: str) -> None:
    """Log in as ``username`` and land on ``then``.

    The run's first log-in goes through the login form (password ``pw-<username>``),
    as a person does. Later ones give the browser a session cookie made by Django's
    test client and open ``then`` at once: one page load instead of the login page,
    its POST and the redirect.
    """
    global _logged_in_by_form
    page.add_init_script(_COUNT_HTMX_REQUESTS)
    if _logged_in_by_form:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        page.goto(f"{live_server.url}{then}")
        page.wait_for_url(f"**{then}")
        return
    _logged_in_by_form = True
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
