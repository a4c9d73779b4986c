"""The StreamField blocks that every page body shares."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline accessible."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link that asks the reader to do one thing."""

    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or a web address"), required=False)

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or enter a web address.")]}
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every page type offers. Images always carry alt text
    (Wagtail's ImageBlock asks for it, or an explicit "decorative" choice)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embedded media"), help_text=_("A YouTube or Vimeo address"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
