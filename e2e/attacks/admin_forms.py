"""A sample of the payloads through the real admin forms, posted with Django's test client as a
signed-in superuser: each form must refuse the hostile value with an error, or store it so that
the site can show it as text (titles, names, captions are stored as typed; rich text and links
are stored without their scripts). The pages these forms make are among those the browser loads.
"""

import io
import json
import re
import secrets
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from masthead.images.models import CustomImage
from masthead.newsletter.site import base_url
from masthead.newsroom.models import ArticlePage, ArticleType, Author, SectionPage, Topic
from masthead.siteconfig.models import SiteSettings

# Elements stored rich text never needs, and that would run, load or take over something.
LIVE_ELEMENTS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "base",
    "meta",
    "form",
}
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
# Wagtail's banner over a form it did not save.
REFUSED = re.compile(r"could not be (saved|created)", re.I)


def typable(payload: str) -> bool:
    """What a form field can carry at all: Django refuses a NUL character outright."""
    return "\x00" not in payload


class Desk:
    def __init__(self, marks):
        self.marks = marks
        self.client = Client(HTTP_HOST=urlsplit(base_url()).netloc)
        user = get_user_model().objects.create_superuser(
            "xss-desk", "xss-desk@example.com", secrets.token_urlsafe(18)
        )
        self.client.force_login(user)
        self.results = []
        self.urls = marks.indices("bare-urls")

    def payload(self, slot: str, limit: int, start: int) -> str:
        return self.marks.fit(f"admin form: {slot}", start * 53 + 11, limit, allow=typable)

    def text(self, slot: str, share: int, of: int = 4) -> str:
        return self.marks.chunk(f"admin form: {slot}", share, of, allow=typable)

    def url_with(self, slot: str, scheme: str) -> str:
        index = next(i for i in self.urls if self.marks.corpus[i].lower().startswith(scheme))
        return self.marks.mark(f"admin form: {slot}", index)

    def breakout_url(self, slot: str) -> str:
        """A web address Django's URL validator accepts that ends an attribute early."""
        index = next(
            i for i in self.urls
            if self.marks.corpus[i].startswith("https://") and '"' in self.marks.corpus[i]
            and not any(c.isspace() for c in self.marks.corpus[i])
        )  # fmt: skip
        return self.marks.mark(f"admin form: {slot}", index)

    def post(self, name: str, url: str, data, *, expect: str, check) -> None:
        """Post a form; `expect` is "refused" (the form answers with its errors) or "saved"."""
        response = self.client.post(url, data)
        body = response.content.decode(errors="replace")
        done = (
            response.status_code == 302
            if expect == "saved"
            else (response.status_code == 200 and bool(REFUSED.search(body)))
        )
        problem = check() if done else ""
        ok = done and not problem
        self.results.append(
            {
                "form": name,
                "expect": expect,
                "status": response.status_code,
                "ok": ok,
                "problem": problem or ("" if ok else _errors(body)),
            }
        )

    # The forms ----------------------------------------------------------------------------

    def author(self) -> Author:
        url = reverse(Author.snippet_viewset.get_url_name("add"))
        fields = {
            "name": self.payload("author name", 120, 1),
            "slug": "xss-admin-author",
            "role": self.payload("author role", 120, 2),
            "bio": self.text("author bio", 0),
        }
        blank = dict.fromkeys(("mastodon_url", "bluesky_url", "x_url", "linkedin_url"), "")
        for turn, scheme in enumerate(("javascript:", "data:", "vbscript:")):
            website = self.url_with("author website (refused)", scheme)
            slug = f"xss-admin-refused-{turn}"
            self.post(
                f"author with a {scheme} website",
                url,
                {**fields, **blank, "slug": slug, "website": website},
                expect="refused",
                check=lambda slug=slug: (
                    "stored" if Author.objects.filter(slug=slug).exists() else ""
                ),
            )
        breakout = self.breakout_url("author website (quote breakout)")
        self.post(
            "author with hostile name, role, bio and a quote-breaking https website",
            url,
            {**fields, **blank, "website": breakout},
            expect="saved",
            check=lambda: _same(Author.objects.filter(slug="xss-admin-author").first(), fields),
        )
        return Author.objects.get(slug="xss-admin-author")

    def taxonomy(self) -> tuple[ArticleType, Topic]:
        topic = {
            "name": self.payload("topic name", 80, 3),
            "slug": "xss-admin-topic",
            "description": self.text("topic description", 1),
        }
        self.post(
            "topic",
            reverse(Topic.snippet_viewset.get_url_name("add")),
            topic,
            expect="saved",
            check=lambda: _same(Topic.objects.filter(slug="xss-admin-topic").first(), topic),
        )
        kind = {
            "name": self.payload("type name", 60, 4),
            "plural_name": self.payload("type plural name", 60, 5),
            "slug": "xss-admin-type",
            "description": self.text("type description", 2),
            "schema_type": "NewsArticle",
            "sort_order": "90",
        }
        self.post(
            "article type",
            reverse(ArticleType.snippet_viewset.get_url_name("add")),
            kind,
            expect="saved",
            check=lambda: _same(ArticleType.objects.filter(slug="xss-admin-type").first(), kind),
        )
        return ArticleType.objects.get(slug="xss-admin-type"), Topic.objects.get(
            slug="xss-admin-topic"
        )

    def photo(self) -> CustomImage:
        buffer = io.BytesIO()
        Image.new("RGB", (320, 180), (120, 60, 60)).save(buffer, "JPEG")
        fields = {
            "title": self.payload("photo title", 255, 6),
            "description": self.payload("photo alt text", 255, 7),
            "default_caption": self.text("photo default caption", 3),
            "agency": self.payload("photo agency", 120, 8),
            "photographer": self.payload("photo photographer", 120, 9),
            "licence": self.payload("photo licence", 200, 10),
        }
        data = {
            **fields,
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "source_url": self.url_with("photo source URL (refused)", "javascript:"),
            "licence_url": "",
            "licence_expiry": "",
        }
        url = reverse("wagtailimages:add")

        def upload():
            return SimpleUploadedFile("xss-admin.jpg", buffer.getvalue(), "image/jpeg")

        self.post(
            "photo with a javascript: source URL",
            url,
            {**data, "file": upload()},
            expect="refused",
            check=lambda: "stored" if CustomImage.objects.filter(**fields).exists() else "",
        )
        self.post(
            "photo with hostile title, alt text, caption and credit",
            url,
            {**data, "file": upload(), "source_url": "https://example.com/photo"},
            expect="saved",
            check=lambda: _same(CustomImage.objects.filter(title=fields["title"]).first(), fields),
        )
        return CustomImage.objects.get(title=fields["title"])

    def article(self, section, kind, topic, author, photo) -> None:
        link = self.url_with("article paragraph link", "javascript:")
        text = self.payload("article paragraph", 1500, 12)
        fields = {
            "title": self.payload("article headline", 255, 13),
            "dek": self.payload("article dek", 400, 14),
            "hero_caption": self.payload("article hero caption", 400, 15),
        }
        data = {
            **fields,
            "slug": "xss-admin-article",
            "article_type": kind.pk,
            "hero_image": photo.pk,
            "article_authors": inline_formset([{"author": author.pk}]),
            "footnotes": inline_formset([]),
            "updates": inline_formset(
                [{"updated_at": "2026-01-05 10:00", "note": self.payload("update note", 300, 16)}]
            ),
            "corrections": inline_formset(
                [
                    {
                        "kind": "correction",
                        "made_at": "2026-01-05 10:00",
                        "text": self.payload("correction", 1500, 17),
                    }
                ]
            ),
            "topics": [topic.pk],
            "body": streamfield(
                [
                    ("paragraph", _contentstate(text, link)),
                    ("heading", {"text": self.payload("heading", 200, 18), "level": "h2"}),
                    (
                        "pull_quote",
                        {
                            "text": self.payload("pull quote", 1000, 19),
                            "attribution": self.payload("pull quote attribution", 200, 20),
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": _contentstate(self.payload("quote", 1000, 21), link),
                            "attribution": self.payload("quote attribution", 200, 22),
                        },
                    ),
                ]
            ),
            "action-publish": "1",
        }
        url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", section.pk))

        def stored():
            page = ArticlePage.objects.live().filter(slug="xss-admin-article").first()
            if page is None:
                return "not live"
            rich = [page.body.raw_data[0]["value"], page.body.raw_data[3]["value"]["text"]]
            live = [found for html in rich for found in live_markup(html)]
            return _same(page, fields) or (f"live markup stored: {live}" if live else "")

        self.post("article, published", url, nested_form_data(data), expect="saved", check=stored)
        embed = {**data, "slug": "xss-admin-embed", "title": "An embed of a script URL"}
        embed["body"] = streamfield(
            [
                (
                    "embed",
                    {"embed": self.url_with("embed URL (refused)", "javascript:"), "caption": ""},
                )
            ]
        )
        self.post(
            "article with a javascript: embed URL",
            url,
            nested_form_data(embed),
            expect="refused",
            check=lambda: (
                "stored" if ArticlePage.objects.filter(slug="xss-admin-embed").exists() else ""
            ),
        )

    def outlet(self) -> None:
        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsettings:edit", args=("siteconfig", "sitesettings", site.pk))
        fields = {
            "outlet_name": self.payload("outlet name", 120, 23),
            "tagline": self.payload("tagline", 200, 24),
            "footer_text": self.text("footer text", 0, 2),
        }
        links = dict.fromkeys(
            (f"{key}_url" for key in ("bluesky", "x", "facebook", "youtube", "linkedin")), ""
        )
        data = {**fields, **links, "logo": "", "show_rss_link": "on"}
        self.post(
            "outlet settings with a javascript: follow link",
            url,
            {**data, "mastodon_url": self.url_with("follow link (refused)", "javascript:")},
            expect="refused",
            check=lambda: (
                "stored"
                if SiteSettings.objects.get(site=site).outlet_name == fields["outlet_name"]
                else ""
            ),
        )
        self.post(
            "outlet settings with hostile name, tagline and footer",
            url,
            {**data, "mastodon_url": self.breakout_url("follow link (quote breakout)")},
            expect="saved",
            check=lambda: _same(SiteSettings.objects.get(site=site), fields),
        )


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.found.append(f"{tag} {name}=")
            elif name in ("href", "src", "action") and SCRIPT_URL.match(value or ""):
                self.found.append(f"{tag} {name}={value[:40]}")


