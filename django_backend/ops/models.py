from __future__ import annotations

from django.db import models


class Alert(models.Model):
    """One alert of monitoring/prometheus/alerts.yml as Alertmanager last reported it to the platform's webhook.

    Alertmanager names an alert by the fingerprint of its labels, so the same alert firing again after it resolved
    is the same row: its latest episode (starts_at) and state. Platform data: it belongs to no organization.
    """

    class Status(models.TextChoices):
        FIRING = "firing", "Firing"
        RESOLVED = "resolved", "Resolved"

    fingerprint = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=200, help_text="The alert rule (label `alertname`).")
    severity = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    labels = models.JSONField(default=dict)
    annotations = models.JSONField(default=dict, help_text="summary, description and runbook_url.")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True, help_text="When it resolved; empty while it fires.")
    generator_url = models.CharField(max_length=2000, blank=True, help_text="The rule's expression in Prometheus.")
    received_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # "firing" sorts before "resolved": what needs a person comes first.
        ordering = ["status", "-starts_at"]
        indexes = [models.Index(fields=["status", "ends_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"

    @property
    def summary(self) -> str:
        return str(self.annotations.get("summary", ""))

    @property
    def runbook_url(self) -> str:
        return str(self.annotations.get("runbook_url", ""))
