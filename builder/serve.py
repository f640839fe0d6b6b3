"""`timeline serve`: a local preview that rebuilds on change and reloads open pages.

The site is served from the output folder as the last successful build left it. A
watcher (watchdog) notes changes to content/, templates/ and timeline.toml; after a short
quiet spell it runs an incremental build. HTML responses get a small script, added only
while serving (never to the built files), that polls the server's build status: a new
build reloads the page, a failed one shows its error over the page, which stays the last
good version.
"""

from __future__ import annotations

import errno
import html
import json
import mimetypes
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

from builder.problems import internal_error

STATUS_PATH = "/__timeline__/status"
QUIET_SECONDS = 0.3  # wait for a burst of saves to end before building
RELOAD_SCRIPT = """
<script>
(function () {
  var seen = null;
  function show(error) {
    var box = document.getElementById("timeline-build-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "timeline-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1em;background:#fff0f0;color:#600;border-top:3px solid #c00;" +
        "font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647";
      document.body.appendChild(box);
    }
    box.textContent = "The last build failed; this page is the last good version.\\n\\n" + error;
  }
  function poll() {
    fetch("STATUS_PATH", {cache: "no-store"})
    .then(function (r) { return r.json(); })
    .then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      show(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  poll();
})();
</script>
""".replace("STATUS_PATH", STATUS_PATH)


@dataclass
class BuildStatus:
    version: int = 0  # goes up after every successful build
    error: str | None = None  # the last build's error, until a build succeeds


class Rebuilder:
    """Runs builds one at a time, and records the outcome for the pages to poll."""

    def __init__(self, build: Callable[[], str], echo: Callable[[str], None]) -> None:
        self._build = build
        self._echo = echo
        self._lock = threading.Lock()
        self.status = BuildStatus()

    def run(self) -> bool:
        with self._lock:
            started = time.perf_counter()
            try:
                summary = self._build()
            except click.ClickException as error:
                self.status.error = error.format_message()
                self._echo(f"Build failed; still serving the last good site.\n{self.status.error}")
                return False
            except Exception as error:  # a bug must not stop the preview: say so, serve on
                debug = os.environ.get("TIMELINE_DEBUG")
                self.status.error = traceback.format_exc() if debug else internal_error(error)
                self._echo(f"Build crashed; still serving the last good site.\n{self.status.error}")
                return False
            self.status.error = None
            self.status.version += 1
            self._echo(f"{summary} ({time.perf_counter() - started:.2f} s)")
            return True


def resolve_request(root: Path, raw_path: str) -> Path | None:
    """The file under `root` a request path names, or None when it names nothing there
    (missing, or outside `root` by '..', an absolute path or a link)."""
    path = unquote(urlsplit(raw_path).path)
    if "\0" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        return None
    target = root.joinpath(*parts) if parts else root
    if target.is_dir():
        target = target / "index.html"
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None
    return resolved


def inject_reload(page: bytes) -> bytes:
    script = RELOAD_SCRIPT.encode("utf-8")
    position = page.lower().rfind(b"</body>")
    return page[:position] + script + page[position:] if position >= 0 else page + script


