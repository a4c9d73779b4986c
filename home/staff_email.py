"""Email to the people who run the site, and the one way any email is sent.

- `email_staff(users, ...)`: "email these staff": one message each (nobody
  sees the others' addresses), each written in the language that user reads
  the admin in, in plain text and HTML, with an absolute link into the admin.
  Comments' moderator notices and the networks' join-request and proposal
  emails use it; consultations and events will.
- `send_email(to, ...)`: the one send loop underneath: renders
  ``<template>.txt`` and ``<template>.html`` in the active language and sends
  one message. Email to residents (a commenter told of a decision) is not
  staff email, but goes through here too.

Both are called by background tasks, never inside a request.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from languages.translations import admin_language


def admin_url(path):
    """Returns the absolute link to `path` in the admin (a path such as
    ``reverse(...)``, or an absolute URL, returned as it is), for an email read
    away from the site."""
    if "://" in path:
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def active_staff(users):
    """Returns the active users among `users` (a queryset or a list) who have
    an email address, one per address (in any letter case), in their order."""
    if hasattr(users, "filter"):
        users = users.filter(is_active=True).exclude(email="").select_related("wagtail_userprofile")
    by_email = {}
    for user in users:
        if user.is_active and user.email:
            by_email.setdefault(user.email.lower(), user)
    return list(by_email.values())


def send_email(to, *, subject, template, context, reply_to=None, attachments=None):
    """Sends one message to the address `to`: ``<template>.txt`` as the body
    and ``<template>.html`` as its HTML alternative, rendered with `context`
    in the active language, with `attachments` (a list of ``(filename,
    content, mimetype)``, such as an event's .ics) where given. `subject` is a
    string, or a callable that returns one; it is kept on one line whatever a
    form held. Returns 1 once sent."""
    subject = subject() if callable(subject) else subject
    subject = " ".join(str(subject).split())
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], reply_to=[reply_to] if reply_to else None
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    message.send()
    return 1


def email_staff(users, *, subject, template, context, link=None, reply_to=None):
    """Emails each of `users` (active, with an address; one message per
    address) in the language they read the admin in: `subject` (a string, a
    lazy translation or a callable, evaluated in that language) and the
    templates ``<template>.txt`` and ``<template>.html`` rendered with
    `context`, plus ``admin_url``, the absolute form of `link` (an admin path).
    Reply-To is `reply_to` where given (the resident who wrote). Returns how
    many were sent."""
    context = dict(context)
    if link is not None:
        context["admin_url"] = admin_url(link)
    sent = 0
    for user in active_staff(users):
        with translation.override(admin_language(user)):
            sent += send_email(
                user.email,
                subject=subject,
                template=template,
                context={**context, "user": user},
                reply_to=reply_to,
            )
    return sent
