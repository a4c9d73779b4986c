"""Consultations: a ConsultationPage is a Wagtail form-builder page whose
questions editors build, open for answers between two moments, then closed,
with results and a three-part outcome ("We asked", "You said", "We did").

Its status has one source of truth, `status_at()`, from the dates and the
outcome; listings ask the database the same question through
`ConsultationQuerySet.with_status()`. A translated consultation keeps the
dates of its source page (`schedule_page`), and its answers are stored under
the source page, so that every language's answers count together.
"""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from comments.models import CommentableMixin
from home.admin_forms import PageAdminForm
from home.blocks import BaseStreamBlock
from home.fragments import FRAME, PAGE_CONTENT, cached_value
from home.querysets import CachedPrivacyMixin
from home.routing import CachedViewRestrictionsMixin, DeferredChildRouteMixin
from languages.listings import below_any_translation_of, in_reader_language
from networks.models import NetworkPage
from networks.permissions import attach_networks, cached_network_for_page

from . import answering, feeds
from .forms import Ask, ConsultationFormBuilder, RepeatResponses
from .responses import ConsultationResponse, ConsultationSettings
from .results import count_results
from .schedule import STATUS_OF_RANK, STATUS_RANK, Status, status_at

__all__ = ["ConsultationResponse", "ConsultationSettings", "Status", "status_at"]

CONSULTATIONS_PER_PAGE = 10


class ConsultationTag(TagBase):
    """A consultation's tag, kept apart from the blog's and the networks'
    themes, so that the consultations' filter lists only their own words."""

    class Meta:
        verbose_name = _("consultation tag")
        verbose_name_plural = _("consultation tags")


class TaggedConsultation(ItemBase):
    """The link between a consultation and one of its tags."""

    tag = models.ForeignKey(
        ConsultationTag, on_delete=models.CASCADE, related_name="tagged_consultations"
    )
    content_object = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class FieldType(models.TextChoices):
    """The kinds of question an editor can ask (Wagtail's form builder types)."""

    TEXT = "singleline", _("Text")
    LONG_TEXT = "multiline", _("Long text")
    SINGLE_CHOICE = "radio", _("Single choice")
    MULTIPLE_CHOICE = "checkboxes", _("Multiple choice")
    DROPDOWN = "dropdown", _("Dropdown")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    EMAIL = "email", _("Email")
    CONSENT = "checkbox", _("Consent checkbox")


CHOICE_TYPES = {FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE, FieldType.DROPDOWN}


class ConsultationFormField(TranslatableMixin, AbstractFormField):
    """One question of a consultation. Labels, help text and choices are
    translated; the stored name is kept, so answers in every language go
    under the same question."""

    page = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(_("type of question"), max_length=16, choices=FieldType.choices)

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def choice_list(self):
        """Returns the choices as a list, in the editor's order."""
        return [value for value, _label in FormBuilder([]).get_formatted_field_choices(self)]


class Decision(models.TextChoices):
    """What became of a point of the proposal."""

    ACCEPTED = "accepted", _("Accepted")
    CHANGED = "changed", _("Changed")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")


