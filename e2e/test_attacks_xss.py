"""Newsroom trust, §4 attack tests: cross-site scripting.

The corpus (e2e/attacks/xss_payloads.json, 300-odd payloads of our own) is stored in every
field an editor or reader fills: straight through the models, as an import or a shell could
(e2e/attacks/seed.py: headlines, deks, every body block, footnotes, updates, corrections, photo
records, authors, topics, types, regions, outlet settings, the newsletter and an issue), and a
sample through the real admin forms (e2e/attacks/admin_forms.py), where each form must refuse
the value or store it inert. A reader types the rest: searches, and the newsletter sign-up.

Then Chromium loads every page that shows them, the feeds are parsed as a reader would, the
JSON-LD as a search engine would, and the emails are opened: no payload may run, no markup of
theirs may come alive, no feed may break (e2e/attacks/detect.py says how that is told). A
payload that gets through names the field it came in by.
"""

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import feedparser
import pytest
from lxml import etree
from playwright.sync_api import Error as PlaywrightError

from e2e.attacks import corpus, detect
from e2e.attacks.corpus import Marks
from e2e.conftest import TIMEOUT_MS, running_server

pytestmark = [pytest.mark.browser]

SECRET = "e2e-not-secret"  # the server's SECRET_KEY (conftest): no template may print it
EVALUATED = re.compile(r"tmpl-\d+-49")  # a template-looking payload that something evaluated
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script', re.S | re.I)
BEACON = re.compile(
    r'<script src="/static/analytics/beacon[.\w]*\.js" defer data-page="\d+"></script>'
)
READER_MARKS = 10_000_000  # the reader's payloads are numbered from here, the seed's from 1000
# Where a payload's mark shows in what a witness saw.
MARK = re.compile(
    r"(?:__xss\(|xss-beacon/|pwned-|msgbox\(|alert\(|confirm\(|prompt\(|marker )(\d+)"
)
# JSON-LD keys that hold a link a consumer may follow: web addresses only.
LINK_KEYS = {"@id", "url", "sameAs", "mainEntityOfPage", "contentUrl", "item", "acquireLicensePage"}
# What the seeded article must show, so that every field's payloads were on the page.
SHOWN_ON_ARTICLE = [
    'class="article__dek"', 'class="caption"', "Top photo credit:", 'class="pull-quote"',
    'class="quote"', "<table>", 'class="inline-photo"', 'class="footnotes"', 'id="corrections"',
    'class="updates"', 'class="author-box"', 'class="topics"', 'class="site-footer__text"',
]  # fmt: skip
READER_BATCH = 250  # feed fields shown together in one page of the pretend feed reader
SCHEME = re.compile(r"^[\W_]*[a-z][a-z0-9+.-]*:", re.I)


@pytest.fixture(scope="module")
def server(migrated):
    """A server of its own: the hostile content must not reach the other browser tests."""
    unlimited = {"SEARCH_RATE_LIMIT": "0", "NEWSLETTER_SIGNUPS_PER_MINUTE": "0"}
    with running_server(
        migrated=migrated, demo_limit=1, username="e2e-xss", extra_env=unlimited
    ) as live:
        yield live


