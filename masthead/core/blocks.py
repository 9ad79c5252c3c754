"""StreamField blocks shared by articles and plain pages."""

import re
from html import unescape

from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "footnotes"]
_TAG = re.compile(r"<[^>]*>")
# The tags after which Wagtail leaves a space: the ends of blocks, and line breaks and rules.
_SPACED = re.compile(r"</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/>", re.IGNORECASE)


def text_for_indexing(html: str) -> str:
    """Wagtail's `get_text_for_indexing` without Python's HTML parser (a tenth of the time):
    stored rich text is sanitised markup, so a tag is always `<…>`."""
    return unescape(_TAG.sub("", _SPACED.sub(" ", html)).strip())


def paragraph_sources(body) -> list[str]:
    """The stored HTML of a body's paragraphs, in order, read from the StreamField's raw data:
    going through its blocks would fetch every photo in the body first."""
    return [block["value"] for block in body.raw_data if block["type"] == "paragraph"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"


class ImageBlock(blocks.StructBlock):
    """An inline photo; its credit always comes from the image record."""

    image = ImageChooserBlock()
    caption = blocks.CharBlock(
        required=False, max_length=400, help_text="Leave empty to use the photo's default caption."
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A link to a video or post, for example on YouTube or Vimeo.")
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "blocks/embed.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text, as it was said or written (not a pull quote)."""

    text = blocks.RichTextBlock(features=["bold", "italic", "link"])
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class TableBlock(blocks.StructBlock):
    """A table of plain-text cells, with a caption that names it for screen readers."""

    caption = blocks.CharBlock(
        required=False, max_length=300, help_text="What the table shows, read out before it."
    )
    header_row = blocks.BooleanBlock(
        required=False, default=True, help_text="The first row names the columns."
    )
    header_column = blocks.BooleanBlock(
        required=False, default=False, help_text="The first cell of each row names the row."
    )
    rows = blocks.ListBlock(blocks.ListBlock(blocks.CharBlock(required=False), label="Row"))

    class Meta:
        icon = "table"
        template = "blocks/table.html"


class UnreadableStream(StreamValue):
    """What a form posted for a stream when its data was incomplete (no `<field>-count`, a
    missing `-type` or `-order`): empty, and refused when the form is cleaned."""


class FormStreamBlock(blocks.StreamBlock):
    """A StreamBlock that answers a malformed admin POST with a form error instead of a 500.

    Wagtail's `value_from_datadict` indexes the POST data directly, and Django reads a field's
    data outside the try that turns a ValidationError into a form error, so the failure is kept
    as a value and refused in `clean()`, which runs for drafts too: nothing is saved.
    """

    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError):
            return UnreadableStream(self, [])

    def clean(self, value):
        if isinstance(value, UnreadableStream):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        "The content blocks did not arrive complete, so nothing was saved. "
                        "Reload the page and make the change again."
                    ]
                )
            )
        return super().clean(value)

    def get_searchable_content(self, value):
        """What search indexes, read from the stored data: Wagtail's own walk builds every
        block first, fetching each photo in the body, and strips rich text with Python's HTML
        parser. Same result (core/tests/test_blocks.py compares them)."""
        # Search backends ask three times per page (title, body, autocomplete): kept on the
        # value for as long as it holds the same blocks.
        kept = getattr(value, "_masthead_search_text", None)
        if kept is not None and kept[0] == len(value):
            return kept[1]
        content = [text for raw in value.raw_data for text in self.block_search_text(raw)]
        self.remember_search_text(value, content)
        return content

    def block_search_text(self, raw: dict) -> list[str]:
        """What search indexes of one block, given as stored (`{"type": …, "value": …}`)."""
        block = self.child_blocks.get(raw["type"])
        if block is None:
            return []
        if isinstance(block, blocks.RichTextBlock):
            return [text_for_indexing(raw["value"] or "")] if block.search_index else []
        if isinstance(block, ImageBlock):
            caption = block.child_blocks["caption"]
            return caption.get_searchable_content((raw["value"] or {}).get("caption", ""))
        return block.get_searchable_content(block.to_python(raw["value"]))

    @staticmethod
    def remember_search_text(value: StreamValue, content: list[str]) -> None:
        """Keep what search indexes of `value` on it (worked out elsewhere: an importer does it
        in the process that converts bodies), for as long as it holds the same blocks."""
        value._masthead_search_text = (len(value), content)


class BodyBlock(FormStreamBlock):
    paragraph = RichTextBlockWithFootnotes(
        features=PARAGRAPH_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = EmbedWithCaptionBlock()
    quote = QuoteBlock()
    table = TableBlock()


class PlainBodyBlock(FormStreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    image = ImageBlock()
