"""Recording and sending email notifications: `notify` records one per event and queues its sending after commit;
`notification_send` (run by the worker) renders it and hands it to Django's email backend, at most once."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Organization
from applications.models import Application
from ingestion.models import ImportBatch
from notifications import tasks  # a module, not its names: the tasks import this module in turn
from notifications.models import EmailNotification
from notifications.smtp_errors import SMTP_ERRORS

logger = logging.getLogger(__name__)

# Context values are short facts for a template (names, titles, counts, paths): a long text is refused, so a
# resume can never be copied into a stored notification, a task message or a log line.
MAX_CONTEXT_VALUE_CHARS = 500
MAX_CONTEXT_KEYS = 30


class NotificationContextError(ValueError):
    """A notification's context holds something other than short, plain values."""


@dataclass(frozen=True)
class Attachment:
    """A stored file (a name in the default storage) to attach, under `filename`."""

    filename: str
    storage_name: str
    mimetype: str = "application/octet-stream"


def notify(
    kind: str,
    recipient: str,
    context: Mapping[str, Any],
    key: str,
    attachments: Iterable[Attachment] = (),
    *,
    organization: Organization,
    application: Application | None = None,
    import_batch: ImportBatch | None = None,
) -> EmailNotification:
    """Record the email of one event (`key` names it) and queue its sending once the current transaction commits.

    A second call with the same key returns the first record and sends nothing new. Without a valid address the
    email is recorded as skipped and nothing is queued.
    """
    if kind not in EmailNotification.Kind.values:
        raise ValueError(f"Unknown notification kind {kind!r}; one of: {', '.join(EmailNotification.Kind.values)}.")
    if not key or len(key) > 255:
        raise ValueError("A notification needs an idempotency key of 1 to 255 characters.")
    clean_context = _checked_context(context)
    recipient = (recipient or "").strip()
    status, error = EmailNotification.Status.QUEUED, ""
    try:
        validate_email(recipient)
    except ValidationError:
        status, error = EmailNotification.Status.SKIPPED, "NoAddress" if not recipient else "InvalidAddress"
        recipient = ""
    notification, created = EmailNotification.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "organization": organization,
            "kind": kind,
            "recipient": recipient,
            "template": f"notifications/{kind}",
            "context": clean_context,
            "attachments": [asdict(attachment) for attachment in attachments],
            "status": status,
            "last_error": error,
            "application": application,
            "import_batch": import_batch,
        },
    )
    if created and notification.status == EmailNotification.Status.QUEUED:
        notification_id = notification.pk
        transaction.on_commit(lambda: _publish(notification_id))
    return notification


def _checked_context(context: Mapping[str, Any]) -> dict[str, Any]:
    if len(context) > MAX_CONTEXT_KEYS:
        raise NotificationContextError(f"A notification's context holds at most {MAX_CONTEXT_KEYS} values.")
    checked: dict[str, Any] = {}
    for name, value in context.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise NotificationContextError(f"Context names are identifiers, not {name!r}.")
        if value is not None and not isinstance(value, str | int | float | bool):
            raise NotificationContextError(f"Context value {name!r} must be a string, number or boolean.")
        if isinstance(value, str) and len(value) > MAX_CONTEXT_VALUE_CHARS:
            raise NotificationContextError(
                f"Context value {name!r} is longer than {MAX_CONTEXT_VALUE_CHARS} characters: pass a short fact, "
                "never a document."
            )
        checked[name] = value
    return checked


def _publish(notification_id: int) -> None:
    try:
        tasks.send_email_notification_task.apply_async(args=(notification_id,), ignore_result=True)
    except Exception as error:  # the broker is unreachable: the row says so instead of the email vanishing
        logger.exception("could not queue an email notification", extra={"notification_id": notification_id})
        EmailNotification.objects.filter(pk=notification_id, status=EmailNotification.Status.QUEUED).update(
            status=EmailNotification.Status.FAILED, last_error=f"NotQueued {type(error).__name__}"[:300]
        )


