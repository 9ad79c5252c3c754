"""Hostile content for the XSS attack tests, stored straight through the models.

Run inside `manage.py shell` beside the live server (e2e/test_attacks_xss.py): an import or a
shell can store anything, so the defence under test is what the site does on the way out, not
the editor's sanitiser. Every field an editor fills gets payloads: columns with a length limit
as many as fit, text and StreamField data a share of the whole corpus (the articles' shares
together hold every payload). The admin's own forms get a sample too (admin_forms.py).

Prints one line, `RESULT {json}`: the marks handed out and what the test should load.
"""

import html
import io
import json
import uuid
from datetime import timedelta

from django.core.cache import caches
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Site
from wagtail.search import index
from wagtail_footnotes.models import Footnote

from e2e.attacks import admin_forms
from e2e.attacks.corpus import Marks
from masthead.images.models import CustomImage
from masthead.newsletter.models import Issue, IssueItem, Newsletter
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.site import base_url
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    ArticleType,
    ArticleUpdate,
    Author,
    PlainPage,
    SectionPage,
    Topic,
)
from masthead.siteconfig.models import SiteSettings

ARTICLES = 6  # each holds a sixth of the corpus in every unlimited field
REGIONS = 2
KEYWORD = "zanzibar"  # in every hostile headline: one search lists them all
ISSUE_SLUG = "xss-round-up"
SOCIAL_FIELDS = ("website", "mastodon_url", "bluesky_url", "x_url", "linkedin_url")


