"""Sending and reading messages: each send is audited, pushed live to both sides after commit, and followed by
a reminder email to the other side if it is still unread after MESSAGE_UNREAD_EMAIL_DELAY_SECONDS."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from applications.models import Application
from audit.services import audit_record
from messaging.models import Message, Side
from messaging.tasks import remind_unread_message_task
from realtime.broadcast import broadcast

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 5000  # a few paragraphs; a document goes in an attachment of the resume, not a message
CHAT_MESSAGE = "chat.message"
CHAT_READ = "chat.read"


def chat_group(application_id: int) -> str:
    return f"chat_{application_id}"


def message_payload(message: Message) -> dict[str, Any]:
    """A message as the API and the socket show it."""
    return {
        "id": message.pk,
        "application": message.application_id,
        "sender": message.sender_id,
        "sender_side": message.sender_side,
        "body": message.body,
        "created_at": message.created_at.isoformat(),
        "read_at": message.read_at.isoformat() if message.read_at else None,
    }


def message_send(*, application: Application, sender: User | None, side: str, body: str) -> Message:
    """Add a message from `side` (the caller checked that `sender` speaks for it) and tell both sides live."""
    if side not in Side.values:
        raise ValueError(f"Unknown side {side!r}.")
    body = (body or "").strip()
    if not body:
        raise ValidationError("A message needs some text.", code="empty_message")
    if len(body) > MAX_MESSAGE_CHARS:
        raise ValidationError(f"A message holds at most {MAX_MESSAGE_CHARS} characters.", code="too_long")
    with transaction.atomic():
        message = Message.objects.create(application=application, sender=sender, sender_side=side, body=body)
        audit_record(
            action="message.sent",
            organization=application.job.organization,
            actor=sender,
            target=application,
            message_id=message.pk,
            side=side,
        )
        event = {"type": CHAT_MESSAGE, "message": message_payload(message)}
        transaction.on_commit(lambda: _tell(application.pk, event))
        transaction.on_commit(lambda: _schedule_reminder(message.pk))
    return message


def messages_mark_read(*, application: Application, side: str) -> int:
    """Mark the other side's unread messages read by `side`; returns how many. The other side sees it live."""
    marked = (
        Message.objects.filter(application=application, read_at__isnull=True)
        .exclude(sender_side=side)
        .update(read_at=timezone.now())
    )
    if marked:
        event = {"type": CHAT_READ, "application": application.pk, "reader_side": side, "marked": marked}
        transaction.on_commit(lambda: _tell(application.pk, event))
    return marked


def _tell(application_id: int, event: dict[str, Any]) -> None:
    broadcast(
        chat_group(application_id),
        {"type": "chat.event", "event": event},
        failure="could not push a chat event",
        extra={"application_id": application_id},
    )


def _schedule_reminder(message_id: int) -> None:
    if settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS <= 0:
        return
    try:
        remind_unread_message_task.apply_async(
            args=(message_id,), countdown=settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS, ignore_result=True
        )
    except Exception:  # the broker is away: the message stands, only its reminder is lost, and that is logged
        logger.exception("could not queue an unread-message reminder", extra={"message_id": message_id})
