"""An item made ready to write: its body's photos, its byline and its place resolved to ids."""

import uuid

from masthead.importers.records import Body, SourceItem
from masthead.importers.writer.pages import ArticlePage, PlainPage, Prepared


def prepare(ctx, item: SourceItem, digest: str, row) -> Prepared:
    where = ctx.where(item)
    body: Body = item.body
    blocks = []
    for block in body.blocks:
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
        blocks.append({**block, "id": str(uuid.uuid4())})
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
    )
