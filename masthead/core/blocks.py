"""StreamField blocks shared by articles and plain pages."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "footnotes"]


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


class BodyBlock(blocks.StreamBlock):
    paragraph = RichTextBlockWithFootnotes(
        features=PARAGRAPH_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = EmbedWithCaptionBlock()


class PlainBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    image = ImageBlock()
