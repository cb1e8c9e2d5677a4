"""The email about a message still unread once MESSAGE_UNREAD_EMAIL_DELAY_SECONDS have passed."""

from __future__ import annotations

from messaging.models import Message
from notifications.events import message_unread_notify


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
