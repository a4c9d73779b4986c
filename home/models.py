"""The home page, plain standard pages (about, house rules, privacy) and the
site-wide settings that staff edit in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .admin_forms import PageAdminForm
from .blocks import BaseStreamBlock


class HomePage(Page):
    """The front door: what Commons is, and the latest from every network."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences that say what this site is and who it is for."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections()
        return context

    def get_sections(self):
        """Returns the live top-level sections (Networks, Blog, …) shown as
        signposts on the home page, in the editors' order."""
        return self.get_children().live().public().in_menu().specific().defer_streamfields()


class StandardPage(Page):
    """A plain page of text: about, house rules, privacy, and the like."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Site-wide settings: where the house rules, privacy notice and about
    page live, and how to reach the people who run the site."""

    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        default="",
        help_text=_("A short line shown under the site name."),
    )
    house_rules_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("house rules page"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy page"),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about page"),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown in the footer so that residents can reach the people who run the site."),
    )

    panels = [
        FieldPanel("tagline"),
        MultiFieldPanel(
            [
                FieldPanel("house_rules_page"),
                FieldPanel("privacy_page"),
                FieldPanel("about_page"),
            ],
            heading=_("Footer pages"),
        ),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")
