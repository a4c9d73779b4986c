"""Every admin URL, by construction: nothing of another network leaks.

The admin's URL patterns are read from Django's URL resolver, so a view
added by any app (or by a Wagtail upgrade) is covered without new test code.
Each pattern with an id in its path, each bulk action (`?id=`, and
`?id=all&childOf=`), each chooser that answers for `?id=` and each admin API
endpoint is filled with the ids of objects that belong to network B (a draft
page, an image, a document, a person, a pending comment, a join request, and
what hangs off them) and requested as network A's editor and moderator. The
answer may be anything but a crash, provided neither its body, its redirect
nor the messages it queues name any of those objects: their own text values
(titles, names, emails, file names) are looked for.

How a pattern's ids are filled:

- OBJECTS: one row per model, making (or finding) network B's instance. A
  new model with admin URLs (consultation responses, event registrations)
  is one row here; a row marked secret has its text values looked for.
- KWARG_MODELS: which model a path parameter names (`page_id` is a page).
  A `pk` names the view's own model (URL_MODELS where the view cannot say).
- KWARG_VALUES: parameters that are not ids (`action_name`, `filter_spec`).
- QUERIES: views that take the ids they act on in the query string
  (deleting form submissions: `?selected-submissions=`).
- `app_label`/`model_name` pairs are tried with every row's model.

A pattern with a parameter none of these explains fails the test, with a
message saying which table to extend, unless it is listed in EXEMPT with the
reason.
"""

import datetime
import itertools
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.urls import URLResolver, get_resolver, resolve
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, UploadedFile, Workflow
from wagtail_localize.models import Translation, TranslationSource

import pytest
from PIL import Image as PILImage

from blog.models import Person
from comments.models import Comment, CommentAppeal
from consultations.models import ConsultationFormField, ConsultationPage, ConsultationResponse
from events.models import EventPage, Registration
from home.models import StandardPage
from networks.models import JoinRequest, NetworkPage, NetworkProposal

pytestmark = pytest.mark.django_db

MARKER = "Quokka"  # in every secret text value, and the word searched for
OTHER = "digital-practitioners"  # network B; the roles below are network A's
ROLES = ["editor A", "moderator A"]

# Patterns deliberately not requested, with the reason.
EXEMPT = {
    "wagtailadmin_password_reset_confirm": "a signed token for a logged-out user, no object id",
}
# Views that show a model's objects to every network's staff by design
# (URL name prefix: model label and the reason); other objects are still
# looked for in their answers.
SHOWN_BY_DESIGN = {
    "wagtailsnippetchoosers_blog_person:": (
        "blog.person",
        "the author chooser offers every network's people, so networks co-author",
    ),
    "wagtail_localize:snippets_api_": (
        "blog.person",
        "wagtail-localize's snippet chooser: the same people as the author chooser",
    ),
}


def _png():
    buffer = BytesIO()
    PILImage.new("RGB", (20, 20), "purple").save(buffer, "PNG")
    return buffer


def _network(made):
    return NetworkPage.objects.get(slug=OTHER, locale__language_code="en")


def _editor(made):
    return get_user_model().objects.get(username=f"{OTHER}-editor")


def _page(made, title=f"{MARKER} plan of B awaiting approval"):
    page = StandardPage(
        title=title,
        slug=slugify(title),
        intro=f"{MARKER} intro of B",
        # A web address: wagtail-localize makes it an overridable segment.
        body=[("call_to_action", {"text": "Read", "url": "https://quokka.example.org/"})],
    )
    _network(made).add_child(instance=page)
    page.save_revision(user=_editor(made))
    page.unpublish()  # a draft that was never meant to be seen
    return page


def _image(made):
    return Image.objects.create(
        title=f"{MARKER} image of B",
        file=ImageFile(_png(), name="quokka-image-of-b.png"),
        collection=_network(made).collection,
    )


def _document(made):
    return Document.objects.create(
        title=f"{MARKER} minutes of B",
        file=ContentFile(b"minutes", name="quokka-minutes-of-b.txt"),
        collection=_network(made).collection,
    )


def _person(made):
    return Person.objects.create(name=f"{MARKER} Person of B", network=_network(made))


