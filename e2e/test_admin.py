"""The publish gate, end to end in the real Wagtail admin.

An editor uploads a photo without a credit, writes an article with it as the top photo and
tries to publish: the gate refuses and nothing goes live. Once the photo record carries a
credit, the same article publishes and readers see the credit under the photo.
"""

import io
import re
import secrets
import urllib.error
import urllib.request

import pytest
from django.utils.text import slugify
from PIL import Image
from playwright.sync_api import expect

from e2e.pages.admin import SLOW_MS, WagtailAdmin

pytestmark = [pytest.mark.browser]

HOME = "The Meridian Review"
SECTION = "Europe"


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "harbour.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def test_publish_gate_holds_back_an_uncredited_photo_until_it_is_credited(
    admin, server, photo, new_context
):
    token = secrets.token_hex(3)
    image_title = f"Harbour cranes {token}"
    headline = f"Harbour cranes stand idle at Rotterdam {token}"
    url = server.url(f"/europe/{slugify(headline)}/")

    admin.upload_image(title=image_title, file=photo, alt_text="Cranes over an empty quay")

    # Write the article under Europe with the uncredited photo on top, and try to publish.
    admin.add_article_under(HOME, SECTION)
    admin.fill_title(headline)
    admin.fill_dek("Dock workers and shipping lines wait for the strike talks to resume.")
    admin.choose("Choose article type", "News")
    admin.add_author("Helena Varga")
    admin.choose("Choose an image", image_title, exact=False)
    admin.publish()

    title = re.escape(image_title)
    refusal = re.compile(rf"could not be (created|saved)[\s\S]*“{title}” has no credit")
    expect(admin.messages).to_contain_text(refusal, timeout=SLOW_MS)
    assert http_status(url) == 404, f"{url} is live although the gate refused it"

    # Credit the photo in another tab, come back to the article and publish again.
    article_tab = admin.page
    photo_desk = WagtailAdmin(article_tab.context.new_page())
    photo_desk.edit_image(image_title, Agency="REUTERS", Photographer="Test Person")
    photo_desk.page.close()
    article_tab.bring_to_front()
    admin.publish()

    expect(admin.messages).to_contain_text(f"Page '{headline}' has been published", timeout=SLOW_MS)
    assert http_status(url) == 200

    # Readers find it on the front page and in LATEST, and see the credit under the top photo.
    reader = new_context().new_page()
    reader.goto("/")
    expect(reader.get_by_role("link", name=headline, exact=True)).to_be_visible()
    reader.goto("/latest/")
    reader.get_by_role("link", name=headline, exact=True).click()
    expect(reader).to_have_url(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    expect(reader.get_by_text("Top photo credit: REUTERS/Test Person")).to_be_visible()
