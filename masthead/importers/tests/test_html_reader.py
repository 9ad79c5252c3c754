"""Saved article pages read into draft items: each fixture is a page saved from a made-up outlet."""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.importers.fetch import Fetched, FetchRefused
from masthead.importers.html import reader
from masthead.importers.html.reader import fetch_saved_page, read_saved_page

FILES = Path(__file__).parent / "files"


def read(name: str, **kwargs):
    return read_saved_page(FILES / f"{name}.html", **kwargs)


def test_news_article_with_json_ld_and_an_agency_credit_in_the_caption():
    page = read("saved_news_article_jsonld")
    item = page.item
    assert item.title == "Floodwater closes Eastwick market for a second week"
    assert (item.kind, item.status) == ("post", "draft")
    assert item.published_at == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert [a.name for a in page.authors] == ["Mara Lindqvist", "Tobias Ferrante"]
    assert item.author_keys == ["mara-lindqvist", "tobias-ferrante"]
    assert page.authors[0].website == "https://harbourledger.example/author/mara-lindqvist/"
    assert (
        item.excerpt
        == "Traders say the council's pumps arrived too late to save the spring season."
    )
    canonical = "https://harbourledger.example/news/2024/03/eastwick-market-flood/"
    assert page.canonical_url == item.link == item.key == canonical
    assert item.slug == "eastwick-market-flood"
    assert item.problems == []

    lead = page.media[0]
    assert item.featured_media_key == lead.key
    assert lead.url == "https://harbourledger.example/media/2024/03/market-flood.jpg"
    assert lead.caption == "Water covers the stalls of Eastwick market on Tuesday."
    assert (lead.agency, lead.photographer) == ("REUTERS", "Jane Doe")
    assert lead.credit_parsed is True  # guessed from the caption: an editor checks it
    assert lead.alt == "Stalls standing in brown water"

    body = item.content
    assert body.startswith("<p>Eastwick's covered market will stay shut")
    assert "<h2>A season lost</h2>" in body
    assert "<strong>two days after</strong>" in body
    assert 'href="https://harbourledger.example/news/2024/02/river-defences-plan/"' in body
    assert "market-flood.jpg" not in body  # the lead photo is the hero, not shown twice
    assert "Floodwater closes" not in body  # nor the headline
    for chrome in ("Opinion", "All rights reserved", "By Mara Lindqvist"):
        assert chrome not in body


def test_a_page_with_only_open_graph_and_meta_tags():
    page = read("saved_opengraph_only")
    item = page.item
    assert item.title == "Night buses return to the hill villages"
    assert [a.name for a in page.authors] == ["Priya Achebe"]
    assert item.published_at == datetime(2023, 11, 17, 6, 15, tzinfo=UTC)
    assert item.excerpt.startswith("After three years without a late service")
    assert page.canonical_url == "https://valleycourier.example/transport/night-buses-return"
    assert item.slug == "night-buses-return"
    [lead] = page.media
    assert lead.url == "https://cdn.valleycourier.example/img/night-bus.jpg"
    assert lead.alt == "A double-decker bus at a village stop after dark"
    assert (lead.caption, lead.agency, lead.photographer) == ("", "", "")
    assert item.content.count("<p>") == 4
    assert item.problems == []


def test_a_byline_written_in_the_text_and_a_credit_marked_in_the_caption():
    path = FILES / "saved_byline_in_text.html"
    page = read_saved_page(path)
    item = page.item
    assert [a.name for a in page.authors] == ["Jane Doe", "John Roe"]
    assert all(a.is_guest for a in page.authors)
    # htmldate finds the day; the page's <time datetime> gives the hour.
    assert item.published_at == datetime(2022, 7, 9, 8, 0, tzinfo=UTC)
    # No canonical URL: the file's content is the key, the headline the slug.
    assert item.key == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert item.link == page.canonical_url == ""
    assert item.slug == "lighthouse-keepers-cottage-opens-as-a-museum"
    lead = page.media[0]
    assert lead.caption == "The restored kitchen, as the last keeper's family left it."
    assert (lead.agency, lead.photographer, lead.credit_parsed) == ("", "Ana Folau", False)
    assert item.problems == [
        "the lead photo's address '/media/cottage-kitchen.jpg' is relative "
        "and the page's is unknown"
    ]


