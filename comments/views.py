"""The residents' side: post a comment, reply to one, report one.

Every view answers a POST the same way: the page must be live, visible to the
poster and open for comments; the form must be valid; the spam defences run;
only then is anything stored, and the poster is redirected back to the page
(Post/Redirect/Get). On any refusal the page itself is rendered again with
everything the resident typed and a message that says what to do, and nothing
is stored.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from home.defences import client_ip, first_submission, rate_limited, submission_key
from home.models import SiteSettings

from . import spam
from .forms import AppealForm, CommentForm, ReportForm
from .models import (
    REPORTED_SESSION_KEY,
    Comment,
    CommentableMixin,
    CommentAppeal,
    CommentReport,
    CommentSettings,
    InvalidAppeal,
    InvalidTransition,
)
from .receipts import ExpiredReceipt, ForgedReceipt, comment_for_token

#: Session keys: the poster's own comments (shown back to them alone) and the
#: one just posted (for the thank-you message).
SESSION_MINE = "comments_mine"
SESSION_POSTED = "comments_posted"
MINE_KEPT = 20


@dataclass
class SectionState:
    """What a refused POST hands to `{% comments_section %}` when the page is
    rendered again: the bound form, the comment replied to, a notice, and the
    text typed on a page that has closed since."""

    page_key: object
    form: CommentForm | None = None
    parent: Comment | None = None
    notice: str = ""
    kept_text: str = ""


def commentable_page(request, page_id):
    """Returns the live, specific page `page_id` if it takes comments and the
    visitor may see it; otherwise raises Http404."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or not isinstance(page, CommentableMixin):
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def render_page(request, page, state, status):
    """Returns `page` rendered as Wagtail would serve it, with the comments
    section showing `state` (never `page.serve`, which a form page would treat
    as a submission of its own form)."""
    request.comments_state = state
    request.is_preview = False
    return TemplateResponse(
        request, page.get_template(request), page.get_context(request), status=status
    )


def remember_own_comment(request, comment):
    """Keeps the comment's id in the poster's session, so that the page can show
    it back to them alone while it waits for a moderator."""
    mine = [pk for pk in request.session.get(SESSION_MINE, []) if pk != comment.pk]
    request.session[SESSION_MINE] = (mine + [comment.pk])[-MINE_KEPT:]
    request.session[SESSION_POSTED] = comment.pk


def posted_url(request, page, fragment="comments-status"):
    return f"{page.get_url(request)}#{fragment}"


def key_of(request):
    """Returns the submission key of this POST (its form rendering and words)."""
    return submission_key(request.POST.get("started"), request.POST)


def posted_again(request, page, key):
    """Returns the answer the first time gave if the submission `key` (this
    POST's form rendering and words) was stored already (the answer was lost
    and the resident pressed the button again, or double-clicked): the same
    redirect, with the comment theirs again in this session; None otherwise.
    Nothing is stored again."""
    earlier = first_submission(Comment.objects.all(), key)
    if earlier is None:
        return None
    remember_own_comment(request, earlier)
    return redirect(posted_url(request, page))


def handle_comment(request, page, parent=None):
    """Validates, defends, stores and redirects: the one path for comments
    and replies. A form rendering is stored once (`posted_again`, then the
    unique submission key when two copies arrive at the same moment)."""
    key = key_of(request)
    again = posted_again(request, page, key)
    if again is not None:
        return again
    comment_settings = CommentSettings.load(request_or_site=request)
    state = SectionState(page_key=page.translation_key, parent=parent)

    closed_reason = page.get_comments_closed_reason()
    if closed_reason:
        state.notice = str(closed_reason)
        state.kept_text = request.POST.get("body", "")
        return render_page(request, page, state, status=403)

    form = CommentForm(request.POST)
    state.form = form
    if not form.is_valid():
        return render_page(request, page, state, status=400)

    ip = client_ip(request)
    email = form.cleaned_data["email"]
    limited = rate_limited(request, "comments", email=email)
    if limited:
        form.add_error(None, limited)
        return render_page(request, page, state, status=429)

    comment = form.save(commit=False)
    comment.page = page
    comment.parent = parent
    comment.language = (translation.get_language() or "")[:12]
    comment.ip_address = ip
    comment.submission_key = key
    comment.flags = spam.link_flags(comment.body, comment_settings.max_links)
    blocked = spam.blocklist_reason(
        comment_settings, name=comment.name, email=email, body=comment.body, ip=ip
    )
    try:
        with transaction.atomic():
            comment.save()
            if blocked:
                comment.mark_spam(by=None, note=blocked)
            elif not comment.flags and spam.is_trusted_commenter(page, email, comment_settings):
                comment.approve(by=None, note="Trusted commenter")
    except IntegrityError:
        # A copy of this rendering was stored at the same moment.
        again = posted_again(request, page, key)
        if again is None:
            raise
        return again
    remember_own_comment(request, comment)
    return redirect(posted_url(request, page))


