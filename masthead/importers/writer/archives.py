"""After the items: old category, tag, author and attachment addresses to where they live now,
and the sticky post as the front page's lead."""

from django.urls import reverse

from masthead.importers.models import ImportedObject
from masthead.importers.writer import redirects as urls
from masthead.newsroom.models import Author, HomePage


def redirect_archives(ctx) -> None:
    """Category, tag and author archives, and attachment pages, to where they live now."""
    source = ctx.source.name
    terms = ctx.export.terms
    for (kind, key), term in terms.items():
        target = ctx.mapping.target(term)
        if target is None or target.kind == "skip":
            continue
        chain, parent, seen = [key], term.parent_key, {key}
        while parent and parent not in seen and ("category", parent) in terms:
            chain.insert(0, parent)
            seen.add(parent)
            parent = terms["category", parent].parent_key
        path = urls.term_path(source, kind, chain)
        if target.kind == "region":
            ctx.redirects.add(path, page_id=ctx.taxonomy.region(target.slug).pk)
        elif target.kind == "type":
            ctx.taxonomy.type_id(target.slug)
            ctx.redirects.add(path, link=reverse("article_type", args=[target.slug]))
        else:
            ctx.taxonomy.topic_id(target.slug)
            ctx.redirects.add(path, link=reverse("topic", args=[target.slug]))
        if source == "wordpress":
            ids = [i for i, t in ctx.export.term_ids.items() if t == (kind, key)]
            for term_id in ids[:1]:
                if kind == "category":
                    ctx.redirects.add(urls.normalise(f"/?cat={term_id}"),
                                       **_target_of(ctx, target))  # fmt: skip
    slugs = dict(Author.objects.filter(pk__in=[i for i in ctx.authors.ids.values() if i])
                 .values_list("pk", "slug"))  # fmt: skip
    for key, author_id in ctx.authors.ids.items():
        source_author = ctx.export.authors.get(key)
        if author_id and source_author:
            path = urls.author_path(source, source_author.slug)
            ctx.redirects.add(path, link=reverse("author", args=[slugs[author_id]]))
    if source == "wordpress":
        pages = dict(
            ImportedObject.objects.filter(
                source=ctx.source_key, kind=ImportedObject.ITEM
            ).values_list("key", "object_id")
        )
        for media in ctx.export.media.values():
            page_id = pages.get(media.parent_key)
            if page_id:
                ctx.redirects.add(urls.normalise(f"/?attachment_id={media.key}"),
                                   page_id=page_id)  # fmt: skip
                ctx.redirects.add(urls.old_path(media.link, ctx.source.site_url),
                                   page_id=page_id)  # fmt: skip
    ctx.redirects.flush({})


def _target_of(ctx, target) -> dict:
    if target.kind == "region":
        return {"page_id": ctx.taxonomy.region(target.slug).pk}
    name = "article_type" if target.kind == "type" else "topic"
    return {"link": reverse(name, args=[target.slug])}


def lead_with_sticky(ctx) -> None:
    """WordPress's sticky post leads the front page, if the editors have not chosen one."""
    if ctx.sticky and ctx.home.lead_article_id is None:
        ctx.sticky.sort(key=lambda pair: (pair[0] is not None, pair[0]))
        HomePage.objects.filter(pk=ctx.home.pk).update(lead_article_id=ctx.sticky[-1][1])
