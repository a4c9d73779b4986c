"""The body blocks of a blog post: the site's shared blocks, plus a table and a
link to a document (a report, minutes, a leaflet)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import BaseStreamBlock


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, shown with its file type and size
    so that a reader on a phone knows what they are about to download."""

    document = DocumentChooserBlock(label=_("Document"))
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blog/blocks/document_link_block.html"


class BlogStreamBlock(BaseStreamBlock):
    """What a blog post's body may hold: paragraphs, headings, images (with
    alt text), quotes, embedded media, calls to action, tables and documents."""

    table = TableBlock(
        label=_("Table"),
        help_text=_("Give the table a caption, and mark its first row as the header."),
    )
    document = DocumentLinkBlock()