@require_POST
def post_comment(request, page_id):
    """Posts a new top-level comment on page `page_id`."""
    page = commentable_page(request, page_id)
    return handle_comment(request, page)


@require_POST
def post_reply(request, page_id, parent_id):
    """Posts a reply (one level deep) to an approved top-level comment shown
    on page `page_id`."""
    page = commentable_page(request, page_id)
    parent = Comment.objects.public().top_level().for_page(page).filter(pk=parent_id).first()
    if parent is None:
        # A copy of a reply stored before its parent came down is answered as the first.
        again = posted_again(request, page, key_of(request))
        if again is not None:
            return again
        # Taken down (or never public) since the page was loaded: store
        # nothing, and give the text back as a new comment they may post.
        form = CommentForm(
            initial={key: request.POST.get(key, "") for key in ("name", "email", "body", "started")}
            | {"notify": bool(request.POST.get("notify"))},
        )
        state = SectionState(
            page_key=page.translation_key,
            form=form,
            notice=_(
                "The comment you replied to is no longer shown, so your reply was not "
                "posted. Your text is below: you can post it as a new comment."
            ),
        )
        return render_page(request, page, state, status=404)
    return handle_comment(request, page, parent=parent)


@require_http_methods(["GET", "POST"])
def report_comment(request, comment_id):
    """Shows (GET) and takes (POST) a reader's report on an approved comment.
    One report per IP address per comment, and as many reports an hour
    as the site settings allow; after the site's number of reports the
    comment is hidden until a moderator decides."""
    comment = Comment.objects.public().select_related("page").filter(pk=comment_id).first()
    if comment is None:
        raise Http404
    # The translation the reader was on (the report link says), so that they
    # go back to the page in their language.
    page_id = comment.page_id
    on = request.GET.get("on", "")
    if (
        on.isdigit()
        and Page.objects.filter(pk=on, translation_key=comment.page.translation_key).exists()
    ):
        page_id = int(on)
    page = commentable_page(request, page_id)
    closed_reason = page.get_comments_closed_reason()
    form = ReportForm(request.POST or None)
    context = {"comment": comment, "commented_page": page, "form": form, "closed": closed_reason}
    if closed_reason:
        return TemplateResponse(
            request, "comments/report.html", context, status=403 if request.POST else 200
        )
    if request.method == "GET" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "comments/report.html", context, status=status)
    limited = rate_limited(request, "reports")
    if limited:
        form.add_error(None, limited)
        return TemplateResponse(request, "comments/report.html", context, status=429)

    ip = client_ip(request)
    if CommentReport.objects.filter(comment=comment, ip_address=ip).exists():
        messages.info(
            request,
            _("You have already reported this comment. Thank you: a moderator will look at it."),
        )
        return redirect(posted_url(request, page, f"comment-{comment.pk}"))

    report = form.save(commit=False)
    report.comment = comment
    report.ip_address = ip
    with transaction.atomic():
        report.save()
        hide_if_reported_enough(comment, CommentSettings.load(request_or_site=request))
    # Thanked in the comments section, where the redirect takes the reader
    # (not in the site's messages at the top of the page, out of sight).
    request.session[REPORTED_SESSION_KEY] = comment.pk
    return redirect(posted_url(request, page, "comments"))


