"""SSRF through the embed block: an editor pasting an address on our own network into an embed
makes the server fetch nothing there, and the editor is told the address cannot be embedded.

Masthead sets no WAGTAILEMBEDS_FINDERS, so Wagtail's oEmbed finder with its own list of
providers is the only finder: an embed URL is looked up only when it matches a provider's
pattern, and then at that provider's fixed endpoint, never at the host the URL names. A finder
that fetched the URL itself (oEmbed discovery, a page scraper) would fail these tests.

The frontend-cache purger (delivery/backends.py) is out of scope here: it connects only to
VARNISH_URLS, the operator's own caches, which are on the private network by design; nothing an
editor or a reader types chooses where it connects (tags are `[a-z0-9:]+`, the path is a page's).
"""

import json
import urllib.request

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.embeds.models import Embed

from masthead.core.blocks import BodyBlock
from masthead.core.tests.attacks import Trap
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db
NOT_FOUND = "Cannot find an embed for this URL."


@pytest.fixture
def trap():
    with Trap() as trap:
        yield trap


def test_the_trap_hears_a_request_to_any_internal_address(trap):
    """The control: were the server to fetch one of these addresses, the trap would know."""
    for name, url in trap.urls("/probe").items():
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - the trap itself
            assert response.read() == b"trap: an internal service answered", name
    assert len(trap.requests) == len(trap.urls())
    assert {host for host, _port in trap.connections} >= {"169.254.169.254", "10.0.0.5", "::1"}


def test_the_admin_embed_chooser_fetches_nothing_from_our_network(trap, client):
    client.force_login(f.make_editor())
    for name, url in trap.urls().items():
        response = client.post(reverse("wagtailembeds:chooser_upload"), {"embed-chooser-url": url})
        assert response.status_code == 200, name
        answer = json.loads(response.content)
        assert answer["step"] == "chooser", name  # the form again, not an embed chosen
        assert NOT_FOUND in answer["html"], name
    assert trap.heard == []
    assert not Embed.objects.exists()


def test_the_body_refuses_such_an_embed_when_the_editor_saves(trap):
    block = BodyBlock()
    for name, url in trap.urls().items():
        value = block.to_python([{"type": "embed", "value": {"embed": url, "caption": ""}}])
        with pytest.raises(ValidationError) as refused:
            block.clean(value)
        [error] = refused.value.block_errors.values()
        assert NOT_FOUND in str(error.block_errors["embed"]), name
    assert trap.heard == []


def test_an_article_carrying_such_embeds_renders_without_fetching_them(trap, client):
    """A body written some other way (an archive restore, the API) still fetches nothing when
    readers open it: the embed is left out, the rest of the piece reads."""
    home = f.make_home()
    body = [{"type": "paragraph", "value": "<p>The piece itself.</p>"}] + [
        {"type": "embed", "value": {"embed": url, "caption": f"Caption {n}"}}
        for n, url in enumerate(trap.urls().values())
    ]
    article = f.make_article(f.make_section(home), article_type=f.make_type(), body=body)
    assert isinstance(article.body, StreamValue)
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The piece itself." in html and "Caption 6" in html
    assert "trap:" not in html
    assert trap.heard == []
