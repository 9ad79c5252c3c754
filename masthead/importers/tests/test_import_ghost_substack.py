"""Ghost and Substack publications moved in with the same command: pages, bylines, old
addresses and readers, and nothing that was for members only made public."""

import shutil

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from masthead.importers.tests.moving import FILES, last_line, make_site, run_import
from masthead.newsletter.models import Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsroom.models import ArticlePage, PlainPage

pytestmark = pytest.mark.django_db
GHOST, SUBSTACK = FILES / "ghost", FILES / "substack" / "export"


@pytest.fixture
def site():
    home, europe = make_site()
    make_newsletter()
    return home, europe


def ghost_export(tmp_path):
    """A Ghost download as an editor has it: the JSON and the members CSV in one folder."""
    folder = tmp_path / "ghost"
    folder.mkdir()
    shutil.copy(GHOST / "ghost5_site.json", folder)
    shutil.copy(GHOST / "members.2024-05-01.csv", folder)
    return folder


def test_a_ghost_publication_arrives_with_its_bylines_and_members(site, tmp_path, client):
    out, err = run_import(ghost_export(tmp_path), site_url="https://ghostly.example")
    counts = last_line(out)
    # Skipped: a post with no id, a repeated one, a deleted member, a bad and a repeated address.
    assert (counts["articles"], counts["pages"], counts["skipped"]) == (8, 1, 5)
    dawn = ArticlePage.objects.get(slug="dawn-at-the-quay")
    assert dawn.live
    assert [a.name for a in dawn.authors] == ["Mira Olsen", "Tomas Reed", "Ode Nkem"]
    assert PlainPage.objects.filter(title="About the Ledger").exists()
    for slug in ("members-harbour-diary", "paid-ledger-analysis", "tier-only-briefing",
                 "newsletter-only-letter"):  # fmt: skip
        hidden = ArticlePage.objects.get(slug=slug)
        assert PageViewRestriction.objects.get(page=hidden).restriction_type == "login", slug
        assert client.get(hidden.url).status_code == 302
    assert not ArticlePage.objects.get(slug="half-written-budget-notes").live
    readers = dict(Subscription.objects.values_list("email", "state"))
    assert readers["keeper@readers.example"] == "active"
    assert readers["quiet@readers.example"] == "unsubscribed"  # asked for no email: kept so
    assert "gone@readers.example" not in readers  # deleted in Ghost
    assert mail.outbox == []  # nobody is asked to confirm again
    assert "not-an-address" in err


def test_ghost_addresses_answer_with_one_301(site, tmp_path, client):
    run_import(ghost_export(tmp_path), site_url="https://ghostly.example")
    dawn = ArticlePage.objects.get(slug="dawn-at-the-quay")
    for old, new in {
        "/dawn-at-the-quay/": dawn.url,
        "/tag/harbour/": "/topics/harbour/",
        "/author/mira/": "/authors/mira/",
        "/author/mira/feed/": "/feed/author/mira/",
    }.items():
        response = client.get(old)
        assert (response.status_code, response.get("Location")) == (301, new), old
        assert client.get(new).status_code == 200


def test_a_substack_publication_arrives_with_its_readers(site, client):
    out, err = run_import(
        SUBSTACK, site_url="https://harbourletter.substack.example", author="Harbour Letter"
    )
    tides = ArticlePage.objects.get(slug="tide-tables-explained")
    assert tides.live and [a.name for a in tides.authors] == ["Harbour Letter"]
    response = client.get("/p/tide-tables-explained")
    assert (response.status_code, response["Location"]) == (301, tides.url)
    for slug in ("members-notebook", "founders-letter", "free-list-extra"):
        page = ArticlePage.objects.get(slug=slug)
        assert PageViewRestriction.objects.filter(page=page).exists(), slug
    assert not ArticlePage.objects.get(slug="unfinished-harbour-piece").live
    readers = dict(Subscription.objects.values_list("email", "state"))
    assert readers["petrel@readers.example"] == "active"
    assert readers["shag@readers.example"] == "unsubscribed"
    assert mail.outbox == []


def test_an_import_never_brings_a_reader_back(site):
    newsletter = Subscription._meta.get_field("newsletter").related_model.objects.get()
    Subscription.objects.create(
        newsletter=newsletter, email="petrel@readers.example", state="unsubscribed"
    )
    run_import(SUBSTACK, site_url="https://harbourletter.substack.example", author="H. L.")
    assert Subscription.objects.get(email="petrel@readers.example").state == "unsubscribed"
    run_import(SUBSTACK, site_url="https://harbourletter.substack.example", author="H. L.")
    assert Subscription.objects.filter(email__iexact="petrel@readers.example").count() == 1
