"""The email about a message still unread once MESSAGE_UNREAD_EMAIL_DELAY_SECONDS have passed."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from messaging.models import Message, Side
from notifications.events import user_name
from notifications.models import EmailNotification
from notifications.services import notify


def message_unread_remind(*, message_id: int) -> str:
    """Email the other side if the message is still unread; safe to run twice (one email per message)."""
    message = (
        Message.objects.select_related(
            "application__candidate__account", "application__job__organization", "application__job__created_by"
        )
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return "missing"
    if message.read_at is not None:
        return "read"
    return message_unread_notify(message).status


def _recruiter_to_tell(message: Message) -> Any:
    """Who hears of a candidate's message: the recruiter who wrote last on the application, else the job's creator."""
    latest = (
        Message.objects.filter(application_id=message.application_id, sender_side=Side.RECRUITER, sender__isnull=False)
        .select_related("sender")
        .order_by("-created_at", "-pk")
        .first()
    )
    return latest.sender if latest is not None else message.application.job.created_by


def message_unread_notify(message: Message) -> EmailNotification:
    """Tell the other side of a conversation that a message waits for them; the email never quotes it."""
    application = message.application
    job, candidate = application.job, application.candidate
    to_recruiter = message.sender_side == Side.CANDIDATE
    if to_recruiter:
        recipient = _recruiter_to_tell(message)
        name, address = user_name(recipient), getattr(recipient, "email", "")
    else:
        name, address = candidate.name, (candidate.account.email if candidate.account else "") or candidate.email
    context = {
        "recipient_name": name,
        "to_recruiter": to_recruiter,
        "candidate_name": candidate.name or f"Candidate {candidate.pk}",
        "job_title": job.title,
        "organization_name": job.organization.name,
        "admin_path": reverse("admin:applications_application_change", args=[application.pk]) if to_recruiter else "",
    }
    return notify(
        EmailNotification.Kind.MESSAGE_UNREAD,
        address,
        context,
        f"message_unread:{message.pk}",
        organization=job.organization,
        application=application,
    )
