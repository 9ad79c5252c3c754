"""Shared by the `*attacks*` test modules: a trap that stands in for our own network.

`Trap` is an HTTP server on 127.0.0.1 that records every request it receives. While it is open,
a connection this process makes to the cloud's metadata address (169.254.169.254), to a private
address (10.0.0.5, 192.168.1.10) or to IPv6 loopback is recorded and carried to the trap, and
`intranet.example` resolves to 10.0.0.5: a request the server should never make to any of them
lands in the trap instead of timing out, so a test sees it.
"""

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

METADATA, PRIVATE_10, PRIVATE_192 = "169.254.169.254", "10.0.0.5", "192.168.1.10"
INTRANET_NAME = "intranet.example"  # a name that resolves to a private address
DIVERTED = {METADATA, PRIVATE_10, PRIVATE_192, "::1"}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client hanging up is no concern of the trap's


class Trap:
    """Records every connection to an internal address and every HTTP request that reaches it."""

    def __init__(self):
        self.requests: list[str] = []  # "METHOD host path" as received
        self.connections: list[tuple[str, int]] = []  # (address, port) the code connected to
        self._lock = threading.Lock()
        trap = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _record(self):
                with trap._lock:
                    trap.requests.append(f"{self.command} {self.headers.get('Host')} {self.path}")
                body = b"trap: an internal service answered"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = do_PURGE = do_BAN = _record

            def log_message(self, *args):
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]

    def urls(self, path: str = "/latest/meta-data/") -> dict[str, str]:
        """An address on each internal network, by what it stands for."""
        return {
            "loopback": f"http://127.0.0.1:{self.port}{path}",
            "localhost": f"http://localhost:{self.port}{path}",
            "ipv6 loopback": f"http://[::1]:{self.port}{path}",
            "link-local metadata": f"http://{METADATA}{path}",
            "private 10/8": f"http://{PRIVATE_10}{path}",
            "private 192.168/16": f"http://{PRIVATE_192}{path}",
            "name resolving to 10/8": f"http://{INTRANET_NAME}{path}",
        }

    @property
    def heard(self) -> list:
        """Everything that reached the trap: connections, then requests."""
        with self._lock:
            return [*self.connections, *self.requests]

    def _divert(self, sock, address):
        host, port = address[0], address[1]
        try:
            ip = ipaddress.ip_address(str(host).split("%", 1)[0])
        except ValueError:
            return address
        if str(ip) in DIVERTED or (ip.is_loopback and port == self.port):
            with self._lock:
                self.connections.append((str(ip), port))
            if sock.family == socket.AF_INET6:
                return ("::ffff:127.0.0.1", self.port, 0, 0)
            return ("127.0.0.1", self.port)
        return address

    def __enter__(self):
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_getaddrinfo = socket.getaddrinfo
        trap = self

        def connect(sock, address):
            return real_connect(sock, trap._divert(sock, address))

        def connect_ex(sock, address):
            return real_connect_ex(sock, trap._divert(sock, address))

        def getaddrinfo(host, port, *args, **kwargs):
            if isinstance(host, (str, bytes)) and host in (INTRANET_NAME, INTRANET_NAME.encode()):
                host = PRIVATE_10
            return real_getaddrinfo(host, port, *args, **kwargs)

        self._patches = [
            mock.patch.object(socket.socket, "connect", connect),
            mock.patch.object(socket.socket, "connect_ex", connect_ex),
            mock.patch.object(socket, "getaddrinfo", getaddrinfo),
        ]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in reversed(self._patches):
            patch.stop()
        self.server.shutdown()
        self.server.server_close()
