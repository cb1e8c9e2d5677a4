from __future__ import annotations

from typing import Any

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import IMPORT_LIMITS, MAINTENANCE_LIMITS, PARSE_LIMITS
from ingestion import feeding, services  # modules, not their names: they queue these tasks
from ingestion.maintenance import resume_orphans_delete


@declared_task(queue=QueueName.MEDIUM, limits=PARSE_LIMITS, kind="parse_resume", label="Parse resume", bind=True)
def parse_resume_task(self: Any, resume_id: int) -> str:
    status = services.resume_parse(resume_id=resume_id, task_id=self.request.id)
    feeding.import_feed_after_parse(resume_id=resume_id)  # the slot this parse held goes to the next file of an import
    return status


@declared_task(queue=QueueName.MEDIUM, limits=IMPORT_LIMITS, kind="import_archive", label="Import resume archive")
def import_archive_task(batch_id: int) -> str:
    state = services.import_expand(batch_id=batch_id)
    feeding.import_feed_batch(batch_id=batch_id)  # the first files' parses; their ends queue the rest
    return state


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def feed_imports_task() -> int:
    return feeding.import_feed_sweep()


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def delete_orphan_resume_files_task() -> int:
    return len(resume_orphans_delete())
