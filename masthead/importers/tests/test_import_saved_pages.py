"""Saved article pages become drafts for an editor to check, their old address recorded."""

import pytest

from masthead.importers.tests.moving import FILES, last_line, make_site, run_import
from masthead.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_saved_pages_become_drafts_with_byline_date_and_old_address(client):
    make_site()
    pages = [FILES / "saved_news_article_jsonld.html", FILES / "saved_canonical_url.html"]
    out, err = run_import(*pages)
    assert last_line(out)["drafts"] == 2
    drafts = ArticlePage.objects.filter(live=False)
    assert drafts.count() == 2 and not ArticlePage.objects.filter(live=True).exists()
    cafe = drafts.get(slug__contains="gare")
    assert cafe.authors and cafe.first_published_at is None
    assert cafe.body.raw_data and cafe.body.raw_data[0]["type"] == "paragraph"
    # The page's old address answers once the draft is published and the domain points here.
    cafe.save_revision().publish()
    response = client.get("/ville/2024/04/caf%C3%A9-de-la-gare-rouvre/")
    assert (response.status_code, response["Location"]) == (301, cafe.url)


def test_a_listing_page_is_skipped_with_its_reason():
    make_site()
    out, err = run_import(FILES / "saved_list_page.html", FILES / "saved_opengraph_only.html")
    assert last_line(out)["skipped"] == 1
    assert "saved_list_page.html" in err
