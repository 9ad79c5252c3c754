"""An item made ready to write: its body's photos, its byline and its place resolved to ids."""

import os

from masthead.importers.records import Body, SourceItem
from masthead.importers.writer.pages import ArticlePage, PlainPage, Prepared


def block_ids(count: int):
    """`count` random version-4 UUIDs as text, as Wagtail gives blocks: `uuid.uuid4()` for each
    of the hundreds of thousands of blocks an archive holds takes a second per 10,000 posts."""
    data = os.urandom(16 * count)
    for start in range(0, len(data), 16):
        digits = data[start : start + 16].hex()
        variant = "89ab"[int(digits[16], 16) & 3]
        yield (
            f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{variant}{digits[17:20]}-{digits[20:]}"
        )


def prepare(ctx, item: SourceItem, digest: str, row) -> Prepared:
    where = ctx.where(item)
    body: Body = item.body
    blocks = []
    ids = block_ids(len(body.blocks))
    search_text = [] if body.search_text is not None and item.kind != "page" else None
    for number, block in enumerate(body.blocks):
        if block["type"] == "image":
            value = block["value"]
            key = value.get("media_key")
            image_id = (
                ctx.media.image_for(key) if key else ctx.media.image_for_url(value["media_url"])
            )
            if image_id is None:
                if not ctx.dry_run:
                    ctx.report.problem("a photo in the body was left out (see the photo's "
                                        "own problem above)", where)  # fmt: skip
                continue
            credit = body.media_credits.get(key or value.get("media_url"))
            if credit:
                ctx.media.give_credit(image_id, credit, where)
            value = {"image": image_id, "caption": value.get("caption", "")}
            block = {"type": "image", "value": value}
        blocks.append({**block, "id": next(ids)})
        if search_text is not None:
            search_text += body.search_text[number]
    hero_id = None
    if item.featured_media_key:
        hero_id = ctx.media.image_for(item.featured_media_key)
    author_ids = [a for a in (ctx.authors.author_id(k) for k in item.author_keys) if a]
    for problem in [*item.problems, *body.problems]:
        ctx.report.problem(problem, where)
    for code in body.unknown_shortcodes:
        ctx.report.problem(f"the shortcode [{code}] is unknown: kept as text", where)
    if item.kind == "page":
        return Prepared(item, digest, PlainPage, ctx.home, blocks, body.footnotes,
                        existing=row)  # fmt: skip
    placement = ctx.taxonomy.place(item)
    return Prepared(
        item,
        digest,
        ArticlePage,
        placement.region,
        blocks,
        body.footnotes,
        hero_id=hero_id,
        hero_caption="",
        author_ids=author_ids,
        type_id=placement.type_id,
        topic_ids=placement.topic_ids,
        extra_region_ids=placement.extra_region_ids,
        existing=row,
        search_text=search_text,
    )
