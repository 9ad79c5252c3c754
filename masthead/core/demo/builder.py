"""Builds the demo publication from data/. Safe to run twice: whatever exists (by slug) stays."""

import html
import io
import re
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail_footnotes.models import Footnote

from masthead.core.demo import content, pictures
from masthead.images.models import CustomImage
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    ArticleType,
    Author,
    HomePage,
    PlainPage,
    SectionPage,
    Topic,
)
from masthead.siteconfig.models import SiteSettings


class DemoBuilder:
    def __init__(self, *, limit: int | None = None, log=lambda message: None):
        self.limit = limit
        self.log = log
        self.data = content.load()  # fails on a faulty data file before anything is written
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)

    def build(self) -> HomePage:
        with transaction.atomic():
            home = self.home()
            self.outlet(home)
            sections = self.sections(home)
            types = self.types()
            topics = self.topics()
            authors = self.authors()
            self.plain_pages(home)
            self.newsletter()
        articles = self.data.articles[: self.limit] if self.limit else self.data.articles
        created = 0
        for data in articles:
            with transaction.atomic():
                created += self.article(data, sections, types, topics, authors)
        self.log(f"Demo publication ready: {created} new articles, {len(articles)} in the demo.")
        return home

    # The page tree ------------------------------------------------------------------------

    def home(self) -> HomePage:
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's placeholder "Welcome" page has nothing on it; the front page takes its place.
        for placeholder in root.get_children().exact_type(Page):
            if not placeholder.get_children().exists():
                placeholder.delete()
        name = self.data.outlet["outlet_name"]
        home = HomePage(title=name, slug="home")
        root.add_child(instance=home)
        home.save_revision().publish()
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base_url.hostname or "localhost",
                "port": base_url.port or (443 if base_url.scheme == "https" else 80),
                "root_page": home,
                "site_name": name,
            },
        )
        self.log("Created the front page.")
        return home

    def outlet(self, home):
        site = Site.objects.get(root_page=home)
        outlet = SiteSettings.for_site(site)
        if outlet.outlet_name == "Masthead":
            for name, value in self.data.outlet.items():
                setattr(outlet, name, value)
            outlet.save()

    def sections(self, home) -> dict[str, SectionPage]:
        sections = {}
        for region in self.data.regions:
            section = SectionPage.objects.child_of(home).filter(slug=region["slug"]).first()
            if section is None:
                section = SectionPage(
                    title=region["name"], slug=region["slug"], intro=region["intro"]
                )
                home.add_child(instance=section)
                section.save_revision().publish()
            sections[region["slug"]] = section
        return sections

    def types(self) -> dict[str, ArticleType]:
        return {
            kind["slug"]: ArticleType.objects.get_or_create(
                slug=kind["slug"],
                defaults={
                    "name": kind["name"],
                    "plural_name": kind["plural"],
                    "is_brief": kind["slug"] == "brief",
                    "schema_type": kind["schema"],
                    "sort_order": order,
                },
            )[0]
            for order, kind in enumerate(self.data.types)
        }

    def topics(self) -> dict[str, Topic]:
        return {
            topic["slug"]: Topic.objects.get_or_create(
                slug=topic["slug"], defaults={"name": topic["name"]}
            )[0]
            for topic in self.data.topics
        }

    def authors(self) -> dict[str, Author]:
        authors = {}
        for person in self.data.authors:
            author = Author.objects.filter(slug=person["slug"]).first()
            if author is None:
                initials = "".join(part[0] for part in person["name"].split()[:2])
                portrait = self.picture(
                    pictures.draw_portrait(initials, person["slug"]),
                    title=f"Portrait of {person['name']}",
                    alt=f"Initials of {person['name']} on a coloured disc",
                    photographer="Generated portrait",
                    caption="",
                )
                author = Author.objects.create(
                    slug=person["slug"],
                    name=person["name"],
                    role=person["role"],
                    is_guest=person["guest"],
                    bio=person["bio"],
                    photo=portrait,
                )
            authors[person["slug"]] = author
        return authors

    def plain_pages(self, home):
        for plain in self.data.plain_pages:
            if not PlainPage.objects.child_of(home).filter(slug=plain["slug"]).exists():
                page = PlainPage(
                    title=plain["title"],
                    slug=plain["slug"],
                    body=[{"type": "paragraph", "value": f"<p>{html.escape(plain['text'])}</p>"}],
                )
                home.add_child(instance=page)
                page.save_revision().publish()

    def newsletter(self):
        from masthead.newsletter.models import Newsletter

        fields = dict(self.data.newsletter)
        Newsletter.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)

    # Articles ------------------------------------------------------------------------------

    def picture(self, img, *, title, alt, photographer, caption) -> CustomImage:
        image = CustomImage(
            title=title[:255],
            description=alt[:255],
            default_caption=caption,
            photographer=photographer,
            **self.data.image_credit,
        )
        name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "image"
        image.file.save(
            f"{name}.jpg",
            ImageFile(io.BytesIO(pictures.to_jpeg(img)), name=f"{name}.jpg"),
            save=False,
        )
        image.save()
        return image

    def scene(self, data: dict, seed: str) -> CustomImage:
        return self.picture(
            pictures.draw_scene(data["scene"], seed),
            title=data["alt"],
            alt=data["alt"],
            photographer="Generated image",
            caption=data["caption"],
        )

    def article(self, data, sections, types, topics, authors) -> int:
        section = sections[data["region"]]
        if ArticlePage.objects.filter(slug=data["slug"]).exists():
            return 0
        footnote_ids = [str(uuid.uuid4()) for _ in data.get("footnotes", [])]
        body = []
        for number, block in enumerate(data["body"]):
            kind = block["type"]
            if kind == "paragraph":
                body.append({"type": "paragraph", "value": _paragraph(block["text"], footnote_ids)})
            elif kind == "heading":
                body.append({"type": "heading", "value": {"text": block["text"], "level": "h2"}})
            elif kind == "quote":
                body.append(
                    {
                        "type": "pull_quote",
                        "value": {
                            "text": block["text"],
                            "attribution": block.get("attribution", ""),
                        },
                    }
                )
            elif kind == "image":
                image = self.scene(block, f"{data['slug']}-{number}")
                body.append({"type": "image", "value": {"image": image.pk, "caption": ""}})
        page = ArticlePage(
            title=data["headline"],
            slug=data["slug"],
            dek=data["dek"],
            article_type=types[data["type"]],
            hero_image=self.scene(data["hero"], data["slug"]),
            body=body,
        )
        for order, slug in enumerate(data["authors"]):
            page.article_authors.add(ArticleAuthor(author=authors[slug], sort_order=order))
        for order, (footnote_id, text) in enumerate(zip(footnote_ids, data.get("footnotes", []))):
            page.footnotes.add(
                Footnote(uuid=footnote_id, text=f"<p>{html.escape(text)}</p>", sort_order=order)
            )
        page.topics.set([topics[slug] for slug in data["topics"]])
        page.extra_regions.set([sections[slug] for slug in data.get("extra_regions", [])])
        section.add_child(instance=page)
        page.save_revision().publish()
        # Spread publication over the past weeks; items of the same day keep the list order.
        published = self.now - timedelta(days=data["days_ago"], hours=len(data["slug"]) % 9)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
        for order, note in enumerate(data.get("corrections", [])):
            # Added after publication, as a desk would: on the live page, in order.
            ArticleCorrection.objects.create(
                page=page,
                kind=note["kind"],
                text=note["text"],
                made_at=published + timedelta(hours=note["hours_after"]),
                sort_order=order,
            )
        return 1


def _paragraph(text: str, footnote_ids: list[str]) -> str:
    """Plain text with <em> and [fn:N] marks, as Wagtail's rich text database format."""
    escaped = (
        html.escape(text, quote=False).replace("&lt;em&gt;", "<i>").replace("&lt;/em&gt;", "</i>")
    )

    def footnote(match):
        number = int(match.group(1))
        return f'<footnote id="{footnote_ids[number - 1]}">[{number}]</footnote>'

    return f"<p>{content.FOOTNOTE_MARK.sub(footnote, escaped)}</p>"
