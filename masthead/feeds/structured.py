"""schema.org JSON-LD, built as plain dicts so tests can read them as data."""

from masthead.core.cleaning import is_web_url, web_links
from masthead.feeds import content
from masthead.images.renditions import LOGO_DATA_SPEC


def _person(author, root: str) -> dict:
    person = {"@type": "Person", "name": author.name, "url": root + author.get_absolute_url()}
    if author.role:
        person["jobTitle"] = author.role
    same_as = [url for _, url in web_links(author.social_links(), absolute=True)]
    if same_as:
        person["sameAs"] = same_as
    return person


def organization(outlet, root: str, *, kind: str = "NewsMediaOrganization") -> dict:
    org = {"@type": kind, "name": outlet.outlet_name, "url": root + "/"}
    if outlet.logo_id:
        rendition = outlet.logo.get_rendition(LOGO_DATA_SPEC)
        org["logo"] = {
            "@type": "ImageObject",
            "url": root + rendition.url,
            "width": rendition.width,
            "height": rendition.height,
        }
    same_as = [url for label, url in outlet.follow_links() if url.startswith("http")]
    if same_as:
        org["sameAs"] = same_as
    return org


def image_object(article, root: str) -> dict | None:
    image = content.hero_image(article, root)
    if image is None:
        return None
    data = {
        "@type": "ImageObject",
        "url": image.url,
        "contentUrl": image.url,
        "width": image.width,
        "height": image.height,
        "caption": image.caption,
        "creditText": image.credit,
        "copyrightNotice": image.credit,
    }
    hero = article.hero_image
    if hero.licence_url and is_web_url(hero.licence_url, absolute=True):
        data["license"] = hero.licence_url
    elif hero.licence:
        data["license"] = hero.licence
    if hero.source_url and is_web_url(hero.source_url, absolute=True):
        data["acquireLicensePage"] = hero.source_url
    return data


def article(page, outlet, root: str) -> list[dict]:
    """NewsArticle (or the subtype its type names) and its breadcrumb trail."""
    url = root + page.url if page.url.startswith("/") else page.url
    news = {
        "@context": "https://schema.org",
        "@type": page.article_type.schema_type if page.article_type else "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "url": url,
        "headline": page.title[:110],
        "description": page.dek,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.modified_at.isoformat() if page.first_published_at else None,
        "author": [_person(a, root) for a in page.authors],
        "publisher": organization(outlet, root),
        "isAccessibleForFree": True,
        "inLanguage": "en",
    }
    sections = [page.region.title] if getattr(page, "region", None) else []
    if sections:
        news["articleSection"] = sections[0]
    keywords = [topic.name for topic in page.topics.all()]
    if keywords:
        news["keywords"] = keywords
    image = image_object(page, root)
    if image:
        news["image"] = image
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": correction.made_at.isoformat(),
            "url": f"{url}#{correction.anchor}",
        }
        for correction in page.published_corrections
    ]
    if corrections:
        news["correction"] = corrections
    crumbs = [("Home", root + "/")]
    if getattr(page, "region", None):
        crumbs.append((page.region.title, root + page.region.url))
    crumbs.append((page.title, url))
    breadcrumb = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": link}
            for i, (name, link) in enumerate(crumbs, start=1)
        ],
    }
    return [{k: v for k, v in news.items() if v is not None}, breadcrumb]


def front_page(outlet, root: str) -> list[dict]:
    org = organization(outlet, root)
    return [
        {"@context": "https://schema.org", **org},
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": outlet.outlet_name,
            "url": root + "/",
            "potentialAction": {
                "@type": "SearchAction",
                "target": root + "/search/?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        },
    ]
