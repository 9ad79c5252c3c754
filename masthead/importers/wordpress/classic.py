"""WordPress's paragraph rules for classic content (`wpautop`), ported.

A post written in the classic editor is stored without paragraph tags: WordPress adds them when
it shows the post. A blank line starts a paragraph, a single line break is a `<br />`, and
block-level elements (tables, lists, blockquotes, headings, figures…) are left as they are,
never wrapped in a paragraph. `<pre>` keeps its line breaks; so do `<script>`, `<style>` and
`<svg>` (the sanitiser drops those later), and line breaks inside a tag's attributes.

PHP's `\\s` matches ASCII whitespace only, so the expressions here are compiled with re.ASCII:
a no-break space is text, not a line break.
"""

import re

ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form"
    r"|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
A = re.ASCII

# An HTML comment (possibly unterminated), CDATA, or any other tag: what WordPress's
# get_html_split_regex() finds, so that line breaks inside tags are not paragraphs.
HTML_SPLIT = re.compile(
    r"(<(?:!--(?:-(?!->)[^\-]*+)*+(?:-->)?|!\[CDATA\[[^\]]*+(?:](?!]>)[^\]]*+)*+(?:]]>)?"
    r"|[^>]*>?))",
    A,
)
NEWLINE_MARK = " <!-- wpnl --> "
KEEP_NEWLINE = "<WPPreserveNewline />"

_RULES_BEFORE = [
    (re.compile(r"<br\s*/?>\s*<br\s*/?>", A), "\n\n"),
    (re.compile(r"(<" + ALL_BLOCKS + r"[\s/>])", A), r"\n\n\1"),
    (re.compile(r"(</" + ALL_BLOCKS + r">)", A), r"\1\n\n"),
    (re.compile(r"(<hr\s*?/?>)", A), r"\1\n\n"),
]
_RULES_AFTER = [
    (re.compile(r"<p>\s*</p>", A), ""),
    # A <div>, <address> or <form> whose text was never closed by a paragraph.
    (re.compile(r"<p>([^<]+)</(div|address|form)>", A), r"<p>\1</p></\2>"),
    # A block-level tag on its own in a paragraph: unwrapped.
    (re.compile(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", A), r"\1"),
    (re.compile(r"<p>(<li.+?)</p>", A), r"\1"),
    (re.compile(r"<p><blockquote([^>]*)>", A | re.IGNORECASE), r"<blockquote\1><p>"),
]
_RULES_UNWRAP = [
    (re.compile(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)", A), r"\1"),
    (re.compile(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", A), r"\1"),
]
_KEEP_NEWLINES_IN = re.compile(r"<(script|style|svg).*?</\1>", A | re.DOTALL)
_NEWLINE_TO_BR = re.compile(r"(?<!<br />)\s*\n", A)
_BR_AFTER_BLOCK = re.compile(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*<br />", A)
_BR_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", A)


def _mark_newlines_in_tags(text: str) -> str:
    parts = HTML_SPLIT.split(text)
    # split() with one group: text at even indices, tags and comments at odd ones.
    for index in range(1, len(parts), 2):
        if "\n" in parts[index]:
            parts[index] = parts[index].replace("\n", NEWLINE_MARK)
    return "".join(parts)


def _hide_pre(text: str) -> tuple[str, dict[str, str]]:
    """Swap each <pre>…</pre> for a placeholder, as WordPress does, to put it back untouched."""
    pre_tags: dict[str, str] = {}
    if "<pre" not in text:
        return text, pre_tags
    parts = text.split("</pre>")
    last = parts.pop()
    out = []
    for part in parts:
        start = part.find("<pre")
        if start == -1:  # malformed: a closer without an opener
            out.append(part)
            continue
        name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
        pre_tags[name] = part[start:] + "</pre>"
        out.append(part[:start] + name)
    out.append(last)
    return "".join(out), pre_tags


def wpautop(text: str, br: bool = True) -> str:
    """Classic content with its paragraphs and line breaks made into HTML, as WordPress shows it."""
    if not text.strip(" \t\n\r\0\x0b"):
        return ""
    text, pre_tags = _hide_pre(text + "\n")
    for pattern, replacement in _RULES_BEFORE:
        text = pattern.sub(replacement, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _mark_newlines_in_tags(text)

    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text, flags=A)
        text = re.sub(r"</option>\s*", "</option>", text, flags=A)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text, flags=A)
        text = re.sub(r"\s*</object>", "</object>", text, flags=A)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text, flags=A)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text, flags=A)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text, flags=A)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text, flags=A)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text, flags=A)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text, flags=A)

    text = re.sub(r"\n\n+", "\n\n", text)
    pieces = [piece for piece in re.split(r"\n\s*\n", text, flags=A) if piece]
    text = "".join(f"<p>{piece.strip(chr(10))}</p>\n" for piece in pieces)

    for pattern, replacement in _RULES_AFTER:
        text = pattern.sub(replacement, text)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    for pattern, replacement in _RULES_UNWRAP:
        text = pattern.sub(replacement, text)

    if br:
        text = _KEEP_NEWLINES_IN.sub(lambda m: m.group(0).replace("\n", KEEP_NEWLINE), text)
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = _NEWLINE_TO_BR.sub("<br />\n", text)
        text = text.replace(KEEP_NEWLINE, "\n")

    text = _BR_AFTER_BLOCK.sub(r"\1", text)
    text = _BR_BEFORE_BLOCK.sub(r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)

    for name, original in pre_tags.items():
        text = text.replace(name, original)
    if "<!-- wpnl -->" in text:
        text = text.replace(NEWLINE_MARK, "\n").replace("<!-- wpnl -->", "\n")
    return text