def _comment(made):
    return Comment.objects.create(
        page=_network(made),
        name=f"{MARKER} Commenter of B",
        email="quokka-commenter@example.org",
        body=f"{MARKER} comment waiting in B",
    )


def _appeal(made):
    rejected = Comment.objects.create(
        page=_network(made),
        name=f"{MARKER} Appellant of B",
        email="quokka-appellant@example.org",
        body=f"{MARKER} comment rejected in B",
        status=Comment.Status.REJECTED,
        decision_note=f"{MARKER} reason of B",
    )
    return CommentAppeal.objects.create(comment=rejected, note=f"{MARKER} appeal note of B")


def _join_request(made):
    return JoinRequest.objects.create(
        network=_network(made), name=f"{MARKER} Joiner of B", email="quokka-joiner@example.org"
    )


def _proposal(made):
    return NetworkProposal.objects.create(
        name=f"{MARKER} proposed network",
        purpose=f"{MARKER} purpose",
        contact_name=f"{MARKER} Proposer",
        contact_email="quokka-proposer@example.org",
    )


def _consultation(made):
    """A closed consultation of B (live: its title and questions are public)."""
    now = timezone.now()
    page = ConsultationPage(
        title="Consultation of B",
        slug="consultation-of-b",
        summary="Closed.",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now - datetime.timedelta(days=1),
        form_fields=[ConsultationFormField(label="Why?", field_type="multiline", required=False)],
    )
    _network(made).add_child(instance=page)
    page.save_revision(user=_editor(made)).publish()
    return page


def _consultation_response(made):
    """A response to B's consultation: only B's editors and site admins read it."""
    return ConsultationResponse.objects.create(
        page=made["consultations.consultationpage"],
        form_data={"why": f"{MARKER} answer to B"},
        name=f"{MARKER} Respondent of B",
        email="quokka-respondent@example.org",
        language="en",
        publication="approved",
        published_text=f"{MARKER} published answer of B",
        redaction_reason=f"{MARKER} reason for redacting",
    )


def _event(made):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    event = EventPage(
        title=f"{MARKER} event of B",
        slug="quokka-event-of-b",
        summary=f"{MARKER} summary of B's event",
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_enabled=True,
        capacity=1,
    )
    _network(made).add_child(instance=event)
    event.save_revision(user=_editor(made))
    event.unpublish()  # its title is not public either
    return event


def _registration(made):
    return Registration.objects.create(
        event=made["events.eventpage"],
        name=f"{MARKER} Registrant of B",
        email="quokka-registrant@example.org",
        access_needs=f"{MARKER} access needs of B's registrant",
        status=Registration.Status.CONFIRMED,
        position=1,
    )


def _workflow_state(made):
    workflow = Workflow.objects.filter(active=True, workflow_tasks__isnull=False).first()
    return workflow.start(made["wagtailcore.page"], _editor(made))


def _translation(made):

    source, _created = TranslationSource.get_or_create_from_instance(made["wagtailcore.page"])
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="pl")
    )
    translation.save_target(user=_editor(made), publish=False)
    return translation


def _uploaded_file(made):
    return UploadedFile.objects.create(
        file=ImageFile(_png(), name="quokka-upload-of-b.png"),
        for_content_type=ContentType.objects.get_for_model(Image),
        uploaded_by_user=_editor(made),
    )


def _editing_session(made):

    return EditingSession.objects.create(
        user=_editor(made),
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(made["wagtailcore.page"].pk),
        last_seen_at=timezone.now(),
    )


def _redirect(made):
    return Redirect.objects.create(
        old_path="/quokka-old-path", redirect_page=made["wagtailcore.page"]
    )


@dataclass
class Row:
    make: object  # made -> instance (made holds the rows before it)
    secret: bool = True  # its text values must not reach network A's staff


def _get(label, **lookup):
    return lambda made: apps.get_model(label)._default_manager.filter(**lookup).first()


