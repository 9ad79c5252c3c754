"""Editor-managed records: article types, topics and authors."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

SCHEMA_TYPES = [
    ("NewsArticle", "News article"),
    ("AnalysisNewsArticle", "Analysis"),
    ("OpinionNewsArticle", "Opinion"),
    ("ReportageNewsArticle", "Reportage"),
    ("BackgroundNewsArticle", "Background"),
    ("ReviewNewsArticle", "Review"),
]


class ArticleType(models.Model):
    name = models.CharField(max_length=60, unique=True, help_text='Singular: "Analysis".')
    plural_name = models.CharField(max_length=60, help_text='Used as a page title: "Briefs".')
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    schema_type = models.CharField(
        "schema.org type",
        max_length=40,
        choices=SCHEMA_TYPES,
        default="NewsArticle",
        help_text="How search engines are told what kind of journalism this is.",
    )
    is_brief = models.BooleanField(
        "brief", default=False, help_text="Short items shown in the briefs strip and on /briefs/."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = ["name", "plural_name", "slug", "description", "schema_type", "is_brief", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("article_type", kwargs={"slug": self.slug})


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic", kwargs={"slug": self.slug})


class Author(index.Indexed, models.Model):
    """A byline: staff or guest. Authors need not have an admin account."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    role = models.CharField(max_length=120, blank=True, help_text='For example "Europe Editor".')
    is_guest = models.BooleanField(
        "guest author", default=False, help_text="A contributor who is not on the staff."
    )
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "images.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(blank=True)
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    x_url = models.URLField("X URL", blank=True)
    linkedin_url = models.URLField("LinkedIn URL", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("is_guest"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("x_url"),
                FieldPanel("linkedin_url"),
            ],
            "Links",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("author", kwargs={"slug": self.slug})

    def social_links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Website", self.website),
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in pairs if url]
