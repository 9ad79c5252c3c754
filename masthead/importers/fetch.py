"""Fetching media and pages from an old site, without letting an export aim us at ourselves.

An export names URLs; whoever wrote it chooses them. Before any byte leaves, the host must be one
the run allows (the export's own), every address it resolves to must be public, and the
connection goes to the address we checked (so DNS cannot switch it in between). Redirects are
followed by hand and checked again; bodies are capped while streaming; the content is sniffed.
Proxies from the environment are not used: urllib3's pools never read them.
"""

import io
import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from PIL import Image

IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "AVIF"}
PAGE_TYPES = {"text/html", "application/xhtml+xml"}
MAX_REDIRECTS = 3
USER_AGENT = "Masthead-importer/1 (+moving an archive in)"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(Exception):
    """We would not fetch this: not allowed, not safe, too big, or not what was asked for."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class FetchFailed(Exception):
    """We tried and the other side did not give it: network error, HTTP error, too many hops."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Fetched:
    content: bytes
    content_type: str  # images: the sniffed type ("image/png"); pages: the server's header
    final_url: str


def is_public_address(address: Address) -> bool:
    """True when an address is one the public internet routes to, looking through the IPv6
    forms that carry an IPv4 address (mapped, 6to4, NAT64)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public_address(address.ipv4_mapped)
        if address.sixtofour is not None:
            return is_public_address(address.sixtofour)
        if address in _NAT64:
            return is_public_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.is_site_local:
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def resolve_host(host: str, port: int) -> list[Address]:
    """Every address the system resolver gives for a host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchFailed(f"cannot resolve host {host!r}: {error}") from error
    addresses = []
    for info in infos:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"); ip_address refuses zones on 3.11.
        text = str(info[4][0]).split("%", 1)[0]
        address = ipaddress.ip_address(text)
        if address not in addresses:
            addresses.append(address)
    return addresses


def normalise_host(host: str) -> str:
    """Lower-case ASCII (IDNA) form of a host name, without a trailing dot."""
    host = host.strip().rstrip(".").lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise FetchRefused(f"host name {host!r} is not a valid name: {error}") from error


def fetch(
    url: str,
    *,
    allowed_hosts: set[str],
    max_bytes: int,
    kind: str = "image",
    timeout: float = 10,
    resolve: Callable[[str, int], list[Address]] = resolve_host,
    address_allowed: Callable[[Address], bool] = is_public_address,
) -> Fetched:
    """Fetch one image or page from an allowed host, refusing anything unsafe.

    `resolve` and `address_allowed` exist for tests, which stand in a local server for a public
    one; callers leave them alone.
    """
    if kind not in ("image", "page"):
        raise ValueError(f"kind must be 'image' or 'page', not {kind!r}")
    allowed = {normalise_host(host) for host in allowed_hosts}
    current = url
    visited = []
    for _hop in range(MAX_REDIRECTS + 1):
        visited.append(current)
        host, port, address = _vet(current, allowed, resolve, address_allowed)
        pool, response = _request(current, host, port, address, timeout)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                if not location:
                    raise FetchFailed(f"{current}: redirect ({response.status}) without a Location")
                current = urljoin(current, location.strip())
                continue
            if response.status != 200:
                raise FetchFailed(f"{current}: the server answered HTTP {response.status}")
            content = _read_capped(response, max_bytes, current)
            content_type = response.headers.get("Content-Type", "")
        finally:
            response.release_conn()
            pool.close()
        if kind == "image":
            content_type = _sniff_image(content, current)
        else:
            _check_page(content, content_type, current)
        return Fetched(content=content, content_type=content_type, final_url=current)
    raise FetchFailed(
        f"{url}: more than {MAX_REDIRECTS} redirects ({' -> '.join(visited)} -> {current})"
    )


