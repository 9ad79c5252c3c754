"""Markdown as plain HTML: the body of a Ghost 0.x post, or a Markdown card in a later one.

The common syntax only: paragraphs, headings, lists, quotes, fenced code, rules, and inline
code, photos, links, bold and italic. HTML written among the Markdown is drawn by the caller,
as an HTML card is (see `lexical.Renderer.html_card`).
"""

import html
import re
from collections.abc import Callable

_MD_CODE = re.compile(r"`([^`]+)`")
_MD_IMAGE = re.compile(r'!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"([^"]*)")?\s*\)')
_MD_LINK = re.compile(r'\[([^\]]+)\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)')
_MD_AUTOLINK = re.compile(r"&lt;(https?://[^\s&]+)&gt;")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def draw_markdown(text: str, html_card: Callable[[str], str]) -> str:
    """The Markdown `text` as HTML; `html_card(markup)` draws the HTML written among it."""
    out, paragraph, items, quote, code, raw = [], [], [], [], None, []
    list_tag = fence = ""

    def close() -> None:
        nonlocal paragraph, items, quote, raw
        if paragraph:
            out.append(f"<p>{_md_inline(' '.join(paragraph))}</p>")
        if items:
            lis = "".join(f"<li>{_md_inline(item)}</li>" for item in items)
            out.append(f"<{list_tag}>{lis}</{list_tag}>")
        if quote:
            out.append(f"<blockquote>{draw_markdown(chr(10).join(quote), html_card)}</blockquote>")
        if raw:
            out.append(html_card("\n".join(raw)))
        paragraph, items, quote, raw = [], [], [], []

    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if code is not None:
            if stripped.startswith(fence):
                out.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
                code = None
            else:
                code.append(line)
        elif not stripped:
            close()
        elif raw or (stripped.startswith("<") and not paragraph and not items):
            raw.append(line)
        elif stripped.startswith(("```", "~~~")):
            close()
            code, fence = [], stripped[:3]
        elif match := re.match(r"(#{1,6})\s+(.*?)[\s#]*$", stripped):
            close()
            level = len(match.group(1))
            out.append(f"<h{level}>{_md_inline(match.group(2))}</h{level}>")
        elif re.fullmatch(r"([-*_])(\s*\1){2,}", stripped):
            close()
            out.append("<hr>")
        elif match := re.match(r">\s?(.*)", stripped):
            if not quote:
                close()
            quote.append(match.group(1))
        elif match := re.match(r"(?:([-*+])|\d+[.)])\s+(.*)", stripped):
            tag = "ul" if match.group(1) else "ol"
            if paragraph or quote or tag != list_tag:
                close()
            list_tag = tag
            items.append(match.group(2))
        elif items and line[:1].isspace():
            items[-1] += " " + stripped
        else:
            if items or quote:
                close()
            paragraph.append(stripped)
    if code is not None:
        out.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
    close()
    return "\n".join(out)


def _url(escaped: str) -> str:
    return html.escape(html.unescape(escaped), quote=True)


def _md_inline(text: str) -> str:
    codes: list[str] = []

    def keep(match) -> str:
        codes.append(f"<code>{match.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    text = _MD_CODE.sub(keep, html.escape(text, quote=False))
    text = _MD_IMAGE.sub(lambda m: f'<img src="{_url(m.group(2))}" alt="{_url(m.group(1))}">', text)
    text = _MD_LINK.sub(lambda m: f'<a href="{_url(m.group(2))}">{m.group(1)}</a>', text)
    text = _MD_AUTOLINK.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', text)
    text = _MD_BOLD.sub(r"<strong>\2</strong>", text)
    text = _MD_ITALIC.sub(r"<em>\2</em>", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)
