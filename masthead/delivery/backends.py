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

    def purge_tags(self, tags, timeout: float = 5) -> bool:
        """Ban every cached response carrying one of `tags`; False if Varnish did not answer."""
        tags = sorted(tag for tag in tags if TAG.match(tag))
        if not tags:
            return True
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={"X-Ban-Tags": " ".join(tags), "User-Agent": "Masthead-purge"},
            method="BAN",
        )
        try:
            with urlopen(request, timeout=timeout):  # noqa: S310 - the operator's own location
                return True
        except (URLError, OSError) as error:
            logger.warning("Could not ban tags %s in %s: %s", tags, self.cache_netloc, error)
            return False
