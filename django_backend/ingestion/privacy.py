"""An import's items name a resume and its file: a candidate's erasure unlinks them and exports them first
(registered with candidates.privacy by ingestion.apps, since candidates sit below this app)."""

from __future__ import annotations

from django.db.models import QuerySet

from candidates.privacy import ResumeLinks
from ingestion.models import ImportBatch, ImportItem


def import_items_of_resumes(resume_ids: list[int]) -> QuerySet[ImportItem]:
    return ImportItem.objects.filter(resume__in=resume_ids)


def import_items_forget(items: QuerySet[ImportItem]) -> list[str]:
    """Unlink the import items and blank what names the file (its name, and the duplicate message that quotes it).
    The archives those items came from still hold the file: they are emptied and returned for deletion."""
    batch_ids = set(items.values_list("batch_id", flat=True))
    items.update(resume=None, filename="", error="")
    batches = ImportBatch.objects.filter(pk__in=batch_ids).exclude(archive="")
    archives = list(batches.values_list("archive", flat=True))
    batches.update(archive="")
    return archives


IMPORT_ITEMS = ResumeLinks(export_key="import_items", rows=import_items_of_resumes, forget=import_items_forget)
