from __future__ import annotations

from django.conf import settings
from django.db import models

from accounts.models import Organization


class AuditEvent(models.Model):
    """An append-only record of who did what to which object."""

    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.CASCADE)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=100)
    target_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.target_label}"
