"""Shared by the import tests: a publication to move into, the Quayside export's uploads folder,
and running the command the way an operator does."""

import io
import shutil
from pathlib import Path

from django.core.management import call_command
from PIL import Image, ImageDraw

from masthead.core.tests.database import ensure_migrated_rows
from masthead.newsroom.tests import factories as f

FILES = Path(__file__).parent / "files"
QUAYSIDE = FILES / "move_in" / "quayside.xml"


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
