"""What "published", "latest", "in a region" mean: every page, feed and email reads through here.

Lists are built in a fixed number of queries whatever the archive size: one query per list,
then one pass that attaches authors, photos (with their renditions) and regions to every
article shown on the page.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from masthead.core.versioning import remember
from masthead.delivery import tags as cache_tags
from masthead.images.renditions import specs_for
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    ArticleType,
    HomePage,
    SectionPage,
)
from masthead.newsroom.models.pages import restricted_paths


def public(pages):
    """Wagtail's `.public()`, from the remembered restricted paths: Wagtail's own reads every
    view restriction from the database each time a list is built."""
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


def published_articles():
    """Live, public articles, newest first."""
    return public(
        ArticlePage.objects.live()
        .select_related("article_type")
        .order_by("-first_published_at", "-pk")
    )


def briefs():
    return published_articles().filter(article_type__is_brief=True)


def stories():
    """Everything but briefs: the pieces that get full teasers."""
    return published_articles().exclude(article_type__is_brief=True)


# Lists that a join could repeat an article in (further regions, several authors) match through
# a subquery rather than a join and DISTINCT: DISTINCT compares whole rows, bodies included, and
# took three times as long over 100,000 articles.


def in_region(section: SectionPage):
    """Articles filed under a region, or naming it among their further regions."""
    further = ArticlePage.extra_regions.through.objects.filter(sectionpage=section)
    return published_articles().filter(
        Q(path__startswith=section.path, depth=section.depth + 1)
        | Q(pk__in=further.values("articlepage_id"))
    )


def of_type(article_type):
    return published_articles().filter(article_type=article_type)


def with_topic(topic):
    return published_articles().filter(topics=topic)


def by_author(author):
    bylines = ArticleAuthor.objects.filter(author=author)
    return published_articles().filter(pk__in=bylines.values("page_id"))


def corrections():
    """Every correction on a live, public article, newest first."""
    return (
        ArticleCorrection.objects.filter(page__in=published_articles().values("pk"))
        .select_related("page")
        .order_by("-made_at", "-pk")
    )


def _region_stories(article: ArticlePage):
    parent_path = article.path[: -Page.steplen]
    return (
        stories().filter(path__startswith=parent_path, depth=article.depth).exclude(pk=article.pk)
    )


def _earlier(article: ArticlePage) -> Q:
    when = article.first_published_at
    return Q(first_published_at__lt=when) | Q(first_published_at=when, pk__lt=article.pk)


def related_to(article: ArticlePage, limit: int = 3) -> list[ArticlePage]:
    """The pieces from the article's primary region published just before it (undecorated:
    the article page decorates them together with itself).

    Its nearest neighbours in time, not the newest: publishing a new piece leaves every older
    article page as it was, so their cached copies stand. The region's first pieces, with fewer
    neighbours before them, are topped up with the ones just after.
    """
    region = _region_stories(article)
    if article.first_published_at is None:  # a preview of a draft: the newest will do
        articles = list(region[:limit])
    else:
        articles = list(region.filter(_earlier(article))[:limit])
        if len(articles) < limit:
            after = region.exclude(_earlier(article)).order_by("first_published_at", "pk")
            articles += list(after[: limit - len(articles)])
    return articles


def related_dependents(article: ArticlePage, limit: int = 3) -> list[int]:
    """Ids of the article pages whose related list (see related_to) may show this article:
    the pieces just after it, and those of the region's first pieces just before it, which top
    their lists up with later ones."""
    if article.first_published_at is None:
        return []
    region = _region_stories(article)
    oldest = region.order_by("first_published_at", "pk")
    after = oldest.exclude(_earlier(article))[:limit]
    before = {a.pk for a in region.filter(_earlier(article))[:limit]}
    return [a.pk for a in after] + [a.pk for a in oldest[:limit] if a.pk in before]


def with_author_photos(article: ArticlePage) -> None:
    """Author boxes show portraits: fetch them, with their renditions, in two queries."""
    prefetch_related_objects(
        article.authors,
        Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions()),
    )


def live_sections() -> list[SectionPage]:
    """The live regions, in the order editors arranged them in the page tree."""
    # Filtered by content type (indexed) and sorted here, not by path in SQL: either way SQLite
    # would otherwise walk the whole page table, every article included, to find six rows.

    def find():
        sections = public(SectionPage.objects.live().order_by())
        sections = sections.filter(content_type=ContentType.objects.get_for_model(SectionPage))
        return sorted(sections, key=lambda s: s.path)

    return remember("sections", find)


def navigation_types() -> list:
    """The article types named in the site's navigation (briefs have their own link)."""
    return remember("nav-types", lambda: list(ArticleType.objects.filter(is_brief=False)))


