"""Wagtail frontend-cache backend for Varnish: PURGE one URL (Wagtail's own), BAN by cache tag."""

import logging
import re
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)

TAG = re.compile(r"^[a-z0-9:]+$")


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """deploy/varnish/default.vcl turns `BAN /` with X-Ban-Tags into a ban on X-Cache-Tags."""

    def purge_tags(self, tags) -> None:
        tags = sorted(tag for tag in tags if TAG.match(tag))
        if not tags:
            return
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={"X-Ban-Tags": " ".join(tags), "User-Agent": "Masthead-purge"},
            method="BAN",
        )
        try:
            with urlopen(request, timeout=5):  # noqa: S310 - the location is the operator's setting
                pass
        except (URLError, OSError) as error:
            logger.error("Could not ban tags %s in %s: %s", tags, self.cache_netloc, error)