# One row per model whose ids appear in admin URLs, in dependency order.
OBJECTS = {
    "wagtailcore.page": Row(_page),  # in moderation (see the workflow rows)
    "draft page": Row(lambda made: _page(made, f"{MARKER} draft plan of B")),  # never submitted
    "wagtailimages.image": Row(_image),
    "wagtaildocs.document": Row(_document),
    "blog.person": Row(_person),
    "comments.comment": Row(_comment),
    "comments.commentappeal": Row(_appeal),
    "networks.joinrequest": Row(_join_request),
    "networks.networkproposal": Row(_proposal),
    "consultations.consultationpage": Row(_consultation, secret=False),  # live, public
    "consultations.consultationresponse": Row(_consultation_response),
    "events.eventpage": Row(_event),
    "events.registration": Row(_registration),
    "wagtailcore.revision": Row(lambda made: made["wagtailcore.page"].latest_revision),
    "wagtailcore.workflowstate": Row(_workflow_state),
    "wagtailcore.taskstate": Row(lambda made: made["wagtailcore.workflowstate"].current_task_state),
    "wagtailcore.task": Row(lambda made: made["wagtailcore.taskstate"].task),
    "wagtailcore.workflow": Row(lambda made: made["wagtailcore.workflowstate"].workflow),
    "wagtail_localize.translation": Row(_translation),
    "wagtail_localize.translationsource": Row(
        lambda made: made["wagtail_localize.translation"].source
    ),
    "wagtail_localize.stringsegment": Row(
        lambda made: (
            apps.get_model("wagtail_localize.stringsegment")
            .objects.filter(source=made["wagtail_localize.translationsource"])
            .first()
        )
    ),
    "wagtail_localize.overridablesegment": Row(
        lambda made: (
            apps.get_model("wagtail_localize.overridablesegment")
            .objects.filter(source=made["wagtail_localize.translationsource"])
            .first()
        )
    ),
    "wagtailcore.uploadedfile": Row(_uploaded_file),
    "wagtailadmin.editingsession": Row(_editing_session),
    "wagtailredirects.redirect": Row(_redirect),
    # Site-wide things: not network B's, refused to network staff anyway;
    # requested so that no view of them shows B's objects either.
    "wagtailcore.collection": Row(lambda made: _network(made).collection, secret=False),
    "accounts.user": Row(_editor, secret=False),
    "auth.group": Row(_get("auth.group", name__startswith="Digital"), secret=False),
    "wagtailcore.site": Row(_get("wagtailcore.site"), secret=False),
    "wagtailcore.locale": Row(_get("wagtailcore.locale", language_code="pl"), secret=False),
    "home.sitesettings": Row(_get("home.sitesettings"), secret=False),
    # A network's health page (/admin/health/<network_id>/): its title is
    # public; its figures are refused to other networks' staff (tests/health).
    "networks.networkpage": Row(_network, secret=False),
}

# Every pattern with a page in it is tried with each of these pages (the
# consultation: the form-submission views list its responses; B's event
# page, which has registrations).
PAGES = ["wagtailcore.page", "draft page", "consultations.consultationpage", "events.eventpage"]

# Path parameters that name an object of a model (a `pk` is the view's model).
KWARG_MODELS = {
    **dict.fromkeys(
        ["page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"],
        "wagtailcore.page",
    ),
    "image_id": "wagtailimages.image",
    **dict.fromkeys(["document_id", "doc_id"], "wagtaildocs.document"),
    "collection_id": "wagtailcore.collection",
    "revision_id": "wagtailcore.revision",
    "task_id": "wagtailcore.task",
    "task_state_id": "wagtailcore.taskstate",
    "workflow_state_id": "wagtailcore.workflowstate",
    "workflow_pk": "wagtailcore.workflow",
    "translation_id": "wagtail_localize.translation",
    "translation_source_id": "wagtail_localize.translationsource",
    "string_segment_id": "wagtail_localize.stringsegment",
    "overridable_segment_id": "wagtail_localize.overridablesegment",
    "uploaded_file_id": "wagtailcore.uploadedfile",
    "session_id": "wagtailadmin.editingsession",
    "redirect_id": "wagtailredirects.redirect",
    "redirect_pk": "wagtailredirects.redirect",
    "event_id": "events.eventpage",
    "network_id": "networks.networkpage",
}

# Path parameters that are not ids.
KWARG_VALUES = {
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "action_name": "approve",
    "action": "approve",
    "mode": "form",
    "filter_spec": "original",
    "content_type_app_name": "home",
    "content_type_model_name": "standardpage",
}
MODEL_PAIRS = [("app_label", "model_name"), ("app_name", "model_name")]

