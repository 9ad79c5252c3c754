"""A realistic WordPress export (WXR 1.2) for the import benchmark, and its uploads folder.

    write_export(path, uploads, posts=100_000)

Ten years of a news site in WordPress: users and Co-Authors Plus guest authors, region and
type categories (some nested), tags, photos with the credit at the end of the caption and
their resized copies on disk, posts half in the block editor and half classic, drafts,
scheduled, private and password-protected posts, old slugs, Yoast titles, comments, a few
pages. The text is made-up words (as in generate.py); the file is written item by item, so
memory stays flat however many posts. Deterministic from the seed.
"""

import random
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw

SITE = "https://old.example.org"
UPLOADS_URL = f"{SITE}/wp-content/uploads"
LONDON = ZoneInfo("Europe/London")  # the site's time zone, which WXR does not state
START, END = datetime(2015, 7, 1, tzinfo=UTC), datetime(2025, 6, 30, tzinfo=UTC)
SCHEDULED = datetime(2030, 1, 1, tzinfo=UTC)  # "future" posts stay ahead of any run's clock
ZERO_DATE = "0000-00-00 00:00:00"
PHOTOS, USERS, GUESTS, POOL = 60, 20, 8, 30_000
WIDTH, HEIGHT = 800, 533
SIZES = {"medium": (300, 200), "thumbnail": (150, 150)}
SYLLABLES = [c + v for c in "bdklmnrstv" for v in "aeio"]
TOPICS = (
    "alliance army border budget cabinet ceasefire coalition corridor court crisis currency "
    "defence delegation diplomacy drought economy election embargo energy envoy exports "
    "frontier grain harbour inflation investment junta ministry negotiation oil parliament "
    "pipeline port protest railway refugees reform sanctions security shipping siege summit "
    "tariffs trade treaty troops uprising vote water wheat"
).split()
REGIONS = {
    "europe": "Europe",
    "middle-east": "Middle East",
    "asia-pacific": "Asia-Pacific",
    "africa": "Africa",
    "americas": "Americas",
}
SUBREGIONS = {  # nested categories: slug → (name, parent)
    "balkans": ("Balkans", "europe"),
    "gulf": ("Gulf", "middle-east"),
    "southeast-asia": ("Southeast Asia", "asia-pacific"),
    "sahel": ("Sahel", "africa"),
}
TYPES = {"analysis": "Analysis", "news": "News", "opinion": "Opinion"}
OTHERS = {  # names as WordPress stores them: HTML-escaped
    "uncategorized": "Uncategorized",
    "features": "Features",
    "interviews": "Interviews",
    "podcasts": "Podcasts &amp; Video",
}
CREDITS = [
    "REUTERS/{}",
    "{}/AFP",
    "AP Photo/{}",
    "EPA-EFE/{}",
    "(Photo: {}/Getty Images)",
    "ANADOLU/{}",
]
PAGE_SLUGS = ["about", "contact", "donate", "corrections", "newsletter", "privacy-policy"]


def mapping() -> dict:
    """The mapping file an operator would write for this export: regions and types."""
    categories = {slug: {"region": slug} for slug in REGIONS}
    categories |= {slug: {"region": parent} for slug, (_, parent) in SUBREGIONS.items()}
    categories |= {slug: {"type": slug} for slug in TYPES}
    return {"categories": categories, "default_region": "europe", "default_type": "news"}


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _php(value) -> str:
    """PHP's serialize(), for the arrays WordPress keeps attachment metadata in."""
    if isinstance(value, dict):
        inner = "".join(_php(key) + _php(item) for key, item in value.items())
        return f"a:{len(value)}:{{{inner}}}"
    if isinstance(value, int):
        return f"i:{value};"
    return f's:{len(value.encode())}:"{value}";'