def shell(server, code: str):
    out = server.manage("shell", "--no-imports", "-c", code)
    line = next((ln for ln in out.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, f"no RESULT line in the shell output:\n{out[-3000:]}"
    return json.loads(line.removeprefix("RESULT "))


@pytest.fixture(scope="module")
def seeded(server):
    return shell(server, "from e2e.attacks.seed import run; run()")


@pytest.fixture(scope="module")
def seed_marks(seeded):
    marks = Marks()
    marks.slots = {int(n): tuple(slot) for n, slot in seeded["marks"].items()}
    return marks


def report(findings, marks: Marks, limit: int = 40) -> str:
    """The findings, each with the field and payload its mark names."""
    lines = []
    for finding in findings[:limit]:
        numbers = {int(n) for n in MARK.findall(finding.what)} & set(marks.slots)
        named = "; ".join(marks.describe(n) for n in sorted(numbers)[:3])
        lines.append(f"  {finding}" + (f"\n    from {named}" if named else ""))
    more = f"\n  … and {len(findings) - limit} more" if len(findings) > limit else ""
    return "\n".join(lines) + more


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def public_pages(seeded) -> list[tuple[str, int]]:
    pages = ["/", "/latest/", "/briefs/", "/corrections/", "/newsletter/", seeded["issue"]]
    pages += [seeded["plain"], *seeded["regions"], *seeded["articles"], *seeded["admin"]["pages"]]
    pages += [f"/type/{slug}/" for slug in seeded["types"]]
    pages += [f"/topics/{slug}/" for slug in seeded["topics"]]
    pages += [f"/authors/{slug}/" for slug in seeded["authors"]]
    every = {"region": "xss-region-0", "type": "xss-type-0", "author": "xss-author-0"}
    pages += [
        "/search/?q=zanzibar",
        "/search/?" + urllib.parse.urlencode({"q": "zanzibar", **every}),
    ]
    return [(path, 200) for path in pages] + [("/xss-region-0/no-such-piece/", 404)]


def visit(page, watch, path: str, status: int) -> str:
    watch.current = path
    response = page.goto(path)
    watch.current = response.url
    if response.status != status:
        watch.add("status", f"answered {response.status}, expected {status}")
    try:
        source = response.text()
    except PlaywrightError:  # gone already: a meta refresh or a script moved the page
        watch.add("moved", f"left for {page.url[:200]} before it could be read")
        source = ""
    watch.audit(page, kind="page")
    return source


def test_no_payload_runs_on_any_page(browser, server, seeded, seed_marks):
    """Every page that shows the hostile content, in Chromium with the site's own policy."""
    context, watch = detect.watched(browser, TIMEOUT_MS, base_url=server.base_url)
    page = context.new_page()
    sources = {path: visit(page, watch, path, status) for path, status in public_pages(seeded)}
    context.close()
    for path, source in sources.items():
        if EVALUATED.search(source) or SECRET in source:
            watch.findings.append(detect.Finding(path, "template", "a template payload ran"))
    # The hostile fields were shown at all: every kind of block, and the search found them.
    article = sources[seeded["articles"][0]]
    for shown in SHOWN_ON_ARTICLE:
        assert shown in article, f"the article page shows no {shown}"
    assert sources["/search/?q=zanzibar"].count('class="search-result"') >= len(seeded["articles"])
    assert not watch.findings, (
        f"{len(watch.findings)} findings on {len(sources)} pages:\n"
        + report(watch.findings, seed_marks)
    )


def test_what_a_reader_types_is_shown_inert(browser, server, seeded, seed_marks):
    """Searches, and the newsletter sign-up (its address and where it came from)."""
    marks = Marks(start=READER_MARKS)
    context, watch = detect.watched(browser, TIMEOUT_MS, base_url=server.base_url)
    page = context.new_page()
    # Search: the query is echoed in the title, the heading and the search box. Long ones
    # carry the whole corpus into the box; short ones, whole, into the title and the heading.
    queries = [marks.chunk("search query (long)", share, 4) for share in range(4)]
    queries += [marks.fit("search query", start * 41, 200) for start in range(8)]
    for query in queries:
        visit(page, watch, "/search/?" + urllib.parse.urlencode({"q": query}), 200)
    for share in range(3):
        source = marks.chunk("sign-up source (?from=)", share, 3)
        visit(page, watch, "/newsletter/?" + urllib.parse.urlencode({"from": source}), 200)
    # Sign-up: a malformed address comes back in the form, with the error.
    for share in range(4):
        visit(page, watch, "/newsletter/", 200)
        page.get_by_label("Your email address").fill(marks.chunk("sign-up address", share, 4))
        with page.expect_navigation():
            page.get_by_role("button", name="Subscribe", exact=True).click()
        watch.current = page.url
        watch.audit(page, kind="page")
    # An address can be valid and hostile: a quoted local part takes <, > and =.
    addresses = [
        marks.mark("sign-up address (valid)", index).replace(" ", "\\ ")
        for index in marks.indices("event-handlers")[:2]
    ]
    addresses = [f'"{a.replace(chr(34), "")}"@example.com' for a in addresses]
    for address in addresses:
        visit(page, watch, "/newsletter/", 200)
        page.get_by_label("Your email address").fill(address)
        with page.expect_navigation():
            page.get_by_role("button", name="Subscribe", exact=True).click()
        assert page.url.endswith("/check-your-email/"), f"{address} was refused"
    confirmations = shell(server, CONFIRMATIONS.format(addresses=addresses))
    assert len(confirmations["tokens"]) == len(addresses), confirmations
    for token in confirmations["tokens"]:
        visit(page, watch, f"/newsletter/confirm/{token}/", 200)
        with page.expect_navigation():
            page.get_by_role("button", name="Confirm my subscription").click()
        watch.current = page.url
        watch.audit(page, kind="page")
    email = context.new_page()
    watch.current = "the confirmation email"
    email.set_content(confirmations["email"], wait_until="load")
    watch.audit(email, kind="email")
    context.close()
    marks.slots.update(seed_marks.slots)  # the pages show the seeded fields too
    assert not watch.findings, f"{len(watch.findings)} findings:\n" + report(watch.findings, marks)


CONFIRMATIONS = """
import json
from django.template.loader import render_to_string
from masthead.newsletter import tokens
from masthead.newsletter.models import Subscription
found = [Subscription.objects.get(email__iexact=a) for a in {addresses!r}]
context = {{"newsletter": found[0].newsletter, "confirm_url": "https://example.com/confirm/",
           "subscription": found[0]}}
print("RESULT " + json.dumps({{
    "tokens": [tokens.confirmation_token(s) for s in found],
    "email": render_to_string("newsletter/email/confirm.html", context),
}}))
"""


def test_json_ld_parses_and_cannot_end_its_script_early(server, seeded):
    stored = seeded["stored"]
    checked = 0
    for path in ["/", *seeded["articles"], *seeded["admin"]["pages"][:1]]:
        status, body = fetch(server.url(path))
        assert status == 200, path
        source = body.decode()
        blocks = JSON_LD.findall(source)
        assert blocks, f"no JSON-LD on {path}"
        # Our pages have no other script but the readership beacon's one file: one more <script
        # means markup got through.
        assert len(BEACON.findall(source)) == 1, f"no readership beacon on {path}"
        assert source.lower().count("<script") == len(blocks) + 1, f"a stray <script on {path}"
        for block in blocks:
            assert "<" not in block and ">" not in block, f"unescaped < or > in JSON-LD on {path}"
            data = json.loads(block)
            checked += 1
            for key, link in links_in(data):
                assert link.startswith(("http://", "https://")), f"{path}: {key} is {link!r}"
            if data.get("@type") in ("NewsMediaOrganization", "WebSite"):
                assert data["name"] == stored["outlet_name"], "the outlet name did not survive"
            if path == seeded["articles"][0] and "headline" in data:
                # Escaped, not stripped: the hostile text reaches the reader as it was typed.
                assert data["headline"] == stored["headline"][:110]
                assert data["description"] == stored["dek"]
    assert checked >= 2 * (1 + len(seeded["articles"]))


def links_in(data, key=""):
    """(key, value) of every link in a JSON-LD block."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from links_in(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from links_in(v, key)
    elif isinstance(data, str) and (key in LINK_KEYS or key == "license" and SCHEME.match(data)):
        yield key, data  # a licence is a link, or the licence's name


def feed_urls(server, seeded) -> tuple[list[str], list[str], list[str]]:
    """(feeds in XML, feeds in JSON, sitemaps)."""
    xml = ["/feed/", "/feed/atom/", "/corrections/feed/", "/corrections/feed/atom/"]
    json_feeds = ["/feed/json/", "/corrections/feed/json/"]
    scopes = [("region", f"xss-region-{r}") for r in range(len(seeded["regions"]))]
    for kind, key in (("topic", "topics"), ("type", "types"), ("author", "authors")):
        scopes += [(kind, slug) for slug in seeded[key]]
    for kind, slug in scopes:
        xml += [f"/feed/{kind}/{slug}/", f"/feed/{kind}/{slug}/atom/"]
        json_feeds.append(f"/feed/{kind}/{slug}/json/")
    _, index = fetch(server.url("/sitemap.xml"))
    locs = etree.fromstring(index).findall(".//{*}loc")
    sitemaps = ["/sitemap.xml", "/news-sitemap.xml"]
    sitemaps += [urllib.parse.urlsplit(loc.text).path for loc in locs]
    return xml, json_feeds, sitemaps


# RSS elements feed readers render as HTML (feeds/escaping.py); the rest of a feed is text.
HTML = {"title", "description"}


def reader_view(body: bytes, fmt: str) -> list[tuple[str, str]]:
    """A feed's fields as a reader takes them: ("html", markup) or ("text", words)."""
    if fmt == "json":
        parts = []

        def walk(value, key=""):
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key)
            elif isinstance(value, str):
                parts.append(("html" if key == "content_html" else "text", value))

        walk(json.loads(body))
        return parts
    parts = []
    for element in etree.fromstring(body).iter():
        if not isinstance(element.tag, str) or not (element.text or "").strip():
            continue
        name = etree.QName(element)
        if fmt == "atom":
            kind = "html" if element.get("type") == "html" else "text"
        elif name.localname == "encoded" or (name.namespace is None and name.localname in HTML):
            kind = "html"  # RSS: <title>, <description>, content:encoded
        else:
            kind = "text"
        parts.append((kind, element.text))
    return parts


def test_feeds_and_sitemaps_stay_well_formed_and_inert(browser, server, seeded, seed_marks):
    xml, json_feeds, sitemaps = feed_urls(server, seeded)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    problems, views = [], {}
    for path in xml + json_feeds + sitemaps:
        status, body = fetch(server.url(path))
        if status != 200:
            problems.append(f"{path} answered {status}")
            continue
        try:
            if path in json_feeds:
                json.loads(body)
            else:
                etree.fromstring(body, parser)
        except (ValueError, etree.XMLSyntaxError) as error:
            problems.append(f"{path} is not well-formed: {error}")
            continue
        if path in xml:
            parsed = feedparser.parse(body)
            if parsed.bozo:
                problems.append(f"{path}: feedparser: {parsed.bozo_exception}")
            if not parsed.entries:
                problems.append(f"{path} has no entries")
        if EVALUATED.search(body.decode()) or SECRET in body.decode():
            problems.append(f"{path}: a template payload ran")
        if path not in sitemaps:
            fmt = "json" if path in json_feeds else "atom" if path.endswith("atom/") else "rss"
            views[path] = reader_view(body, fmt)
    assert not problems, "\n".join(problems)

    # Read as a feed reader shows them: HTML fields rendered, the rest as text. The feeds share
    # most of their items: each field is shown once, named after the first feed that has it.
    first = {}
    for path, parts in views.items():
        for part in parts:
            first.setdefault(part, path)
    fields = list(first)
    context, watch = detect.watched(browser, TIMEOUT_MS)
    page = context.new_page()
    for start in range(0, len(fields), READER_BATCH):
        batch = fields[start : start + READER_BATCH]
        watch.current = f"feed fields from {first[batch[0]]} on, in a feed reader"
        page.set_content(detect.document("feeds", batch), wait_until="load")
        watch.audit(page, kind="feed")
    context.close()
    assert not watch.findings, f"{len(watch.findings)} findings:\n" + report(
        watch.findings, seed_marks
    )


def test_the_newsletter_issue_email_is_inert(browser, server, seeded, seed_marks):
    email = seeded["email"]
    assert "zanzibar" in email["html"] and "zanzibar" in email["text"], "the pieces are missing"
    for part in (email["html"], email["text"], email["subject"]):
        assert not EVALUATED.search(part) and SECRET not in part
    context, watch = detect.watched(browser, TIMEOUT_MS)
    page = context.new_page()
    watch.current = "the issue email"
    page.set_content(email["html"], wait_until="load")
    watch.audit(page, kind="email")
    context.close()
    assert not watch.findings, f"{len(watch.findings)} findings:\n" + report(
        watch.findings, seed_marks
    )


def test_the_admin_forms_refuse_or_neutralise_hostile_input(seeded):
    results = seeded["admin"]["results"]
    assert len(results) >= 10
    failed = [r for r in results if not r["ok"]]
    assert not failed, "\n".join(
        f"  {r['form']}: expected {r['expect']}, got {r['status']} ({r['problem']})" for r in failed
    )


def test_the_admin_shows_hostile_records_as_text(admin, server, seeded, seed_marks):
    """The newsroom reads what an import brought in: the admin's screens must not run it."""
    watch = detect.Watch()
    watch.attach(admin.page.context)
    page = admin.page.context.new_page()  # a page opened after the witnesses were set
    screens = [
        "/admin/images/",
        "/admin/snippets/newsroom/author/",
        "/admin/snippets/newsroom/topic/",
        "/admin/snippets/newsroom/articletype/",
        "/admin/snippets/newsletter/issue/",
        "/admin/snippets/newsletter/subscription/",
        f"/admin/pages/{seeded['region_ids'][0]}/",
        # The edit form of the piece the admin's own form made: Wagtail's editor cannot open
        # stored rich text that is not well-formed (it answers 500), so not the seeded ones.
        f"/admin/pages/{seeded['admin']['edit']}/edit/",
        f"/admin/settings/siteconfig/sitesettings/{seeded['site_id']}/",
    ]
    for path in screens:
        watch.current = path
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        watch.audit(page, kind="admin")
    ran = watch.ran()
    assert not ran, f"{len(ran)} payloads ran in the admin:\n" + report(ran, seed_marks)


def test_the_corpus_is_large_and_every_payload_can_tell_it_ran():
    payloads = corpus.payloads()
    assert len(payloads) >= 200 and len(set(payloads)) == len(payloads)
    token = corpus.placeholder()
    inert = [p for p in payloads if token not in p and "base64" not in p]
    # Those without a mark act on the page itself (a <base>, a meta CSP, a template tag).
    assert len(inert) <= 12, inert