def test_the_canonical_link_is_the_old_url_and_gives_a_unicode_slug():
    page = read("saved_canonical_url")
    # rel=canonical wins over og:url; tracking parameters are dropped.
    expected = "https://lecho-des-quais.example/ville/2024/04/caf%C3%A9-de-la-gare-rouvre/"
    assert page.canonical_url == page.item.link == page.item.key == expected
    assert page.item.slug == "café-de-la-gare-rouvre"
    assert page.item.published_at == datetime(2024, 4, 2, 6, 0, tzinfo=UTC)
    assert page.media == []


def test_a_credit_declared_in_json_ld_wins_over_the_caption():
    page = read("saved_jsonld_image_credit")
    lead = page.media[0]
    assert lead.url == "https://tidewaytimes.example/img/ferry.jpg"  # not the og:image crop
    assert (lead.agency, lead.photographer, lead.credit_parsed) == ("AFP", "Ilse Brandt", False)
    assert lead.caption == "The morning ferry leaves the north quay."
    # The publisher listed as an author is not a byline.
    assert [a.name for a in page.authors] == ["Lena Okafor"]
    assert page.item.slug == "ferry-fares-rise"
    assert page.item.published_at == datetime(2025, 1, 28, 7, 5, tzinfo=UTC)


def test_hostile_markup_does_not_survive():
    page = read("saved_hostile_markup")
    body = page.item.content.lower()
    for hostile in (
        "<script", "<iframe", "<object", "<embed", "<svg", "<form", "<input", "<style",
        "onerror", "onload", "onclick", "javascript:", "alert", "tracker.example",
    ):  # fmt: skip
        assert hostile not in body, hostile
    # …while every paragraph of the article does, including the one after the <embed>.
    assert "nine to four" in body
    assert "<a>collected signatures</a>" in body
    assert "open all year round" in body
    assert page.item.title == "Council votes to keep the harbour baths open"


def test_a_list_page_is_not_an_article():
    page = read("saved_list_page")
    assert page.item.content == ""
    [problem] = [p for p in page.item.problems if p.startswith("no article found")]
    assert "list or index page" in problem
    assert "'website'" in problem


def test_a_page_in_a_declared_single_byte_encoding():
    page = read("saved_latin1_encoding")
    assert page.item.title == "Straßenfest in der Müllergasse wird größer"
    assert [a.name for a in page.authors] == ["Jörg Weiß"]
    assert page.item.author_keys == ["jörg-weiß"]
    assert "Brückenstraße" in page.item.content
    assert "\ufffd" not in page.item.content
    assert page.item.excerpt == "Zum zehnten Jubiläum öffnen die Anwohner auch die Höfe."


def test_a_missing_file_is_a_problem_not_a_crash():
    page = read_saved_page(FILES / "no-such-page.html")
    [problem] = page.item.problems
    assert "no-such-page.html: cannot read the file" in problem


def test_fetching_a_page_goes_through_the_guard():
    with pytest.raises(FetchRefused, match="private or reserved"):
        fetch_saved_page("http://127.0.0.1:9/story.html", allowed_hosts={"127.0.0.1"})


def test_a_fetched_page_uses_its_address_and_declared_charset(monkeypatch):
    html = (FILES / "saved_byline_in_text.html").read_text().replace("utf-8", "windows-1252")
    calls = []

    def fake_fetch(url, **kwargs):
        calls.append((url, kwargs))
        return Fetched(
            content=html.encode("windows-1252"),
            content_type="text/html; charset=windows-1252",
            final_url="https://northcape.example/2022/07/keepers-cottage?utm_source=x",
        )

    monkeypatch.setattr(reader, "fetch", fake_fetch)
    page = fetch_saved_page("https://northcape.example/p=12", allowed_hosts={"northcape.example"})
    assert calls[0][1]["kind"] == "page"
    assert calls[0][1]["allowed_hosts"] == {"northcape.example"}
    assert page.canonical_url == "https://northcape.example/2022/07/keepers-cottage"
    assert page.item.slug == "keepers-cottage"
    assert page.media[0].url == "https://northcape.example/media/cottage-kitchen.jpg"
    assert page.item.problems == []