def make_handler(root: Path, rebuilder: Rebuilder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "timeline-serve"

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows builds, not every request

        def do_HEAD(self) -> None:
            self.do_GET(head=True)

        def do_GET(self, head: bool = False) -> None:
            try:
                self._respond(head)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                self.close_connection = True  # the browser went away mid-response

        def _respond(self, head: bool) -> None:
            if urlsplit(self.path).path == STATUS_PATH:
                status = rebuilder.status
                body = json.dumps({"version": status.version, "error": status.error}).encode()
                return self._send(HTTPStatus.OK, "application/json", body, head)
            target = resolve_request(root, self.path)
            if target is None:
                message = f"<h1>Not found</h1><p>{html.escape(unquote(self.path))}</p>"
                return self._send(HTTPStatus.NOT_FOUND, "text/html", message.encode(), head)
            try:
                body = target.read_bytes()
            except OSError:
                return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"Not found", head)
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body = inject_reload(body)
            self._send(HTTPStatus.OK, kind, body, head)

        def _send(self, code: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
            self.send_response(code)
            charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""
            self.send_header("Content-Type", kind + charset)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


class Watcher:
    """Calls `on_change` once the watched paths have been quiet for QUIET_SECONDS."""

    def __init__(self, site_dir: Path, on_change: Callable[[], object]) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.site_dir = site_dir.resolve()
        self.on_change = on_change
        self._changed = threading.Event()
        self._stopped = threading.Event()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                paths = [event.src_path, getattr(event, "dest_path", "") or ""]
                if any(watcher.watched(Path(str(p))) for p in paths if p):
                    watcher._changed.set()
                    watcher.watch_folders()  # content/ or templates/ may be new

        self.observer = Observer()
        self._handler = Handler()
        self._scheduled: set[str] = set()
        self.observer.schedule(self._handler, str(self.site_dir), recursive=False)
        self.watch_folders()
        self.thread = threading.Thread(target=self._loop, name="timeline-rebuild", daemon=True)

    def watch_folders(self) -> None:
        for folder in ("content", "templates"):
            path = self.site_dir / folder
            if folder not in self._scheduled and path.is_dir():
                self.observer.schedule(self._handler, str(path), recursive=True)
                self._scheduled.add(folder)

    def watched(self, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(self.site_dir)
        except ValueError:
            return False
        if not relative.parts or relative.name.startswith("."):
            return False  # editors' swap files, the cache
        return relative.parts[0] in ("content", "templates") or relative == Path("timeline.toml")

    def start(self) -> None:
        self.observer.start()
        self.thread.start()

    def _loop(self) -> None:
        while not self._stopped.is_set():
            if not self._changed.wait(0.2):
                continue
            # Let a burst of saves settle before building.
            while self._changed.is_set() and not self._stopped.is_set():
                self._changed.clear()
                time.sleep(QUIET_SECONDS)
            if not self._stopped.is_set():
                self.on_change()

    def stop(self) -> None:
        self._stopped.set()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=5)


def cannot_listen(host: str, port: int, error: OSError) -> str:
    """Why the preview cannot listen at `host`:`port`, and what to do."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another preview?); stop that "
            "server, or choose another port with --port"
        )
    if error.errno == errno.EACCES:
        return (
            f"not allowed to listen on port {port} (ports below 1024 need administrator "
            "rights); choose another port with --port"
        )
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host!r}: this machine has no such address; try --host 127.0.0.1"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


class Preview:
    """The preview server: a first build, the HTTP server, and the watcher."""

    def __init__(
        self,
        site_dir: Path,
        output: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        echo: Callable[[str], None] = click.echo,
    ) -> None:
        from builder.build import build
        from builder.problems import counted

        def run_build() -> str:
            # Forking workers from a threaded process is not safe (a lock another thread
            # holds stays held in the child): a rebuild runs in this process alone. The
            # first build, before the server and the watcher start, uses every core.
            alone = not self.started and threading.active_count() == 1
            result = build(site_dir, output, workers=0 if alone else 1)
            for warning in result.warnings:
                echo(str(warning))
            changed = counted(result.written, "file")
            return f"Built {counted(result.events, 'event')}: {changed} changed"

        self.output = output
        self.started = False
        self.rebuilder = Rebuilder(run_build, echo)
        # The address is taken first: a port in use is said at once, not after a build.
        try:
            self.server = ThreadingHTTPServer((host, port), make_handler(output, self.rebuilder))
        except OSError as error:
            raise click.ClickException(cannot_listen(host, port, error)) from None
        self.rebuilder.run()
        self.server.daemon_threads = True
        self.watcher = Watcher(site_dir, self.rebuilder.run)
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> None:
        self.started = True
        self.watcher.start()
        self._thread.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
