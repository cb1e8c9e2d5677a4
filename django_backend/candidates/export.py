"""Export of everything stored about a candidate: one ZIP with `candidate.json` and the original files.

The JSON holds every stored column of every row erasure would remove (candidates.privacy.candidate_footprint:
the candidate, their resume versions, and whatever cascades from them, such as applications with their AI
analyses and match scores), plus the task records, dead letters, import items and audit events that name those
rows. Columns are read from the models' metadata, so a column added later is exported without a change here;
nothing is left out, the embedding and the full-text vector included.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import zipfile
from pathlib import PurePath
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from candidates.privacy import Footprint, candidate_footprint

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "candidate-export/1"
# Kept in memory up to this size, spilled to a temporary file beyond it (resume files are up to 10 MB each).
SPOOL_BYTES = 16 * 1024 * 1024


class _ExportEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, FieldFile):
            return o.name or ""
        if hasattr(o, "tolist"):  # the pgvector embedding (a numpy array): a list of floats
            return [float(value) for value in o.tolist()]
        return super().default(o)


def row_as_dict(row: models.Model) -> dict[str, Any]:
    """Every stored column of a row, by field name (a foreign key as the id it holds)."""
    return {
        field.name: field.value_from_object(row)
        for field in row._meta.concrete_fields
        if not isinstance(field, models.CompositePrimaryKey)
    }


def candidate_export_document(*, footprint: Footprint) -> dict[str, Any]:
    """The content of `candidate.json`."""
    assert footprint.candidate is not None  # a candidate's footprint, not an unattached resume's
    candidate = Candidate.objects.get(pk=footprint.candidate.pk)  # every column, the embedding included
    related: dict[str, list[dict[str, Any]]] = {}
    for model, pks in sorted(footprint.rows.items(), key=lambda item: item[0]._meta.label_lower):
        if model in (Candidate, ResumeVersion):
            continue
        related[model._meta.label_lower] = [row_as_dict(row) for row in model._default_manager.filter(pk__in=pks)]
    records = footprint.task_records().order_by("pk")
    task_ids = list(records.values_list("task_id", flat=True))
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now(),
        "candidate": row_as_dict(candidate),
        "resume_versions": [row_as_dict(resume) for resume in footprint.resumes],
        "related": related,
        "import_items": [row_as_dict(item) for item in footprint.import_items().order_by("pk")],
        "task_records": [row_as_dict(record) for record in records],
        "dead_letters": [row_as_dict(letter) for letter in footprint.dead_letters(task_ids).order_by("pk")],
        "audit_events": [row_as_dict(event) for event in footprint.audit_events().order_by("pk")],
        "files": [],
    }


def file_path_in_export(resume: ResumeVersion) -> str:
    """`files/<resume id>/<uploaded name>`, the name reduced to safe characters."""
    name = re.sub(r"[^\w.\- ]", "_", PurePath(resume.filename.replace("\\", "/")).name).strip(" .") or "resume"
    return f"files/{resume.pk}/{name}"


def candidate_export(*, candidate: Candidate, actor: User | None) -> IO[bytes]:
    """The export ZIP of a candidate, as a file positioned at its start; records who exported it.

    A stored file that is missing is listed with `"missing": true` rather than failing the export.
    """
    archive: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned open)
    # One snapshot: the rows and the JSON agree even if a parse or an analysis writes meanwhile.
    with transaction.atomic():
        footprint = candidate_footprint(candidate=candidate)
        document = candidate_export_document(footprint=footprint)
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for resume in footprint.resumes:
                path = file_path_in_export(resume)
                try:
                    with resume.file.open("rb") as stored:
                        bundle.writestr(path, stored.read())
                    document["files"].append({"resume_version": resume.pk, "path": path, "missing": False})
                except (OSError, ValueError):  # gone from storage, or no file on the row
                    logger.warning("resume file missing from storage", extra={"resume_id": resume.pk})
                    document["files"].append({"resume_version": resume.pk, "path": None, "missing": True})
            bundle.writestr("candidate.json", json.dumps(document, cls=_ExportEncoder, indent=2, ensure_ascii=False))
        audit_record(
            action="candidate.exported",
            organization=candidate.organization,
            actor=actor,
            target=candidate,
            resume_versions=len(footprint.resumes),
        )
    archive.seek(0)
    return archive
