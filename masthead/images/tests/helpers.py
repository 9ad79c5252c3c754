"""Render the photo tags, and read the <picture> elements of HTML the way a browser sees them."""

from html.parser import HTMLParser

from django.template import Context, Template


def render(template: str, **context) -> str:
    return Template("{% load photos %}" + template).render(Context(context)).strip()


class _PictureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pictures = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._open = {"sources": [], "img": None}
            self.pictures.append(self._open)
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(dict(attrs))
        elif tag == "img" and self._open is not None:
            self._open["img"] = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "picture":
            self._open = None


def pictures(html: str) -> list[dict]:
    """Each <picture> as {"sources": [attributes of each <source>], "img": its <img> attributes}."""
    parser = _PictureParser()
    parser.feed(html)
    return parser.pictures


def srcset_widths(srcset: str, extension: str) -> list[int]:
    """The widths a srcset offers, checking that every file has the given extension."""
    widths = []
    for candidate in srcset.split(", "):
        url, width = candidate.split(" ")
        if not url.endswith(extension):
            raise AssertionError(f"{url} is not a {extension} file")
        widths.append(int(width.removesuffix("w")))
    return widths