# Views that take the ids they act on in the query string, by URL name.
QUERIES = {
    "wagtailforms:delete_submissions": lambda made: [
        {},
        {"selected-submissions": made["consultations.consultationresponse"].pk},
    ],
}

# Views whose `pk` is not of the model the view declares (or that declare none).
URL_MODELS = {
    "wagtailadmin_workflows:usage": "wagtailcore.workflow",
    "wagtailadmin_workflows:usage_results": "wagtailcore.workflow",
    "wagtailadmin_workflows:enable": "wagtailcore.workflow",
    "wagtailadmin_pages:revisions_compare": "wagtailcore.page",
    "networks_join_requests:detail": "networks.joinrequest",
    "networks_proposals:detail": "networks.networkproposal",
    "consultations_answers:detail": "consultations.consultationresponse",
    "comments:review": "comments.comment",
    "comments:action": "comments.comment",
    "comments:appeal": "comments.commentappeal",
    "wagtailadmin_workflows:edit_task": "wagtailcore.task",
    "wagtailadmin_workflows:enable_task": "wagtailcore.task",
    "wagtailadmin_workflows:disable_task": "wagtailcore.task",
    "wagtaildocs_chooser:chosen": "wagtaildocs.document",
}


def view_model(callback):
    """Returns the model a view declares (Django's and DRF's class-based
    views), looking through decorators; None for a function view."""
    for attr in ("view_initkwargs", "initkwargs"):
        model = (getattr(callback, attr, None) or {}).get("model")
        if isinstance(model, type) and issubclass(model, models.Model):
            return model
    for attr in ("view_class", "cls"):
        model = getattr(getattr(callback, attr, None), "model", None)
        if isinstance(model, type) and issubclass(model, models.Model):
            return model
    wrapped = getattr(callback, "__wrapped__", None)
    return view_model(wrapped) if wrapped else None


def admin_patterns():
    """Yields (route, name, callback) of every pattern under /admin/."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                route = prefix + str(pattern.pattern)
                yield route, namespace + (pattern.name or ""), pattern.callback

    for route, name, callback in walk(get_resolver().url_patterns, "", ""):
        if route.startswith("admin/"):
            yield route, name, callback


def parameters(route):
    return re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)


def build(route, values):
    """Returns the path of `route` with its parameters replaced by `values`."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m[1]]), route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m[1]]), path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def label(model):
    return model._meta.label_lower


def requests_for(route, name, callback, made):
    """Returns the (path, query) pairs to request for one pattern, or raises
    LookupError naming what the tables lack."""
    names = {a or b for a, b in parameters(route)}
    if {"app_label", "model_name", "action"} <= names:
        return bulk_requests(route, made)
    query_variants = [{}]
    if name.startswith("wagtailadmin_api:"):
        query_variants = [{"search": MARKER}, {"child_of": _network(made).pk}]
        if name.endswith(":find"):
            model = label(view_model(callback))
            query_variants = [{"id": made[model].pk}]
    elif route.endswith("chosen-multiple/"):
        model = label(view_model(callback)) if view_model(callback) else "wagtailcore.page"
        query_variants = [{"id": made[model].pk}]
    elif name in QUERIES:
        query_variants = QUERIES[name](made)
    elif not names:
        return []
    pairs = [pair for pair in MODEL_PAIRS if set(pair) <= names]
    models_to_try = [key for key, row in OBJECTS.items() if row.secret and "." in key]
    pages = PAGES if {KWARG_MODELS.get(kwarg) for kwarg in names} & {PAGES[0]} else PAGES[:1]
    found = []
    for page_row, model_label in itertools.product(pages, models_to_try if pairs else [None]):
        objects = {**made, "wagtailcore.page": made[page_row]}
        values = dict(KWARG_VALUES)
        if pairs:
            values[pairs[0][0]], values[pairs[0][1]] = model_label.split(".")
        pk_model = model_label or URL_MODELS.get(name)
        if pk_model is None and view_model(callback) is not None:
            pk_model = label(view_model(callback))
        for kwarg in names - values.keys():
            model = KWARG_MODELS.get(kwarg) or (pk_model if kwarg in {"pk", "object_id"} else None)
            if model is None:
                raise LookupError(f"{name} ({route}): what is {kwarg!r}? Extend URL_MODELS")
            if model not in OBJECTS:
                raise LookupError(f"{name} ({route}): no OBJECTS row for {model}")
            values[kwarg] = objects[model].pk
        found += [(build(route, values), query) for query in query_variants]
    return found


