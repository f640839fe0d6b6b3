"""`timeline serve`: files from the output folder only, rebuild on change, live reload."""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.serve import RELOAD_SCRIPT, STATUS_PATH, Preview, resolve_request

from .conftest import EVENT, TinySite

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def preview(tiny_site: TinySite) -> Iterator[Preview]:
    (tiny_site.root / "timeline.toml").write_text('title = "Tiny timeline"\nsearch = false\n')
    messages: list[str] = []
    server = Preview(tiny_site.root, tiny_site.root / "site", port=0, echo=messages.append)
    server.messages = messages  # type: ignore[attr-defined]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def get(preview: Preview, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(preview.address.rstrip("/") + path, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def raw_get(preview: Preview, path: str) -> bytes:
    """Send the request path exactly as given (urllib would normalise '..' away)."""
    host, port = preview.server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def wait_for(condition, timeout: float = 15.0) -> bool:
    """Poll `condition`; an element that goes stale or missing because the page is
    reloading at that moment counts as "not yet"."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except (StaleElementReferenceException, NoSuchElementException):
            pass
        time.sleep(0.1)
    return False


def status(preview: Preview) -> dict:
    return json.loads(get(preview, STATUS_PATH)[1])


def test_pages_are_served_with_the_reload_script(preview: Preview) -> None:
    code, body = get(preview, "/")
    assert code == 200
    assert STATUS_PATH.encode() in body
    assert body.rstrip().endswith(b"</html>")
    built = (preview.output / "index.html").read_bytes()
    assert STATUS_PATH.encode() not in built  # only while serving
    code, css = get(preview, "/static/style.css")
    assert code == 200 and STATUS_PATH.encode() not in css


@pytest.mark.parametrize(
    "path",
    [
        "/../timeline.toml",
        "/events/../../timeline.toml",
        "/%2e%2e/timeline.toml",
        "/%2e%2e%2ftimeline.toml",
        "/..%5ctimeline.toml",
        "//etc/passwd",
        "/events/%00.html",
    ],
)
def test_paths_outside_the_output_folder_are_not_found(preview: Preview, path: str) -> None:
    response = raw_get(preview, path)
    assert response.startswith(b"HTTP/1.0 404") or response.startswith(b"HTTP/1.1 404")
    assert b"Tiny timeline" not in response and b"root:" not in response


def test_a_link_out_of_the_output_folder_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert resolve_request(root, "/link.txt") is None
    (root / "page.html").write_text("ok")
    assert resolve_request(root, "/page.html") == (root / "page.html").resolve()


def test_client_that_disconnects_mid_response(preview: Preview) -> None:
    big = preview.output / "static" / "big.bin"
    big.write_bytes(os.urandom(8 * 1024 * 1024))
    host, port = preview.server.server_address[:2]
    for _ in range(3):
        connection = socket.create_connection((host, port), timeout=10)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        connection.sendall(b"GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.recv(100)
        connection.close()
    assert get(preview, "/")[0] == 200


def test_edit_rebuilds_and_a_broken_edit_keeps_the_last_good_site(
    preview: Preview, tiny_site: TinySite
) -> None:
    first = status(preview)["version"]
    tiny_site.event("offensive", EVENT.replace("Offensive begins", "Offensive starts"))
    assert wait_for(lambda: status(preview)["version"] > first)
    assert b"Offensive starts" in get(preview, "/events/offensive.html")[1]
    tiny_site.event("offensive", "---\ndate: 2024-02-30\ntitle: Broken\n---\n")
    assert wait_for(lambda: status(preview)["error"] is not None)
    assert "offensive.md" in status(preview)["error"]
    assert any("Build failed" in message for message in preview.messages)  # type: ignore[attr-defined]
    assert b"Offensive starts" in get(preview, "/events/offensive.html")[1]
    tiny_site.event("offensive", EVENT)
    assert wait_for(lambda: status(preview)["error"] is None)


def test_reload_script_is_a_single_script_element() -> None:
    assert RELOAD_SCRIPT.strip().startswith("<script>")
    assert RELOAD_SCRIPT.count("</script>") == 1


def _require_browser() -> None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        reason = f"missing {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def browser() -> Iterator[object]:
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="timeline-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser_reloads_after_a_content_edit(
    preview: Preview, tiny_site: TinySite, browser
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(preview.address + "events/offensive.html")
    heading = browser.find_element(By.CSS_SELECTOR, "h1")
    assert "Offensive begins" in heading.text
    browser.execute_script("window.notReloaded = true;")
    tiny_site.event("offensive", EVENT.replace("Offensive begins", "Offensive resumes"))
    assert wait_for(
        lambda: "Offensive resumes" in browser.find_element(By.CSS_SELECTOR, "h1").text, 20
    ), "the page did not reload after the edit"
    assert browser.execute_script("return window.notReloaded === undefined;")
    tiny_site.event("offensive", "---\ndate: 2024-02-30\ntitle: Broken\n---\n")
    assert wait_for(lambda: browser.find_elements(By.ID, "timeline-build-error"), 20), (
        "the build error was not shown in the page"
    )
    assert "offensive.md" in browser.find_element(By.ID, "timeline-build-error").text
    assert "Offensive resumes" in browser.find_element(By.CSS_SELECTOR, "h1").text


def test_the_first_build_uses_every_core_and_rebuilds_one(
    tiny_site: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the server and the watcher start, the preview's first build forks workers;
    later builds, from a threaded process, do not (a fork would copy held locks)."""
    import builder.build

    real_build, workers = builder.build.build, []

    def recording_build(*args, **kwargs):
        workers.append(kwargs.get("workers"))
        return real_build(*args, **kwargs)

    monkeypatch.setattr(builder.build, "build", recording_build)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # whatever else the tests run
    (tiny_site.root / "timeline.toml").write_text('title = "Tiny timeline"\nsearch = false\n')
    server = Preview(tiny_site.root, tiny_site.root / "site", port=0, echo=lambda _: None)
    server.start()
    try:
        assert workers == [0]
        tiny_site.event("offensive", EVENT.replace("Offensive begins", "Offensive starts"))
        assert wait_for(lambda: len(workers) == 2)
        assert workers == [0, 1]
    finally:
        server.stop()


def test_a_port_in_use_is_said_at_once_without_a_traceback(tiny_site: TinySite) -> None:
    from click.testing import CliRunner

    from builder.cli import main

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = CliRunner().invoke(
            main, ["serve", "--site", str(tiny_site.root), "--port", str(port)]
        )
    finally:
        taken.close()
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "--port" in result.output and "Traceback" not in result.output
    assert not (tiny_site.root / "site").exists()  # nothing built for a server that cannot start
    beyond = CliRunner().invoke(main, ["serve", "--site", str(tiny_site.root), "--port", "70000"])
    assert beyond.exit_code == 2 and "70000 is not in the range" in beyond.output
