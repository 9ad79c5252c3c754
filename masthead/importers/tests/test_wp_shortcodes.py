"""Shortcodes: read as WordPress reads them, the known ones turned into HTML."""

from pathlib import Path

from masthead.importers.wordpress.shortcodes import (
    expand_shortcodes,
    parse_shortcode_attrs,
    shortcode_unautop,
)

FILES = Path(__file__).parent / "files"


def test_attributes_in_every_quoting_style():
    named, bare = parse_shortcode_attrs(
        ' ID="attachment_12" align=\'alignright\' width=300 "quoted bare" bare data-x="a b"'
    )
    assert named == {"id": "attachment_12", "align": "alignright", "width": "300", "data-x": "a b"}
    assert bare == ["quoted bare", "bare"]


def test_no_break_spaces_separate_attributes():
    named, _ = parse_shortcode_attrs('\u00a0name="Jane"\u00a0id=3')
    assert named == {"name": "Jane", "id": "3"}


def test_a_value_opening_a_tag_is_emptied():
    named, _ = parse_shortcode_attrs('caption="<script" ok="<b>fine</b>"')
    assert named == {"caption": "", "ok": "<b>fine</b>"}


def test_caption_in_both_forms():
    out = expand_shortcodes((FILES / "caption_shortcode_both_forms.html").read_text())
    figures = out.html.split("</figure>")
    assert figures[0].startswith('<figure data-media-key="12"><img class="size-large wp-image-12"')
    assert figures[0].endswith("<figcaption>The flooded square on Monday.</figcaption>")
    assert '<figure data-media-key="13"><img class="wp-image-13"' in figures[1]
    assert (
        "<figcaption>Volunteers &amp; sandbags. REUTERS/Giorgi Lomidze</figcaption>" in (figures[1])
    )
    assert (
        "<figure><img src=" in figures[2]
        and "<figcaption>The old bridge</figcaption>" in (figures[2])
    )
    assert out.unknown == [] and out.problems == []


def test_caption_around_a_linked_photo_keeps_the_link_with_the_photo():
    out = expand_shortcodes('[caption]<a href="/big.jpg"><img src="/a.jpg"></a> Text[/caption]')
    assert out.html == (
        '<figure><a href="/big.jpg"><img src="/a.jpg"></a><figcaption>Text</figcaption></figure>'
    )


def test_media_credit_marks_its_photo_inside_a_caption():
    out = expand_shortcodes((FILES / "media_credit_shortcodes.html").read_text())
    assert '<img data-credit="Jane Doe" data-credit-link="https://janedoe.example" ' in out.html
    assert '<figure data-media-key="51"><img data-credit-user="3" class="wp-image-51"' in out.html
    assert "<figcaption>A fruit stall at dawn</figcaption>" in out.html
    assert "[media-credit" not in out.html and "[/caption]" not in out.html


def test_gallery_embed_audio_and_video():
    out = expand_shortcodes(
        '[gallery ids="3, 4,x"][embed width="500"]https://youtu.be/abcdefghijk[/embed]'
        '[audio mp3="https://a.example/p.mp3"][video mp4="https://a.example/v.mp4"][/video]'
    )
    assert out.html == (
        '<figure><img data-media-key="3"></figure><figure><img data-media-key="4"></figure>'
        '<figure data-embed-url="https://youtu.be/abcdefghijk" data-kind="embed"></figure>'
        '<figure data-embed-url="https://a.example/p.mp3" data-kind="audio"></figure>'
        '<figure data-embed-url="https://a.example/v.mp4" data-kind="video"></figure>'
    )


def test_shortcodes_that_cannot_be_converted_say_why():
    out = expand_shortcodes("[gallery][audio][embed][/embed]")
    assert out.html == ""
    assert len(out.problems) == 3
    assert "gallery without ids" in out.problems[0]


def test_unknown_shortcodes_stay_as_text_and_are_listed_once():
    out = expand_shortcodes((FILES / "unknown_shortcodes.html").read_text())
    assert out.unknown == ["donate-button", "toc", "su_note"]
    assert '[donate-button amount="10"]' in out.html
    assert '[su_note note_color="#fff"]A note from a shortcode plugin with <figure' in out.html
    assert "inside.[/su_note]" in out.html
    # Known shortcodes inside unknown ones are still converted.
    assert "<figcaption>A nested photo</figcaption>" in out.html
    # Brackets in prose are not shortcodes; an escaped shortcode shows as written.
    assert "[sic]" in out.html and "sic" not in out.unknown
    assert "and [toc] is how" in out.html


def test_same_name_nesting_pairs_each_closer_with_its_opener():
    out = expand_shortcodes("[box a=1]outer [box a=2]inner[/box] tail[/box] after")
    assert out.unknown == ["box"]
    assert out.html == "[box a=1]outer [box a=2]inner[/box] tail[/box] after"


def test_stray_closer_is_text():
    out = expand_shortcodes("text [/caption] more")
    assert out.html == "text [/caption] more" and out.unknown == []


def test_unautop_takes_the_paragraph_off_a_lone_shortcode():
    assert shortcode_unautop('<p>[gallery ids="1"]</p>\n<p>Text [gallery]</p>') == (
        '[gallery ids="1"]\n<p>Text [gallery]</p>'
    )
