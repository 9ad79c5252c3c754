"""Photos in the browser: the smallest format it shows (AVIF in Chromium), at their own size."""

import pytest
from playwright.sync_api import expect

from masthead.core.demo.content import articles

ARTICLES = articles()

pytestmark = [pytest.mark.browser]

STALINGRAD = next(a for a in ARTICLES if a["slug"] == "stalingrad-and-bakhmut-battles-of-attrition")
STALINGRAD_URL = f"/{STALINGRAD['region']}/{STALINGRAD['slug']}/"


def loaded(image) -> dict:
    """What the browser chose and decoded for an <img>, once it has finished loading."""
    expect(image).to_have_js_property("complete", True)
    return image.evaluate("img => ({src: img.currentSrc, width: img.naturalWidth})")


def test_article_hero_arrives_as_avif_and_first(page):
    page.goto(STALINGRAD_URL)
    hero = page.get_by_role("img", name=STALINGRAD["hero"]["alt"], exact=True)
    expect(hero).to_have_attribute("fetchpriority", "high")

    chosen = loaded(hero)

    assert chosen["src"].endswith(".avif"), chosen["src"]
    assert chosen["width"] > 0, f"{chosen['src']} did not decode"


def test_author_portrait_keeps_its_size_beside_a_long_bio(new_context):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(STALINGRAD_URL)
    portrait = page.locator(".author-box").first.locator("img")
    portrait.scroll_into_view_if_needed()  # portraits load lazily

    chosen = loaded(portrait)

    assert chosen["src"].endswith(".avif") and chosen["width"] > 0, chosen
    box = portrait.bounding_box()
    assert (box["width"], box["height"]) == (80, 80), box
