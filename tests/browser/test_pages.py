"""Every kind of page in real headless Chromium: no console errors, no axe-core violations
(WCAG 2.2 AA), no sideways scrolling on a phone or a desktop, and the chronology complete
with JavaScript off. Screenshots of the chronology are taken; with UPDATE_SCREENSHOTS=1
(`make screenshots`) they replace the README's in docs/screenshots/."""

from __future__ import annotations

import json
import os

import pytest

from tests.browser.conftest import (
    WIDTHS,
    axe_violations,
    console_errors,
    horizontal_overflow,
    set_viewport,
    wait_for_enhancements,
)
from tests.conftest import REPO

SCREENSHOTS = REPO / "docs" / "screenshots"


def sample_pages(site) -> list[str]:
    """One page of each kind, plus the longest event page."""
    events = sorted(site.glob("events/*.html"))
    longest = max(events, key=lambda path: path.stat().st_size)
    return [
        "index.html",
        f"events/{events[0].name}",
        f"events/{longest.name}",
        "tags/index.html",
        f"tags/{sorted(site.glob('tags/*.html'))[-1].name}",
        "sources/index.html",
        f"sources/{sorted(site.glob('sources/*.html'))[-1].name}",
    ]


@pytest.fixture(scope="module")
def pages(example_site) -> list[str]:
    return sample_pages(example_site)


def open_page(browser, server: str, path: str, width: str = "desktop") -> None:
    set_viewport(browser, *WIDTHS[width])
    browser.get(server + path)
    if path == "index.html":
        wait_for_enhancements(browser)


def test_pages_load_without_console_errors(browser, server, pages):
    console_errors(browser)
    for path in pages:
        open_page(browser, server, path)
        assert console_errors(browser) == [], path


def test_pages_have_no_accessibility_violations(browser, server, pages):
    failures = {}
    for path in pages:
        open_page(browser, server, path)
        if violations := axe_violations(browser):
            failures[path] = violations
    assert failures == {}, json.dumps(failures, indent=1)


def test_the_chronology_has_no_violations_in_dark_mode_or_on_a_phone(browser, server):
    open_page(browser, server, "index.html", "phone")
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    try:
        browser.get(server + "index.html")
        wait_for_enhancements(browser)
        assert axe_violations(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_no_page_scrolls_sideways(browser, server, pages, width):
    wide = {}
    for path in pages:
        open_page(browser, server, path, width)
        if (overflow := horizontal_overflow(browser)) > 0:
            wide[path] = overflow
    assert wide == {}, f"pages wider than {WIDTHS[width][0]} px, by px: {wide}"


@pytest.mark.parametrize(
    ("width", "name"), [("desktop", "chronology"), ("phone", "chronology-phone")]
)
def test_screenshots_of_the_chronology(browser, server, width, name, tmp_path):
    open_page(browser, server, "index.html", width)
    browser.execute_script("window.scrollTo(0, 0)")
    png = browser.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG")
    # A test run leaves the checkout as it was: the README's pictures change on request.
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    if not target.exists() or target.read_bytes() != png:
        target.write_bytes(png)


def test_with_javascript_off_every_event_and_link_is_there(browser, server, example_site):
    timeline = json.loads((example_site / "timeline.json").read_text(encoding="utf-8"))
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        set_viewport(browser, *WIDTHS["desktop"])
        browser.get(server + "index.html")
        shown = browser.execute_script(
            "return Array.from(document.querySelectorAll('article.event'))"
            ".filter(e => e.offsetParent !== null).map(e => e.id);"
        )
        links = browser.execute_script(
            "return Array.from(document.querySelectorAll('article.event a'))"
            ".map(a => a.getAttribute('href'));"
        )
        assert not browser.find_elements("css selector", ".tag-filter, .site-search")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert sorted(shown) == sorted(event["id"] for event in timeline["events"])
    for event in timeline["events"]:
        assert f"events/{event['id']}.html" in links
        for citation in event["sources"]:
            assert any(link.endswith(citation["page"].rsplit("/", 1)[-1]) for link in links)
