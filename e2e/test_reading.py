"""A reader on the public site: the front page, an article, its kicker, listings."""

import re

import pytest
from playwright.sync_api import expect

from masthead.core.demo.content import articles

ARTICLES = articles()

pytestmark = [pytest.mark.browser]

STALINGRAD = next(a for a in ARTICLES if a["slug"] == "stalingrad-and-bakhmut-battles-of-attrition")
assert STALINGRAD["region"] == "europe"
STALINGRAD_URL = f"/europe/{STALINGRAD['slug']}/"


def lead_story(page):
    return page.get_by_role("region", name="Top story")


def test_lead_headline_opens_the_article_with_dek_credit_and_byline(page):
    page.goto("/")
    lead = lead_story(page)
    headline = lead.get_by_role("heading", level=2).inner_text().strip()
    dek = lead.locator(".teaser__dek").inner_text().strip()
    authors = lead.locator(".byline").get_by_role("link").all_inner_texts()
    assert headline and dek and authors, "the lead teaser lacks a headline, dek or byline"

    lead.get_by_role("link", name=headline, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page.get_by_text(dek, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Top photo credit: \S"))).to_be_visible()
    byline = page.locator(".article__header .byline")
    for name in authors:
        link = byline.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(r"^/authors/[\w-]+/$"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_keep_reading_opens_and_closes_from_the_keyboard(new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/")
    lead = lead_story(page)
    details = lead.get_by_role("group")  # <details class="keep-reading">: the lead's only group
    summary = details.locator("summary")  # no ARIA role of its own in Playwright's engine
    opening = details.locator(".keep-reading__text p").first
    expect(summary).to_have_accessible_name(re.compile(r"^Keep reading"))

    # Tab from the last byline link lands on the control, as it would for a keyboard user.
    lead.locator(".byline").get_by_role("link").last.focus()
    page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    expect(opening).to_be_hidden()

    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(opening).to_be_visible()
    expect(summary.get_by_text("Show less")).to_be_visible()
    expect(summary.get_by_text("Keep reading")).to_be_hidden()
    expect(summary).to_have_accessible_name(re.compile(r"^Show less"))

    page.keyboard.press("Space")
    expect(details).not_to_have_attribute("open", "")
    expect(opening).to_be_hidden()
    expect(summary.get_by_text("Keep reading")).to_be_visible()
    expect(summary.get_by_text("Show less")).to_be_hidden()
    expect(summary).to_have_accessible_name(re.compile(r"^Keep reading"))


def test_kicker_region_link_opens_the_region_listing(page):
    page.goto(STALINGRAD_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(STALINGRAD["headline"])

    page.locator(".article__header .kicker").get_by_role("link", name="Europe", exact=True).click()

    expect(page).to_have_url(re.compile(r"/europe/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Europe")
    expect(page.get_by_role("link", name=STALINGRAD["headline"], exact=True)).to_be_visible()


@pytest.mark.parametrize("query", ["abc", "99999"])
def test_latest_survives_a_malformed_or_too_large_page_number(page, query):
    response = page.goto(f"/latest/?page={query}")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Latest")
    expect(page.get_by_role("heading", level=2).first).to_be_visible()


def test_a_corrected_piece_links_to_its_correction_and_the_corrections_page_lists_it(page):
    correction = STALINGRAD["corrections"][0]
    page.goto(STALINGRAD_URL)
    page.get_by_role("link", name=re.compile("see the note at the end", re.I)).click()
    notes = page.locator("#corrections")
    expect(notes).to_be_in_viewport()
    expect(notes.get_by_text(correction["text"])).to_be_visible()
    expect(notes.get_by_text("Correction", exact=False).first).to_be_visible()

    page.get_by_role("contentinfo").get_by_role("link", name="Corrections").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Corrections"))
    entries = page.locator(".correction-entry")
    expect(entries).to_have_count(3)  # the demo's correction, clarification and editor's note
    entry = entries.filter(has_text=correction["text"])
    entry.get_by_role("link", name=STALINGRAD["headline"]).click()
    expect(page).to_have_url(re.compile(re.escape(STALINGRAD_URL) + "#correction-"))
    expect(page.get_by_text(correction["text"])).to_be_in_viewport()
