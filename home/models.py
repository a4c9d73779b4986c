"""The home page, plain standard pages (about, house rules, privacy) and the
site-wide settings that staff edit in the admin, the public forms' spam
defences among them (read by `home.defences`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .admin_forms import PageAdminForm
from .blocks import BaseStreamBlock
from .routing import CachedViewRestrictionsMixin, DeferredChildRouteMixin


class HomePage(CachedViewRestrictionsMixin, DeferredChildRouteMixin, Page):
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


class StandardPage(CachedViewRestrictionsMixin, Page):
    """A plain page of text: about, house rules, privacy, and the like."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


#: The public forms that `home.defences.rate_limited` counts, by scope, as a
#: site admin reads them. A new public form adds its scope here.
PUBLIC_FORMS = {
    "comments": _("Comments and replies"),
    "reports": _("Reports of a comment"),
    "join": _("Requests to join a network"),
    "contact": _("Messages to a network"),
    "proposal": _("Proposals for a new network"),
    "consultation": _("Consultation responses"),
    "event-registration": _("Event registrations"),
    "comment-appeal": _("Appeals against a comment's rejection"),
}


def public_form_choices():
    """Returns the (scope, label) choices of the per-form limits (a callable,
    so that a new form needs no migration)."""
    return list(PUBLIC_FORMS.items())


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseGenericSetting):
    """Site-wide settings: where the house rules, privacy notice and about
    page live, how to reach the people who run the site, and the spam
    defences of every form residents send (one place for all of them)."""

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

    min_fill_seconds = models.PositiveSmallIntegerField(
        _("minimum seconds to fill in a form"),
        default=3,
        help_text=_(
            "A form sent quicker than this is refused as automatic: a person needs a few "
            "seconds to read and type. Applies to every form residents send. 0 switches "
            "this check off."
        ),
    )
    rate_limit_per_ip = models.PositiveSmallIntegerField(
        _("forms per connection per hour"),
        default=10,
        help_text=_(
            "How many times one internet connection (IP address) may send each kind of "
            "form in an hour: comments, reports, requests to join a network and so on each "
            "count on their own. 0 switches the limit off."
        ),
    )
    rate_limit_per_email = models.PositiveSmallIntegerField(
        _("forms per email address per hour"),
        default=5,
        help_text=_(
            "How many times one email address may send each kind of form in an hour, "
            "from any connection. 0 switches the limit off."
        ),
    )

    general_panels = [
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
    defence_panels = [
        FieldPanel("min_fill_seconds"),
        MultiFieldPanel(
            [FieldPanel("rate_limit_per_ip"), FieldPanel("rate_limit_per_email")],
            heading=_("Limits for every form"),
        ),
        InlinePanel(
            "form_rate_limits",
            heading=_("Different limits for one kind of form"),
            label=_("limit for one kind of form"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(general_panels, heading=_("General")),
            ObjectList(defence_panels, heading=_("Spam defences")),
        ]
    )

    class Meta:
        verbose_name = _("site settings")

    def rate_limits_for(self, scope):
        """Returns (per connection, per email address) an hour for the form
        `scope`: its own limits where a site admin set them, else the limits
        for every form. 0 means no limit."""
        per_ip, per_email = self.rate_limit_per_ip, self.rate_limit_per_email
        own = self.form_rate_limits.filter(form=scope).first() if self.pk else None
        if own is not None:
            per_ip = per_ip if own.per_ip is None else own.per_ip
            per_email = per_email if own.per_email is None else own.per_email
        return per_ip, per_email


class FormRateLimit(Orderable):
    """A site admin's limits for one kind of form, instead of the limits for
    every form (a blank number keeps that one)."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="form_rate_limits")
    form = models.CharField(_("form"), max_length=40, choices=public_form_choices)
    per_ip = models.PositiveSmallIntegerField(
        _("per connection per hour"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the limit for every form; 0 switches it off."),
    )
    per_email = models.PositiveSmallIntegerField(
        _("per email address per hour"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the limit for every form; 0 switches it off."),
    )

    panels = [FieldPanel("form"), FieldPanel("per_ip"), FieldPanel("per_email")]

    class Meta(Orderable.Meta):
        verbose_name = _("limit for one kind of form")
        constraints = [
            models.UniqueConstraint(fields=["settings", "form"], name="one_limit_per_form")
        ]

    def __str__(self):
        return str(PUBLIC_FORMS.get(self.form, self.form))
