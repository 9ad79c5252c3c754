"""The page tree: the front page, a section page per region, articles and plain pages."""

import nh3
from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, Revision, Site
from wagtail.search import index
from wagtail.url_routing import RouteResult

from masthead.core.blocks import BodyBlock, PlainBodyBlock, paragraph_sources
from masthead.delivery import tags
from masthead.newsroom.forms import ArticleCopyForm, ArticlePageForm


def restricted_paths() -> list[str]:
    """The tree paths of pages with a view restriction (private below them), remembered: a
    restriction made or lifted moves the content version on (newsroom/signals.py)."""
    from masthead.core.versioning import remember

    def find():
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    return remember("restricted-paths", find)


class PublicPage(Page):
    """Readers' pages: the privacy check every request makes is answered from memory while no
    page on the site has a view restriction (a new restriction moves the content version), and
    so are the sites' root paths that every link to a page is built from (Wagtail reads them
    from the shared cache once per page object; a site change moves the version too)."""

    class Meta:
        abstract = True

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        from masthead.core.versioning import remember

        holder = self if cache_object is None else cache_object
        try:  # as Wagtail does: once per page object (or request), then kept on it
            return holder._wagtail_cached_site_root_paths
        except AttributeError:
            paths = remember("site-root-paths", Site.get_site_root_paths)
            holder._wagtail_cached_site_root_paths = paths
            return paths

    def save_revision(self, *args, **kwargs):
        if self.pk and self.live and not self.live_revision_id and not self.latest_revision_id:
            # Moved in by the importer, which writes pages without revisions: what readers see
            # now becomes the first revision, and the live one, before this edit is saved (so
            # scheduling the edit keeps the page live, and the history starts as imported).
            self.live_revision = self.latest_revision = self._keep_live_content()
        return super().save_revision(*args, **kwargs)

    def _keep_live_content(self) -> Revision:
        stored = type(self).objects.get(pk=self.pk)
        revision = Revision.objects.create(
            content_object=stored,
            base_content_type=stored.get_base_content_type(),
            content=stored.serializable_data(),
            object_str=str(stored),
            created_at=stored.last_published_at or stored.first_published_at or timezone.now(),
        )
        type(self).objects.filter(pk=self.pk).update(
            live_revision=revision,
            latest_revision=revision,
            latest_revision_created_at=revision.created_at,
        )
        return revision

    def get_view_restrictions(self):
        if not restricted_paths():
            # Known empty: iterating it costs nothing, where even `.none()` compiles its SQL.
            restrictions = PageViewRestriction.objects.none()
            restrictions._result_cache = []
            return restrictions
        return super().get_view_restrictions()


