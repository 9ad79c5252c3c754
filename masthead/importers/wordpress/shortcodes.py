"""WordPress shortcodes: read, and the ones a news site's body needs turned into HTML.

`[name attr="x" attr2='y' bare]content[/name]`, `[name attr=x /]`, `[[name]]` (escaped: shown
as `[name]`). The attribute rules are WordPress's `shortcode_parse_atts()`. Enclosed content is
matched to its own closer, counting same-name nesting, so `[caption][media-credit …]<img>
[/media-credit] A caption[/caption]` works inside out.

The converters write plain HTML that `bodies` turns into blocks: `[caption]` a `<figure>` with
a `<figcaption>`; `[gallery]` one `<img data-media-key>` per photo; `[embed]`, `[audio]` and
`[video]` a `<figure data-embed-url>`; `[media-credit]` its photo with `data-credit-*`
attributes. Any other shortcode stays as text and its name is listed.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

TAG = re.compile(
    r"\[(\[?)(/)?([A-Za-z][\w-]*)(?![\w-])((?:[^\]/]|/(?!\]))*?)(/)?\](\]?)",
    re.ASCII,
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)""",
    re.ASCII,
)
# Bracketed words writers use in prose: never listed as unknown shortcodes.
EDITORIAL_WORDS = {"sic", "citation", "edit", "update", "note", "ed", "via", "laughs", "inaudible"}
IMAGE_IN_CAPTION = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.I | re.S)
AUDIO_SOURCES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "flac")
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv")


@dataclass
class Shortcode:
    name: str  # lower case
    attrs: dict[str, str]
    positional: list[str]
    content: str | None  # None when it encloses nothing (no closer, or `/]`)
    raw: str


@dataclass
class Expanded:
    html: str
    unknown: list[str] = field(default_factory=list)  # names, first seen first
    problems: list[str] = field(default_factory=list)


def parse_shortcode_attrs(text: str) -> tuple[dict[str, str], list[str]]:
    """Named attributes (names in lower case) and bare values, as `shortcode_parse_atts()`."""
    text = re.sub("[\u00a0\u200b]+", " ", text)
    named: dict[str, str] = {}
    bare: list[str] = []
    for match in ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name_at in (0, 2, 4):
            if groups[name_at] is not None:
                named[groups[name_at].lower()] = groups[name_at + 1]
                break
        else:
            bare.append(next(g for g in groups[6:] if g is not None))
    # WordPress empties a value with an unbalanced `<` rather than let it open a tag.
    for name, value in named.items():
        if "<" in value and not re.fullmatch(r"[^<]*+(?:<[^>]*+>[^<]*+)*+", value):
            named[name] = ""
    return named, bare


def _is_listed(match: re.Match, has_closer: bool) -> bool:
    """Whether text in brackets is a shortcode worth reporting, not a writer's "[sic]"."""
    name, attr_text = match.group(3), match.group(4)
    if name != name.lower() or name in EDITORIAL_WORDS:
        return False
    if has_closer or match.group(5) or "=" in attr_text or "-" in name or "_" in name:
        return True
    return not attr_text.strip()


class ShortcodeExpander:
    def __init__(self, handlers: dict[str, Callable[[Shortcode, "ShortcodeExpander"], str]]):
        self.handlers = handlers
        self.unknown: list[str] = []
        self.problems: list[str] = []

    def _closer(self, text: str, name: str, start: int) -> re.Match | None:
        depth, first = 1, None
        for match in TAG.finditer(text, start):
            if match.group(3).lower() != name or match.group(1):
                continue
            if match.group(2):
                first = first or match
                depth -= 1
                if depth == 0:
                    return match
            elif not match.group(5):
                depth += 1
        return first  # unbalanced: like WordPress, the first closer closes it

    def expand(self, text: str) -> str:
        out, pos = [], 0
        while (match := TAG.search(text, pos)) is not None:
            out.append(text[pos : match.start()])
            pos = match.end()
            escape_open, closer, name, attr_text, self_closing, escape_close = match.groups()
            if escape_open and escape_close:
                out.append(match.group(0)[1:-1])
                continue
            if closer or escape_open:  # a stray closer, or half an escape: plain text
                out.append(match.group(0))
                continue
            name = name.lower()
            content, end_match = None, None
            if not self_closing:
                end_match = self._closer(text, name, match.end())
                if end_match is not None:
                    content = text[match.end() : end_match.start()]
                    pos = end_match.end()
            attrs, bare = parse_shortcode_attrs(attr_text)
            code = Shortcode(name, attrs, bare, content, text[match.start() : pos])
            handler = self.handlers.get(name)
            if handler is not None:
                out.append(handler(code, self))
                continue
            if _is_listed(match, end_match is not None) and name not in self.unknown:
                self.unknown.append(name)
            out.append(match.group(0))
            if content is not None:
                out.append(self.expand(content))
                out.append(end_match.group(0))
        out.append(text[pos:])
        return "".join(out)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def caption(code: Shortcode, expander: ShortcodeExpander) -> str:
    """`[caption id="attachment_12" …]<img …> Text[/caption]`, or with `caption="Text"`."""
    content = expander.expand(code.content or "")
    text = code.attrs.get("caption")
    if text is None:
        match = IMAGE_IN_CAPTION.match(content.strip())
        if match is None:
            expander.problems.append(f"a [caption] with no photo in it was kept as text: {content}")
            return content
        content, text = match.group(1), match.group(2).strip()
    key = code.attrs.get("id", "")
    key = key.removeprefix("attachment_") if key.startswith("attachment_") else ""
    data = f' data-media-key="{_attr(key)}"' if key.isdigit() else ""
    return f"<figure{data}>{content}<figcaption>{text}</figcaption></figure>"


