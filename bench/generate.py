"""A fast bulk generator of published articles for benchmarks (not the admin, not the demo).

Pages are written straight into Wagtail's tables with tree paths computed here, so 100,000
articles take a minute or two instead of hours; the search index is then built with
Wagtail's own `update_index`.
"""

import io
import json
import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

WORDS = (
    "alliance army border budget cabinet ceasefire coalition corridor court crisis currency "
    "defence delegation deterrence diplomacy drought economy election embargo energy envoy "
    "exports frontier grain harbour inflation infrastructure investment junta ministry "
    "negotiation oil parliament pipeline port power protest railway refugees reform region "
    "sanctions security shipping siege strategy summit supply tariffs trade treaty troops "
    "uprising vote water wheat"
).split()
BATCH = 2_000
SYLLABLES = [c + v for c in "bdklmnrstv" for v in "aeio"]


def _vocabulary(rng: random.Random, size: int = 4_000) -> list[str]:
    """Made-up words; drawn with Zipf-like weights, so text has the spread of real prose."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _step(number: int) -> str:
    alphabet, out = Page.alphabet, ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(alphabet))
        out = alphabet[digit] + out
    return out


class Prose:
    """Sentences of filler words with a few topical words (the ones benchmarks search for)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vocabulary = _vocabulary(rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.vocabulary))]

    def sentence(self, words: int, topics: list[str]) -> str:
        chosen = self.rng.choices(self.vocabulary, self.weights, k=words)
        for topic in topics:
            if self.rng.random() < 0.3:
                chosen[self.rng.randrange(words)] = topic
        return " ".join(chosen).capitalize() + "."

    def title(self, topics: list[str]) -> str:
        words = self.rng.choices(self.vocabulary, self.weights, k=self.rng.randint(5, 9))
        words[self.rng.randrange(len(words))] = topics[0]
        return " ".join(words).capitalize()

    def body(self, topics: list[str], photo: int | None = None) -> str:
        blocks = []
        for number in range(6):
            text = " ".join(self.sentence(self.rng.randint(8, 18), topics) for _ in range(5))
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())})
            if number == 2 and photo is not None:
                value = {"image": photo, "caption": ""}
                blocks.append({"type": "image", "value": value, "id": str(uuid.uuid4())})
        return json.dumps(blocks)


def generate_articles(count: int, *, seed: int = 7, log=print) -> None:
    """Add `count` published articles, spread over the sections, types and authors that exist."""
    from django.core.management import call_command

    from masthead.images.models import CustomImage
    from masthead.images.renditions import prerender
    from masthead.newsroom.models import (
        ArticleAuthor,
        ArticlePage,
        ArticleType,
        Author,
        SectionPage,
        Topic,
    )

    # The publication's frame: front page, regions, types, one article and its authors.
    call_command("load_demo", limit=1, no_editor=True, stdout=io.StringIO())
    rng = random.Random(seed)
    prose = Prose(rng)
    sections = list(SectionPage.objects.order_by("path"))
    types = list(ArticleType.objects.all())
    authors = list(Author.objects.all())
    topics = list(Topic.objects.all())
    images = list(CustomImage.objects.filter(default_caption__gt="")[:20])
    for image in images:
        prerender(image)  # every rendition, as the worker makes them when a photo is uploaded
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    topic_table = ArticlePage.topics.through
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            pages, rows = [], []
            for i in range(size):
                number = done + i
                section = sections[number % len(sections)]
                child = section.numchild + 1
                section.numchild = child
                topics_words = rng.sample(WORDS, 3)
                title = prose.title(topics_words)
                slug = f"bench-{uuid.uuid4().hex[:12]}"
                published = now - timedelta(minutes=number * 7 + 30)
                # A photo in every third article's body.
                inline = rng.choice(images).pk if images and number % 3 == 0 else None
                pages.append(
                    Page(
                        path=section.path + _step(child),
                        depth=section.depth + 1,
                        numchild=0,
                        translation_key=uuid.uuid4(),
                        locale=locale,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        url_path=f"{section.url_path}{slug}/",
                        show_in_menus=False,
                        seo_title="",
                        search_description="",
                    )
                )
                rows.append(
                    (
                        rng.choice(types).pk,
                        prose.sentence(rng.randint(14, 24), topics_words),
                        rng.choice(images).pk if images else None,
                        "",
                        prose.body(topics_words, inline),
                    )
                )
            created = Page.objects.bulk_create(pages)
            if created[0].pk is None:  # backends that return no ids: read them back by path
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
                )
                for page in created:
                    page.pk = ids[page.path]
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {ArticlePage._meta.db_table} "
                    "(page_ptr_id, article_type_id, dek, hero_image_id, hero_caption, body) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [(page.pk, *row) for page, row in zip(created, rows)],
                )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(page_id=page.pk, author=rng.choice(authors), sort_order=0)
                for page in created
            )
            topic_table.objects.bulk_create(
                topic_table(articlepage_id=page.pk, topic_id=rng.choice(topics).pk)
                for page in created
            )
            for section in sections:
                Page.objects.filter(pk=section.pk).update(numchild=section.numchild)
        done += size
        log(f"  generated {done:,} / {count:,} articles")
    settle()


def settle() -> None:
    """Vacuum and gather statistics after a bulk load.

    A site that grew to this size has had its tables vacuumed and its statistics gathered; a bulk
    load has neither, and the planner would guess (the LATEST list took 150 ms instead of 90).
    """
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