class HomePage(PublicPage):
    """The front page. Editors may pin the lead and secondary stories; the rest fills itself."""

    lead_article = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to lead with the newest story.",
    )
    secondary_count = models.PositiveSmallIntegerField(default=4)
    rail_count = models.PositiveSmallIntegerField("stories per region rail", default=3)
    latest_count = models.PositiveSmallIntegerField("stories in LATEST", default=8)
    briefs_count = models.PositiveSmallIntegerField("briefs in the strip", default=4)
    most_read_count = models.PositiveSmallIntegerField(
        "stories in Most read",
        default=5,
        help_text="Each list (last 24 hours, last 7 days) on the front page, region pages and "
        "the end of articles; 0 shows none.",
    )
    most_read_on_articles = models.BooleanField("Most read at the end of articles", default=True)

    content_panels = Page.content_panels + [
        PageChooserPanel("lead_article", "newsroom.ArticlePage"),
        MultiFieldPanel(
            [
                FieldPanel("secondary_count"),
                FieldPanel("rail_count"),
                FieldPanel("latest_count"),
                FieldPanel("briefs_count"),
                FieldPanel("most_read_count"),
                FieldPanel("most_read_on_articles"),
            ],
            "Layout",
        ),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage", "newsroom.PlainPage"]
    template = "newsroom/home_page.html"

    def route(self, request, path_components):
        from masthead.core.versioning import remember

        if len(path_components) == 2:
            # /<region>/<article>/ in one query by the (indexed) slug, where walking the tree
            # would take four (the region, its specific row, the article, its specific row),
            # and remembered until something is published, unpublished or moved.
            article = remember(
                "route",
                lambda: self.find_article(*path_components),
                self.pk,
                *path_components,
                keep_none=False,  # a made-up address is not worth a place in the cache
            )
            if article is not None:
                return RouteResult(article)
        if len(path_components) == 1:
            # /<region>/ or /<page>/: the child, remembered likewise (Wagtail's own walk asks
            # for it and its specific row on every request). Its own route() still says 404
            # when it is not live.
            child = remember(
                "route",
                lambda: self.find_child(*path_components),
                self.pk,
                *path_components,
                keep_none=False,
            )
            if child is not None:
                return child.route(request, [])
        return super().route(request, path_components)

    def find_child(self, slug: str):
        child = self.get_children().filter(slug=slug).first()
        return child.specific if child is not None else None

    def find_article(self, region_slug: str, slug: str):
        candidates = ArticlePage.objects.live().select_related("article_type")
        for article in candidates.filter(slug=slug, depth=self.depth + 2):
            if article.url_path == f"{self.url_path}{region_slug}/{slug}/":
                return article
        return None

    def get_context(self, request, *args, **kwargs):
        from masthead.newsroom.queries import front_page

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the page's {% fragment %} asks for it only when it is not kept already.
        context["front"] = SimpleLazyObject(lambda: front_page(self))
        return context


class SectionPage(PublicPage):
    """A region ("Europe"): its articles live beneath it and it lists them."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]
    template = "newsroom/section_page.html"

    def get_context(self, request, *args, **kwargs):
        from masthead.newsroom.queries import in_region
        from masthead.newsroom.views import paginate

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, in_region(self))
        tags.add(tags.listing("region", self.pk))
        context["feed"] = ("region", self.slug, self.title)
        return context


class ArticlePage(PublicPage):
    """One model for every kind of piece; its type (Analysis, News, …) is an editor record."""

    # A copy is a new piece: the record of what the original got wrong stays with the original
    # (and each correction's key, its id in feeds and notices, stays unique).
    exclude_fields_in_copy = ["corrections"]

    article_type = models.ForeignKey(
        "newsroom.ArticleType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dek = models.TextField(
        blank=True, max_length=400, help_text="One sentence under the headline: the standfirst."
    )
    extra_regions = ParentalManyToManyField(
        "newsroom.SectionPage",
        blank=True,
        related_name="extra_articles",
        help_text="Other regions the piece is about. The primary region is the section it is in.",
    )
    topics = ParentalManyToManyField("newsroom.Topic", blank=True, related_name="articles")
    hero_image = models.ForeignKey(
        "images.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(
        max_length=400, blank=True, help_text="Leave empty to use the photo's default caption."
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("dek"),
        FieldPanel("article_type"),
        InlinePanel("article_authors", label="Authors", heading="Byline"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], "Top photo"),
        FieldPanel("body"),
        InlinePanel("footnotes", label="Footnotes"),
        FieldPanel("extra_regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("updates", label="Updates", heading="Change log shown to readers"),
        InlinePanel(
            "corrections",
            label="Correction",
            heading="Corrections and clarifications",
            help_text="A public record that the piece was wrong, kept in order on the article, on "
            "/corrections/ and in the next round-up. Editors only. It publishes with the page.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("dek", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        index.FilterField("article_type"),
        index.FilterField("article_type_id"),
    ]
    base_form_class = ArticlePageForm
    copy_form_class = ArticleCopyForm
    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []
    template = "newsroom/article_page.html"

    class Meta:
        verbose_name = "article"

    def get_context(self, request, *args, **kwargs):
        from masthead.newsroom.queries import live_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = live_sections()
        # Lazy: the page's {% fragment %}s ask for it only when they are not kept already.
        context["reading"] = ArticleReading(self, request, context["sections"])
        return context

    @cached_property
    def authors(self):
        return [link.author for link in self.article_authors.all()]

    @property
    def caption(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.default_caption if self.hero_image else ""

    @cached_property
    def opening_html(self) -> str:
        """The first paragraphs as plain formatted text, for "keep reading" on teasers."""
        return nh3.clean(
            "".join(paragraph_sources(self.body)[:2]),
            tags={"p", "em", "strong", "i", "b"},
            clean_content_tags={"footnote", "script", "style"},
            attributes={},
        )

    @cached_property
    def published_corrections(self) -> list:
        return list(self.corrections.all())

    @property
    def retraction(self):
        return next((c for c in self.published_corrections if c.is_retraction), None)

    @property
    def modified_at(self):
        """When readers last saw the piece change: its last publish or its last correction."""
        times = [self.last_published_at or self.first_published_at]
        times += [c.made_at for c in self.published_corrections]
        times = [t for t in times if t]
        return max(times) if times else None

    @property
    def last_update(self):
        updates = list(self.updates.all())
        return updates[0] if updates else None

    def publishing_problems(self) -> list[str]:
        """What stops this article going live; empty when it may be published."""
        from masthead.newsroom.gate import publishing_problems

        return publishing_problems(self)

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Wagtail's publish behind the publish gate: bulk actions, scheduled go-live, workflow
        approval and `revision.publish()` all come through here (newsroom/publishing.py)."""
        from masthead.newsroom.publishing import GatedPublishPageRevisionAction

        return GatedPublishPageRevisionAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)


class ArticleReading:
    """What an article page shows beyond the page itself, fetched on first use.

    Several kept fragments of the page ask for it; each records the cache tags of what it
    shows, so the tags found while fetching are recorded again on every use.
    """

    def __init__(self, article: ArticlePage, request, sections):
        self.article, self.request, self.sections = article, request, sections

    @property
    def related(self) -> list[ArticlePage]:
        related, found = self._fetched
        tags.add(*found)
        return related

    @cached_property
    def _fetched(self) -> tuple[list[ArticlePage], set[str]]:
        from masthead.images.renditions import specs_for
        from masthead.newsroom.queries import decorate, related_to, with_author_photos

        article, sections = self.article, self.sections
        token = tags.collect()
        try:
            related = related_to(article)
            if getattr(self.request, "is_preview", False):
                # A preview is built from the editor's form, not the database: nothing to
                # prefetch.
                article.region = article.get_parent().specific
                decorate(related, sections, photos=specs_for("teaser"))
            else:
                # The article and its related pieces in one pass: one query each for bylines,
                # photos and renditions.
                decorate([article, *related], sections, photos=specs_for("hero", "teaser"))
                with_author_photos(article)
                prefetch_related_objects([article], "footnotes", "topics", "updates", "corrections")
        finally:
            found = tags.stop(token)
        return related, found


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey("newsroom.Author", on_delete=models.PROTECT, related_name="bylines")

    panels = [FieldPanel("author")]


class ArticleUpdate(Orderable):
    """A dated line in the reader-visible change log ("Updated 3 May: …")."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="updates")
    updated_at = models.DateTimeField()
    note = models.CharField(max_length=300, help_text="What changed, for readers.")

    panels = [FieldPanel("updated_at"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        ordering = ["-updated_at"]


class PlainPage(PublicPage):
    """About, Donate, Contact and the like."""

    body = StreamField(PlainBodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["newsroom.HomePage", "newsroom.PlainPage"]
    subpage_types = ["newsroom.PlainPage"]
    template = "newsroom/plain_page.html"
