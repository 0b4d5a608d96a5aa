"""Every page on a 390 px wide phone: no horizontal scrolling, nothing clipped.

Run with: pytest -m browser tests/test_phone_layout_browser.py
"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import log_in, settle
from tests.page_tour import build_tour, open_panel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_no_page_scrolls_sideways_on_a_phone(page: Page, live_server, editor):
    _, pages = build_tour(editor)
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "ed", pages[0].path)
    wide = {}
    for tour in pages:
        page.goto(live_server.url + tour.path)
        if tour.open_claim:
            open_panel(page, tour.open_claim)
            panel = page.locator("#claim-panel").bounding_box()
            assert panel and panel["x"] >= 0 and panel["x"] + panel["width"] <= PHONE["width"]
        settle(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[tour.name] = width
    assert not wide, f"pages wider than {PHONE['width']} px: {wide}"


def test_the_navigation_fits_on_a_phone(page: Page, live_server, editor):
    _, pages = build_tour(editor)
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "ed", pages[0].path)
    for link in page.locator(".site-header a, .site-header button").all():
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            link.inner_text(),
            box,
        )
