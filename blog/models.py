"""The blog: posts written by every network, and the index that gathers them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from comments.models import CommentableMixin
from home.blocks import BaseStreamBlock


class BlogIndexPage(Page):
    """Every network's posts, newest first, at /blog/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("blog index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            BlogPostPage.objects.live().public().order_by("-date", "-pk").defer_streamfields()
        )
        return context


class BlogPostPage(CommentableMixin, Page):
    """A post by a network (a child of its NetworkPage) or by the site itself
    (a child of the BlogIndexPage)."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + CommentableMixin.comment_panels

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["networks.NetworkPage", "blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