def hide_if_reported_enough(comment, comment_settings):
    """Hides an approved comment once it has the site's number of reports
    since its last decision (so that a comment a moderator restored starts
    again from none)."""
    threshold = comment_settings.reports_to_hide
    if not threshold:
        return
    reports = comment.reports.all()
    if comment.decided_at:
        reports = reports.filter(created_at__gt=comment.decided_at)
    count = reports.count()
    if count >= threshold:
        comment.refresh_from_db()
        if comment.can_transition("hide"):
            try:
                comment.hide(by=None, note=f"Hidden after {count} reports from readers")
            except InvalidTransition:  # another report got there first
                pass


#: What the receipt tells the writer about their comment now, by state. A
#: comment marked as spam reads as held, as it does under the page (spammers
#: learn nothing); hidden means it was up and is no longer.
RECEIPT_STATUS = {
    Comment.Status.PENDING: "pending",
    Comment.Status.APPROVED: "approved",
    Comment.Status.REJECTED: "rejected",
    Comment.Status.SPAM: "pending",
    Comment.Status.HIDDEN: "hidden",
}


def _appeal_refusal(reason):
    """Returns, for the writer, why their appeal was not taken (an
    InvalidAppeal reason)."""
    return {
        "already": _("You have already appealed this decision. You can appeal once."),
        "decided": _("Your appeal has been decided. You can appeal once."),
        "not_rejected": _("This comment is not rejected, so there is nothing to appeal."),
    }[reason]


def _private(response):
    """A receipt is personal: never stored by a browser, proxy or CDN, never
    indexed, and its address (the token) never sent on to another site."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    # same-origin, not no-referrer: the appeal form posts back here, and a
    # browser sends "Origin: null" (refused by the CSRF check) without one.
    response["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["GET", "POST"])
def receipt(request, token):
    """The writer's receipt (GET): their comment, its state now in words and,
    for a rejected one, the moderator's reason and the house rules; and the
    one appeal (POST) against a rejection. A forged link is a 404 that names
    nothing, an expired one a 410 that says so."""
    try:
        comment = comment_for_token(token)
    except ExpiredReceipt:
        return _private(
            TemplateResponse(
                request, "comments/receipt_refused.html", {"expired": True}, status=410
            )
        )
    except ForgedReceipt:
        return _private(TemplateResponse(request, "comments/receipt_refused.html", {}, status=404))
    status, refusal, form = 200, "", None
    if request.method == "POST":
        form = AppealForm(request.POST)
        status, refusal = _take_appeal(request, comment, form)
        if status == 303:
            return redirect(request.path + "#appeal")
    appeal = CommentAppeal.objects.filter(comment=comment).first()
    can_appeal = comment.status == Comment.Status.REJECTED and appeal is None
    if can_appeal and form is None:
        form = AppealForm()
    house_rules = SiteSettings.load(request_or_site=request).house_rules_page
    context = {
        "comment": comment,
        "commented_page": comment.page.localized,
        "state": RECEIPT_STATUS[comment.status],
        "appeal": appeal,
        "can_appeal": can_appeal,
        "form": form if can_appeal else None,
        "refusal": refusal,
        # A refused appeal gives back what was typed, so nothing is lost.
        "kept_note": request.POST.get("note", "") if refusal else "",
        "house_rules_url": house_rules.localized.get_url(request) if house_rules else "",
    }
    return _private(TemplateResponse(request, "comments/receipt.html", context, status=status))


def _take_appeal(request, comment, form):
    """Validates, limits and stores an appeal. Returns (status, refusal):
    303 once stored, else the status to answer with and what to say."""
    appeal = getattr(comment, "appeal", None)
    if appeal is not None:
        return 409, _appeal_refusal("decided" if not appeal.is_open else "already")
    if comment.status != Comment.Status.REJECTED:
        return 409, _appeal_refusal("not_rejected")
    if not form.is_valid():
        return 400, ""
    limited = rate_limited(request, "comment-appeal", email=comment.email)
    if limited:
        form.add_error(None, limited)
        return 429, ""
    try:
        CommentAppeal.open_for(comment, form.cleaned_data["note"])
    except InvalidAppeal as refused:
        return 409, _appeal_refusal(refused.reason)
    return 303, ""