def bulk_requests(route, made):
    """Every registered bulk action, with network B's object as `?id=` and,
    for pages, every child of B's network page (`?id=all&childOf=`)."""
    bulk_action_registry._scan_for_bulk_actions()
    found = []
    for app_label, by_model in bulk_action_registry.actions.items():
        for model_name, actions in by_model.items():
            model = f"{app_label}.{model_name}"
            if model not in OBJECTS:
                raise LookupError(f"bulk actions of {model}: no OBJECTS row for it")
            for action in actions:
                values = {"app_label": app_label, "model_name": model_name, "action": action}
                path = build(route, values)
                found.append((path, {"id": made[model].pk}))
                if model == "wagtailcore.page":
                    found.append((path, {"id": "all", "childOf": _network(made).pk}))
    return found


def secrets_of(instance):
    """The text values of `instance` that carry the marker, and the stem of
    its files' names (which renditions and downloads keep)."""
    values = set()
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField) and value:
            values |= {value.name, Path(value.name).stem}
        elif (
            isinstance(field, (models.CharField, models.TextField))
            and MARKER.lower() in str(value).lower()
        ):
            values.add(str(value))
    return values


@pytest.fixture
def other_network(demo, settings, tmp_path):
    """Network B's objects, one per OBJECTS row, and their secret values."""
    settings.MEDIA_ROOT = tmp_path
    made = {}
    for model_label, row in OBJECTS.items():
        made[model_label] = row.make(made)
        assert made[model_label] is not None, f"OBJECTS row {model_label} made nothing"
    secrets = {
        model_label: secrets_of(made[model_label])
        for model_label, row in OBJECTS.items()
        if row.secret
    }
    return made, secrets


def secrets_for(name, secrets):
    """The secret values that the view `name` must not show."""
    shown = {model for prefix, (model, _why) in SHOWN_BY_DESIGN.items() if name.startswith(prefix)}
    return {value for model, values in secrets.items() if model not in shown for value in values}


def all_requests(made):
    seen, found, unknown, patterns = set(), [], [], 0
    for route, name, callback in admin_patterns():
        if name in EXEMPT:
            continue
        try:
            pairs = requests_for(route, name, callback, made)
        except LookupError as error:
            unknown.append(str(error))
            continue
        pairs = [(path, query) for path, query in pairs if (path, str(query)) not in seen]
        if pairs:
            patterns += 1
        for path, query in pairs:
            seen.add((path, str(query)))
            found.append((name, path, query))
    return patterns, found, unknown


def test_the_tables_explain_every_admin_pattern(other_network):
    made, _secrets = other_network
    patterns, found, unknown = all_requests(made)
    assert not unknown, "\n".join(unknown)
    assert patterns > 100 and len(found) > patterns
    print(f"{patterns} admin URL patterns, {len(found)} requests, exempt: {sorted(EXEMPT)}")
    for _name, path, _query in found:
        resolve(path)  # every built path reaches a view


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_url_shows_network_staff_another_networks_objects(other_network, as_role, role):
    made, secrets = other_network
    assert sum(map(len, secrets.values())) >= 15  # the objects' own values are looked for
    client = as_role(role)
    client.raise_request_exception = False
    _patterns, found, _unknown = all_requests(made)
    leaks = []
    for name, path, query in found:
        response = client.get(path, query)
        queued = [str(m) for m in getattr(response.wsgi_request, "_messages", [])]
        client.cookies.pop("messages", None)
        if response.status_code >= 500:
            leaks.append(f"{response.status_code} {path} {query} ({name})")
            continue
        text = "\n".join([response.content.decode(errors="replace"), response.get("Location", "")])
        text += "\n".join(queued)
        named = sorted(secret for secret in secrets_for(name, secrets) if secret in text)
        if named:
            leaks.append(f"{response.status_code} {path} {query} ({name}): {named}")
    assert not leaks, f"{len(leaks)} of {len(found)} requests as {role}:\n" + "\n".join(leaks)
