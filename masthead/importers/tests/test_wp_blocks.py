"""WordPress's block parser, ported: the trees it reads, broken comments included."""

from pathlib import Path

from masthead.importers.wordpress.blocks import block_html, has_blocks, parse_blocks

FILES = Path(__file__).parent / "files"


def names(blocks):
    return [block.blockName for block in blocks]


def test_blocks_with_attributes_namespaces_and_freeform_between():
    blocks = parse_blocks(
        'Intro<!-- wp:paragraph {"dropCap":true} --><p>One</p><!-- /wp:paragraph -->\n'
        "<!-- wp:newspack/donate /-->"
    )
    assert names(blocks) == [None, "core/paragraph", None, "newspack/donate"]
    assert blocks[0].innerHTML == "Intro"
    assert blocks[1].attrs == {"dropCap": True}
    assert blocks[1].innerHTML == "<p>One</p>"
    assert blocks[2].innerHTML == "\n"
    assert blocks[3].attrs == {} and blocks[3].innerHTML == ""


def test_self_closing_block_keeps_its_attributes():
    (block,) = parse_blocks('<!-- wp:spacer {"height":"40px"} /-->')
    assert block.blockName == "core/spacer"
    assert block.attrs == {"height": "40px"}
    assert block.innerContent == []


def test_attributes_holding_braces_and_comment_like_text():
    (block,) = parse_blocks(
        '<!-- wp:acme/box {"a":{"b":{"c":"}"}},"s":"x --> y"} --><p>in</p><!-- /wp:acme/box -->'
    )
    assert block.attrs == {"a": {"b": {"c": "}"}}, "s": "x --> y"}
    assert block.innerHTML == "<p>in</p>"


def test_nested_columns_tree_and_inner_content_order():
    blocks = parse_blocks((FILES / "gutenberg_nested_columns.html").read_text())
    group = blocks[0]
    assert group.blockName == "core/group"
    (columns,) = group.innerBlocks
    assert names(columns.innerBlocks) == ["core/column", "core/column"]
    left, right = columns.innerBlocks
    assert names(left.innerBlocks) == ["core/paragraph", "core/image"]
    assert names(right.innerBlocks) == ["core/heading", "newspack/sidebar-note"]
    note = right.innerBlocks[1]
    assert note.innerContent[0] == (
        '\n<div class="wp-block-newspack-sidebar-note"><strong>Box title</strong>'
    )
    assert note.innerContent[1] is None
    assert "<p>Nested in a plugin block.</p>" in block_html(note)
    assert names(blocks) == ["core/group", None, "core/paragraph", None]


def test_malformed_comments_read_as_wordpress_reads_them():
    blocks = parse_blocks((FILES / "gutenberg_malformed_comments.html").read_text())
    # Text first, then a paragraph never closed: it runs to the end of the post, and the
    # comments that break the grammar (no space, capitals, cut-off JSON) are only its text.
    assert names(blocks) == [None, "core/paragraph"]
    assert blocks[0].innerHTML == "<p>Loose text before any block.</p>\n"
    assert "<!-- wp:paragraph-->" in blocks[1].innerHTML
    assert "<!-- WP:Paragraph -->" in blocks[1].innerHTML
    assert blocks[1].innerHTML.endswith("<h3>Attributes cut short</h3>\n")


def test_a_closer_with_nothing_open_ends_parsing_as_freeform():
    blocks = parse_blocks(
        "<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph --><!-- /wp:quote --><p>rest</p>"
        "<!-- wp:heading --><h2>x</h2><!-- /wp:heading -->"
    )
    assert names(blocks) == ["core/paragraph", None]
    assert blocks[1].innerHTML.startswith("<!-- /wp:quote --><p>rest</p><!-- wp:heading -->")


def test_a_closer_closes_the_innermost_block_whatever_its_name():
    (quote,) = parse_blocks(
        "<!-- wp:quote --><blockquote><!-- wp:paragraph --><p>a</p><!-- /wp:heading -->"
        "</blockquote><!-- /wp:quote -->"
    )
    assert quote.blockName == "core/quote"
    assert names(quote.innerBlocks) == ["core/paragraph"]
    assert quote.innerContent == ["<blockquote>", None, "</blockquote>"]


def test_unclosed_nested_blocks_are_each_put_out_at_the_end():
    blocks = parse_blocks("<!-- wp:group --><div><!-- wp:paragraph --><p>a</p>")
    # WordPress collapses the stack piecewise: the innermost first, each to the top level,
    # the HTML before the inner opener put out as freeform ahead of it.
    assert names(blocks) == [None, "core/paragraph", "core/group"]
    assert blocks[0].innerHTML == "<div>"
    assert blocks[1].innerHTML == "<p>a</p>"
    assert blocks[2].innerHTML == "<div><!-- wp:paragraph --><p>a</p>"


def test_attributes_that_are_not_json_become_empty():
    (block,) = parse_blocks('<!-- wp:image {"id":12,} --><figure></figure><!-- /wp:image -->')
    assert block.blockName == "core/image"
    assert block.attrs == {}


def test_classic_content_has_no_blocks():
    assert not has_blocks("<p>Just text</p>\n<!-- more -->")
    assert has_blocks("<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->")
    (block,) = parse_blocks("Just text")
    assert block.blockName is None and block.innerContent == ["Just text"]
