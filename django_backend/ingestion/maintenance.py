"""Periodic resume-file maintenance, run by Celery beat on the low-priority queue (ingestion.tasks): the sweep
that deletes resume files no ResumeVersion references (an upload that failed half-way, a row deleted whose file
could not be).

The sweep is bounded, safe to run twice and to run beside live uploads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import Storage
from django.utils import timezone

from candidates.models import ResumeVersion

logger = logging.getLogger(__name__)

# Where resume files are stored: candidates.models.resume_upload_path writes `resumes/<organization>/<name>`.
RESUME_STORAGE_DIR = "resumes"


def resume_orphans_delete(*, now: datetime | None = None) -> list[str]:
    """Delete resume files that no ResumeVersion references and that are older than the grace period.

    An upload writes its file before its row commits, so a young file without a row may be an upload in
    flight: only files last modified more than RESUME_ORPHAN_GRACE_SECONDS ago are considered. Returns the
    names deleted (storage names, e.g. `resumes/3/ab12.pdf`).
    """
    storage: Storage = ResumeVersion._meta.get_field("file").storage  # type: ignore[attr-defined]
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.RESUME_ORPHAN_GRACE_SECONDS)
    old = [name for name in _storage_files(storage, RESUME_STORAGE_DIR) if storage.get_modified_time(name) < cutoff]
    deleted = []
    batch = settings.MAINTENANCE_BATCH_SIZE
    for start in range(0, len(old), batch):
        names = old[start : start + batch]
        # Read after listing: a row committed meanwhile is seen, so its file is kept.
        referenced = set(ResumeVersion.objects.filter(file__in=names).values_list("file", flat=True))
        for name in names:
            if name not in referenced:
                storage.delete(name)
                deleted.append(name)
    if deleted:
        logger.warning("orphaned resume files deleted", extra={"count": len(deleted)})
    return deleted


def _storage_files(storage: Storage, directory: str) -> Iterator[str]:
    """Every file under `directory` of the storage, as storage names."""
    if not storage.exists(directory):
        return
    directories, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}"
    for name in sorted(directories):
        yield from _storage_files(storage, f"{directory}/{name}")
