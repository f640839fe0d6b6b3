"""Search on a site whose index is in parts (builder/search.py): the search box loads every
part and finds events and sources whichever part holds them."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from builder import search
from tests.browser.conftest import _Handler, axe_violations, console_errors, set_viewport
from tests.conftest import build_example_site


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory) -> Path:
    """The example site, its index made in parts of about 3 pages."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SPLIT_ABOVE", 3)
        patch.setattr(search, "PAGES_PER_PART", 3)
        return build_example_site(tmp_path_factory.mktemp("parted"))


@pytest.fixture(scope="module")
def parted_server(parted_site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, roots={"/": parted_site}))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_search_finds_pages_of_every_part(browser, parted_site, parted_server) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    bundles = json.loads((parted_site / search.PARTS_FILE).read_text())["bundles"]
    assert len(bundles) > 2 and all(b.startswith("pagefind/part-") for b in bundles)
    holding = {
        search._part_of(f"events/{event}.html", 8)
        for event in ("2024-11-30-hama-withdrawal-disputed", "2024-11-27-offensive-launched")
    }
    assert len(holding) == 2  # the two events searched for are in different parts
    set_viewport(browser, 1280, 900)
    console_errors(browser)
    browser.get(parted_server + "index.html")
    box = WebDriverWait(browser, 20).until(
        lambda d: d.find_elements("css selector", ".site-search input")
    )[0]
    found = {}
    for words in ("Hama", "axes"):
        box.clear()
        box.send_keys(words)
        WebDriverWait(browser, 20).until(
            lambda d, words=words: (
                d.find_elements("css selector", ".pagefind-ui__result-link")
                and words.lower() in d.find_element("css selector", ".pagefind-ui").text.lower()
            )
        )
        found[words] = [
            a.get_attribute("href")
            for a in browser.find_elements("css selector", ".pagefind-ui__result-link")
        ]
    hama, axes = found["Hama"], found["axes"]
    assert any("/events/2024-11-30-hama-withdrawal-disputed.html" in link for link in hama)
    assert any("/sources/" in link for link in hama)
    assert any("/events/2024-11-27-offensive-launched.html" in link for link in axes)
    assert console_errors(browser) == []
    assert axe_violations(browser) == []
