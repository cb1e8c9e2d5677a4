"""Only enqueue here; the work happens in tasks."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from applications.models import Application
from applications.tasks import analyze_application_task
from realtime.models import TaskRecord
from realtime.services import task_enqueue


@receiver(post_save, sender=Application)
def enqueue_application_analysis(sender: type[Application], instance: Application, created: bool, **_: Any) -> None:
    if not created:
        return
    task_enqueue(
        analyze_application_task,
        kind=TaskRecord.Kind.ANALYZE_APPLICATION,
        target=instance,
        organization=instance.job.organization,
        args=(instance.pk,),
    )
