"""WordPress post content converted to Masthead's body blocks."""

from pathlib import Path

import pytest

from masthead.core.blocks import BodyBlock
from masthead.importers.records import Footnote
from masthead.importers.wordpress.bodies import (
    convert_body,
    embed_url,
    original_upload_url,
)

FILES = Path(__file__).parent / "files"
SITE = "https://river-gazette.example"


def convert(name: str, **kwargs):
    return convert_body((FILES / name).read_text(), site_url=SITE, **kwargs)


def assert_valid(blocks: list[dict]) -> None:
    """The blocks load into the real block definitions and pass their validation. Photos are
    left out (their keys become image ids only in the writer); embeds are loaded but not
    cleaned, since cleaning one asks the provider over the network."""
    data = [block for block in blocks if block["type"] != "image"]
    stream = BodyBlock().to_python(data)
    assert [child.block_type for child in stream] == [block["type"] for block in data]
    for child in stream:
        if child.block_type != "embed":
            child.block.clean(child.value)
    for block in blocks:
        if block["type"] == "image":
            assert set(block["value"]) in ({"media_key", "caption"}, {"media_url", "caption"})


def kinds(body):
    return [block["type"] for block in body.blocks]


def test_every_core_block():
    body = convert(
        "gutenberg_all_core_blocks.html",
        attachments_by_url={f"{SITE}/wp-content/uploads/2024/03/map.png": "77"},
    )
    assert kinds(body) == [
        "paragraph", "heading", "heading", "heading", "paragraph", "paragraph", "quote",
        "pull_quote", "image", "image", "image", "paragraph", "image", "image", "paragraph",
        "paragraph",
    ]  # fmt: skip
    blocks = [block["value"] for block in body.blocks]
    assert blocks[0] == (
        "<p>The river council met on <b>Tuesday</b> to vote on the <i>dam proposal</i>. Read "
        f'<a href="{SITE}/2023/05/earlier-story/">our earlier story</a> or '
        '<a href="https://www.river-gazette.example/about/">about us</a> and '
        '<a href="https://elsewhere.example/report">the report</a>.</p>'
    )
    assert blocks[1:4] == [
        {"text": "What was decided", "level": "h2"},
        {"text": "A first-level heading", "level": "h2"},
        {"text": "Fine print", "level": "h3"},
    ]
    assert blocks[4] == "<ul><li>Fewer fish ladders</li><li>A <b>new</b> survey</li></ul>"
    assert blocks[5] == "<ol><li>First</li><li>Second</li></ol>"
    assert blocks[6] == {
        "text": "<p>We were never <i>asked</i>.</p>",
        "attribution": "Tamar Gelashvili, a farmer",
    }
    assert blocks[7] == {
        "text": "The water will not wait for us.",
        "attribution": "The council chair",
    }
    # The credit at the end of the caption goes to the photo's record, marked as guessed.
    assert blocks[8] == {"media_key": "41", "caption": "The dam at dusk."}
    assert body.media_credits["41"] == {
        "agency": "REUTERS",
        "photographer": "Jane Doe",
        "parsed": True,
    }
    # A relative, resized URL found through the attachments' URLs; an outside one kept by URL.
    assert blocks[9] == {"media_key": "77", "caption": ""}
    assert blocks[10] == {
        "media_url": "https://cdn.other.example/pic.jpg",
        "caption": "A borrowed picture",
    }
    # Separator, spacer, more and next page are gone; the HTML block is cleaned, no script.
    assert blocks[11] == "<p>Raw HTML block<br>with a line break</p>"
    assert blocks[12:14] == [{"media_key": "7", "caption": ""}, {"media_key": "8", "caption": ""}]
    assert blocks[14] == "<p>line one<br>line two</p>"
    assert blocks[15] == "<p>Inside an unknown box.</p>"
    assert body.media_keys == ["41", "77", "7", "8"]
    assert body.media_urls == ["https://cdn.other.example/pic.jpg"]
    assert body.links == [
        f"{SITE}/2023/05/earlier-story/",
        "https://www.river-gazette.example/about/",
    ]
    assert body.problems == [
        "a block with no content of its own was left out: core/latest-posts",
        "a block of an unknown kind was kept as text: acme/fancy-box",
    ]
    assert_valid(body.blocks)