def gallery(code: Shortcode, expander: ShortcodeExpander) -> str:
    """`[gallery ids="1,2,3"]` (or `include=`): one photo per id, in order."""
    ids = code.attrs.get("ids") or code.attrs.get("include") or ""
    keys = [key.strip() for key in ids.split(",") if key.strip().isdigit()]
    if not keys:
        expander.problems.append(
            f"a gallery without ids (it showed the post's attached photos) was left out: {code.raw}"
        )
        return ""
    return "".join(f'<figure><img data-media-key="{key}"></figure>' for key in keys)


def embed(code: Shortcode, expander: ShortcodeExpander) -> str:
    url = (code.content or code.attrs.get("src") or (code.positional or [""])[0]).strip()
    url = html.unescape(re.sub(r"<[^>]*>", "", url)).strip()
    if not url:
        expander.problems.append(f"an [embed] without a URL was left out: {code.raw}")
        return ""
    return f'<figure data-embed-url="{_attr(url)}" data-kind="embed"></figure>'


def _media(kind: str, sources: tuple[str, ...]) -> Callable[[Shortcode, ShortcodeExpander], str]:
    def convert(code: Shortcode, expander: ShortcodeExpander) -> str:
        url = next((code.attrs[name] for name in sources if code.attrs.get(name)), "")
        if not url:
            expander.problems.append(
                f"an [{kind}] without a file (it played the post's attachment) was left out: "
                f"{code.raw}"
            )
            return ""
        return f'<figure data-embed-url="{_attr(url.strip())}" data-kind="{kind}"></figure>'

    return convert


def media_credit(code: Shortcode, expander: ShortcodeExpander) -> str:
    """`[media-credit name="Jane Doe" link=…]<img>[/media-credit]` or `id=3` (a site user)."""
    content = expander.expand(code.content or "")
    marks = ""
    if code.attrs.get("name"):
        marks += f' data-credit="{_attr(code.attrs["name"])}"'
    if code.attrs.get("id", "").isdigit():
        marks += f' data-credit-user="{code.attrs["id"]}"'
    if code.attrs.get("link"):
        marks += f' data-credit-link="{_attr(code.attrs["link"])}"'
    if "<img" not in content.lower():
        return content
    return re.sub(r"<img\b", "<img" + marks, content, count=1, flags=re.I)


HANDLERS = {
    "caption": caption,
    "wp_caption": caption,
    "gallery": gallery,
    "embed": embed,
    "audio": _media("audio", AUDIO_SOURCES),
    "video": _media("video", VIDEO_SOURCES),
    "media-credit": media_credit,
}
_UNAUTOP = re.compile(
    r"<p>\s*((?:\[(?:" + "|".join(re.escape(n) for n in HANDLERS) + r")(?![\w-])[^\]]*\])"
    r"(?:.*?\[/(?:" + "|".join(re.escape(n) for n in HANDLERS) + r")\])?)\s*(?:<br />\s*)?</p>",
    re.S,
)


def shortcode_unautop(text: str) -> str:
    """Take a paragraph off a shortcode that stands alone in it, as WordPress does."""
    return _UNAUTOP.sub(r"\1", text)


def expand_shortcodes(text: str) -> Expanded:
    """The text with the known shortcodes turned into HTML and the rest kept and listed."""
    expander = ShortcodeExpander(HANDLERS)
    result = expander.expand(text)
    return Expanded(result, expander.unknown, expander.problems)