def decorate(articles: list[ArticlePage], sections=None, *, photos=None) -> list[ArticlePage]:
    """Attach byline authors, the hero photo with renditions, and the primary region.

    `photos` names the rendition specs the caller shows (`images.renditions.specs_for`); only
    those are fetched, and none for an empty list. Every photo has two dozen, one per place and
    format: fifty photos' worth took a third of a feed's time. None fetches them all.
    """
    if not articles:
        return articles
    images = get_image_model().objects.all()
    if photos is None or photos:
        images = images.prefetch_renditions(*(photos or ()))
    prefetch_related_objects(
        articles,
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
        ),
        Prefetch("hero_image", queryset=images),
    )
    by_path = {s.path: s for s in (sections if sections is not None else live_sections())}
    for article in articles:
        article.region = by_path.get(article.path[: -Page.steplen])
        record_shown(article)
    return articles


def record_shown(article: ArticlePage) -> None:
    """Tag the page being rendered with what a teaser of this piece shows: the piece itself, its
    authors and its photo (decorated: the authors are prefetched)."""
    cache_tags.add(cache_tags.page(article.pk))
    cache_tags.add(*(cache_tags.author(link.author_id) for link in article.article_authors.all()))
    if article.hero_image_id:
        cache_tags.add(cache_tags.image(article.hero_image_id))


@dataclass
class FrontPage:
    lead: ArticlePage | None = None
    secondary: list = field(default_factory=list)
    rails: list = field(default_factory=list)  # [(section, [articles])]
    latest: list = field(default_factory=list)
    briefs: list = field(default_factory=list)


def lead_story(home: HomePage) -> ArticlePage | None:
    """The front page's top story: the one an editor chose while it is live, else the newest."""
    lead = home.lead_article
    if lead is not None and lead.live:
        lead = published_articles().filter(pk=lead.pk).first()
    return lead or stories().first()


def front_page(home: HomePage) -> FrontPage:
    """The front page's lists, in order of prominence, each story shown once."""
    cache_tags.add(cache_tags.listing("stories"), cache_tags.listing("briefs"))
    seen: set[int] = set()

    def take(queryset, limit):
        items = list(queryset.exclude(pk__in=seen)[:limit])
        seen.update(item.pk for item in items)
        return items

    sections = [
        s for s in live_sections() if s.path.startswith(home.path) and s.depth == home.depth + 1
    ]
    front = FrontPage()
    front.lead = lead_story(home)
    if front.lead is not None:
        seen.add(front.lead.pk)
    front.secondary = take(stories(), home.secondary_count)
    for section in sections:
        rail = in_region(section).exclude(article_type__is_brief=True)
        front.rails.append((section, take(rail, home.rail_count)))
    front.latest = take(stories(), home.latest_count)
    front.briefs = take(briefs(), home.briefs_count)

    shown = [front.lead] if front.lead else []
    shown += front.secondary + front.latest + front.briefs
    for _, rail in front.rails:
        shown += rail
    decorate(shown, sections, photos=specs_for("lead", "teaser"))
    return front