def test_nested_columns_flatten_in_reading_order():
    body = convert("gutenberg_nested_columns.html")
    assert body.blocks == [
        {"type": "paragraph", "value": "<p>Left column text.</p>"},
        {"type": "image", "value": {"media_key": "5", "caption": ""}},
        {"type": "heading", "value": {"text": "Right heading", "level": "h3"}},
        {"type": "paragraph", "value": "<p><b>Box title</b></p>"},
        {"type": "paragraph", "value": "<p>Nested in a plugin block.</p>"},
        {"type": "paragraph", "value": "<p>After the group.</p>"},
    ]
    assert body.problems == []
    assert_valid(body.blocks)


def test_malformed_comments_lose_no_text():
    body = convert("gutenberg_malformed_comments.html")
    assert body.blocks == [
        {"type": "paragraph", "value": "<p>Loose text before any block.</p>"},
        {"type": "paragraph", "value": "<p>A paragraph whose closer never comes.</p>"},
        {"type": "paragraph", "value": "<p>Not a delimiter: no space before the end.</p>"},
        {"type": "paragraph", "value": "<p>Not a delimiter either: capitals.</p>"},
        {"type": "heading", "value": {"text": "Attributes cut short", "level": "h3"}},
    ]
    assert_valid(body.blocks)


def test_classic_content_with_shortcodes():
    body = convert("classic_with_shortcodes.html")
    assert body.blocks == [
        {
            "type": "paragraph",
            "value": "<p>The ferry to the island left <b>two hours late</b>.<br>"
            "Passengers waited on the pier.</p>",
        },
        {"type": "image", "value": {"media_key": "31", "caption": "Waiting on the pier"}},
        {"type": "heading", "value": {"text": "The timetable", "level": "h3"}},
        {
            "type": "paragraph",
            "value": "<ul><li>Morning boat: cancelled</li><li>Evening boat: <i>late</i></li></ul>",
        },
        {
            "type": "quote",
            "value": {"text": "<p>It happens every summer.</p>", "attribution": "A harbour worker"},
        },
        {"type": "image", "value": {"media_key": "32", "caption": ""}},
        {"type": "paragraph", "value": "<p>The boat itself is forty years old.</p>"},
        {
            "type": "embed",
            "value": {"embed": "https://www.youtube.com/watch?v=aaaaaaaaaaa", "caption": ""},
        },
        {"type": "paragraph", "value": '<p>[contact-form-7 id="12" title="Tips"]</p>'},
        {"type": "embed", "value": {"embed": "https://vimeo.com/76979871", "caption": ""}},
        {"type": "paragraph", "value": "<p>The end.</p>"},
    ]
    assert body.unknown_shortcodes == ["contact-form-7"]
    assert body.media_credits["31"]["photographer"] == "Nino Beridze"
    assert body.media_credits["31"]["agency"] == "AFP"
    assert_valid(body.blocks)


def test_caption_shortcode_both_forms():
    body = convert("caption_shortcode_both_forms.html")
    scaled = f"{SITE}/wp-content/uploads/2020/02/bridge-scaled.jpg"
    assert body.blocks == [
        {"type": "image", "value": {"media_key": "12", "caption": "The flooded square on Monday."}},
        {"type": "image", "value": {"media_key": "13", "caption": "Volunteers & sandbags."}},
        {"type": "image", "value": {"media_url": scaled, "caption": "The old bridge"}},
    ]
    assert body.media_urls == [scaled]
    assert body.media_credits == {
        "13": {"agency": "REUTERS", "photographer": "Giorgi Lomidze", "parsed": True}
    }


def test_scaled_copy_found_through_its_original():
    body = convert(
        "caption_shortcode_both_forms.html",
        attachments_by_url={f"{SITE}/wp-content/uploads/2020/02/bridge.jpg": "14"},
    )
    assert body.blocks[2]["value"] == {"media_key": "14", "caption": "The old bridge"}
    assert body.media_urls == []


def test_media_credit_shortcodes():
    body = convert("media_credit_shortcodes.html")
    assert body.blocks == [
        {"type": "image", "value": {"media_key": "50", "caption": ""}},
        {"type": "image", "value": {"media_key": "51", "caption": "A fruit stall at dawn"}},
    ]
    assert body.media_credits["50"]["photographer"] == "Jane Doe"
    assert body.media_credits["50"]["link"] == "https://janedoe.example"
    assert body.media_credits["50"]["parsed"] is False
    assert body.media_credits["51"]["user_id"] == "3"


def test_unknown_shortcodes_kept_and_listed():
    body = convert("unknown_shortcodes.html")
    assert body.unknown_shortcodes == ["donate-button", "toc", "su_note"]
    text = " ".join(b["value"] for b in body.blocks if b["type"] == "paragraph")
    assert '[donate-button amount="10"]' in text and "[toc]" in text and "[/su_note]" in text
    assert {"type": "image", "value": {"media_key": "70", "caption": "A nested photo"}} in (
        body.blocks
    )
    assert_valid(body.blocks)


