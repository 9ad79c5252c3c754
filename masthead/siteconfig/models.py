from django import forms
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting

SOCIAL_NETWORKS = [
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("x", "X"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the outlet says about itself: name, tagline, logo and where readers can follow it."""

    @classmethod
    def for_site(cls, site):
        # Every page reads these; they change rarely and move the content version when they do.
        from masthead.core.versioning import remember

        return remember("site-settings", lambda: super(SiteSettings, cls).for_site(site), site.pk)

    outlet_name = models.CharField(max_length=120, default="Masthead")
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey(
        "images.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    icon = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Square, at least 512 pixels: the browser tab, bookmarks and phones' home "
        "screens. Without one, the outlet's initial is drawn.",
    )
    share_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Share image",
        help_text="Shown where a page with no photo of its own is shared (an article shows "
        "its photo, the front page its lead story's).",
    )
    footer_text = models.TextField(blank=True, help_text="Shown at the foot of every page.")
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    x_url = models.URLField("X URL", blank=True)
    facebook_url = models.URLField(blank=True)
    youtube_url = models.URLField("YouTube URL", blank=True)
    linkedin_url = models.URLField("LinkedIn URL", blank=True)
    show_rss_link = models.BooleanField(
        "Show RSS link", default=True, help_text="List the site feed among the follow links."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("outlet_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("icon"),
                FieldPanel("share_image"),
            ],
            "Outlet",
        ),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel(f"{key}_url") for key, _ in SOCIAL_NETWORKS]
            + [FieldPanel("show_rss_link")],
            "Follow us",
        ),
    ]

    class Meta:
        verbose_name = "Outlet settings"

    def follow_links(self) -> list[tuple[str, str]]:
        """(label, url) for each social account the outlet filled in, in a stable order."""
        links = [
            (label, getattr(self, f"{key}_url"))
            for key, label in SOCIAL_NETWORKS
            if getattr(self, f"{key}_url")
        ]
        if self.show_rss_link:
            links.append(("RSS", reverse("feed")))
        return links


@register_setting(icon="lock")
class SignInPolicy(BaseGenericSetting):
    """Who must sign in to the admin with a second step (masthead/users/twofactor/policy.py).

    Only administrators hold the permission to change it (the Administrator role holds every
    permission there is). An account it covers that has no second step yet is sent to set one
    up right after its password, and reaches nothing else in the admin until it has.
    """

    require_for_all_staff = models.BooleanField(
        "Require two-step sign-in for every staff account",
        default=False,
        help_text="Everyone who can sign in to the admin, yourself included: if you have not "
        "set it up yet, you will be asked to at once.",
    )
    required_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="+",
        verbose_name="Require it for these roles",
        help_text="Members of the roles ticked here must use two-step sign-in, whatever the "
        "setting above.",
    )

    panels = [
        FieldPanel("require_for_all_staff"),
        FieldPanel("required_groups", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = "Sign-in policy"
