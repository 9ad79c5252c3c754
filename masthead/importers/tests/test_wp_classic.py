"""WordPress's paragraph rules for classic content."""

from masthead.importers.wordpress.classic import wpautop


def test_blank_lines_make_paragraphs_and_single_breaks_br():
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"


def test_runs_of_blank_lines_and_windows_line_ends():
    assert wpautop("One\r\n\r\n\r\n\r\nTwo") == "<p>One</p>\n<p>Two</p>\n"


def test_empty_content_stays_empty():
    assert wpautop(" \n\t\n") == ""


def test_block_elements_are_not_wrapped():
    out = wpautop(
        "Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<h2>Head</h2>\n<table><tr><td>x</td></tr></table>"
    )
    assert out.startswith("<p>Intro</p>\n<ul>")
    assert "<li>a</li>" in out and "<p><li>" not in out and "<br />\n<li>" not in out
    assert "<h2>Head</h2>" in out and "<p><h2>" not in out
    assert "<p><table>" not in out


def test_blockquote_gets_its_paragraphs_inside():
    assert wpautop("<blockquote>Said\n\nagain</blockquote>") == (
        "<blockquote><p>Said</p>\n<p>again</p></blockquote>\n"
    )


def test_pre_keeps_its_line_breaks():
    out = wpautop("Code:\n\n<pre>a\n\nb\n  c</pre>\n\nAfter")
    assert "<pre>a\n\nb\n  c</pre>" in out
    assert "<p>After</p>" in out


def test_line_breaks_inside_a_tag_are_not_breaks():
    out = wpautop('A <a\nhref="/x">link</a> here')
    assert out == '<p>A <a\nhref="/x">link</a> here</p>\n'


def test_double_br_is_a_paragraph_break():
    assert wpautop("One<br><br/>Two") == "<p>One</p>\n<p>Two</p>\n"


def test_no_break_space_is_text_not_a_line_break():
    assert wpautop("A\u00a0\n\u00a0B") == "<p>A\u00a0<br />\n\u00a0B</p>\n"


def test_without_br_single_line_breaks_stay():
    assert wpautop("One\ntwo", br=False) == "<p>One\ntwo</p>\n"
