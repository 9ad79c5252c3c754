"""WordPress's footnotes (the core/footnotes block): read from post meta, referenced in text.

The block editor keeps a post's footnotes as JSON in the `footnotes` post meta and marks each
reference with `<sup data-fn="…">`. Masthead's rich text names a footnote by UUID in a
`<footnote id>` element; an id that is not a UUID gets one made from it, the same on every run.
"""

import json
import uuid

from lxml import etree

from masthead.importers.records import Footnote
from masthead.importers.sanitise import QUOTE_TAGS, clean_rich_text


def footnote_uid(source_id: str) -> str:
    """The UUID a footnote is stored under."""
    try:
        return str(uuid.UUID(source_id))
    except ValueError:  # not a UUID: one made from it, the same on every run
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"wordpress-footnote:{source_id}"))


def read_footnotes(
    meta: str | None, *, site_url: str, problems: list[str]
) -> tuple[list[Footnote], dict[str, str]]:
    """The footnotes in a post's `footnotes` meta (JSON), their text cleaned to rich text, and
    the uid each source id is stored under."""
    footnotes: list[Footnote] = []
    uids: dict[str, str] = {}
    if not meta:
        return footnotes, uids
    try:
        notes = json.loads(meta)
    except ValueError as error:
        problems.append(f"the footnotes (post meta `footnotes`) are not JSON: {error}")
        return footnotes, uids
    if not isinstance(notes, list):
        problems.append("the footnotes (post meta `footnotes`) are not a list")
        return footnotes, uids
    for number, note in enumerate(notes, start=1):
        if not isinstance(note, dict) or not note.get("id"):
            problems.append(f"footnote {number} has no id and was left out")
            continue
        uid = uids[str(note["id"])] = footnote_uid(str(note["id"]))
        text = clean_rich_text(
            f"<p>{note.get('content') or ''}</p>", site_url=site_url, tags=QUOTE_TAGS
        )
        footnotes.append(Footnote(uid=uid, text=text))
    return footnotes, uids


def replace_references(
    root, uids: dict[str, str], referenced: set[str], problems: list[str]
) -> None:
    """Each `<sup data-fn>` under root made a `<footnote id>` (`uids` maps source ids to
    uids); one naming no footnote goes. The uids referenced are added to `referenced`."""
    for sup in list(root.iter("sup")):
        source_id = sup.get("data-fn")
        if source_id is None:
            continue
        uid = uids.get(source_id)
        parent = sup.getparent()
        if uid is None:
            problems.append(
                f"a footnote reference names a footnote the post does not have: {source_id}"
            )
            previous = sup.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + (sup.tail or "")
            else:
                parent.text = (parent.text or "") + (sup.tail or "")
            parent.remove(sup)
            continue
        referenced.add(uid)
        replacement = etree.Element("footnote", id=uid)
        replacement.text = f"[{uid[:6]}]"
        replacement.tail = sup.tail
        parent.replace(sup, replacement)