def _wp(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _term(domain: str, nicename: str, name: str) -> str:
    return f'\t\t<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>\n'


def _meta(key: str, value: str) -> str:
    return (
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
    )


class Prose:
    """Made-up words with Zipf-like weights, sentences drawn from a pool made once (fast)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        words: set[str] = set()
        while len(words) < 4_000:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocabulary = sorted(words)
        rng.shuffle(self.vocabulary)  # the common words are not all alike
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(words))))
        self.pool = [self.sentence() for _ in range(POOL)]
        self.topical = {t: [self.sentence(topic=t) for _ in range(25)] for t in TOPICS}

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int = 7, high: int = 19, topic: str = "") -> tuple[str, int]:
        words = self.words(self.rng.randint(low, high))
        if topic:
            words[self.rng.randrange(len(words))] = topic
        if len(words) > 10 and self.rng.random() < 0.3:
            words[len(words) // 2] += ","
        end = "?" if self.rng.random() < 0.03 else "."
        return " ".join(words).capitalize() + end, len(words)

    def name(self) -> str:
        return " ".join(w.capitalize() for w in self.rng.choices(self.vocabulary[:800], k=2))

    def phrase(self, low: int, high: int, topic: str = "") -> str:
        words = self.words(self.rng.randint(low, high))
        if topic:
            words[self.rng.randrange(len(words))] = topic
        return " ".join(words).capitalize()

    def paragraph(self, topics: list[str]) -> tuple[list[str], int]:
        picked = self.rng.choices(self.pool, k=self.rng.randint(3, 6))
        if topics and self.rng.random() < 0.5:
            picked.insert(1, self.rng.choice(self.topical[self.rng.choice(topics)]))
        return [text for text, _ in picked], sum(count for _, count in picked)


class Photo:
    def __init__(self, key: int, name: str, when: datetime, alt: str, caption: str):
        self.key, self.name, self.alt, self.caption = key, name, alt, caption
        self.folder = when.strftime("%Y/%m")  # WordPress files uploads by month
        self.url = f"{UPLOADS_URL}/{self.folder}/{name}.jpg"
        self.medium = f"{UPLOADS_URL}/{self.folder}/{name}-300x200.jpg"
        self.sizes: dict[str, int] = {}  # file name → bytes


def _draw(photo: Photo, uploads: Path, seed: int) -> None:
    """A JPEG of its own colours and shapes, with WordPress's resized copies beside it."""
    rng = random.Random(f"{seed}-{photo.key}")
    top = tuple(rng.randrange(256) for _ in range(3))
    bottom = tuple(rng.randrange(256) for _ in range(3))
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        draw.line(
            [(0, y), (WIDTH, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        )
    for _ in range(rng.randint(4, 12)):
        colour = tuple(rng.randrange(256) for _ in range(3))
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        w, h = rng.randint(30, 300), rng.randint(30, 250)
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "polygon":
            points = [
                (x + rng.randint(-w, w), y + rng.randint(-h, h)) for _ in range(rng.randint(3, 6))
            ]
            draw.polygon(points, fill=colour)
        else:
            getattr(draw, shape)([x, y, x + w, y + h], fill=colour)
    folder = uploads / photo.folder
    folder.mkdir(parents=True, exist_ok=True)
    copies = {f"{photo.name}.jpg": image}
    copies[f"{photo.name}-300x200.jpg"] = image.resize(SIZES["medium"], Image.LANCZOS)
    square = image.crop(((WIDTH - HEIGHT) // 2, 0, (WIDTH + HEIGHT) // 2, HEIGHT))
    copies[f"{photo.name}-150x150.jpg"] = square.resize(SIZES["thumbnail"], Image.LANCZOS)
    for filename, copy in copies.items():
        copy.save(folder / filename, "JPEG", quality=70)
        photo.sizes[filename] = (folder / filename).stat().st_size


class Export:
    def __init__(self, out, uploads: Path, posts: int, seed: int):
        self.out, self.uploads, self.posts, self.seed = out, uploads, posts, seed
        self.rng = random.Random(seed)
        self.prose = Prose(self.rng)
        self.next_id = 10
        self.comment_id = 0
        self.slugs: set[str] = set()
        self.links: list[str] = []  # recent permalinks, for links between stories
        self.term_ids: dict[str, int] = {}

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def unique_slug(self, slug: str) -> str:
        candidate, number = slug, 2
        while candidate in self.slugs:
            candidate, number = f"{slug}-{number}", number + 1
        self.slugs.add(candidate)
        return candidate

    # --- the channel ------------------------------------------------------------------------

    def header(self) -> None:
        rng, prose = self.rng, self.prose
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of "
            "your site. -->\n"
            '<rss version="2.0"\n'
            '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n\n<channel>\n'
            f"\t<title>{escape('The Old Example Review')}</title>\n"
            f"\t<link>{SITE}</link>\n"
            f"\t<description>{escape('World affairs & analysis, region by region')}</description>\n"
            f"\t<pubDate>{END.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>\n"
            "\t<language>en-GB</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n"
            f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n\n"
        )
        self.users: list[tuple[str, str]] = [("desk", "Newsroom Desk")]
        while len(self.users) < USERS:
            first, last = prose.name().split()
            login = f"{first[0]}.{last}".lower()
            if login not in {u for u, _ in self.users}:
                self.users.append((login, f"{first} {last}"))
        for number, (login, name) in enumerate(self.users, 1):
            first, _, last = name.partition(" ")
            self.out.write(
                f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(login + '@old.example.org')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n"
            )
        self.user_weights = [
            1 if login == "desk" else rng.randint(2, 12) for login, _ in self.users
        ]
        term_id = 1
        categories = [(slug, name, "") for slug, name in REGIONS.items()]
        categories += [(slug, name, parent) for slug, (name, parent) in SUBREGIONS.items()]
        categories += [(slug, name, "") for slug, name in (TYPES | OTHERS).items()]
        for slug, name, parent in categories:
            self.term_ids[slug] = term_id
            description = prose.sentence()[0] if rng.random() < 0.5 else ""
            self.out.write(
                f"\t<wp:category>\n\t\t<wp:term_id>{term_id}</wp:term_id>\n"
                f"\t\t<wp:category_nicename>{cdata(slug)}</wp:category_nicename>\n"
                f"\t\t<wp:category_parent>{cdata(parent)}</wp:category_parent>\n"
                f"\t\t<wp:cat_name>{cdata(name)}</wp:cat_name>\n"
                + (
                    f"\t\t<wp:category_description>{cdata(description)}</wp:category_description>\n"
                    if description
                    else ""
                )
                + "\t</wp:category>\n"
            )
            term_id += 1
        self.category_names = {slug: name for slug, name, _ in categories}
        for topic in TOPICS:
            self.term_ids[topic] = term_id
            self.out.write(
                f"\t<wp:tag>\n\t\t<wp:term_id>{term_id}</wp:term_id>\n"
                f"\t\t<wp:tag_slug>{cdata(topic)}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(topic.capitalize())}</wp:tag_name>\n\t</wp:tag>\n"
            )
            term_id += 1
        # Co-Authors Plus: a term per byline (users and guests), guest profiles as items.
        self.guests: list[tuple[str, str]] = []
        while len(self.guests) < GUESTS:
            name = prose.name()
            login = name.lower().replace(" ", "-")
            if login not in {g for g, _ in self.guests}:
                self.guests.append((login, name))
        self.cap_terms: list[tuple[str, str]] = []  # (term slug, term name)
        for login, _ in self.users[1:9]:
            self.cap_terms.append((f"cap-{login.replace('.', '-')}", login))
        self.cap_terms += [(f"cap-{login}", login) for login, _ in self.guests]
        for slug, name in self.cap_terms:
            self.out.write(
                f"\t<wp:term><wp:term_id>{term_id}</wp:term_id>"
                f"<wp:term_taxonomy>{cdata('author')}</wp:term_taxonomy>"
                f"<wp:term_slug>{cdata(slug)}</wp:term_slug>"
                f"<wp:term_name>{cdata(name)}</wp:term_name></wp:term>\n"
            )
            term_id += 1
        self.out.write("\n\t<generator>https://wordpress.org/?v=6.5.2</generator>\n\n")

    # --- items ------------------------------------------------------------------------------

    def item(self, key: int, kind: str, title: str, link: str, slug: str, when: datetime,
             *, status: str = "publish", creator: str = "desk", guid: str = "", content: str = "",
             excerpt: str = "", parent: int = 0, order: int = 0, password: str = "",
             modified: datetime | None = None, undated: bool = False, sticky: bool = False,
             tail: str = "") -> None:  # fmt: skip
        """An <item> with every field WordPress writes, in its order; then `tail` (the
        attachment URL, terms, meta, comments). `undated`: a draft never given a date."""
        modified = modified or when
        published = (
            "Mon, 30 Nov -0001 00:00:00 +0000" if undated else f"{when:%a, %d %b %Y %H:%M:%S} +0000"
        )
        self.out.write(
            f"\t<item>\n\t\t<title>{cdata(title)}</title>\n\t\t<link>{escape(link)}</link>\n"
            f"\t\t<pubDate>{published}</pubDate>\n\t\t<dc:creator>{cdata(creator)}</dc:creator>\n"
            f'\t\t<guid isPermaLink="false">{escape(guid or f"{SITE}/?p={key}")}</guid>\n'
            "\t\t<description></description>\n"
            f"\t\t<content:encoded>{cdata(content)}</content:encoded>\n"
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n"
            f"\t\t<wp:post_id>{key}</wp:post_id>\n"
            f"\t\t<wp:post_date>{cdata(_wp(when.astimezone(LONDON)))}</wp:post_date>\n"
            f"\t\t<wp:post_date_gmt>{cdata(ZERO_DATE if undated else _wp(when))}"
            "</wp:post_date_gmt>\n"
            f"\t\t<wp:post_modified>{cdata(_wp(modified.astimezone(LONDON)))}</wp:post_modified>\n"
            f"\t\t<wp:post_modified_gmt>{cdata(_wp(modified))}</wp:post_modified_gmt>\n"
            f"\t\t<wp:comment_status>{cdata('open' if kind == 'post' else 'closed')}"
            f"</wp:comment_status>\n\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>\n"
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>\n"
            f"\t\t<wp:status>{cdata(status)}</wp:status>\n"
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>\n"
            f"\t\t<wp:menu_order>{order}</wp:menu_order>\n"
            f"\t\t<wp:post_type>{cdata(kind)}</wp:post_type>\n"
            f"\t\t<wp:post_password>{cdata(password)}</wp:post_password>\n"
            f"\t\t<wp:is_sticky>{int(sticky)}</wp:is_sticky>\n{tail}\t</item>\n"
        )

    def guest_items(self) -> None:
        """Co-Authors Plus guest profiles; the first stands for a WordPress user."""
        for number, (login, name) in enumerate(self.guests):
            first, _, last = name.partition(" ")
            meta = {
                "cap-display_name": name,
                "cap-first_name": first,
                "cap-last_name": last,
                "cap-user_login": login,
                "cap-user_email": f"{login}@freelance.example",
                "cap-description": self.prose.sentence()[0],
            }
            if number == 0:
                meta["cap-linked_account"] = self.users[-1][0]
            key = self.new_id()
            term = f"cap-{login}"
            self.item(
                key, "guest-author", name, f"{SITE}/?guest-author={term}", term, START,
                guid=f"{SITE}/?post_type=guest-author&p={key}",
                tail=_term("author", term, login) + "".join(_meta(*pair) for pair in meta.items()),
            )  # fmt: skip

    def photo_items(self) -> None:
        rng, prose = self.rng, self.prose
        self.photos: list[Photo] = []
        names: set[str] = set()
        span = (END - START).total_seconds()
        for number in range(PHOTOS):
            name = "-".join(prose.words(rng.randint(2, 3)))
            while name in names:
                name += f"-{number}"  # as WordPress numbers a second upload of a name
            names.add(name)
            when = START + timedelta(seconds=span * (number + rng.random()) / PHOTOS)
            scene, _ = prose.sentence(5, 10)
            credit = rng.choice(CREDITS).format(prose.name())
            caption = f"{scene} {credit}" if rng.random() < 0.95 else scene  # a few lack one
            alt = prose.phrase(4, 9) if number % 20 != 7 else ""  # a few lack alt text
            photo = Photo(self.new_id(), name, when, alt, caption)
            _draw(photo, self.uploads, self.seed)
            self.photos.append(photo)
            file = f"{photo.folder}/{name}.jpg"
            sizes = {
                size: {"file": f"{name}-{w}x{h}.jpg", "width": w, "height": h,
                       "mime-type": "image/jpeg", "filesize": photo.sizes[f"{name}-{w}x{h}.jpg"]}
                for size, (w, h) in SIZES.items()
            }  # fmt: skip
            metadata = {"width": WIDTH, "height": HEIGHT, "file": file,
                        "filesize": photo.sizes[f"{name}.jpg"], "sizes": sizes,
                        "image_meta": {"aperture": "0", "credit": "", "camera": "", "caption": "",
                                       "keywords": {}}}  # fmt: skip
            tail = f"\t\t<wp:attachment_url>{cdata(photo.url)}</wp:attachment_url>\n"
            tail += _meta("_wp_attached_file", file)
            tail += _meta("_wp_attachment_image_alt", alt) if alt else ""
            tail += _meta("_wp_attachment_metadata", _php(metadata))
            self.item(
                photo.key, "attachment", name, f"{SITE}/{name}/", name, when, status="inherit",
                creator=rng.choice(self.users)[0], guid=photo.url, excerpt=caption, tail=tail,
            )  # fmt: skip

    # --- bodies -----------------------------------------------------------------------------

    def inline(self, sentences: list[str]) -> str:
        """A paragraph's sentences, now and then with a link or emphasis, as editors write."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.12 and self.links:
            words = " ".join(self.prose.words(rng.randint(2, 5)))
            sentences.append(f'Read <a href="{rng.choice(self.links)}">{words}</a>.')
        elif roll < 0.18:
            words = " ".join(self.prose.words(rng.randint(2, 4)))
            path = "-".join(self.prose.words(3))
            sentences.append(f'See <a href="https://news.example.net/{path}">{words}</a>.')
        elif roll < 0.26:
            sentences[0] = f"<strong>{sentences[0]}</strong>"
        elif roll < 0.32:
            sentences[-1] = f"<em>{sentences[-1]}</em>"
        return " ".join(sentences)

    def chunks(self, topics: list[str], low: int, high: int):
        """("p", html) and ("h", text) pieces, until the body has its number of words."""
        target, words, number = self.rng.randint(low, high), 0, 0
        while words < target:
            sentences, count = self.prose.paragraph(topics)
            words, number = words + count, number + 1
            yield "p", self.inline(sentences)
            if number % self.rng.randint(4, 7) == 0 and words < target - 100:
                yield "h", self.prose.phrase(3, 7, self.rng.choice(topics) if topics else "")

    def youtube(self) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        return "https://www.youtube.com/watch?v=" + "".join(self.rng.choices(alphabet, k=11))

    def gutenberg(self, topics: list[str]) -> str:
        rng, blocks = self.rng, []
        photo = rng.choice(self.photos) if rng.random() < 0.4 else None
        extras = [
            k for k, p in (("list", 0.3), ("quote", 0.25), ("embed", 0.08)) if rng.random() < p
        ]
        number = 0  # paragraphs so far: photos, lists and quotes come after the n-th
        for kind, text in self.chunks(topics, 600, 1200):
            if kind == "h":
                blocks.append(
                    f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{text}</h2>\n'
                    "<!-- /wp:heading -->"
                )
                continue
            number += 1
            blocks.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
            if number == 2 and photo:
                medium = rng.random() < 0.5
                src, size = (photo.medium, "medium") if medium else (photo.url, "full")
                blocks.append(
                    f'<!-- wp:image {{"id":{photo.key},"sizeSlug":"{size}",'
                    '"linkDestination":"none"} -->\n'
                    f'<figure class="wp-block-image size-{size}"><img src="{src}" '
                    f'alt={quoteattr(photo.alt)} class="wp-image-{photo.key}"/>'
                    f'<figcaption class="wp-element-caption">{escape(photo.caption)}</figcaption>'
                    "</figure>\n<!-- /wp:image -->"
                )
            elif number == 4 and "list" in extras:
                items = "\n\n".join(
                    f"<!-- wp:list-item -->\n<li>{self.prose.sentence(4, 10)[0]}</li>\n"
                    "<!-- /wp:list-item -->"
                    for _ in range(rng.randint(3, 5))
                )
                blocks.append(
                    f'<!-- wp:list -->\n<ul class="wp-block-list">{items}</ul>\n<!-- /wp:list -->'
                )
            elif number == 6 and "quote" in extras:
                blocks.append(
                    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n'
                    f"<p>{self.prose.sentence()[0]}</p>\n<!-- /wp:paragraph -->"
                    f"<cite>{self.prose.name()}, {self.prose.phrase(1, 3).lower()}</cite>"
                    "</blockquote>\n<!-- /wp:quote -->"
                )
            elif number == 8 and "embed" in extras:
                url = self.youtube()
                blocks.append(
                    f'<!-- wp:embed {{"url":"{url}","type":"video","providerNameSlug":"youtube",'
                    '"responsive":true,'
                    '"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n'
                    '<figure class="wp-block-embed is-type-video is-provider-youtube '
                    'wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio">'
                    f'<div class="wp-block-embed__wrapper">\n{url}\n</div></figure>\n'
                    "<!-- /wp:embed -->"
                )
        return "\n\n".join(blocks)

    def classic(self, topics: list[str], low: int = 600, high: int = 1200) -> str:
        rng, parts = self.rng, []
        photo = rng.choice(self.photos) if rng.random() < 0.45 else None
        extras = [
            k for k, p in (("list", 0.25), ("quote", 0.2), ("embed", 0.05)) if rng.random() < p
        ]
        number = 0
        for kind, text in self.chunks(topics, low, high):
            parts.append(f"<h3>{text}</h3>" if kind == "h" else text)
            number += kind == "p"
            if kind == "h":
                continue
            if number == 1 and photo:
                base = photo.url.replace("https:", "http:") if rng.random() < 0.1 else photo.url
                if rng.random() < 0.8:
                    src = base.replace(".jpg", "-300x200.jpg")
                    parts.append(
                        f'[caption id="attachment_{photo.key}" align="alignright" width="300"]'
                        f'<img class="size-medium wp-image-{photo.key}" src="{src}" '
                        f'alt={quoteattr(photo.alt)} width="300" height="200" /> '
                        f"{escape(photo.caption)}[/caption]"
                    )
                else:
                    parts.append(
                        f'<img class="aligncenter size-full wp-image-{photo.key}" src="{base}" '
                        f'alt={quoteattr(photo.alt)} width="{WIDTH}" height="{HEIGHT}" />'
                    )
            elif number == 3 and "list" in extras:
                items = "".join(
                    f"\t<li>{self.prose.sentence(4, 10)[0]}</li>\n"
                    for _ in range(rng.randint(3, 5))
                )
                parts.append(f"<ul>\n{items}</ul>")
            elif number == 5 and "quote" in extras:
                parts.append(f"<blockquote>{self.prose.sentence()[0]}</blockquote>")
            elif number == 7 and "embed" in extras:
                url = self.youtube()
                parts.append(url if rng.random() < 0.5 else f"[embed]{url}[/embed]")
        return "\n\n".join(parts)

    # --- posts and pages --------------------------------------------------------------------

    def categories(self) -> list[str]:
        rng, chosen = self.rng, []
        if rng.random() < 0.85:
            region = rng.choice(list(REGIONS))
            children = [s for s, (_, parent) in SUBREGIONS.items() if parent == region]
            chosen.append(children[0] if children and rng.random() < 0.2 else region)
        if rng.random() < 0.7:
            chosen.append(rng.choices(list(TYPES), weights=(5, 3, 2))[0])
        if len(chosen) < 2 and rng.random() < (0.15 if chosen else 1):
            chosen.append(rng.choice(list(OTHERS)))
        return chosen

    def post(self, number: int) -> None:
        rng, prose = self.rng, self.prose
        key = self.new_id()
        span = (END - START).total_seconds()
        when = START + timedelta(seconds=span * (number + rng.random()) / self.posts)
        roll = rng.random()
        status, password = "publish", ""
        if roll < 0.03:
            status = "draft"
        elif roll < 0.04:
            status = "future"
            when = SCHEDULED + timedelta(minutes=rng.randrange(60 * 24 * 180))
        elif roll < 0.05:
            status = "private"
        elif roll < 0.055:
            password = "-".join(prose.words(2))
        tags = rng.sample(TOPICS, rng.randint(0, 4))
        topics = tags or rng.sample(TOPICS, 2)
        title = prose.phrase(5, 9, topics[0])
        if rng.random() < 0.03:
            title = title.replace(" ", " &amp; ", 1)  # stored escaped, as WordPress does
        slug = self.unique_slug(title.lower().replace(" &amp; ", "-").replace(" ", "-"))
        link = f"{SITE}/{when.astimezone(LONDON):%Y/%m/%d}/{slug}/"
        undated = status == "draft" and rng.random() < 0.8
        if status == "draft" and rng.random() < 0.5:
            slug = ""  # never published: WordPress has not made a slug yet
            link = f"{SITE}/?p={key}"
        modified = when + timedelta(hours=rng.choice((0, 0, 1, 5, 30, 400)))
        body = self.gutenberg(topics) if rng.random() < 0.5 else self.classic(topics)
        byline = rng.choices(self.users, weights=self.user_weights)[0][0]
        categories = self.categories()
        tail = "".join(_term("category", c, self.category_names[c]) for c in categories)
        tail += "".join(_term("post_tag", tag, tag.capitalize()) for tag in tags)
        if rng.random() < 0.1:  # a Co-Authors Plus byline
            for term, login in rng.sample(self.cap_terms, rng.randint(1, 3)):
                tail += _term("author", term, login)
        if rng.random() < 0.7:
            tail += _meta("_thumbnail_id", str(rng.choice(self.photos).key))
        if slug and rng.random() < 0.05:
            tail += _meta("_wp_old_slug", "-".join(slug.split("-")[:-1] + prose.words(1)))
        if rng.random() < 0.2:
            tail += _meta("_yoast_wpseo_title", "%%title%% %%sep%% %%sitename%%")
        if len(categories) == 2 and rng.random() < 0.5:
            tail += _meta("_yoast_wpseo_primary_category", str(self.term_ids[categories[0]]))
        if rng.random() < 0.1:
            tail += _meta("_yoast_wpseo_metadesc", prose.sentence()[0])
        if status == "publish" and rng.random() < 0.15:
            for _ in range(rng.randint(1, 4)):
                tail += self.comment(when + timedelta(hours=rng.randint(1, 72)))
        excerpt = prose.sentence(12, 24)[0] if rng.random() < 0.3 else ""
        self.item(
            key, "post", title, link, slug, when, status=status, creator=byline, content=body,
            excerpt=excerpt, password=password, modified=modified, undated=undated,
            sticky=rng.random() < 0.001, tail=tail,
        )  # fmt: skip
        if status == "publish" and not password:
            self.links.append(link)
            del self.links[:-200]

    def comment(self, when: datetime) -> str:
        self.comment_id += 1
        name = self.prose.name()
        text = " ".join(self.prose.sentence()[0] for _ in range(self.rng.randint(1, 3)))
        return (
            f"\t\t<wp:comment>\n\t\t\t<wp:comment_id>{self.comment_id}</wp:comment_id>\n"
            f"\t\t\t<wp:comment_author>{cdata(name)}</wp:comment_author>\n"
            f"\t\t\t<wp:comment_date_gmt>{cdata(_wp(when))}</wp:comment_date_gmt>\n"
            f"\t\t\t<wp:comment_content>{cdata(text)}</wp:comment_content>\n"
            f"\t\t\t<wp:comment_approved>{cdata('1')}</wp:comment_approved>\n"
            f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n"
            "\t\t\t<wp:comment_parent>0</wp:comment_parent>\n\t\t</wp:comment>\n"
        )

    def page(self, number: int) -> None:
        key, rng = self.new_id(), self.rng
        parent, path = 0, ""
        if number < len(PAGE_SLUGS):
            title = PAGE_SLUGS[number].replace("-", " ").capitalize()
            slug = self.unique_slug(PAGE_SLUGS[number])
        else:
            title = self.prose.phrase(2, 4)
            slug = self.unique_slug(title.lower().replace(" ", "-"))
            if rng.random() < 0.5:  # under "About"
                parent, path = self.about, "about/"
        if number == 0:
            self.about = key
        when = START + timedelta(days=number * 3 + 1)
        self.item(
            key, "page", title, f"{SITE}/{path}{slug}/", slug, when,
            guid=f"{SITE}/?page_id={key}", content=self.classic([], 150, 400), parent=parent,
            order=number,
        )  # fmt: skip


def write_export(path: Path, uploads: Path, posts: int, *, seed: int = 7) -> None:
    """Write a WXR 1.2 export of `posts` posts (and ~1% as many pages) to `path`, and the
    photos it names, with their resized copies, under `uploads` (as wp-content/uploads/)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    uploads.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        export = Export(out, uploads, posts, seed)
        export.header()
        export.guest_items()
        export.photo_items()
        pages, written = max(1, posts // 100), 0
        for number in range(posts):
            while written < pages and number >= written * posts / pages:
                export.page(written)
                written += 1
            export.post(number)
        out.write("</channel>\n</rss>\n")