class Seeder:
    def __init__(self):
        self.marks = Marks()
        self.urls = self.marks.indices("bare-urls")
        self.url_turn = 0
        self.site = Site.objects.get(is_default_site=True)
        self.home = self.site.root_page.specific

    def url(self, slot: str) -> str:
        """A hostile URL for a URL column (a link readers may follow)."""
        index = self.urls[self.url_turn % len(self.urls)]
        self.url_turn += 1
        return self.marks.mark(slot, index)

    def fit(self, slot: str, limit: int, start: int) -> str:
        return self.marks.fit(slot, start * 37, limit)

    def share(self, slot: str, share: int, of: int = ARTICLES) -> str:
        return self.marks.chunk(slot, share, of)

    # Records ------------------------------------------------------------------------------

    def photo(self, n: int, slot: str) -> CustomImage:
        buffer = io.BytesIO()
        Image.new("RGB", (320, 180), (30 + 15 * n, 90, 150)).save(buffer, "JPEG")
        image = CustomImage(
            title=self.fit(f"{slot} title", 255, n),
            agency=self.fit(f"{slot} agency", 120, n + 3),
            photographer=self.fit(f"{slot} photographer", 120, n + 5),
            description=self.fit(f"{slot} alt text", 255, n + 7),
            default_caption=self.share(f"{slot} default caption", n, ARTICLES * 2),
            licence=self.fit(f"{slot} licence", 200, n + 9),
            source_url=self.url(f"{slot} source URL"),
            licence_url=self.url(f"{slot} licence URL"),
        )
        image.file.save(f"xss-photo-{n}.jpg", ImageFile(buffer, name=f"xss-{n}.jpg"), save=False)
        image.save()
        return image

    def region(self, r: int) -> SectionPage:
        section = SectionPage(
            title=self.fit(f"region {r} title", 255, 40 + r),
            slug=f"xss-region-{r}",
            intro=self.share(f"region {r} intro", r, REGIONS),
        )
        self.home.add_child(instance=section)
        section.save_revision().publish()
        return section

    def author(self, a: int) -> Author:
        slot = f"author {a}"
        return Author.objects.create(
            name=self.fit(f"{slot} name", 120, 50 + a),
            slug=f"xss-author-{a}",
            role=self.fit(f"{slot} role", 120, 60 + a),
            is_guest=bool(a % 2),
            bio=self.share(f"{slot} bio", a),
            **{field: self.url(f"{slot} {field}") for field in SOCIAL_FIELDS},
        )

    def taxonomy(self, a: int) -> tuple[ArticleType, Topic]:
        kind = ArticleType.objects.create(
            name=self.fit(f"type {a} name", 60, 70 + a),
            plural_name=self.fit(f"type {a} plural name", 60, 80 + a),
            slug=f"xss-type-{a}",
            description=self.share(f"type {a} description", a),
            is_brief=a == 1,
            sort_order=50 + a,
        )
        topic = Topic.objects.create(
            name=self.fit(f"topic {a} name", 80, 90 + a),
            slug=f"xss-topic-{a}",
            description=self.share(f"topic {a} description", a),
        )
        return kind, topic

    def body(self, a: int, inline: CustomImage, footnote: str) -> list[dict]:
        slot = f"article {a} body"

        def s(name, shift=0):
            return self.share(f"{slot} {name}", a + shift)

        def item(value):
            return {"type": "item", "value": value, "id": str(uuid.uuid4())}

        cells = [s(f"table cell {n}", n) for n in range(4)]
        return [
            # As a hostile import or a shell stores it: the markup itself, in the stored HTML.
            {
                "type": "paragraph",
                "value": f'<p>{KEYWORD}<footnote id="{footnote}">[1]</footnote> '
                f"{s('paragraph (stored HTML)')}</p>",
            },
            # As the editor stores typed text: escaped once.
            {"type": "paragraph", "value": f"<p>{html.escape(s('paragraph (typed text)', 1))}</p>"},
            {
                "type": "paragraph",
                "value": f'<p>See <a href="{html.escape(self.url(f"{slot} paragraph link"))}">'
                f'the source</a> and <a href="{self.url(f"{slot} paragraph raw link")}">'
                "this</a>.</p>",
            },
            {"type": "heading", "value": {"text": s("heading", 2), "level": "h2"}},
            {"type": "heading", "value": {"text": s("sub-heading", 3), "level": "h3"}},
            {
                "type": "pull_quote",
                "value": {
                    "text": s("pull quote", 4),
                    "attribution": s("pull quote attribution", 5),
                },
            },
            {
                "type": "quote",
                "value": {"text": f"<p>{s('quote', 1)}</p>", "attribution": s("quote attribution")},
            },
            {
                "type": "table",
                "value": {
                    "caption": s("table caption", 2),
                    "header_row": True,
                    "header_column": True,
                    "rows": [
                        item([item(cells[0]), item(cells[1])]),
                        item([item(cells[2]), item(cells[3])]),
                    ],
                },
            },
            {
                "type": "embed",
                "value": {"embed": self.url(f"{slot} embed URL"), "caption": s("embed caption", 3)},
            },
            {"type": "image", "value": {"image": inline.pk, "caption": s("photo caption", 4)}},
        ]

    def article(self, a, section, kind, topic, authors, hero, inline) -> ArticlePage:
        slot = f"article {a}"
        footnote = str(uuid.uuid4())
        page = ArticlePage(
            title=f"{KEYWORD} {self.fit(f'{slot} headline', 240, 100 + a)}",
            slug=f"xss-article-{a}",
            dek=self.share(f"{slot} dek", a),
            article_type=kind,
            hero_image=hero,
            # One piece leaves it empty: its photo's default caption shows instead.
            hero_caption="" if a == 0 else self.fit(f"{slot} hero caption", 400, 110 + a),
            body=self.body(a, inline, footnote),
            seo_title=self.fit(f"{slot} SEO title", 255, 120 + a) if a % 2 else "",
            search_description=self.share(f"{slot} search description", a) if a % 3 == 0 else "",
        )
        for order, author in enumerate(authors):
            page.article_authors.add(ArticleAuthor(author=author, sort_order=order))
        page.footnotes.add(
            Footnote(uuid=footnote, text=f"<p>{self.share(f'{slot} footnote', a + 1)}</p>")
        )
        page.updates.add(
            ArticleUpdate(updated_at=timezone.now(), note=self.fit(f"{slot} update note", 300, a))
        )
        page.topics.set([topic])
        section.add_child(instance=page)
        page.save_revision().publish()
        kinds = [k for k, _ in ArticleCorrection.Kind.choices if k != "retraction"]
        for order in range(2):
            ArticleCorrection.objects.create(
                page=page,
                kind="retraction" if (a, order) == (2, 1) else kinds[(a + order) % len(kinds)],
                text=self.share(f"{slot} correction {order}", a + order),
                made_at=timezone.now() + timedelta(seconds=order),
                sort_order=order,
            )
        return page

    def outlet(self) -> None:
        settings = SiteSettings.for_site(self.site)
        settings.outlet_name = self.fit("outlet name", 120, 0)
        settings.tagline = self.fit("outlet tagline", 200, 1)
        settings.footer_text = self.share("outlet footer text", 0, 1)
        for key in ("mastodon", "bluesky", "x", "facebook", "youtube", "linkedin"):
            setattr(settings, f"{key}_url", self.url(f"outlet follow link {key}"))
        settings.save()

    def newsletter(self, articles) -> Issue:
        letter = Newsletter.objects.order_by("-is_default", "pk").first()
        if letter is None:
            letter = Newsletter(slug="xss-letter", sender_email="desk@example.com", is_default=True)
        letter.name = self.fit("newsletter name", 120, 2)
        letter.description = self.share("newsletter description", 0, 2)
        letter.sender_name = self.fit("newsletter sender name", 120, 3)
        letter.postal_address = self.share("newsletter postal address", 1, 2)
        letter.save()
        issue = Issue.objects.create(
            newsletter=letter,
            subject=self.fit("issue subject", 200, 4),
            slug=ISSUE_SLUG,
            introduction=self.share("issue introduction", 0, 1),
            state=Issue.State.SENT,
            week_of=timezone.localdate(),
            sent_at=timezone.now() - timedelta(days=1),
        )
        for order, article in enumerate(articles):
            IssueItem.objects.create(issue=issue, article=article, sort_order=order)
        return issue

    def plain_page(self, inline: CustomImage) -> PlainPage:
        page = PlainPage(
            title=self.fit("plain page title", 255, 5),
            slug="xss-plain",
            body=[
                {
                    "type": "paragraph",
                    "value": f"<p>{self.share('plain page paragraph', 0, 1)}</p>",
                },
                {
                    "type": "image",
                    "value": {
                        "image": inline.pk,
                        "caption": self.fit("plain page photo caption", 400, 6),
                    },
                },
            ],
        )
        self.home.add_child(instance=page)
        page.save_revision().publish()
        return page

    # The whole publication -------------------------------------------------------------------

    def run(self) -> dict:
        admin = admin_forms.run(self.marks, self.home)  # first: it changes the outlet settings too
        regions = [self.region(r) for r in range(REGIONS)]
        authors = [self.author(a) for a in range(ARTICLES)]
        articles, photos = [], []
        for a in range(ARTICLES):
            kind, topic = self.taxonomy(a)
            hero, inline = (
                self.photo(2 * a, f"article {a} top photo"),
                self.photo(2 * a + 1, f"article {a} body photo"),
            )
            photos += [hero, inline]
            byline = [authors[a], authors[(a + 1) % ARTICLES]]
            articles.append(
                self.article(a, regions[a % REGIONS], kind, topic, byline, hero, inline)
            )
        plain = self.plain_page(photos[1])
        self.outlet()
        issue = self.newsletter(articles)
        # What the task worker would do next, at once: the search index (photos' renditions
        # are made on the first page that shows them). Everything kept so far was rendered
        # before the hostile content existed.
        for page in ArticlePage.objects.live():
            index.insert_or_update_object(page)
        for cache in caches.all():
            cache.clear()
        rendered = render_issue(issue, root=base_url())
        live = ArticlePage.objects.live().filter(pk__in=[p.pk for p in articles]).order_by("slug")
        return {
            "marks": self.marks.as_json(),
            "articles": [page.url for page in live],
            "article_ids": [page.pk for page in live],
            "regions": [section.url for section in regions],
            "region_ids": [section.pk for section in regions],
            "site_id": self.site.pk,
            "plain": plain.url,
            "types": [f"xss-type-{a}" for a in range(ARTICLES)],
            "topics": [f"xss-topic-{a}" for a in range(ARTICLES)],
            "authors": [f"xss-author-{a}" for a in range(ARTICLES)],
            "issue": issue.get_absolute_url(),
            "email": {"subject": rendered.subject, "html": rendered.html, "text": rendered.text},
            "admin": admin,
            "stored": {
                "headline": articles[0].title,
                "dek": articles[0].dek,
                "outlet_name": SiteSettings.for_site(self.site).outlet_name,
            },
        }


def run() -> None:
    print("RESULT " + json.dumps(Seeder().run()))
