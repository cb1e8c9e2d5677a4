from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from accounts.models import Organization
from realtime.models import TaskRecord


def latest_task_id(*, target: models.Model, kind: str) -> str | None:
    return (
        TaskRecord.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk, kind=kind)
        .order_by("-created_at")
        .values_list("task_id", flat=True)
        .first()
    )


def task_list_for_organization(*, organization: Organization) -> QuerySet[TaskRecord]:
    return TaskRecord.objects.filter(organization=organization).select_related("target_type")