def test_footnotes_from_post_meta():
    body = convert(
        "footnotes_post.html", footnotes_meta=(FILES / "footnotes_meta.json").read_text()
    )
    first = "5b1c9d7e-2f43-4a8b-9c61-0e7d3f2a1b44"
    second = body.footnotes[1].uid  # "note-two" is no UUID: one made from it, stable
    assert (
        second
        == convert(
            "footnotes_post.html", footnotes_meta=(FILES / "footnotes_meta.json").read_text()
        )
        .footnotes[1]
        .uid
    )
    assert body.footnotes == [
        Footnote(
            uid=first,
            text='<p>Measured at the <b>Old Bridge</b> gauge, see <a href="'
            f'{SITE}/gauges/">our gauges page</a>.</p>',
        ),
        Footnote(uid=second, text="<p>Survey by the basin authority, 2023.</p>"),
    ]
    assert body.blocks == [
        {
            "type": "paragraph",
            "value": f'<p>The river fell by a third<footnote id="{first}">[5b1c9d]</footnote> in '
            f'ten years, the survey says<footnote id="{second}">[{second[:6]}]</footnote>.</p>',
        },
        {"type": "paragraph", "value": "<p>A stray reference names nothing.</p>"},
    ]
    assert body.problems == [
        "a footnote reference names a footnote the post does not have: missing-note"
    ]
    assert body.links == [f"{SITE}/gauges/"]
    assert_valid(body.blocks)


def test_footnotes_meta_that_is_not_json_is_a_problem_not_a_crash():
    body = convert("footnotes_post.html", footnotes_meta="[{broken")
    assert body.footnotes == []
    assert body.problems[0].startswith("the footnotes (post meta `footnotes`) are not JSON")
    assert "<footnote" not in body.blocks[0]["value"]


def test_hostile_markup_is_disarmed():
    body = convert("hostile_markup.html")
    stored = repr(body.blocks)
    for bad in ("script", "javascript", "JaVaScRiPt", "data:text", "onerror", "onclick",
                "onmouseover", "style", "iframe", "display: none", "gotcha", "ads.unknown-host",
                "evil.example", "password", "frame fallback"):  # fmt: skip
        assert bad not in stored, bad
    assert body.blocks[0] == {"type": "paragraph", "value": "<p>Click here or there or data.</p>"}
    assert {
        "type": "paragraph",
        "value": '<p>Styled <a href="mailto:desk@river-gazette.example">write to us</a> '
        "<b>bold</b></p>",
    } in body.blocks
    assert body.problems == [
        "an iframe from a site without an allowed player was left out "
        "(https://ads.unknown-host.example/frame)",
        "an object from a site without an allowed player was left out "
        "(https://evil.example/flash.swf)",
    ]
    assert_valid(body.blocks)


def test_embeds_only_for_allowed_players():
    body = convert("embeds.html")
    tweet = "https://twitter.com/rivergazette/status/1234567890"
    assert body.blocks[:4] == [
        {
            "type": "embed",
            "value": {
                "embed": "https://www.youtube.com/watch?v=bbbbbbbbbbb",
                "caption": "The council meeting, in full",
            },
        },
        {"type": "embed", "value": {"embed": "https://vimeo.com/123456789", "caption": ""}},
        {"type": "paragraph", "value": f'<p><a href="{tweet}">{tweet}</a></p>'},
        {
            "type": "paragraph",
            "value": '<p><a href="https://www.instagram.com/p/Cabc123/">'
            "https://www.instagram.com/p/Cabc123/</a></p>",
        },
    ]
    assert [b["value"]["embed"] for b in body.blocks[4:6]] == [
        "https://www.youtube.com/watch?v=ccccccccccc",
        "https://vimeo.com/987654321",
    ]
    assert kinds(body)[6:] == ["paragraph", "paragraph"]
    assert "interview.mp4</a>" in body.blocks[6]["value"]
    assert "podcast.mp3</a>" in body.blocks[7]["value"]
    assert [problem.split(" is kept")[0] for problem in body.problems] == [
        "an embed from X (Twitter)",
        "an embed from Instagram",
        "a video file",
        "an audio file",
    ]
    assert_valid(body.blocks)


