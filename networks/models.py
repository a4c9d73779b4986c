"""Networks: the directory of networks, each network's own section of the
site, and the people who ask to join a network or to start a new one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.admin_forms import PageAdminForm
from home.blocks import BaseStreamBlock
from home.routing import CachedViewRestrictionsMixin, DeferredChildRouteMixin
from languages.listings import below_any_translation_of, in_reader_language

DIRECTORY_PAGE_SIZE = 12


def thanks(request, page, *, heading, message, back_label, status=200):
    """Returns the confirmation page shown after one of the public forms (or,
    with another `status`, the page that says why a form is not taken).
    Private: it answers one person's form, so no cache keeps it."""
    response = TemplateResponse(
        request,
        "networks/form_thanks.html",
        {
            "page": page,
            "heading": heading,
            "message": message,
            "back_url": page.url,
            "back_label": back_label,
        },
        status=status,
    )
    patch_cache_control(response, private=True)
    return response


class NetworkStatus(models.TextChoices):
    """Where a network is in its life: people can tell a new network from a
    finished one."""

    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class PrincipleBlock(blocks.StructBlock):
    """One value, behaviour or outcome: a short name and what it means in practice."""

    title = blocks.CharBlock(label=_("In a few words"), max_length=120)
    description = blocks.TextBlock(label=_("What it means in practice"), required=False)

    class Meta:
        icon = "list-ul"


def principles_field(verbose_name, help_text):
    """Returns a StreamField holding a list of principles (values, behaviours or outcomes)."""
    return StreamField(
        [("item", PrincipleBlock(label=_("Item")))],
        blank=True,
        verbose_name=verbose_name,
        help_text=help_text,
    )


