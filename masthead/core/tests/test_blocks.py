"""The body's search text, read from stored data, is what Wagtail's own walk would index."""

import pytest
from wagtail import blocks
from wagtail.blocks import StreamValue

from masthead.core.blocks import BodyBlock, PlainBodyBlock
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db

PARAGRAPH = (
    "<p>Ports &amp; harbours<br/>reopen.</p><ul><li>one</li><li>two</li></ul>"
    '<p>See <a linktype="page" id="3">the report</a> and <footnote id="a1">[1]</footnote>'
    " caf&eacute; &lt;tags&gt; stay text.</p><h2>Heading</h2><blockquote>Quoted</blockquote>"
)


def body(image_id: int) -> list[dict]:
    return [
        {"type": "paragraph", "value": PARAGRAPH, "id": "p1"},
        {"type": "heading", "value": {"text": "Who pays", "level": "h2"}, "id": "h1"},
        {"type": "image", "value": {"image": image_id, "caption": "Night shift"}, "id": "i1"},
        {"type": "image", "value": {"image": image_id, "caption": ""}, "id": "i2"},
        {"type": "pull_quote", "value": {"text": "Fresh", "attribution": "A trader"}, "id": "q1"},
        {
            "type": "quote",
            "value": {"text": "<p>Long &amp; quoted</p>", "attribution": "X"},
            "id": "q2",
        },  # fmt: skip
        {
            "type": "embed",
            "value": {"embed": "https://www.youtube.com/watch?v=x", "caption": "Film"},
            "id": "e1",
        },  # fmt: skip
        {
            "type": "table",
            "value": {
                "caption": "Prices",
                "header_row": True,
                "header_column": False,
                "rows": [["a", "b"], ["1", "2"]],
            },
            "id": "t1",
        },  # fmt: skip
    ]


@pytest.mark.parametrize("stream_block", [BodyBlock(), PlainBodyBlock()])
def test_search_text_from_stored_data_matches_wagtails_walk(stream_block):
    image = f.make_image()
    raw = [b for b in body(image.pk) if b["type"] in stream_block.child_blocks]
    ours = stream_block.get_searchable_content(StreamValue(stream_block, raw, is_lazy=True))
    theirs = blocks.StreamBlock.get_searchable_content(
        stream_block, StreamValue(stream_block, raw, is_lazy=True)
    )
    assert ours == theirs
    assert "Ports & harbours reopen." in ours[0] and "café <tags> stay text." in ours[0]
