"""Privacy requests: everything one email address submitted, exported or
erased, across every app.

Each app that stores what residents send contributes to one registry, from
its AppConfig.ready():

    privacy.register("comments", label=_("Comments"), export=..., erase=...)

- ``export(email)`` (or ``export(email, by=None)``, to audit who asked)
  returns a list of JSON-ready dicts, one per record, in any letter case of
  the address;
- ``erase(email, by=None)`` anonymises those records (keeping what others
  need: a conversation's thread, a decision's history) and returns how many.

`export_personal_data` and `erase_personal_data` walk the registry; the admin
page (Settings → Privacy requests, site admins only) and the commands
`export_personal_data` / `erase_personal_data` call them. A contributor
without audit actions of its own records each export and erasure with
`log_export` / `log_erasure` (the actions "privacy.export" / "privacy.erase").
"""

import inspect
import logging
from dataclasses import dataclass

from django.utils import timezone

from wagtail.log_actions import log

logger = logging.getLogger("home.privacy")

#: The anonymised name and text that erasure leaves in place of a person's.
ERASED_NAME = "Removed"


@dataclass(frozen=True)
class Contributor:
    """One app's part of a privacy request."""

    key: str
    label: str
    export: object
    erase: object

    def export_for(self, email, by=None):
        """Returns this contributor's records of `email`, as JSON-ready dicts."""
        if "by" in inspect.signature(self.export).parameters:
            return list(self.export(email, by=by))
        return list(self.export(email))

    def erase_for(self, email, by=None):
        """Anonymises this contributor's records of `email`; returns how many."""
        return self.erase(email, by=by)


_registry = {}


def register(key, *, label, export, erase):
    """Adds (or, for the same `key`, replaces) one app's part of a privacy
    request: `label` names it for site admins, `export(email)` returns a list
    of JSON-ready dicts and `erase(email, by=None)` returns how many records
    it anonymised."""
    _registry[key] = Contributor(key, label, export, erase)


def contributors():
    """Returns the registered contributors, in the order they registered."""
    return list(_registry.values())


def export_personal_data(email, by=None):
    """Returns a JSON-ready dict of everything `email` submitted: the
    address, when it was exported, and one list per contributor under its
    key (``{"comments": [...], "join_requests": [...], ...}``)."""
    email = email.strip()
    data = {"email": email, "exported_at": timezone.now().isoformat()}
    for contributor in contributors():
        data[contributor.key] = contributor.export_for(email, by=by)
    logger.info(
        "Exported %d records for one email address",
        sum(len(data[c.key]) for c in contributors()),
    )
    return data


def erase_personal_data(email, by=None):
    """Anonymises everything `email` submitted; returns how many records of
    each contributor, as ``{key: count}``."""
    email = email.strip()
    counts = {c.key: c.erase_for(email, by=by) for c in contributors()}
    logger.info("Erased %d records for one email address", sum(counts.values()))
    return counts


def log_export(instance, by=None):
    """Records in the audit log that `instance` was exported for its writer."""
    log(instance=instance, action="privacy.export", user=by, data={})


def log_erasure(instance, by=None):
    """Records in the audit log that `instance` was anonymised at its
    writer's request."""
    log(instance=instance, action="privacy.erase", user=by, data={})
