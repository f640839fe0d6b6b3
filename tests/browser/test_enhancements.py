"""The chronology's progressive enhancements in headless Chromium: the tag filter hides
and restores events, and Pagefind search finds events and sources."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import (
    WIDTHS,
    axe_violations,
    console_errors,
    set_viewport,
    wait_for_enhancements,
)

VISIBLE_EVENTS = (
    "return Array.from(document.querySelectorAll('article.event'))"
    ".filter(e => e.offsetParent !== null).map(e => e.id);"
)


@pytest.fixture(scope="module")
def timeline(example_site) -> dict:
    return json.loads((example_site / "timeline.json").read_text(encoding="utf-8"))


@pytest.fixture
def chronology(browser, server):
    set_viewport(browser, *WIDTHS["desktop"])
    console_errors(browser)
    browser.get(server + "index.html")
    wait_for_enhancements(browser)
    yield browser
    assert console_errors(browser) == []


def tagged(timeline: dict, slug: str) -> list[str]:
    return [e["id"] for e in timeline["events"] if slug in [t["slug"] for t in e["tags"]]]


def test_clicking_a_tag_shows_only_its_events(chronology, timeline):
    browser = chronology
    button = browser.find_element("css selector", '.tag-filter button[data-tag="russia"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert sorted(browser.execute_script(VISIBLE_EVENTS)) == sorted(tagged(timeline, "russia"))
    status = browser.find_element("css selector", ".tag-filter [role=status]").text
    expected = f"Showing {len(tagged(timeline, 'russia'))} of {len(timeline['events'])} events"
    assert status.startswith(expected)
    assert "tag=russia" in browser.current_url
    hidden_years = browser.execute_script(
        "return Array.from(document.querySelectorAll('section.year[hidden]')).map(s => s.id"
        " || s.querySelector('h2').id);"
    )
    assert "y2015" in hidden_years, "a year with no Russia event is hidden"
    assert axe_violations(browser) == []

    browser.find_element("css selector", '.tag-filter button[data-tag=""]').click()
    assert len(browser.execute_script(VISIBLE_EVENTS)) == len(timeline["events"])
    assert "tag=" not in browser.current_url


def test_a_filtered_address_opens_filtered(browser, server, timeline):
    set_viewport(browser, *WIDTHS["phone"])
    browser.get(server + "index.html?tag=idlib")
    wait_for_enhancements(browser)
    assert sorted(browser.execute_script(VISIBLE_EVENTS)) == sorted(tagged(timeline, "idlib"))
    assert console_errors(browser) == []


def test_search_finds_events_and_sources(chronology):
    from selenium.webdriver.support.ui import WebDriverWait

    browser = chronology
    box = browser.find_element("css selector", ".site-search input")
    box.send_keys("Hama")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements("css selector", ".pagefind-ui__result-link")
    )
    links = [
        a.get_attribute("href")
        for a in browser.find_elements("css selector", ".pagefind-ui__result-link")
    ]
    assert any("/events/2024-11-30-hama-withdrawal-disputed.html" in link for link in links)
    assert any("/sources/" in link for link in links)
    assert axe_violations(browser) == []


def test_on_a_phone_the_filter_starts_folded_and_opens(browser, server, timeline):
    set_viewport(browser, *WIDTHS["phone"])
    browser.get(server + "index.html")
    wait_for_enhancements(browser)
    button = browser.find_element("css selector", '.tag-filter button[data-tag="iran"]')
    assert not button.is_displayed()
    browser.find_element("css selector", ".tag-filter summary").click()
    button.click()
    assert sorted(browser.execute_script(VISIBLE_EVENTS)) == sorted(tagged(timeline, "iran"))
    assert axe_violations(browser) == []
    assert console_errors(browser) == []
