"""Shared by the import tests: a publication to move into, the Quayside export's uploads folder,
and running the command the way an operator does."""

import io
import shutil
from pathlib import Path

from django.core.management import call_command
from PIL import Image, ImageDraw

from masthead.newsroom.tests import factories as f

FILES = Path(__file__).parent / "files"
QUAYSIDE = FILES / "move_in" / "quayside.xml"


def ensure_migrated_rows() -> None:
    """Put back what `migrate` makes that an earlier test emptying the tables took away (a
    transactional test's flush leaves content types, but not Wagtail's root page, root
    collection, default locale, "Welcome" page and Site). Does nothing on an intact database.
    Django's serialized_rollback cannot: the flush before it has made the content types again."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    ContentType.objects.clear_cache()  # ids change when a flush makes them again
    if Page.objects.exists():
        return
    locale = Locale.objects.first() or Locale.objects.create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    common = {"content_type": ContentType.objects.get_for_model(Page), "locale": locale}
    # The ids a new database gives them, as a restored archive expects of a fresh site.
    # bulk_create: Page.save() takes a page with an id for one that exists.
    root = Page(
        pk=1, title="Root", slug="root", path="0001", depth=1, numchild=1, url_path="/", **common
    )
    welcome = Page(
        pk=2,
        title="Welcome to your new Wagtail site!",
        slug="home",
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        **common,
    )
    Page.objects.bulk_create([root, welcome])
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    with connection.cursor() as cursor:  # PostgreSQL: the next page's id follows on
        for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
            cursor.execute(sql)


def make_site():
    """A fresh Masthead: a front page, the Europe region, two article types."""
    ensure_migrated_rows()
    home = f.make_home()
    europe = f.make_section(home, "Europe")
    f.make_type("Analysis")
    f.make_type("News")
    return home, europe


def photo_bytes(colour: str, size=(640, 400)) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((40, 40, size[0] - 40, size[1] // 2), fill="white")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def quayside_uploads(root: Path) -> Path:
    """The old site's wp-content/uploads: the cranes, the fish market twice (the same file
    uploaded under two names), the pier sign, and no file for the lost photo."""
    folder = root / "uploads" / "2023" / "05"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "quay-cranes.jpg").write_bytes(photo_bytes("navy"))
    market = photo_bytes("darkgreen")
    (folder / "fish-market.jpg").write_bytes(market)
    (folder / "fish-market-copy.jpg").write_bytes(market)
    (folder / "pier-sign.jpg").write_bytes(photo_bytes("maroon"))
    return root / "uploads"


def run_import(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_content", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def last_line(output: str) -> dict[str, float]:
    line = output.strip().splitlines()[-1]
    assert line.startswith("import: "), line
    return {k: float(v) for k, v in (part.split("=") for part in line.split()[1:])}


def copy_export(tmp_path: Path, source: Path = QUAYSIDE) -> Path:
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


ITEM = """	<item>
		<title><![CDATA[Generated story {n}]]></title>
		<link>{site}/story-{n}/</link>
		<dc:creator><![CDATA[bulk]]></dc:creator>
		<guid isPermaLink="false">{site}/?p={n}</guid>
		<content:encoded><![CDATA[{body}]]></content:encoded>
		<excerpt:encoded><![CDATA[Summary {n}.]]></excerpt:encoded>
		<wp:post_id>{n}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-01-01 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[story-{n}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="news"><![CDATA[News]]></category>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[old-{n}]]></wp:meta_value></wp:postmeta>
	</item>
"""


def write_export(path: Path, count: int, site: str = "https://bulk.example") -> int:
    """A plain export of `count` published posts, for memory and crash tests."""
    body = "<p>" + "The tide came in over the flats. " * 40 + "</p>"
    with open(path, "w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bulk</title>\n'
            f"<link>{site}</link>\n"
        )
        for n in range(1, count + 1):
            out.write(ITEM.format(n=n, body=body, site=site))
        out.write("</channel>\n</rss>\n")
    return path.stat().st_size
