"""axe-core over every page of the desk and the public site: no serious or critical
violation (WCAG 2.2 A/AA rules and axe's best practices).

axe-core 4.12.1 comes bundled in axe-playwright-python (pinned in pyproject.toml's dev
extra); it is injected into each page by Playwright, which the CSP does not govern.
Run with: pytest -m browser tests/test_accessibility_browser.py
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser import VIEWPORT, log_in, settle
from tests.page_tour import build_tour, open_panel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


def blocking_violations(page: Page) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


def test_axe_finds_no_serious_violation_on_any_page(page: Page, live_server, editor):
    _, pages = build_tour(editor)
    found: dict[str, list[str]] = {}
    for viewport in (VIEWPORT, PHONE):
        page.set_viewport_size(viewport)
        page.context.clear_cookies()
        log_in(page, live_server, "ed", pages[0].path)
        for tour in pages:
            page.goto(live_server.url + tour.path)
            if tour.open_claim:
                open_panel(page, tour.open_claim)
            settle(page)
            if problems := blocking_violations(page):
                found[f"{tour.name} at {viewport['width']} px"] = problems
    assert not found, found


def test_axe_runs_and_reports_a_real_violation(page: Page, live_server, editor):
    # The check itself can fail: an image without a text alternative is a critical one.
    _, pages = build_tour(editor)
    log_in(page, live_server, "ed", pages[0].path)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x.png>')"
    )
    assert any(problem.startswith("image-alt (critical)") for problem in blocking_violations(page))


def test_the_public_pages_pass_for_an_anonymous_reader(page: Page, live_server, editor):
    _, pages = build_tour(editor)
    page.set_viewport_size(VIEWPORT)
    found = {}
    for tour in pages:
        if tour.public:
            page.goto(live_server.url + tour.path)
            if problems := blocking_violations(page):
                found[tour.name] = problems
    assert not found, found
