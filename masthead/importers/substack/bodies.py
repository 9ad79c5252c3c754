"""A Substack post's body as plain HTML: Substack's own furniture (subscribe forms, share
buttons, the paywall marker) goes, its embeds become plain HTML, and its footnotes become
WordPress's footnote records, as `convert_body` reads them."""

import json
from collections.abc import Callable
from html import escape

import lxml.html
from lxml import etree

# Substack's furniture: subscribe forms, share and subscribe buttons, the paywall marker.
DROPPED = {
    "subscription-widget-wrap", "subscription-widget-wrap-editor", "subscription-widget",
    "button-wrapper", "captioned-button-wrap", "paywall-jump", "image-link-expand",
    "install-substack-app-embed", "poll-embed", "comment",
}  # fmt: skip


def draw_body(markup: str, on_image: Callable[[object], None]) -> tuple[str, list[dict]]:
    """(the body's HTML, its footnotes) from Substack's HTML; `on_image(img)` may rewrite each
    photo left in it."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None:
            _tidy(element)
    notes = _footnotes(root)
    for img in root.iter("img"):
        on_image(img)
    return _inner(root), notes


def data_attrs(element) -> dict:
    """The JSON Substack keeps in an element's `data-attrs`."""
    try:
        value = json.loads(element.get("data-attrs") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _replace(element, markup: str) -> None:
    for piece in lxml.html.fragments_fromstring(markup) if markup else []:
        if not isinstance(piece, str):
            element.addprevious(piece)
    element.drop_tree()


def _link(url: str, text: str = "") -> str:
    return f'<p><a href="{escape(url)}">{escape(text or url)}</a></p>' if url else ""


def _tidy(element) -> None:
    classes = set((element.get("class") or "").split())
    if element.tag == "source":  # libxml2 does not know it is empty and nests the <img> in it
        element.drop_tag()
    elif classes & DROPPED or element.tag in ("form", "button", "svg"):
        element.drop_tree()
    elif "tweet" in classes:
        link = next((a.get("href") for a in element.iter("a") if a.get("href")), "")
        url = data_attrs(element).get("url") or link
        _replace(element, f"<p>{escape(url)}</p>" if url else "")  # a bare URL: an embed
    elif classes & {"embedded-post-wrap", "digest-post-embed"}:
        attrs = data_attrs(element)
        _replace(
            element,
            _link(attrs.get("url") or attrs.get("canonical_url") or "", attrs.get("title") or ""),
        )
    elif "image-gallery-embed" in classes:
        gallery = data_attrs(element).get("gallery") or {}
        images = [i for i in gallery.get("images") or [] if isinstance(i, dict) and i.get("src")]
        tags = "".join(f'<img src="{escape(i["src"])}" alt="">' for i in images)
        caption = escape(str(gallery.get("caption") or ""))
        _replace(
            element, f"<figure>{tags}<figcaption>{caption}</figcaption></figure>" if tags else ""
        )
    elif "youtube-wrap" in classes and data_attrs(element).get("videoId"):
        video = escape(str(data_attrs(element)["videoId"]))
        _replace(element, f'<iframe src="https://www.youtube.com/embed/{video}"></iframe>')
    elif "pullquote" in classes:
        element.tag = "blockquote"


def _footnotes(root) -> list[dict]:
    """Substack's footnotes as WordPress's footnote records (`[{"id", "content"}]`), each
    reference made a `<sup data-fn>` as the block editor writes it."""
    notes = []
    for note in list(root.iter("div")):
        if "footnote" not in (note.get("class") or "").split() or note.getparent() is None:
            continue
        number = next(
            (a for a in note.iter("a") if "footnote-number" in (a.get("class") or "")), None
        )
        body = next(
            (d for d in note.iter("div") if "footnote-content" in (d.get("class") or "")), None
        )
        note_id = number.get("id", "") if number is not None else note.get("id", "")
        if note_id and body is not None:
            paragraphs = [_inner(p) for p in body.iter("p")] or [_inner(body)]
            notes.append({"id": note_id, "content": "<br>".join(paragraphs).strip()})
        note.drop_tree()
    known = {note["id"] for note in notes}
    for anchor in list(root.iter("a")):
        if "footnote-anchor" in (anchor.get("class") or "").split():
            target = (anchor.get("href") or "").rpartition("#")[2]
            if target in known:
                sup = etree.Element("sup", {"data-fn": target})
                sup.tail = anchor.tail
                anchor.getparent().replace(anchor, sup)
    return notes


def _inner(element) -> str:
    return escape(element.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in element
    )
