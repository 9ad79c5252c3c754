"""The demo publication's frame, from data/. Safe to run twice: whatever exists (by slug) stays."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from masthead.core.demo import content
from masthead.newsroom.models import ArticleType, HomePage, SectionPage, Topic
from masthead.siteconfig.models import SiteSettings


class DemoBuilder:
    def __init__(self, *, log=lambda message: None):
        self.log = log
        self.data = content.load()  # fails on a faulty data file before anything is written

    def build(self) -> HomePage:
        """The frame: front page, outlet settings, regions, types, topics, newsletter. The
        authors, pages and articles are imported from the same files by `import_content`
        (importers/demo.py), as any archive moving in."""
        with transaction.atomic():
            home = self.home()
            self.outlet(home)
            self.sections(home)
            self.types()
            self.topics()
            self.newsletter()
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

    def sections(self, home) -> None:
        for region in self.data.regions:
            if not SectionPage.objects.child_of(home).filter(slug=region["slug"]).exists():
                section = SectionPage(
                    title=region["name"], slug=region["slug"], intro=region["intro"]
                )
                home.add_child(instance=section)
                section.save_revision().publish()

    def types(self) -> None:
        for order, kind in enumerate(self.data.types):
            ArticleType.objects.get_or_create(
                slug=kind["slug"],
                defaults={
                    "name": kind["name"],
                    "plural_name": kind["plural"],
                    "is_brief": kind["slug"] == "brief",
                    "schema_type": kind["schema"],
                    "sort_order": order,
                },
            )

    def topics(self) -> None:
        for topic in self.data.topics:
            Topic.objects.get_or_create(slug=topic["slug"], defaults={"name": topic["name"]})

    def newsletter(self):
        from masthead.newsletter.models import Newsletter

        fields = dict(self.data.newsletter)
        Newsletter.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