def live_markup(html: str) -> list[str]:
    """The elements and attributes in stored rich text that would run or load something."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


def _contentstate(text: str, url: str) -> str:
    """What Draftail posts: the text as typed, part of it bold and part a link to `url`."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "xss01",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [{"offset": 0, "length": 10, "style": "BOLD"}],
                    "entityRanges": [{"offset": 0, "length": min(len(text), 40), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def _same(record, fields: dict) -> str:
    """ "" when `record` holds the text of each field exactly as typed (forms trim the ends)."""
    if record is None:
        return "not stored"
    for name, value in fields.items():
        if name in ("slug", "schema_type", "sort_order"):
            continue
        if str(getattr(record, name)) != str(value).strip():
            return f"{name} stored as {str(getattr(record, name))[:200]!r}"
    return ""


def _errors(body: str) -> str:
    found = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', body, re.S)
    return "; ".join(e.strip() for e in found if e.strip())[:600]


def run(marks, home) -> dict:
    """Post the forms; what each answered, and the public pages of what they made."""
    desk = Desk(marks)
    author = desk.author()
    kind, topic = desk.taxonomy()
    photo = desk.photo()
    section = home.get_children().type(SectionPage).live().first().specific
    desk.article(section, kind, topic, author, photo)
    desk.outlet()
    made = ArticlePage.objects.live().filter(slug="xss-admin-article").first()
    pages = [made.url] if made else []
    pages += [f"/authors/{author.slug}/", f"/topics/{topic.slug}/", f"/type/{kind.slug}/"]
    return {"results": desk.results, "pages": pages, "edit": made.pk if made else None}