def _vet(url, allowed, resolve, address_allowed) -> tuple[str, int, Address]:
    """Check a URL's scheme, host and addresses; return what to connect to."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused(f"{url!r} is not a valid URL: {error}") from error
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"{url}: only http and https URLs are fetched, not {parts.scheme!r}")
    if parts.username or parts.password:
        raise FetchRefused(f"{url}: URLs with credentials are not fetched")
    if not parts.hostname:
        raise FetchRefused(f"{url}: the URL names no host")
    host = normalise_host(parts.hostname)
    if host not in allowed:
        raise FetchRefused(
            f"{url}: host {host!r} is not allowed (allowed: {', '.join(sorted(allowed))})"
        )
    port = port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(host, port)
    if not addresses:
        raise FetchFailed(f"{url}: host {host!r} resolves to no address")
    refused = [str(address) for address in addresses if not address_allowed(address)]
    if refused:
        raise FetchRefused(
            f"{url}: host {host!r} resolves to a private or reserved address "
            f"({', '.join(refused)}); nothing was fetched"
        )
    return host, port, addresses[0]


def _request(url, host, port, address, timeout):
    """GET `url` from the vetted address, naming the host in the Host header and in TLS."""
    parts = urlsplit(url)
    default_port = 443 if parts.scheme == "https" else 80
    host_header = f"[{host}]" if ":" in host else host
    if port != default_port:
        host_header = f"{host_header}:{port}"
    common = {"port": port, "timeout": urllib3.Timeout(timeout), "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            str(address),
            cert_reqs="CERT_REQUIRED",
            server_hostname=host,
            assert_hostname=host,
            **common,
        )
    else:
        pool = urllib3.HTTPConnectionPool(str(address), **common)
    target = parts.path or "/"
    if parts.query:
        target = f"{target}?{parts.query}"
    try:
        response = pool.urlopen(
            "GET",
            target,
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept-Encoding": "identity",
            },
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.HTTPError as error:
        pool.close()
        raise FetchFailed(f"{url}: {error}") from error
    return pool, response


def _read_capped(response, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared is not None:
        try:
            length = int(declared)
        except ValueError:
            raise FetchFailed(f"{url}: invalid Content-Length {declared!r}") from None
        if length > max_bytes:
            raise FetchRefused(f"{url}: {length} bytes is over the limit of {max_bytes} bytes")
    buffer = io.BytesIO()
    try:
        for chunk in response.stream(_CHUNK, decode_content=True):
            buffer.write(chunk)
            if buffer.tell() > max_bytes:
                raise FetchRefused(f"{url}: the body is over the limit of {max_bytes} bytes")
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(f"{url}: reading the body failed: {error}") from error
    return buffer.getvalue()


def _sniff_image(content: bytes, url: str) -> str:
    """Open the image's header only; return its MIME type or refuse it."""
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format
            width, height = image.size
    except Image.DecompressionBombError as error:
        raise FetchRefused(f"{url}: the image is too large to open safely ({error})") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise FetchRefused(f"{url}: not an image Pillow can read ({error})") from error
    if image_format not in IMAGE_FORMATS:
        raise FetchRefused(
            f"{url}: image format {image_format} is not one of {', '.join(sorted(IMAGE_FORMATS))}"
        )
    if max_pixels and width * height > max_pixels:
        raise FetchRefused(
            f"{url}: {width}x{height} pixels is over the limit of {max_pixels} pixels"
        )
    return Image.MIME.get(image_format, f"image/{image_format.lower()}")


def _check_page(content: bytes, content_type: str, url: str) -> None:
    media_type, _, params = content_type.partition(";")
    media_type = media_type.strip().lower()
    if media_type not in PAGE_TYPES:
        raise FetchRefused(f"{url}: expected an HTML page, got {content_type or 'no type'!r}")
    if b"\x00" in content[:4096]:
        raise FetchRefused(f"{url}: the page looks binary, not HTML text")
    charset = ""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    if charset:
        try:
            content.decode(charset)
        except (LookupError, UnicodeDecodeError) as error:
            raise FetchRefused(f"{url}: the page is not valid {charset}: {error}") from error
