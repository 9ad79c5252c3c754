"""The counting endpoint, in front of Django: `/a/hit` (the beacon's POST) and `/a/hit.gif` (the
image a page without JavaScript loads) answer at once, before a request object, a middleware or
the page cache is reached, and the hit goes to a batch that a thread writes to the database.

A batch is written when it holds `BATCH` hits or is `FLUSH_SECONDS` old, and when the process
ends. A process killed between two writes loses at most the hits of its open batch; a write
the database took but whose answer was lost (the database restarting in between) is written
again when it comes back, and those hits are counted twice. Nothing else is lost or doubled.
"""

import atexit
import logging
import threading
import time

from django.db import DatabaseError, connection

from masthead.analytics import counting
from masthead.core.rows import insert_rows

logger = logging.getLogger(__name__)

PATHS = ("/a/hit", "/a/hit.gif")
BATCH = 500
FLUSH_SECONDS = 2.0
MOST_WAITING = 50_000  # hits kept while the database is away; the oldest go beyond this
# The smallest transparent GIF: what the no-script image is answered with.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
NO_STORE = [("Cache-Control", "no-store"), ("X-Robots-Tag", "noindex")]


class Batches:
    """Hits waiting to be written, and the thread that writes them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waiting: list[counting.Counted] = []
        self.oldest = 0.0
        self.wake = threading.Event()
        self.thread: threading.Thread | None = None

    def add(self, hit: counting.Counted) -> None:
        with self.lock:
            if not self.waiting:
                self.oldest = time.monotonic()
            self.waiting.append(hit)
            over = len(self.waiting) - MOST_WAITING
            if over > 0:  # the database has been away a long while: the oldest go
                del self.waiting[:over]
                logger.warning("A hit was dropped: %d wait for the database", MOST_WAITING)
            full = len(self.waiting) % BATCH == 0  # the writer woken once a batch
        if self.thread is None or not self.thread.is_alive():
            self._start()
        if full:
            self.wake.set()

    def _start(self) -> None:
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="hits", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        while True:
            self.wake.wait(FLUSH_SECONDS / 4)
            self.wake.clear()
            with self.lock:
                due = self.waiting and (
                    len(self.waiting) >= BATCH or time.monotonic() - self.oldest >= FLUSH_SECONDS
                )
            if due:
                self.flush()

    def flush(self) -> int:
        """Write what waits, a batch at a time; what the database refuses waits for the next."""
        written = 0
        while True:
            with self.lock:
                batch = self.waiting[:BATCH]
            if not batch:
                return written
            try:
                write(batch)
            except DatabaseError:
                logger.warning("Hits could not be written; %d wait for the database", len(batch))
                if not connection.in_atomic_block:
                    connection.close()  # the next try connects afresh
                return written
            with self.lock:
                del self.waiting[: len(batch)]
                if self.waiting:
                    self.oldest = time.monotonic()
            written += len(batch)


def write(batch: list[counting.Counted]) -> None:
    """The batch in one go (`core.rows`: COPY on PostgreSQL, a few statements on SQLite), each
    hit a tuple already: a model instance per hit cost more than everything else a hit does."""
    from masthead.analytics.models import Hit

    insert_rows(Hit, counting.Counted._fields, batch)


batches = Batches()
salts = counting.Salts()
atexit.register(batches.flush)


class CountingApp:
    """WSGI: answers the counting endpoint itself and hands everything else on."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "") not in PATHS:
            return self.application(environ, start_response)
        status, headers, body = respond(environ)
        start_response(status, headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def respond(environ) -> tuple[str, list[tuple[str, str]], bytes]:
    """The endpoint's answer to one hit (status, headers, body), the hit counted on the way.
    Also reached through Django (analytics/views.py) when the WSGI front is not in place."""
    method = environ.get("REQUEST_METHOD", "GET")
    image = environ.get("PATH_INFO", "").endswith(".gif")
    if method not in (("GET", "HEAD") if image else ("POST",)):
        allowed = "GET, HEAD" if image else "POST"
        return explained("405 Method Not Allowed", f"use {allowed}", [("Allow", allowed)])
    try:
        batches.add(counting.count(environ, salts.today()))
    except counting.NotCounted:
        pass
    except counting.BadHit as error:
        return explained("400 Bad Request", str(error))
    except DatabaseError:  # today's salt could not be read: the hit is not counted
        logger.warning("A hit was not counted: the database did not answer")
    if image:
        return "200 OK", [("Content-Type", "image/gif"), *NO_STORE,
                          ("Content-Length", str(len(PIXEL)))], PIXEL  # fmt: skip
    return "204 No Content", list(NO_STORE), b""


def explained(status: str, text: str, extra: list | None = None):
    body = f"{text}\n".encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), *NO_STORE,
               ("Content-Length", str(len(body))), *(extra or [])]  # fmt: skip
    return status, headers, body
