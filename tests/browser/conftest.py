"""Browser test harness: the example site built once, served on 127.0.0.1, one headless
Chromium per test module, and helpers for console errors, axe-core and layout checks.

The tools come from the system (Debian's chromium and chromium-driver, Java) and from
npm (node_modules/: axe-core, @knight-lab/timelinejs); `.ci/install-browser-deps` installs
them. Where one is missing the tests skip with the reason, except in CI (CI=true), where
they fail, so that they can never silently stop running.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, build_example_site

NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
TIMELINEJS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
INSTALL_HINT = "run `make browser-deps` (apt chromium chromium-driver default-jre-headless; npm ci)"


def require(missing: list[str]) -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI."""
    if not missing:
        return
    reason = f"missing {', '.join(missing)}: {INSTALL_HINT}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def missing_browser() -> list[str]:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    return missing


def missing_npm(*paths: Path) -> list[str]:
    return [str(path.relative_to(REPO)) for path in paths if not path.exists()]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The repository's example site, built once for all browser tests."""
    return build_example_site(tmp_path_factory.mktemp("browser-example"))


class _Handler(SimpleHTTPRequestHandler):
    """Serves several folders under URL prefixes; the longest matching prefix wins."""

    def __init__(self, *args, roots: dict[str, Path], **kwargs) -> None:
        self.roots = roots
        super().__init__(*args, directory=str(roots["/"]), **kwargs)

    def translate_path(self, path: str) -> str:
        for prefix in sorted(self.roots, key=len, reverse=True):
            if path.startswith(prefix):
                self.directory = str(self.roots[prefix])
                return super().translate_path("/" + path[len(prefix) :])
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def harness_dir(tmp_path_factory) -> Path:
    """Test-only pages (such as the TimelineJS viewer page), served under /_test/."""
    return tmp_path_factory.mktemp("harness")


@pytest.fixture(scope="session")
def server(example_site: Path, harness_dir: Path) -> Iterator[str]:
    """The example site at http://127.0.0.1:PORT/, node_modules under /_vendor/."""
    roots = {"/": example_site, "/_test/": harness_dir, "/_vendor/": NODE_MODULES}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, roots=roots))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per test module, from the system, with its console log kept."""
    require(missing_browser())
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--window-size=1280,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def console_errors(driver) -> list[str]:
    """Errors logged in the browser console since the last call (reading clears the log)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def axe_violations(driver) -> list[dict]:
    """axe-core's WCAG 2.2 AA violations on the current page, summarised."""
    require(missing_npm(AXE))
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]}})
          .then(r => done(r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)
          }))))
          .catch(e => done([{id: "axe-error", help: String(e), nodes: []}]));
        """,
        WCAG_TAGS,
    )
    return result


def horizontal_overflow(driver) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")


def wait_for_enhancements(driver, timeout: float = 20) -> None:
    """Wait until the chronology's scripts have added the tag filter and the search box."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script(
            "return !!document.querySelector('.tag-filter button')"
            " && !!document.querySelector('.site-search input');"
        )
    )
