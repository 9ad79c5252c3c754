"""Old URLs: every address the old site answered for a record, and one 301 from each to where it
lives now, in Wagtail's redirects (`LongRedirect` for paths longer than its column).

Only the base address of each record is stored; the variants old sites also answered (`feed/`,
`amp/`, `page/N/`, `embed/`) are found from it by `importers.middleware`.
"""

import re
from urllib.parse import quote, urlsplit

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from masthead.core.rows import insert_rows
from masthead.importers.models import LongRedirect
from masthead.importers.records import SourceItem

MAX_PATH = Redirect._meta.get_field("old_path").max_length
NEW_REDIRECT = ["old_path", "site_id", "is_permanent", "redirect_page_id", "redirect_link",
                "redirect_page_route_path", "automatically_created", "created_at"]  # fmt: skip
QUERY_KEYS = ("p", "page_id", "attachment_id", "cat")  # WordPress's plain permalinks


def normalise(url: str) -> str:
    return Redirect.normalise_path(url)


def old_path(link: str, site_url: str) -> str | None:
    """The normalised path of a link, if it was on the old site (any scheme, with or without
    www.); None for another site's address."""
    if not link:
        return None
    split, site = urlsplit(link), urlsplit(site_url)
    if split.netloc:
        host = split.hostname or ""
        home = site.hostname or ""
        if host.removeprefix("www.") != home.removeprefix("www.") or not home:
            return None
    path = split.path or "/"
    base = (site.path or "").rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) :]  # a WordPress in a sub-folder: /blog/2019/…
    return normalise(path + (f"?{split.query}" if split.query else ""))


def item_paths(source: str, item: SourceItem, site_url: str) -> list[str]:
    """Every address an item answered at on the old site."""
    paths = []
    link_path = old_path(item.link, site_url)
    if link_path:
        paths.append(link_path)
        bare = link_path.split("?", 1)[0]
        for old in item.old_slugs:  # WordPress's _wp_old_slug: the same permalink, slug before
            if item.slug and bare.rsplit("/", 1)[-1] == item.slug:
                paths.append(normalise(bare.rsplit("/", 1)[0] + "/" + quote(old)))
    if source == "wordpress" and item.key.isdigit():
        paths.append(normalise(f"/?{'page_id' if item.kind == 'page' else 'p'}={item.key}"))
        if item.kind == "page":
            paths.append(normalise(f"/?p={item.key}"))
    if source == "ghost" and item.slug:
        paths.append(normalise(f"/{quote(item.slug)}/"))
    if source == "substack" and item.slug:
        paths.append(normalise(f"/p/{quote(item.slug)}"))
    return list(dict.fromkeys(p for p in paths if p and p != "/"))


ARCHIVES = {
    # source → (category base, tag base, author base)
    "wordpress": ("/category/", "/tag/", "/author/"),
    "ghost": ("/tag/", "/tag/", "/author/"),
    "substack": (None, None, None),
}


def term_path(source: str, kind: str, slugs: list[str]) -> str | None:
    """A category (full hierarchy, WordPress) or tag archive's address."""
    category_base, tag_base, _ = ARCHIVES.get(source, (None, None, None))
    base = category_base if kind == "category" else tag_base
    if not base:
        return None
    if kind != "category" or source != "wordpress":
        slugs = slugs[-1:]
    return normalise(base + "/".join(quote(s) for s in slugs) + "/")


def author_path(source: str, slug: str) -> str | None:
    base = ARCHIVES.get(source, (None, None, None))[2]
    return normalise(f"{base}{quote(slug)}/") if base and slug else None


class RedirectWriter:
    """Buffers (old path → page or link) and writes them in bulk, once each, no chains."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.pending: dict[str, tuple[int | None, str]] = {}
        self.written = 0

    def add(self, path: str | None, *, page_id: int | None = None, link: str = "") -> None:
        if path and (page_id or link):
            self.pending.setdefault(path, (page_id, link))

    def flush(self, page_paths: dict[int, str]) -> None:
        """Write what is buffered. `page_paths` is each target page's own path (normalised):
        an old address that is the new one too needs no redirect (it would loop)."""
        pending, self.pending = self.pending, {}
        if not pending or self.ctx.dry_run:
            self.written += len(pending) if self.ctx.dry_run else 0
            return
        site = self.ctx.site
        for path, (page_id, link) in list(pending.items()):
            own = page_paths.get(page_id) if page_id else normalise(link)
            if own == path:
                del pending[path]
        short = {p: t for p, t in pending.items() if len(p) <= MAX_PATH}
        long = {p: t for p, t in pending.items() if len(p) > MAX_PATH}
        self._short(short, site)
        self._long(long, site)

    def _short(self, wanted: dict, site) -> None:
        existing = {
            r.old_path: r
            for r in Redirect.objects.filter(Q(site=site) | Q(site=None), old_path__in=list(wanted))
        }
        new, changed = [], []
        now = timezone.now()
        for path, (page_id, link) in wanted.items():
            redirect = existing.get(path)
            if redirect is None:
                new.append((path, site.pk if site else None, True, page_id, link or "", "",
                            True, now))  # fmt: skip
            elif (redirect.redirect_page_id, redirect.redirect_link) != (page_id, link or ""):
                if not redirect.automatically_created:
                    continue  # an editor's own redirect wins
                redirect.redirect_page_id, redirect.redirect_link = page_id, link
                changed.append(redirect)
        insert_rows(Redirect, NEW_REDIRECT, new)
        Redirect.objects.bulk_update(changed, ["redirect_page", "redirect_link"])
        self.written += len(new) + len(changed)
        self.ctx.report.counts["redirects"] += len(new) + len(changed)

    def _long(self, wanted: dict, site) -> None:
        for path, (page_id, link) in wanted.items():
            _, created = LongRedirect.objects.update_or_create(
                path_hash=LongRedirect.hash_of(path),
                defaults={
                    "old_path": path,
                    "site": site,
                    "redirect_page_id": page_id,
                    "redirect_link": link,
                },
            )
            self.written += 1
            self.ctx.report.counts["redirects"] += 1


VARIANT = re.compile(
    r"^(?P<base>.*?)/(?:(?P<feed>feed(?:/(?:rss2?|atom|rdf))?)|amp|embed|page/(?P<page>\d+)"
    r"|comment-page-\d+)$"
)