def _point_key(text):
    """Returns `text` as a decision's point and a proposal heading are
    matched: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


class ConsultationDecision(TranslatableMixin, Orderable):
    """One decision of "We did": the point of the proposal it answers, what
    was decided and why."""

    page = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="decisions"
    )
    proposal_point = models.CharField(
        _("point of the proposal"),
        max_length=255,
        help_text=_("The part of the proposal this decision answers, as it is headed there."),
    )
    decision = models.TextField(_("what we decided"))
    status = models.CharField(_("status"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("why"))

    panels = [
        FieldPanel("proposal_point"),
        FieldPanel("status"),
        FieldPanel("decision"),
        FieldPanel("reason"),
    ]

    translatable_fields = [
        TranslatableField("proposal_point"),
        TranslatableField("decision"),
        TranslatableField("reason"),
        SynchronizedField("status"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")


class ConsultationQuerySet(CachedPrivacyMixin, PageQuerySet):
    """Consultations, with the names listings and tasks need."""

    def published(self):
        """Returns the consultations any visitor may read: live and public."""
        return self.live().public()

    def with_status(self, now=None):
        """Annotates `status_rank` (see STATUS_RANK) as of `now`: the same
        rule as `status_at`, asked of the database (Python's clock, not the
        database's, so that frozen time in tests holds)."""
        now = timezone.now() if now is None else now
        return self.annotate(
            status_rank=Case(
                When(
                    Q(outcome_published_at__lte=now, closes_at__lte=now),
                    then=Value(STATUS_RANK[Status.RESULTS_PUBLISHED]),
                ),
                When(opens_at__gt=now, then=Value(STATUS_RANK[Status.UPCOMING])),
                When(closes_at__gt=now, then=Value(STATUS_RANK[Status.OPEN])),
                default=Value(STATUS_RANK[Status.CLOSED]),
                output_field=IntegerField(),
            )
        )

    def in_status(self, status, now=None):
        """Returns the consultations in `status` at `now`."""
        return self.with_status(now).filter(status_rank=STATUS_RANK[status])

    def open(self, now=None):
        """Returns the consultations taking answers at `now`, closing soonest first."""
        return self.in_status(Status.OPEN, now).order_by("closes_at", "pk")

    def index_order(self, now=None):
        """Returns the consultations in the index's order: open (closing
        soonest), upcoming (opening soonest), closed with results (newest
        outcome first), closed awaiting results (most recently closed first)."""
        return self.with_status(now).order_by(
            "status_rank",
            Case(When(status_rank=0, then="closes_at")),
            Case(When(status_rank=1, then="opens_at")),
            Case(When(status_rank=2, then="outcome_published_at")).desc(),
            "-closes_at",
            "pk",
        )

    def overdue_outcomes(self, days, now=None):
        """Returns the consultations closed `days` days or more ago at `now`
        with no outcome published, the longest waiting first."""
        now = timezone.now() if now is None else now
        return self.filter(
            closes_at__lte=now - datetime.timedelta(days=days), outcome_published_at__isnull=True
        ).order_by("closes_at")

    def for_listing(self):
        """Returns the published consultations without their proposals, with
        their tags fetched up front, in the index's order."""
        return (
            self.published()
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related("tags")
            .index_order()
        )


class ConsultationAdminForm(PageAdminForm, WagtailAdminFormPageForm):
    """The consultation editor's form: own collections' media only, Wagtail's
    check for duplicate question labels, and closing after opening."""

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The closing time must be after the opening time."))
        return cleaned


class ConsultationPage(CachedViewRestrictionsMixin, CommentableMixin, AbstractForm):
    """A consultation: the proposal, the questions (Wagtail's form builder)
    and, once closed, its results and outcome. Lives under a NetworkPage, or
    under the ConsultationIndexPage for a site-wide consultation."""

    base_form_class = ConsultationAdminForm

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences: shown on cards, in feeds and in search.")
    )
    proposal = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("the proposal"))
    opens_at = models.DateTimeField(_("opens at"), help_text=_("UK time (Europe/London)."))
    closes_at = models.DateTimeField(
        _("closes at"),
        help_text=_("UK time (Europe/London). Answers are refused from this second on."),
    )
    audience = models.TextField(_("who we are asking"), blank=True)
    use_of_answers = models.TextField(_("how answers will be used"), blank=True)
    results_due = models.DateField(_("results due"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    tags = ClusterTaggableManager(through=TaggedConsultation, blank=True, verbose_name=_("tags"))

    ask_name = models.CharField(
        _("ask for a name"), max_length=12, choices=Ask.choices, default=Ask.OPTIONAL
    )
    ask_email = models.CharField(
        _("ask for an email address"), max_length=12, choices=Ask.choices, default=Ask.OPTIONAL
    )
    ask_to_publish = models.BooleanField(
        _("ask whether answers may be published"),
        default=True,
        help_text=_("Asks “May we publish your answers without your name?”"),
    )
    repeat_responses = models.CharField(
        _("a second response from the same email"),
        max_length=10,
        choices=RepeatResponses.choices,
        default=RepeatResponses.REPLACE,
    )
    thank_you_text = models.TextField(
        _("thank you message"), blank=True, help_text=_("Shown after someone responds.")
    )

    we_asked = models.TextField(_("we asked"), blank=True)
    you_said = models.TextField(_("you said"), blank=True)
    outcome_published_at = models.DateTimeField(
        _("outcome published at"),
        null=True,
        blank=True,
        help_text=_("Set this to publish the results and the outcome."),
    )
    outcome_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = AbstractForm.content_panels + [
        FieldPanel("summary"),
        FieldPanel("proposal"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), "results_due"],
            heading=_("When"),
        ),
        FieldPanel("audience"),
        FieldPanel("use_of_answers"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("tags"),
        InlinePanel("form_fields", label=_("Questions"), heading=_("Questions")),
        MultiFieldPanel(
            [
                FieldPanel("ask_name"),
                FieldPanel("ask_email"),
                FieldPanel("ask_to_publish"),
                FieldPanel("repeat_responses"),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Responses"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("we_asked"),
                FieldPanel("you_said"),
                InlinePanel("decisions", label=_("We did")),
                FieldPanel("outcome_published_at"),
            ],
            heading=_("Outcome"),
        ),
    ]
    settings_panels = Page.settings_panels + CommentableMixin.comment_panels

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("proposal"),
        index.FilterField("closes_at"),
    ]

    parent_page_types = ["networks.NetworkPage", "consultations.ConsultationIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    # Fields a translation takes from its source, never translates.
    override_translatable_fields = [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("outcome_published_at"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
    ]

    class Meta:
        verbose_name = _("consultation")

    # --- The schedule: one source of truth ----------------------------------

    @cached_property
    def schedule_page(self):
        """Returns the page whose dates and answers govern this one: the
        default-language version of a translation (a stale translation may
        hold old dates), else the page itself. No query for a page in the
        default language when its locale is already fetched."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = ConsultationPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        return source or self

    def status_at(self, now=None):
        """Returns this consultation's Status at `now` (default: this second).
        A listing's annotation (`with_status`) answers without a query."""
        if now is None and getattr(self, "status_rank", None) is not None:
            return STATUS_OF_RANK[self.status_rank]
        page = self.schedule_page
        now = timezone.now() if now is None else now
        return status_at(page.opens_at, page.closes_at, page.outcome_published_at, now)

    @property
    def status(self):
        return self.status_at()

    @property
    def status_label(self):
        return self.status.label

    def is_open(self, now=None):
        """Returns True if answers are accepted at `now` (to the second)."""
        return self.status_at(now) == Status.OPEN

    def closes_in_days(self, now=None):
        """Returns the whole days left while open (0 on the last day), else None."""
        if self.status_at(now) != Status.OPEN:
            return None
        now = timezone.now() if now is None else now
        return (self.closes_at - now).days

    def status_text(self, now=None):
        """Returns the status as a person reads it: "Open, closes in 3 days",
        "Results published"."""
        status = self.status_at(now)
        days = self.closes_in_days(now)
        if days is None:
            return str(status.label)
        if days == 0:
            closing = gettext("closes today")
        else:
            closing = ngettext("closes in %(days)s day", "closes in %(days)s days", days) % {
                "days": days
            }
        return gettext("%(status)s, %(closing)s") % {"status": status.label, "closing": closing}

    def get_admin_display_title(self):
        """The title in the admin's page listings (and wherever the admin
        names the page), with the consultation's status beside it, so that
        an editor sees which are open, closing or awaiting their outcome."""
        return gettext("%(title)s (%(status)s)") % {
            "title": super().get_admin_display_title(),
            "status": self.status_text(),
        }

    def proposal_anchors(self):
        """Returns {heading text (case and spaces ignored): anchor id} for the
        proposal's headings; every block of the proposal carries its anchor
        id on the page (`proposal-<block id>`)."""
        return {
            _point_key(block.value["text"]): f"proposal-{block.id}"
            for block in self.proposal
            if block.block_type == "heading"
        }

    def decisions_with_anchors(self):
        """Returns the decisions of "We did", each with `proposal_anchor`: the
        anchor of the proposal's heading its point names (None if no heading
        reads so, and the point is shown as plain text)."""
        anchors = self.proposal_anchors()
        decisions = list(self.decisions.all())
        for decision in decisions:
            decision.proposal_anchor = anchors.get(_point_key(decision.proposal_point))
        return decisions

    @property
    def outcome_is_published(self):
        return self.status == Status.RESULTS_PUBLISHED

    @cached_property
    def network(self):
        """Returns the NetworkPage this consultation belongs to, or None."""
        return cached_network_for_page(self)

    def get_comment_policy_source(self):
        """Returns the consultation's network (see CommentableMixin), looked up once."""
        return self.network

    @cached_property
    def tag_list(self):
        """Returns the consultation's tags, from the shared cache once per
        publish or change to a tag (`home.fragments`)."""
        return cached_value(
            "consultation-tags", PAGE_CONTENT, lambda: list(self.tags.all()), vary_on=[self.pk]
        )

    # --- Answers -----------------------------------------------------------

    def get_submission_class(self):
        return ConsultationResponse

    def get_submissions(self):
        """Returns the responses to this consultation in every language."""
        return ConsultationResponse.objects.filter(page=self.schedule_page)

    def get_form_class(self):
        return ConsultationFormBuilder(self.get_form_fields(), page=self).get_form_class()

    def get_data_fields(self):
        """Returns (name, label) of every column of the export: Wagtail's
        date and questions, then the respondent's details."""
        return super().get_data_fields() + [
            ("respondent_name", _("Name")),
            ("respondent_email", _("Email")),
            ("may_publish", _("May publish without name")),
            ("language", _("Language")),
        ]

    def serve(self, request, *args, **kwargs):
        return answering.serve_consultation(self, request)

    def get_template(self, request, *args, **kwargs):
        return "consultations/consultation_page.html"

    def get_landing_page_template(self, request, *args, **kwargs):
        return "consultations/consultation_page_landing.html"

    # --- Comments close with the consultation ------------------------------

    def get_comments_closed_reason(self):
        if self.status_at() != Status.OPEN:
            return _("Comments closed when the consultation closed.")
        return super().get_comments_closed_reason()

    # --- Results -------------------------------------------------------------

    def choice_questions(self):
        """Returns the questions whose answers are counted (single choice,
        dropdown, multiple choice), in order."""
        return [
            field
            for field in self.schedule_page.form_fields.all()
            if field.field_type in CHOICE_TYPES
        ]

    def get_results(self):
        """Returns, for each choice question, its label (in this page's
        language), how many responses answered it and each option's count and
        percentage. A multiple-choice answer counts once for each option
        ticked. One query for every question together."""
        return count_results(self)

    def published_answers(self):
        """Returns the approved answers respondents let us publish, oldest first."""
        return self.get_submissions().approved().order_by("submit_time", "pk")

    def get_schema(self, request=None):
        """Returns schema.org data for JSON-LD: an Event-like description of
        the consultation with its status."""
        page = self.schedule_page
        return {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.search_description or self.summary,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "dateCreated": page.opens_at.isoformat(),
            "expires": page.closes_at.isoformat(),
            "creativeWorkStatus": str(self.status.label),
            "keywords": [tag.name for tag in self.tag_list],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = self.status
        context.update(
            {
                "status": status,
                "Status": Status,
                "schedule": self.schedule_page,
                "tags": self.tag_list,
                # Changes only with a publish (home.fragments).
                "consultation_index": cached_value(
                    "consultation-index",
                    FRAME,
                    lambda: ConsultationIndexPage.for_locale(self.locale_id),
                    vary_on=[self.locale_id],
                    request=request,
                ),
                "schema": self.get_schema(request),
            }
        )
        if status in (Status.CLOSED, Status.RESULTS_PUBLISHED):
            context["results"] = self.get_results()
        if status == Status.RESULTS_PUBLISHED:
            context["decisions"] = self.decisions_with_anchors()
            context["published_answers"] = self.published_answers()
        return context


class ConsultationIndexPage(
    CachedViewRestrictionsMixin, RoutablePageMixin, DeferredChildRouteMixin, Page
):
    """Every consultation at /consultations/: open first (closing soonest),
    then upcoming, then closed with results, then closed awaiting results;
    filtered by network, status and tag (``?network=…&status=…&tag=…``);
    paginated; with RSS and Atom feeds (``feed/rss/``, ``feed/atom/``, the
    same filters). Site-wide consultations are its children."""

    base_form_class = PageAdminForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation index")

    @classmethod
    def for_locale(cls, locale_id=None):
        """Returns the live consultation index in `locale_id`'s language, else
        the default language's, else None (one query)."""
        indexes = list(cls.objects.live().select_related("locale"))

        def preference(page):
            if page.locale_id == locale_id:
                return 0
            return 1 if page.locale.language_code == settings.LANGUAGE_CODE else 2

        return min(indexes, key=preference, default=None)

    @cached_property
    def networks(self):
        """Returns the live, public networks in this index's language where
        translated, by title (fetched once per request)."""
        return list(
            in_reader_language(NetworkPage.objects.live().public(), self.locale_id).order_by(
                "title"
            )
        )

    def get_filters(self, request):
        """Returns (network, status, tag) from the request's filters; an
        unknown value 404s, an empty one is no filter."""
        network_slug = request.GET.get("network") or ""
        status = request.GET.get("status") or ""
        tag_slug = request.GET.get("tag") or ""
        network = tag = None
        if network_slug:
            network = next((n for n in self.networks if n.slug == network_slug), None)
            if network is None:
                raise Http404("No such network")
        if status and status not in Status.values:
            raise Http404("No such status")
        if tag_slug:
            tag = ConsultationTag.objects.filter(slug=tag_slug).first()
            if tag is None:
                raise Http404("No such tag")
        return network, status or None, tag

    def get_consultations(self, network=None, status=None, tag=None):
        """Returns the published consultations in the reader's language, in
        the index's order, narrowed to a network, a status and/or a tag."""
        consultations = in_reader_language(ConsultationPage.objects.all(), self.locale_id)
        consultations = consultations.for_listing()
        if network is not None:
            consultations = below_any_translation_of(consultations, network)
        if status is not None:
            consultations = consultations.filter(status_rank=STATUS_RANK[status])
        if tag is not None:
            consultations = consultations.filter(tags=tag)
        return consultations

    def tags_in_use(self):
        """Returns the tags of live consultations, by name (one query)."""
        return (
            ConsultationTag.objects.filter(tagged_consultations__content_object__live=True)
            .distinct()
            .order_by("name")
        )

    def feed_url(self, kind="rss", network=None):
        """Returns the path of the RSS or Atom feed of every consultation, or of `network`'s."""
        url = self.url + self.reverse_subpage("feed", args=[kind])
        return f"{url}?network={network.slug}" if network is not None else url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network, status, tag = self.get_filters(request)
        # Fetched only if the listing is rendered, not served from its fragment.
        page_obj = SimpleLazyObject(
            lambda: Paginator(
                self.get_consultations(network, status, tag), CONSULTATIONS_PER_PAGE
            ).get_page(request.GET.get("page"))
        )
        context.update(
            {
                "consultation_index": self,
                "page_obj": page_obj,
                "consultations": SimpleLazyObject(
                    lambda: attach_networks(list(page_obj.object_list))
                ),
                "networks": SimpleLazyObject(lambda: self.networks),
                "statuses": Status.choices,
                "tags": SimpleLazyObject(lambda: list(self.tags_in_use())),
                "network": network,
                "status": status,
                "tag": tag,
                "rss_url": self.feed_url("rss", network=network),
                "atom_url": self.feed_url("atom", network=network),
            }
        )
        return context

    def get_cached_paths(self):
        """The paths a CDN purges with this page (Wagtail's frontend cache):
        the listing and its feeds. The page cache drops every route of the page with it."""
        return ["/", "/feed/rss/", "/feed/atom/"]

    @path("")
    def listing(self, request):
        """Every consultation, or those matching the filters."""
        return self.render(request)

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        """The RSS or Atom feed of the consultations (optionally one network's)."""
        network, _status, _tag = self.get_filters(request)
        consultations = attach_networks(list(self.get_consultations(network)[: feeds.FEED_LENGTH]))
        return feeds.serve_feed(request, kind, index=self, network=network, items=consultations)


def open_consultations_for(locale_id=None, network=None, count=3):
    """Returns up to `count` open consultations (all, or `network`'s),
    closing soonest first, in `locale_id`'s language where translated."""
    consultations = in_reader_language(ConsultationPage.objects.all(), locale_id)
    consultations = consultations.published().defer_streamfields().open()
    if network is not None:
        consultations = below_any_translation_of(consultations, network)
    return attach_networks(list(consultations[:count]))


def recent_outcomes_for(locale_id=None, network=None, count=3):
    """Returns up to `count` consultations whose outcome was published most
    recently (all, or `network`'s)."""
    consultations = in_reader_language(ConsultationPage.objects.all(), locale_id)
    consultations = (
        consultations.published()
        .defer_streamfields()
        .in_status(Status.RESULTS_PUBLISHED)
        .order_by("-outcome_published_at")
    )
    if network is not None:
        consultations = below_any_translation_of(consultations, network)
    return attach_networks(list(consultations[:count]))
