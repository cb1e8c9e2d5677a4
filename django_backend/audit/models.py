from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from accounts.models import Organization


class AuditEventAppendOnly(Exception):
    """An audit event was about to be changed or deleted one by one: the log only grows."""


class AuditEvent(models.Model):
    """An append-only record of who did what to which object.

    The target is named by its model label and primary key, never by a description of the row, so an entry
    carries no personal data (a candidate's `str()` is their name). The only change an entry ever sees is the
    redaction of a legacy label when the person it names is erased (audit.services.audit_redact_targets).
    """

    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.CASCADE)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=100)
    # `app_label.model` and primary key of the row the event is about, e.g. `candidates.candidate` 42.
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_event_target")]

    def __str__(self) -> str:
        return f"{self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AuditEventAppendOnly("Audit events are never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditEventAppendOnly("Audit events are never deleted one by one.")
