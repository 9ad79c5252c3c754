"""A real SMTP server for tests (aiosmtpd on 127.0.0.1) that keeps what it receives and can be
told to fail: 451 on DATA, 550 for chosen recipients, or a dropped line after the data; and one
that never answers (`HungSMTPServer`)."""

import base64
import email
import shutil
import socket
import tempfile
import threading
from collections import Counter
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    def __init__(self):
        self.lock = threading.Lock()
        self.messages: list[email.message.EmailMessage] = []
        self.raw: list[bytes] = []  # each message as it arrived, for checking its signature
        self.refuse: dict[str, str] = {}  # address -> reply, e.g. "550 5.1.1 No such user"
        self.tempfail_data = 0  # answer this many DATA commands with 451
        self.drop_after_data: set[str] = set()  # recipients whose first DATA loses the line
        self.on_data = None  # called with the count of DATA commands so far; True drops the message
        self.data_count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.data_count += 1
            if self.on_data and self.on_data(self.data_count):
                server.transport.close()  # the client was stopped before it heard an answer
                return "421 4.4.2 Connection dropped"
            if self.tempfail_data > 0:
                self.tempfail_data -= 1
                return "451 4.3.0 Mailbox busy, try again later"
            recipient = envelope.rcpt_tos[0]
            if recipient in self.drop_after_data:
                self.drop_after_data.discard(recipient)
                server.transport.close()  # no reply: the client never hears 250
                return "421 4.4.2 Connection dropped"
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
            self.raw.append(envelope.original_content or envelope.content)
        return "250 2.0.0 Accepted"

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(str(m["To"]) for m in self.messages)

    def to(self, address: str) -> list:
        with self.lock:
            return [m for m in self.messages if str(m["To"]) == address]


class SMTPServer:
    def __init__(self):
        self.sink = Sink()
        self.port = free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def settings(self) -> dict:
        return smtp_settings(self.port)


class HungSMTPServer:
    """A mail server that takes connections and never answers, as a paused one does: the
    kernel completes the handshake, the greeting never comes."""

    def __enter__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        return self

    def __exit__(self, *exc):
        self.socket.close()

    def settings(self, timeout: float = 10) -> dict:
        return smtp_settings(self.port, timeout=timeout)


def smtp_settings(port: int, timeout: float = 10) -> dict:
    """Settings that send through SMTP to 127.0.0.1:`port` (free_port(): a server that is down)."""
    return {
        "EMAIL_BACKEND": "masthead.core.mail.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_TIMEOUT": timeout,
    }


def dkim_key_pair(test) -> tuple[Path, bytes]:
    """A fresh RSA key in a file the test removes, and its DNS TXT record."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    folder = Path(tempfile.mkdtemp())
    test.addCleanup(shutil.rmtree, folder)
    path = folder / "dkim.pem"
    path.write_bytes(pem)
    return path, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
