from __future__ import annotations

from typing import Any

from celery import shared_task

from config.queues import QueueName
from config.tasks import IMPORT_LIMITS, MAINTENANCE_LIMITS, PARSE_LIMITS, task_options
from ingestion.feeding import import_feed_after_parse, import_feed_batch, import_feed_sweep
from ingestion.maintenance import resume_orphans_delete
from ingestion.services import import_expand, resume_parse


@shared_task(**task_options(QueueName.MEDIUM, PARSE_LIMITS, bind=True))
def parse_resume_task(self: Any, resume_id: int) -> str:
    status = resume_parse(resume_id=resume_id, task_id=self.request.id)
    import_feed_after_parse(resume_id=resume_id)  # the slot this parse held goes to the next file of an import
    return status


@shared_task(**task_options(QueueName.MEDIUM, IMPORT_LIMITS))
def import_archive_task(batch_id: int) -> str:
    state = import_expand(batch_id=batch_id)
    import_feed_batch(batch_id=batch_id)  # the first files' parses; their ends queue the rest
    return state


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def feed_imports_task() -> int:
    return import_feed_sweep()


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def delete_orphan_resume_files_task() -> int:
    return len(resume_orphans_delete())