def test_gallery_new_old_and_ids_only():
    body = convert("gallery.html")
    assert body.blocks == [
        {"type": "image", "value": {"media_key": "101", "caption": "The first view"}},
        {"type": "image", "value": {"media_key": "102", "caption": ""}},
        {"type": "paragraph", "value": "<p>Views from the ridge</p>"},
        {"type": "image", "value": {"media_key": "201", "caption": "Old-style item"}},
        {"type": "image", "value": {"media_key": "202", "caption": ""}},
        {"type": "image", "value": {"media_key": "301", "caption": ""}},
        {"type": "image", "value": {"media_key": "302", "caption": ""}},
    ]
    assert body.media_keys == ["101", "102", "201", "202", "301", "302"]


def test_tables():
    body = convert("table.html")
    assert body.blocks == [
        {
            "type": "table",
            "value": {
                "caption": "Flooded homes by district, 2024",
                "header_row": True,
                "header_column": False,
                "rows": [
                    ["District", "Homes flooded", "Change"],
                    ["North", "1,204", "+12%"],
                    ["South", "Not counted", ""],
                    ["East", "88", ""],
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Row headers",
                "header_row": False,
                "header_column": True,
                "rows": [["Rain", "40mm"], ["Wind", "80km/h"]],
            },
        },
    ]
    assert_valid(body.blocks)
    table = BodyBlock().child_blocks["table"]
    page = table.render(table.to_python(body.blocks[0]["value"]))
    assert "<caption>Flooded homes by district, 2024</caption>" in page
    assert '<th scope="col">Homes flooded</th>' in page
    assert "<td>North</td>" in page and "<td>District</td>" not in page
    rows = table.render(table.to_python(body.blocks[1]["value"]))
    assert '<th scope="row">Rain</th><td>40mm</td>' in rows and "<thead>" not in rows


def test_quote_block_renders_its_text_and_attribution():
    quote = BodyBlock().child_blocks["quote"]
    value = quote.to_python(
        {"text": "<p>We were <i>never</i> asked.</p>", "attribution": "A farmer"}
    )
    page = quote.render(value)
    assert "<blockquote><p>We were <i>never</i> asked.</p></blockquote>" in page
    assert "<figcaption>A farmer</figcaption>" in page


def test_unicode_and_bidi_characters_survive():
    body = convert("unicode_and_bidi.html")
    assert body.blocks[0]["value"] == (
        "<p>ქალაქი <b>თბილისი</b> — مرحبا بالعالم\u200f — שלום עולם</p>"
    )
    assert body.blocks[1]["value"] == {"text": "Émigrés & naïve café", "level": "h2"}
    assert body.blocks[2]["value"] == (
        "<p>Family: 👨\u200d👩\u200d👧 flag: 🇬🇪 joiner\u200d and a no-break&nbsp;space, "
        "a right-to-left mark\u200f and an isolate \u2067مرحبا\u2069 end.</p>"
    )
    assert_valid(body.blocks)


def test_empty_and_control_character_content():
    assert convert_body("", site_url=SITE).blocks == []
    body = convert_body("Bell\x07 and\x00 null", site_url=SITE)
    assert body.blocks == [{"type": "paragraph", "value": "<p>Bell and null</p>"}]


@pytest.mark.parametrize(
    ("url", "original"),
    [
        (
            "https://s.example/wp-content/uploads/2024/03/dam-1024x683.jpg",
            "https://s.example/wp-content/uploads/2024/03/dam.jpg",
        ),
        (
            "https://s.example/wp-content/uploads/2024/03/dam-scaled.jpg",
            "https://s.example/wp-content/uploads/2024/03/dam.jpg",
        ),
        (
            "https://s.example/wp-content/uploads/2024/03/dam-150x150.jpg?resize=1",
            "https://s.example/wp-content/uploads/2024/03/dam.jpg",
        ),
        (
            "https://s.example/wp-content/uploads/2024/03/x-2-300x200.png",
            "https://s.example/wp-content/uploads/2024/03/x-2.png",
        ),
        (
            "https://s.example/wp-content/uploads/2024/03/dam.jpg",
            "https://s.example/wp-content/uploads/2024/03/dam.jpg",
        ),
    ],
)
def test_original_upload_url(url, original):
    assert original_upload_url(url) == original


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        (
            "http://m.youtube.com/watch?v=dQw4w9WgXcQ&t=3",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        ("https://player.vimeo.com/video/76979871?h=1", "https://vimeo.com/76979871"),
        ("https://vimeo.com/76979871/abc123def", "https://vimeo.com/76979871/abc123def"),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://twitter.com/a/status/1", None),
    ],
)
def test_embed_url(url, canonical):
    assert embed_url(url) == canonical