def notifications_requeue(*, now: datetime | None = None) -> list[int]:
    """Publish again the notifications still queued, never attempted, long after they were written: their task
    was lost between the commit and the broker (a broker restart without persistence, a crash in between).
    Returns their ids. A duplicate task is harmless: notification_send locks the row and sends a queued one once.
    """
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.NOTIFICATION_REQUEUE_AFTER_SECONDS)
    lost = list(
        EmailNotification.objects.filter(status=EmailNotification.Status.QUEUED, attempts=0, created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[: settings.MAINTENANCE_BATCH_SIZE]
    )
    for notification_id in lost:
        _publish(notification_id)
    if lost:
        logger.warning("email notifications queued again after their task was lost", extra={"count": len(lost)})
    return lost


def error_label(error: BaseException) -> str:
    """The error's class and SMTP code: what an operator needs, and nothing a server echoed (addresses, text)."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def notification_send(*, notification_id: int) -> str:
    """Render and send one notification, once: the row is locked while it is sent, and a row that is no longer
    queued (sent, skipped, failed) is left alone, so a redelivered or retried task never sends it twice.

    Raises the SMTP error after recording the attempt, for the task to retry.
    """
    failure: BaseException | None = None
    with transaction.atomic():
        notification = EmailNotification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None:
            return "missing"
        if notification.status != EmailNotification.Status.QUEUED:
            return notification.status
        message = render_message(notification)
        notification.attempts += 1
        try:
            message.send()
        except SMTP_ERRORS as error:
            failure = error
            notification.last_error = error_label(error)
            notification.save(update_fields=["attempts", "last_error"])
        else:
            notification.status = EmailNotification.Status.SENT
            notification.subject = str(message.subject)
            notification.sent_at = timezone.now()
            notification.last_error = ""
            notification.save(update_fields=["status", "subject", "sent_at", "attempts", "last_error"])
    if failure is not None:
        logger.warning(
            "email notification attempt failed",
            extra={"notification_id": notification_id, "kind": notification.kind, "error": error_label(failure)},
        )
        raise failure
    logger.info("email notification sent", extra={"notification_id": notification_id, "kind": notification.kind})
    return EmailNotification.Status.SENT


def render_message(notification: EmailNotification) -> EmailMultiAlternatives:
    """The email of a notification: subject and plain body from its templates, the HTML body when one exists."""
    context = {**notification.context, "site_url": settings.SITE_URL.rstrip("/")}
    base = notification.template
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())[:300]
    body = render_to_string(f"{base}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient])
    with contextlib.suppress(TemplateDoesNotExist):  # the HTML body is optional: plain text only without it
        message.attach_alternative(render_to_string(f"{base}_body.html", context), "text/html")
    for attachment in notification.attachments:
        with default_storage.open(attachment["storage_name"], "rb") as stored:
            message.attach(attachment["filename"], stored.read(), attachment["mimetype"])
    return message


def notification_mark_failed(*, notification_id: int, error: BaseException) -> None:
    """After the last attempt: the row says it failed, and why, by the error's class."""
    EmailNotification.objects.filter(pk=notification_id, status=EmailNotification.Status.QUEUED).update(
        status=EmailNotification.Status.FAILED, last_error=error_label(error)[:300]
    )


def notification_resend(*, notification: EmailNotification) -> EmailNotification | None:
    """Send a failed notification again as a new record (a new idempotency key derived from the failed one), so
    asking twice for the same failed email sends it once. Anything but a failed notification is not resent."""
    if notification.status != EmailNotification.Status.FAILED:
        return None
    with transaction.atomic():
        return notify(
            notification.kind,
            notification.recipient,
            notification.context,
            f"{notification.idempotency_key}:resend-{notification.pk}"[-255:],
            [Attachment(**attachment) for attachment in notification.attachments],
            organization=notification.organization,
            application=notification.application,
            import_batch=notification.import_batch,
        )
