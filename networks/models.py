"""Networks: the directory of networks and each network's own section of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from comments.models import CommentPolicyMixin
from home.blocks import BaseStreamBlock


class NetworkIndexPage(Page):
    """The directory of every network, at /networks/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = NetworkPage.objects.child_of(self).live().public().order_by("title")
        return context


class NetworkPage(CommentPolicyMixin, Page):
    """One network's home: who they are, what they value, and what they publish.
    Its subtree is where its editors work and its moderators moderate."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for the directory.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("about the network"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    settings_panels = Page.settings_panels + CommentPolicyMixin.comment_policy_panels

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["networks.NetworkIndexPage"]

    class Meta:
        verbose_name = _("network")
