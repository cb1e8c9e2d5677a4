from __future__ import annotations

from typing import Any

from celery import shared_task

from config.queues import QueueName
from config.tasks import IMPORT_LIMITS, PARSE_LIMITS, task_options
from ingestion.services import import_expand, resume_parse


@shared_task(**task_options(QueueName.MEDIUM, PARSE_LIMITS, bind=True))
def parse_resume_task(self: Any, resume_id: int) -> str:
    return resume_parse(resume_id=resume_id, task_id=self.request.id)


@shared_task(**task_options(QueueName.MEDIUM, IMPORT_LIMITS))
def import_archive_task(batch_id: int) -> str:
    return import_expand(batch_id=batch_id)
