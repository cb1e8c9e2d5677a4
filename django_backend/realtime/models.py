from __future__ import annotations

from enum import StrEnum

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from accounts.models import Organization
from config.task_declarations import kind_label


class TaskRecord(models.Model):
    """The state of record of one background task; WebSocket messages only announce changes to it."""

    class Kind(StrEnum):
        """Names for the kinds that code looks records up by. The kinds themselves, and their labels, are what the
        tasks declare (`@declared_task(kind=..., label=...)`, config.task_declarations): a new kind needs no
        name here and no migration. The tests keep every name here a declared kind."""

        PARSE_RESUME = "parse_resume"
        EMBED_CANDIDATE = "embed_candidate"
        EMBED_JOB = "embed_job"
        ANALYZE_APPLICATION = "analyze_application"
        IMPORT_ARCHIVE = "import_archive"
        RERANK_JOB = "rerank_job"
        RERANK_CANDIDATE = "rerank_candidate"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        STARTED = "started", "Started"
        PROGRESS = "progress", "In progress"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    task_id = models.CharField(max_length=64, unique=True)
    # No `choices`: the kinds are the tasks' declarations, checked when a record is created (task_enqueue).
    kind = models.CharField(max_length=40)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="task_records"
    )
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")

    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["target_type", "target_id"]), models.Index(fields=["state"])]

    def __str__(self) -> str:
        return f"{self.kind_label()} {self.task_id} ({self.state})"

    def kind_label(self) -> str:
        """The kind as people see it: the label its task declares."""
        return kind_label(self.kind)

    def target_label(self) -> str | None:
        """`app_label.model` of the target, as clients see it."""
        if self.target_type is None:
            return None
        return f"{self.target_type.app_label}.{self.target_type.model}"


class DeadLetter(models.Model):
    """A task that failed for good: its retries ran out, or it failed with an error retrying cannot fix.

    Written by the worker when the task fails (realtime.task_events), next to a copy of the message in the
    broker's `dead_letter` queue, so a lost task is never silent. Retrying it re-sends the original arguments to
    the original queue once, as a new task.
    """

    task_name = models.CharField(max_length=200)
    task_id = models.CharField(max_length=64, unique=True)
    queue = models.CharField(max_length=64, help_text="The queue the task was routed to.")
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="dead_letters"
    )
    error = models.TextField(help_text="The exception of the last attempt.")
    traceback = models.TextField(blank=True, help_text="The end of the last attempt's traceback.")
    attempts = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    retried_at = models.DateTimeField(null=True, blank=True)
    retry_task_id = models.CharField(max_length=64, blank=True, help_text="The task that retry sent.")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["task_name", "created_at"]), models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.task_name} {self.task_id}"
