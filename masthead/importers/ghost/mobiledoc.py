"""Ghost's mobiledoc documents (its editor's format from Ghost 1 to 4) drawn as plain HTML.

A mobiledoc is a list of sections (paragraphs and headings, photos, lists, cards) whose text is
a list of markers, each opening and closing markups (bold, a link) and holding text or an atom.
Cards are drawn by the caller, as Lexical carries the same ones (see `lexical.Renderer.card`).
"""

import html
import re
from collections.abc import Callable

MARKUPS = {"strong", "b", "em", "i", "u", "s", "code", "sub", "sup"}
HEADING = re.compile(r"h[1-6]")


def draw_mobiledoc(
    data: dict, draw_card: Callable[[str, dict], str], note: Callable[[str], None]
) -> str:
    """The mobiledoc `data` as HTML; `draw_card(name, payload)` draws its cards and `note`
    receives what could not be drawn."""
    markups = [m for m in data.get("markups") or [] if isinstance(m, list) and m]
    atoms, cards = data.get("atoms") or [], data.get("cards") or []
    out = []
    for section in data.get("sections") or []:
        if not isinstance(section, list) or not section:
            continue
        kind = section[0]
        if kind == 1 and len(section) >= 3:
            tag, inner = str(section[1]).lower(), _markers(section[2], markups, atoms)
            if HEADING.fullmatch(tag):
                out.append(f"<{tag}>{inner}</{tag}>")
            elif tag in ("blockquote", "aside", "pull-quote"):
                out.append(f"<blockquote><p>{inner}</p></blockquote>")
            elif inner.strip():
                out.append(f"<p>{inner}</p>")
        elif kind == 2 and len(section) >= 2:
            out.append(draw_card("image", {"src": section[1]}))
        elif kind == 3 and len(section) >= 3:
            tag = "ol" if str(section[1]).lower() == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and len(section) >= 2:
            index = section[1]
            card = cards[index] if isinstance(index, int) and 0 <= index < len(cards) else None
            if isinstance(card, list) and card and isinstance(card[-1], dict):
                name = str(card[0])
                out.append(draw_card(name, card[-1]))
            else:
                note("a card the mobiledoc body names is missing; it is left out")
    return "\n".join(filter(None, out))


def _markers(markers, markups: list, atoms: list) -> str:
    out, open_tags = [], []
    for marker in markers if isinstance(markers, list) else []:
        if not isinstance(marker, list) or len(marker) < 4:
            continue
        kind, opens, closes, value = marker[:4]
        for index in opens or []:
            markup = markups[index] if isinstance(index, int) and index < len(markups) else [""]
            tag = str(markup[0]).lower()
            if tag == "a":
                attributes = markup[1] if len(markup) > 1 and markup[1] else []
                pairs = dict(zip(attributes[::2], attributes[1::2]))
                out.append(f'<a href="{html.escape(str(pairs.get("href") or ""))}">')
                open_tags.append("</a>")
            elif tag in MARKUPS:
                out.append(f"<{tag}>")
                open_tags.append(f"</{tag}>")
            else:
                open_tags.append("")
        if kind == 0:
            out.append(html.escape(str(value), quote=False))
        elif kind == 1 and isinstance(value, int) and value < len(atoms):
            atom = atoms[value]
            if atom and atom[0] == "soft-return":
                out.append("<br>")
            elif atom and len(atom) > 1:
                out.append(html.escape(str(atom[1]), quote=False))
        for _ in range(closes if isinstance(closes, int) else 0):
            if open_tags:
                out.append(open_tags.pop())
    out.extend(reversed(open_tags))
    return "".join(out)
