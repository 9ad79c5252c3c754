"""A reader searches, narrows the results to a region, and opens one."""

import re

import pytest
from playwright.sync_api import expect

from masthead.core.demo.content import articles

ARTICLES = articles()

pytestmark = [pytest.mark.browser]

STALINGRAD = next(a for a in ARTICLES if a["slug"] == "stalingrad-and-bakhmut-battles-of-attrition")


def test_search_filter_by_region_and_open_a_result(page):
    page.goto("/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Search").click()
    page.get_by_label("Search for").fill("attrition")
    page.get_by_role("button", name="Search").click()
    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("attrition", re.I))

    page.get_by_label("Region").select_option(label="Europe")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"region=europe"))
    for kicker in results.locator(".kicker").all():
        expect(kicker).to_contain_text("Europe")

    page.get_by_role("link", name=STALINGRAD["headline"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STALINGRAD["headline"])


def test_a_search_with_no_results_says_what_to_try(page):
    page.goto("/search/?q=zeppelin")
    expect(page.get_by_role("heading", name="Nothing matched “zeppelin”")).to_be_visible()
    expect(page.get_by_role("link", name="latest stories")).to_be_visible()