class NetworkIndexPage(
    CachedViewRestrictionsMixin, RoutablePageMixin, DeferredChildRouteMixin, Page
):
    """The directory of every network, at /networks/: filtered by theme,
    area and status, with counts, and the way in to start a new network."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network directory")

    def get_networks(self):
        """Returns the live, public networks of the directory, one version of
        each in the reader's language where there is one, with what their
        cards show fetched up front."""
        # Every network, in the reader's language where it has been translated
        # (see languages.listings): a directory in Bengali is never empty.
        networks = below_any_translation_of(NetworkPage.objects.all(), self, children_only=True)
        return (
            in_reader_language(networks, self.locale_id)
            .live()
            .public()
            .defer_streamfields()
            .select_related("logo")
            .prefetch_related("tagged_items__tag", "logo__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from .filters import NetworkDirectoryFilter

        context = super().get_context(request, *args, **kwargs)
        # Fetched only if the directory is rendered, not served from its fragment.
        directory = SimpleLazyObject(
            lambda: NetworkDirectoryFilter(request.GET, self.get_networks())
        )
        page_obj = SimpleLazyObject(
            lambda: Paginator(directory.queryset(), DIRECTORY_PAGE_SIZE).get_page(
                request.GET.get("page")
            )
        )
        context.update(
            directory=directory,
            page_obj=page_obj,
            networks=SimpleLazyObject(lambda: page_obj.object_list),
        )
        return context

    @path("start/", name="start")
    def start_network(self, request):
        """'Start a network': a proposal that site admins read and decide,
        told of it by email."""
        from .forms import NetworkProposalForm, handle_public_form
        from .tasks import send_proposal_to_admins

        def save(form):
            # The proposer is answered in the language they wrote in.
            form.instance.language = request.LANGUAGE_CODE
            proposal = form.save()
            # Robust: the form is stored, so a notice that fails must not break the thanks.
            transaction.on_commit(lambda: send_proposal_to_admins.enqueue(proposal.pk), robust=True)
            return redirect(self.url + self.reverse_subpage("start_thanks"))

        return handle_public_form(
            request,
            NetworkProposalForm,
            scope="proposal",
            template="networks/network_proposal_form.html",
            context={
                "page": self,
                "self": self,
                # The page that invites residents to start a network is for
                # search engines too: its own description and address.
                "canonical_url": self.full_url + self.reverse_subpage("start"),
                "og_title": _("Start a network"),
                "meta_description": _(
                    "Start a network on Commons: tell us what it is for and who is in it, "
                    "and we will set up its section of the site with you."
                ),
            },
            on_valid=save,
        )

    @path("start/thanks/", name="start_thanks")
    def start_network_thanks(self, request):
        """Confirms that a proposal is with the site admins."""
        return thanks(
            request,
            self,
            heading=_("Thank you: your proposal is with us"),
            message=_(
                "The people who run Commons will read it and write to you at the "
                "address you gave, usually within two weeks."
            ),
            back_label=_("Back to the networks"),
        )


class NetworkTheme(TagBase):
    """A theme networks work on (food, health, young people, …), offered in
    the directory's theme filter. Kept apart from the blog's tags (and from
    images' and documents' tags), so each has clean slugs of its own."""

    free_tagging = True

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class NetworkPageTag(ItemBase):
    """A theme of a network (food, health, young people, …)."""

    tag = models.ForeignKey(NetworkTheme, on_delete=models.CASCADE, related_name="tagged_networks")
    content_object = ParentalKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CommentPolicy(models.TextChoices):
    """How a network moderates the comments on its pages (the comments app
    reads it through `NetworkPage.comment_policy`)."""

    HOLD_ALL = "hold_all", _("Hold every comment for a moderator")
    TRUST_REGULARS = "trust_regulars", _("Approve trusted commenters automatically")


class NetworkPage(CachedViewRestrictionsMixin, RoutablePageMixin, DeferredChildRouteMixin, Page):
    """One network's home: who they are, what they value, and what they publish.
    Its subtree is where its editors work and its moderators moderate; its
    editor and moderator groups come and go with it (see networks.groups).
    Its comment policy governs every page inside it: the comments app asks
    `networks.permissions.network_for_page(page)` and reads `comment_policy`,
    `trusted_after`, `comments_close_after_days` and `moderation_target_hours`
    (blank: the site's comment settings)."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for the directory.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("about the network"))
    values = principles_field(_("values"), _("What the network holds to."))
    behaviours = principles_field(_("behaviours"), _("How members work together."))
    outcomes = principles_field(_("outcomes"), _("What the network wants to change."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=NetworkStatus.choices, default=NetworkStatus.ACTIVE
    )
    area = models.CharField(
        _("area"),
        max_length=80,
        blank=True,
        help_text=_("The neighbourhood the network works in; leave empty if borough-wide."),
    )
    themes = ClusterTaggableManager(through=NetworkPageTag, blank=True, verbose_name=_("themes"))
    meetings = models.TextField(
        _("how and when we meet"),
        blank=True,
        help_text=_("For example: first Tuesday of the month, 6pm, in a different youth club."),
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Where the contact form and join requests are sent. Never shown on the site."),
    )
    requires_approval = models.BooleanField(
        _("editors' pages need approval"),
        default=False,
        help_text=_(
            "When on, the network's editors submit pages for approval by the network's "
            "moderators instead of publishing them."
        ),
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("editors group"),
    )
    moderators_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderators group"),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("images and documents collection"),
    )
    comment_policy = models.CharField(
        _("comment moderation"),
        max_length=20,
        choices=CommentPolicy,
        default=CommentPolicy.HOLD_ALL,
    )
    trusted_after = models.PositiveSmallIntegerField(
        _("trusted after this many approved comments"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the site default."),
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("close comments after this many days"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the site default."),
    )
    moderation_target_hours = models.PositiveSmallIntegerField(
        _("moderation target (hours)"),
        null=True,
        validators=[MinValueValidator(1)],
        blank=True,
        help_text=_(
            "How long a comment may wait for a decision before the site moderators are "
            "told. Leave blank to use the site default."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("area")]),
                FieldPanel("themes"),
                FieldPanel("logo"),
            ],
            heading=_("In the directory"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("values"), FieldPanel("behaviours"), FieldPanel("outcomes")],
            heading=_("Values, behaviours and outcomes"),
        ),
        MultiFieldPanel(
            [FieldPanel("meetings"), FieldPanel("website"), FieldPanel("contact_email")],
            heading=_("Meeting and contact"),
        ),
        InlinePanel("member_organisations", label=_("Member organisations")),
    ]
    settings_panels = Page.settings_panels + [
        # Only site admins decide whether a network's pages need approval.
        FieldPanel("requires_approval", permission="networks.manage_network"),
        MultiFieldPanel(
            [
                FieldPanel("comment_policy"),
                FieldPanel("trusted_after"),
                FieldPanel("comments_close_after_days"),
                FieldPanel("moderation_target_hours"),
            ],
            heading=_("Comments"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("area"),
    ]

    parent_page_types = ["networks.NetworkIndexPage"]

    class Meta:
        verbose_name = _("network")
        permissions = [
            ("moderate_network", _("Can moderate contributions in the network")),
            ("manage_network", _("Can decide whether a network's pages need approval")),
        ]

    def clean(self):
        super().clean()
        duplicate = (
            NetworkPage.objects.filter(title__iexact=self.title, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )
        if self.title and duplicate.exists():
            raise ValidationError({"title": _("A network with this name already exists.")})

    def get_member_organisations(self):
        """Returns the member organisations the network's editors list."""
        return self.member_organisations.all()

    def get_public_members(self):
        """Returns the accepted join requests of people who agreed to be listed."""
        return self.join_requests.filter(
            status=JoinRequest.Status.ACCEPTED, list_publicly=True
        ).order_by("name")

    def accepts_join_requests(self):
        """Returns whether people may ask to join: not once the network has closed."""
        return self.status != NetworkStatus.CLOSED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["member_organisations"] = self.get_member_organisations()
        context["public_members"] = self.get_public_members()
        context["themes"] = self.themes.all()
        context["principles"] = [
            (_("Our values"), self.values),
            (_("How we work together"), self.behaviours),
            (_("What we want to change"), self.outcomes),
        ]
        context["directory"] = self.get_parent()
        return context

    @path("join/", name="join")
    def join(self, request):
        """'Join this network': the request is stored for the network's
        editors, who are told of it by email."""
        from .forms import JoinRequestForm, handle_public_form
        from .tasks import send_join_request_to_editors

        if not self.accepts_join_requests():
            # The page hides the form, but a saved or forged POST must not
            # store a request that no one will ever decide.
            return thanks(
                request,
                self,
                heading=_("This network has closed"),
                message=_(
                    "It no longer takes new members, so your request was not sent. "
                    "Other networks in the directory may welcome you."
                ),
                back_label=_("Back to the network"),
                status=403,
            )

        def save(form):
            form.instance.network = self
            join_request = form.save()
            # Robust: the form is stored, so a notice that fails must not break the thanks.
            transaction.on_commit(
                lambda: send_join_request_to_editors.enqueue(join_request.pk), robust=True
            )
            return redirect(self.url + self.reverse_subpage("join_thanks"))

        return handle_public_form(
            request,
            JoinRequestForm,
            scope="join",
            template="networks/join_request_form.html",
            context={"page": self},
            on_valid=save,
        )

    @path("join/thanks/", name="join_thanks")
    def join_thanks(self, request):
        """Confirms that a join request is with the network's editors."""
        return thanks(
            request,
            self,
            heading=_("Thank you: your request is with the network"),
            message=_(
                "The network's editors will read it and write to you at the address "
                "you gave to tell you what they decided."
            ),
            back_label=_("Back to the network"),
        )

    @path("contact/", name="contact")
    def contact(self, request):
        """A contact form that reaches the network without publishing its address."""
        from .forms import ContactForm, handle_public_form
        from .tasks import send_contact_message

        def send(form):
            message = {key: form.cleaned_data[key] for key in ("name", "email", "message")}
            transaction.on_commit(
                lambda: send_contact_message.enqueue(network_id=self.pk, **message)
            )
            return redirect(self.url + self.reverse_subpage("contact_thanks"))

        return handle_public_form(
            request,
            ContactForm,
            scope="contact",
            template="networks/contact_form.html",
            context={"page": self},
            on_valid=send,
        )

    @path("contact/thanks/", name="contact_thanks")
    def contact_thanks(self, request):
        """Confirms that a message is on its way to the network."""
        return thanks(
            request,
            self,
            heading=_("Thank you: your message is on its way"),
            message=_("Someone from the network will write back to you."),
            back_label=_("Back to the network"),
        )


class MemberOrganisation(Orderable):
    """An organisation that is part of a network, listed on its page."""

    network = ParentalKey(
        NetworkPage, on_delete=models.CASCADE, related_name="member_organisations"
    )
    name = models.CharField(pgettext_lazy("organisation", "name"), max_length=160)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self):
        return self.name


class DecisionQuerySet(models.QuerySet):
    """Querysets of requests that someone decides: pending ones first."""

    def pending(self):
        return self.filter(status=JoinRequest.Status.PENDING)


class Decision(models.Model):
    """A request that staff accept or decline once; who decided and when is
    kept on the row and in Wagtail's audit log."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_message = models.TextField(
        _("message sent with the decision"), blank=True, max_length=2000
    )

    objects = DecisionQuerySet.as_manager()

    #: True where the person who asked is emailed the decision (the decision
    #: page says so, and offers to add a message to the email).
    emails_outcome = False

    log_action_prefix = ""

    class Meta:
        abstract = True

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def get_requester(self):
        """Returns (name, email) of the person told the decision; the
        decision page names them."""
        raise NotImplementedError

    def _decide(self, status, by, message=""):
        """Records the decision, with the message that goes with it (kept on
        the row and in the audit log)."""
        if not self.is_pending:
            raise ValidationError(_("This request has already been decided."))
        self.status = status
        self.decided_at = timezone.now()
        self.decided_by = by
        self.decision_message = (message or "").strip()
        self.save(update_fields=["status", "decided_at", "decided_by", "decision_message"])
        log(
            instance=self,
            action=f"{self.log_action_prefix}.{status}",
            user=by,
            data={"message": self.decision_message} if self.decision_message else None,
        )


class JoinRequest(Decision):
    """Someone asking to join a network. The network's editors accept or
    decline it; the requester is told by email; an accepted member who agreed
    is listed on the network's page."""

    network = models.ForeignKey(
        NetworkPage,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("network"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    list_publicly = models.BooleanField(_("may be listed publicly"), default=False)

    log_action_prefix = "networks.join_request"
    emails_outcome = True

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self):
        return _("%(name)s wants to join %(network)s") % {
            "name": self.name,
            "network": self.network.title,
        }

    def get_requester(self):
        return self.name, self.email

    def accept(self, by, message=""):
        """Accepts the request and tells the requester, with the editor's
        `message` if any, by a background task."""
        from .tasks import send_join_request_outcome

        with transaction.atomic():
            self._decide(self.Status.ACCEPTED, by, message)
            transaction.on_commit(lambda: send_join_request_outcome.enqueue(self.pk))

    def decline(self, by, message=""):
        """Declines the request and tells the requester, with the editor's
        `message` if any, by a background task."""
        from .tasks import send_join_request_outcome

        with transaction.atomic():
            self._decide(self.Status.DECLINED, by, message)
            transaction.on_commit(lambda: send_join_request_outcome.enqueue(self.pk))


class NetworkProposal(Decision):
    """A proposal to start a network, decided by site admins; accepting it
    creates the network as a draft page with its groups."""

    name = models.CharField(_("name of the network"), max_length=120)
    purpose = models.TextField(_("what it is for"), max_length=2000)
    members = models.TextField(_("who is in it"), max_length=2000)
    area = models.CharField(
        _("area"),
        max_length=80,
        blank=True,
        help_text=_("The neighbourhood it works in; leave empty if borough-wide."),
    )
    contact_name = models.CharField(_("your name"), max_length=120)
    contact_email = models.EmailField(_("your email"))
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        editable=False,
        help_text=_("The language the proposer wrote in; the decision is emailed in it."),
    )
    network = models.ForeignKey(
        NetworkPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("network created"),
    )

    log_action_prefix = "networks.proposal"
    emails_outcome = True

    class Meta:
        verbose_name = _("network proposal")
        verbose_name_plural = _("network proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name

    def get_requester(self):
        return self.contact_name, self.contact_email

    def accept(self, by, message="", directory=None):
        """Accepts the proposal: creates the network as a draft under the
        directory (with its editor and moderator groups) and returns it. The
        proposer is told, with the admin's `message` if any, by a background
        task."""
        from .tasks import send_proposal_outcome

        directory = directory or NetworkIndexPage.objects.first()
        with transaction.atomic():
            slug = base = slugify(self.name)[:60] or "network"
            n = 1
            while directory.get_children().filter(slug=slug).exists():
                n += 1
                slug = f"{base}-{n}"
            network = NetworkPage(
                title=self.name,
                slug=slug,
                summary=self.purpose[:300],
                area=self.area,
                status=NetworkStatus.FORMING,
                contact_email=self.contact_email,
                live=False,
                owner=by,
            )
            directory.add_child(instance=network)
            network.save_revision(user=by, log_action=True)
            self.network = network
            self.save(update_fields=["network"])
            self._decide(self.Status.ACCEPTED, by, message)
            transaction.on_commit(lambda: send_proposal_outcome.enqueue(self.pk))
        return network

    def decline(self, by, message=""):
        """Declines the proposal and tells the proposer, with the admin's
        `message` if any, by a background task."""
        from .tasks import send_proposal_outcome

        with transaction.atomic():
            self._decide(self.Status.DECLINED, by, message)
            transaction.on_commit(lambda: send_proposal_outcome.enqueue(self.pk))
