"""The SSRF guard: a real server on loopback stands in for our own network and must hear nothing.

A second server on 127.0.0.2 stands in for "the old site on the internet"; the tests that need to
reach it pass a resolver and an address hook that treat 127.0.0.2 (and only it) as public.
"""

import io
import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from masthead.importers.fetch import FetchFailed, FetchRefused, fetch, is_public_address


def png_bytes(size=(4, 3), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on an oversize body is what the test wants


class RecordingServer:
    """An HTTP server in a thread that records every request it receives."""

    def __init__(self, host: str, routes: dict):
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                recorder.requests.append(f"{self.headers.get('Host')} {self.path}")
                route = routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route(self, recorder)

            def log_message(self, *args):
                pass

        self.server = QuietServer((host, 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def send(handler, body: bytes, content_type: str, *, length: int | None = None):
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(location: str):
    def route(handler, _recorder):
        handler.send_response(302)
        handler.send_header("Location", location.format(port=handler.server.server_address[1]))
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def chunked_forever(handler, _recorder):
    handler.send_response(200)
    handler.send_header("Content-Type", "image/png")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"x" * 8192
    try:
        for _ in range(64):  # 512 KiB, far over the cap the test sets
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass


PNG = png_bytes()
ROUTES = {
    "/photo.png": lambda h, r: send(h, PNG, "image/png"),
    "/photo-wrong-type.png": lambda h, r: send(h, PNG, "text/plain"),
    "/notes.txt": lambda h, r: send(h, b"just some text, not a picture", "image/jpeg"),
    "/huge-declared.png": lambda h, r: send(h, PNG, "image/png", length=10_000_000),
    "/huge-chunked.png": chunked_forever,
    "/bomb.png": lambda h, r: send(h, png_bytes((2000, 1000), mode="1"), "image/png"),
    "/article.html": lambda h, r: send(h, b"<html><p>Hello</p></html>", "text/html; charset=utf-8"),
    "/loop": redirect("/loop"),
    "/hop1": redirect("/hop2"),
    "/hop2": redirect("/photo.png"),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-other-host": redirect("http://elsewhere.example/photo.png"),
}


@pytest.fixture
def trap():
    server = RecordingServer("127.0.0.1", ROUTES)
    yield server
    server.close()


@pytest.fixture
def public(trap):
    """The stand-in public server, whose redirects may point at the trap."""
    routes = dict(ROUTES)
    routes["/to-trap"] = redirect(f"http://127.0.0.1:{trap.port}/photo.png")
    server = RecordingServer("127.0.0.2", routes)
    yield server
    server.close()


def as_public(host, port):
    """Resolver for tests: public.example is the stand-in public server on 127.0.0.2."""
    if host == "public.example":
        return [ipaddress.ip_address("127.0.0.2")]
    return [ipaddress.ip_address(info[4][0]) for info in socket.getaddrinfo(host, port)]


def only_stand_in_is_public(address):
    return address == ipaddress.ip_address("127.0.0.2") or is_public_address(address)


def fetch_public(public, path, **kwargs):
    options = {"allowed_hosts": {"public.example"}, "max_bytes": 100_000}
    options.update(kwargs)
    return fetch(
        f"http://public.example:{public.port}{path}",
        resolve=as_public,
        address_allowed=only_stand_in_is_public,
        **options,
    )


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "[::1]", "169.254.169.254", "10.0.0.5", "[::ffff:127.0.0.1]"],
)
def test_private_and_loopback_addresses_are_refused_and_the_trap_hears_nothing(trap, host):
    url = f"http://{host}:{trap.port}/photo.png"
    allowed = {host.strip("[]")}
    with pytest.raises(FetchRefused, match="private or reserved address"):
        fetch(url, allowed_hosts=allowed, max_bytes=100_000, timeout=2)
    assert trap.requests == []


def test_a_name_that_resolves_to_loopback_is_refused(trap, monkeypatch):
    real = socket.getaddrinfo

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if host == "media.example":
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(FetchRefused, match=r"'media.example' resolves to .*127\.0\.0\.1"):
        fetch(
            f"http://media.example:{trap.port}/photo.png",
            allowed_hosts={"media.example"},
            max_bytes=100_000,
        )
    assert trap.requests == []


def test_a_host_outside_the_allow_list_is_refused(trap):
    with pytest.raises(FetchRefused, match="'evil.example' is not allowed"):
        fetch("http://evil.example/photo.png", allowed_hosts={"old.example"}, max_bytes=1000)
    assert trap.requests == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://old.example/a.png", "gopher://x/"])
def test_only_http_and_https(url):
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(url, allowed_hosts={"old.example", "x"}, max_bytes=1000)


def test_a_public_host_redirecting_to_loopback_is_refused(trap, public):
    with pytest.raises(FetchRefused, match="127.0.0.1"):
        fetch_public(public, "/to-trap", allowed_hosts={"public.example", "127.0.0.1"})
    assert public.requests == [f"public.example:{public.port} /to-trap"]
    assert trap.requests == []


def test_redirects_to_metadata_or_other_hosts_are_refused(trap, public):
    with pytest.raises(FetchRefused, match="169.254.169.254"):
        fetch_public(public, "/to-metadata", allowed_hosts={"public.example", "169.254.169.254"})
    with pytest.raises(FetchRefused, match="'elsewhere.example' is not allowed"):
        fetch_public(public, "/to-other-host")
    assert trap.requests == []


def test_an_allowed_public_image_is_fetched(public):
    fetched = fetch_public(public, "/photo.png", allowed_hosts={"PUBLIC.example."})
    assert fetched.content == PNG
    assert fetched.content_type == "image/png"
    assert fetched.final_url == f"http://public.example:{public.port}/photo.png"
    # The Host header names the host although the connection went to the vetted address.
    assert public.requests == [f"public.example:{public.port} /photo.png"]


def test_the_image_type_is_sniffed_not_taken_from_the_header(public):
    assert fetch_public(public, "/photo-wrong-type.png").content_type == "image/png"
    with pytest.raises(FetchRefused, match="not an image"):
        fetch_public(public, "/notes.txt")


def test_redirects_are_followed_up_to_three(public):
    fetched = fetch_public(public, "/hop1")
    assert fetched.content == PNG
    assert fetched.final_url.endswith("/photo.png")


def test_a_redirect_loop_stops(public):
    with pytest.raises(FetchFailed, match="more than 3 redirects"):
        fetch_public(public, "/loop")
    assert len(public.requests) == 4


def test_oversize_bodies_are_refused(public):
    with pytest.raises(FetchRefused, match="10000000 bytes is over the limit"):
        fetch_public(public, "/huge-declared.png")
    with pytest.raises(FetchRefused, match="body is over the limit of 100000 bytes"):
        fetch_public(public, "/huge-chunked.png")


def test_an_image_over_the_pixel_limit_is_refused(public, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(FetchRefused, match="2000x1000 pixels is over the limit"):
        fetch_public(public, "/bomb.png")


def test_pages_must_be_html(public):
    page = fetch_public(public, "/article.html", kind="page")
    assert page.content == b"<html><p>Hello</p></html>"
    assert page.content_type == "text/html; charset=utf-8"
    with pytest.raises(FetchRefused, match="expected an HTML page"):
        fetch_public(public, "/photo.png", kind="page")


def test_a_missing_file_is_a_clear_failure(public):
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetch_public(public, "/gone.png")


@pytest.mark.parametrize(
    "address,expected",
    [
        ("8.8.8.8", True),
        ("2606:4700::1", True),
        ("::ffff:8.8.8.8", True),
        ("64:ff9b::808:808", True),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 wrapping 169.254.169.254
        ("100.64.0.1", False),
        ("192.0.2.1", False),
        ("224.0.0.1", False),
        ("ff02::1", False),
        ("0.0.0.0", False),
        ("fe80::1", False),
        ("fc00::1", False),
    ],
)
def test_public_address_check(address, expected):
    assert is_public_address(ipaddress.ip_address(address)) is expected


def test_https_checks_the_certificate_for_the_host_name(public):
    # The stand-in server speaks plain HTTP, so the TLS handshake for the name must fail.
    with pytest.raises(FetchFailed, match=f"https://public.example:{public.port}/photo.png"):
        fetch(
            f"https://public.example:{public.port}/photo.png",
            allowed_hosts={"public.example"},
            max_bytes=100_000,
            timeout=2,
            resolve=as_public,
            address_allowed=only_stand_in_is_public,
        )
