"""Bodies converted in a second process while this one writes the batch before.

Conversion (parsing each post's markup, walking it into blocks, sanitising) is pure CPU and
touches no database, and the writes are database-bound: on a machine with two cores they
overlap. The worker is forked after the export's first pass, so it already holds the site's
address and the attachments' URLs; it is sent each body's markup and sends back the blocks.
"""

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor

from django.db import connections

from masthead.importers.records import Body
from masthead.importers.wordpress.bodies import convert_body
from masthead.newsroom.models import ArticlePage

_context: dict = {}


def _forget_connections() -> None:
    """In the forked worker: let go of the parent's database connections without closing them
    (closing, or letting them be garbage-collected, would end the parent's session on the
    shared socket). They are kept referenced until the worker exits. It never queries."""
    for alias in connections:
        _context.setdefault("inherited", []).append(connections[alias].connection)
        connections[alias].connection = None


def _follow_parent(parent: int) -> None:
    """End the worker when the importing process is gone (killed, out of memory): an orphan
    would hold the parent's database session open."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _start(site_url: str, attachments: dict | None, parent: int) -> None:
    _forget_connections()
    _context.update(site_url=site_url, attachments=attachments)
    threading.Thread(target=_follow_parent, args=(parent,), daemon=True).start()


def convert(content: str, footnotes_meta: str, site_url: str, attachments) -> Body:
    """A body, with what search will index of each of its blocks as an article's body."""
    try:
        body = convert_body(
            content,
            site_url=site_url,
            attachments_by_url=attachments,
            footnotes_meta=footnotes_meta or None,
        )
        stream_block = ArticlePage._meta.get_field("body").stream_block
        body.search_text = [stream_block.block_search_text(block) for block in body.blocks]
        return body
    except Exception as error:  # one body must not stop the run
        return Body(problems=[f"the body could not be converted ({type(error).__name__}: {error})"])


def _convert_many(jobs: list[tuple[str, str]], site_url=None, attachments=None):
    """The bodies, and the seconds their conversion took."""
    started = time.monotonic()
    if site_url is None:
        site_url, attachments = _context["site_url"], _context["attachments"]
    bodies = [convert(content, notes, site_url, attachments) for content, notes in jobs]
    return bodies, time.monotonic() - started


class Converter:
    def __init__(self, site_url: str, attachments: dict | None, *, parallel: bool):
        self.site_url, self.attachments = site_url, attachments
        self.pool = None
        if parallel and (os.cpu_count() or 1) > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start,
                initargs=(site_url, attachments, os.getpid()),
            )

    def submit(self, jobs: list[tuple[str, str]]) -> Future:
        if self.pool is not None:
            return self.pool.submit(_convert_many, jobs)
        done: Future = Future()
        done.set_result(_convert_many(jobs, self.site_url, self.attachments))
        return done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
