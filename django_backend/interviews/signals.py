"""An interview's calendar files go with it, however it is deleted (alone, with its application or candidate)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from interviews.invitation_emails import invitation_files_delete
from interviews.models import Interview


@receiver(post_delete, sender=Interview)
def delete_invitation_files(sender: type[Interview], instance: Interview, **_: Any) -> None:
    invitation_files_delete(instance)
