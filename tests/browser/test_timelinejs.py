"""timelinejs.json in the real Knight Lab TimelineJS3 viewer (npm @knight-lab/timelinejs),
in headless Chromium: it loads with no error and shows a slide for every event."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import TIMELINEJS, console_errors, missing_npm, require

VIEWER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS3 viewer test</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_vendor/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/_vendor/@knight-lab/timelinejs/dist/js/timeline.js"></script>
</head>
<body>
<div id="timeline-embed" style="width: 100%; height: 600px"></div>
<script>
window.viewer = {state: "loading", errors: []};
fetch("/timelinejs.json")
  .then(response => response.json())
  .then(data => {
    const timeline = new TL.Timeline("timeline-embed", data, {
      script_path: new URL("/_vendor/@knight-lab/timelinejs/dist/js/", location.href).href,
      font: "georgia-helvetica",  // the default font theme fetches web fonts from a CDN
    });
    window.timeline = timeline;
    timeline.on("loaded", () => { window.viewer.state = "loaded"; });
  })
  .catch(error => { window.viewer = {state: "failed", errors: [String(error)]}; });
</script>
</body>
</html>
"""


@pytest.fixture(scope="module")
def viewer(browser, server, harness_dir):
    require(missing_npm(TIMELINEJS / "js" / "timeline.js", TIMELINEJS / "css" / "timeline.css"))
    from selenium.webdriver.support.ui import WebDriverWait

    (harness_dir / "timelinejs.html").write_text(VIEWER_PAGE, encoding="utf-8")
    console_errors(browser)
    browser.set_window_size(1280, 900)
    browser.get(server + "_test/timelinejs.html")
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return window.viewer.state") != "loading"
    )
    return browser


def test_the_viewer_loads_the_export_without_errors(viewer):
    assert viewer.execute_script("return window.viewer") == {"state": "loaded", "errors": []}
    assert viewer.execute_script("return window.timeline.config.getErrors()") == []
    assert console_errors(viewer) == []


def test_the_viewer_shows_every_event(viewer, example_site):
    export = json.loads((example_site / "timelinejs.json").read_text(encoding="utf-8"))
    ids = [slide["unique_id"] for slide in export["events"]]
    assert viewer.execute_script("return window.timeline.config.events.length") == len(ids)
    loaded = viewer.execute_script("return window.timeline.config.events.map(e => e.unique_id);")
    assert sorted(loaded) == sorted(ids)
    for unique_id in ids:
        slide = viewer.execute_script(
            "return document.getElementById(arguments[0]) !== null", unique_id
        )
        marker = viewer.execute_script(
            "return document.getElementById(arguments[0] + '-marker') !== null", unique_id
        )
        assert slide and marker, unique_id


def test_the_title_slide_comes_from_the_site(viewer, example_site):
    export = json.loads((example_site / "timelinejs.json").read_text(encoding="utf-8"))
    headline = viewer.execute_script("return window.timeline.config.title.text.headline")
    assert headline == export["title"]["text"]["headline"]
