"""`timeline serve` under attack: loopback only by default, nothing outside the output
folder however the path is written, hostile paths never reflected as markup, and clients
that vanish or dawdle do not stop it."""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.cli import serve as serve_command
from builder.serve import Preview
from tests.conftest import ARTICLE, TinySite

SECRET = "TOP-SECRET-OUTSIDE-THE-SITE"


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("outside")


@pytest.fixture(scope="module")
def preview(tmp_path_factory, outside: Path) -> Iterator[Preview]:
    tiny_site = TinySite(tmp_path_factory.mktemp("serve") / "site-src")
    tiny_site.event("offensive")
    (tiny_site.root / "timeline.toml").write_text('title = "Tiny timeline"\nsearch = false\n')
    # A big article (about 6 MB), so that a page takes a while to send.
    body = "\n\n".join(["Shelling continued overnight, residents said. " * 20] * 6_000)
    tiny_site.source("wire", ARTICLE.replace("BEIRUT", body + "\n\nBEIRUT"))
    (outside / "secret.txt").write_text(SECRET)
    (tiny_site.root / "secret.txt").write_text(SECRET)  # in the site folder, beside site/
    server = Preview(tiny_site.root, tiny_site.root / "site", port=0, echo=lambda _: None)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def request(preview: Preview, raw: bytes, *, timeout: float = 10) -> bytes:
    host, port = preview.server.server_address[:2]
    with socket.create_connection((host, port), timeout=timeout) as connection:
        connection.sendall(raw)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def get(preview: Preview, path: str) -> tuple[int, bytes]:
    response = request(preview, f"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n".encode())
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_serve_listens_on_loopback_unless_told_otherwise(preview: Preview) -> None:
    assert preview.server.server_address[0] == "127.0.0.1"
    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2fsecret.txt",
        "/.%2e/secret.txt",
        "/static/../../secret.txt",
        "/static/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "//../secret.txt",
        "/./../secret.txt",
        "/%00/../secret.txt",
        "/index.html%00.txt",
        "http://x/../secret.txt",
        "/..;/secret.txt",
    ],
)
def test_traversal_attempts_find_nothing(preview: Preview, path: str) -> None:
    code, body = get(preview, path)
    assert code in (400, 404), (path, code)
    assert SECRET.encode() not in body


def test_absolute_paths_find_nothing(preview: Preview, outside: Path) -> None:
    for path in [str(outside / "secret.txt"), "/etc/passwd", "/" + str(outside / "secret.txt")]:
        code, body = get(preview, path)
        assert code == 404 and SECRET.encode() not in body and b"root:" not in body


def test_links_inside_the_output_pointing_out_are_not_followed(
    preview: Preview, outside: Path
) -> None:
    output = Path(preview.output)
    (output / "leak.txt").symlink_to(outside / "secret.txt")
    (output / "leakdir").symlink_to(outside, target_is_directory=True)
    for path in ["/leak.txt", "/leakdir/secret.txt", "/leakdir/"]:
        code, body = get(preview, path)
        assert code == 404 and SECRET.encode() not in body, path


def test_hostile_paths_are_not_reflected_as_markup(preview: Preview) -> None:
    code, body = get(preview, "/%3Cscript%3Ealert(1)%3C/script%3E")
    assert code == 404
    assert b"<script>alert(1)" not in body


def test_a_client_that_disconnects_mid_response(preview: Preview) -> None:
    host, port = preview.server.server_address[:2]
    for _ in range(5):
        connection = socket.create_connection((host, port), timeout=10)
        connection.sendall(b"GET /sources/wire.html HTTP/1.1\r\nHost: x\r\n\r\n")
        assert connection.recv(1024).startswith(b"HTTP/1.0 200")
        # Close with a reset, not a polite shutdown, while the page is still being sent.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()
    code, body = get(preview, "/index.html")
    assert code == 200 and b"Tiny timeline" in body


def test_idle_and_half_sent_requests_do_not_block_others(preview: Preview) -> None:
    host, port = preview.server.server_address[:2]
    idle = socket.create_connection((host, port), timeout=10)
    half = socket.create_connection((host, port), timeout=10)
    half.sendall(b"GET /index.html HTTP/1.1\r\nHost:")
    try:
        started = time.monotonic()
        code, _ = get(preview, "/index.html")
        assert code == 200 and time.monotonic() - started < 5
    finally:
        idle.close()
        half.close()


def test_garbage_requests_get_an_error_not_a_crash(preview: Preview) -> None:
    for raw in [
        b"\x00\x01\x02\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n",
        b"BREW /index.html HTTP/1.0\r\n\r\n",
        b"GET /index.html HTTP/9.9\r\n\r\n",
    ]:
        response = request(preview, raw)
        if response.startswith(b"HTTP/"):  # else an HTTP/0.9 answer: a bare error page
            assert response.split()[1] in {b"400", b"404", b"414", b"501", b"505"}
        else:
            assert response == b"" or b"Error code" in response
    assert get(preview, "/index.html")[0] == 200
