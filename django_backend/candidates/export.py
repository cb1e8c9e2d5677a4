"""Export of everything stored about a candidate: one ZIP with `candidate.json` and the original files.

The JSON holds every stored column of every row erasure would remove (candidates.privacy.candidate_footprint:
the candidate, their resume versions, and whatever cascades from them, such as applications with their AI
analyses and match scores), plus the task records, dead letters, import items and audit events that name those
rows. Columns are read from the models' metadata, so a column added later is exported without a change here;
nothing is left out, the embedding and the full-text vector included.
"""

from __future__ import annotations

import base64
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
# What a candidate's own export (the portal) leaves out: what recruiters keep to themselves about the candidate
# (their notes, interviewers' feedback, who moved an application and why) and the platform's operational records.
# A screening run appears once a recruiter has released its gap feedback, as in the portal.
WITHHELD_ROWS = ("applications.applicationnote", "interviews.interviewfeedback")
WITHHELD_COLUMNS = {"applications.stagechange": ("changed_by", "reason", "note")}
WITHHELD_RECORDS = ("task_records", "dead_letters", "audit_events")
UNRELEASED_APPLICATION_COLUMNS = ("ai_score", "ai_feedback", "analysis_error", "latest_analysis")
# Kept in memory up to this size, spilled to a temporary file beyond it (resume files are up to 10 MB each).
SPOOL_BYTES = 16 * 1024 * 1024


class _ExportEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, FieldFile):
            return o.name or ""
        if hasattr(o, "tolist"):  # the pgvector embedding (a numpy array): a list of floats
            return [float(value) for value in o.tolist()]
        if isinstance(o, bytes | memoryview):  # a binary column (packed statement vectors), byte for byte
            return {"base64": base64.b64encode(bytes(o)).decode("ascii")}
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
        **{key: [row_as_dict(row) for row in rows.order_by("pk")] for key, rows in footprint.resume_links().items()},
        "task_records": [row_as_dict(record) for record in records],
        "dead_letters": [row_as_dict(letter) for letter in footprint.dead_letters(task_ids).order_by("pk")],
        "audit_events": [row_as_dict(event) for event in footprint.audit_events().order_by("pk")],
        "files": [],
    }


def file_path_in_export(resume: ResumeVersion) -> str:
    """`files/<resume id>/<uploaded name>`, the name reduced to safe characters."""
    name = re.sub(r"[^\w.\- ]", "_", PurePath(resume.filename.replace("\\", "/")).name).strip(" .") or "resume"
    return f"files/{resume.pk}/{name}"


def candidate_document_for_candidate(document: dict[str, Any]) -> dict[str, Any]:
    """The export document as the candidate receives it: the WITHHELD_ rows, columns and records left out, as are
    unreleased screening runs and the application columns that copy them; what was left out is named in
    `withheld`."""
    related = {label: rows for label, rows in document["related"].items() if label not in WITHHELD_ROWS}
    for label, columns in WITHHELD_COLUMNS.items():
        related[label] = [{k: v for k, v in row.items() if k not in columns} for row in related.get(label, [])]
    runs = related.get("applications.applicationanalysis", [])
    released = {row["id"] for row in runs if row.get("feedback_released_at")}
    related["applications.applicationanalysis"] = [row for row in runs if row["id"] in released]
    related["applications.application"] = [
        row
        if row.get("latest_analysis") in released
        else {k: v for k, v in row.items() if k not in UNRELEASED_APPLICATION_COLUMNS}
        for row in related.get("applications.application", [])
    ]
    kept = {key: value for key, value in document.items() if key not in WITHHELD_RECORDS}
    withheld = [
        *WITHHELD_ROWS,
        *(f"{label}.{column}" for label, columns in WITHHELD_COLUMNS.items() for column in columns),
        *WITHHELD_RECORDS,
        "screening runs not released by a recruiter",
    ]
    return {**kept, "related": related, "withheld": withheld}


def candidate_export(*, candidate: Candidate, actor: User | None, for_candidate: bool = False) -> IO[bytes]:
    """The export ZIP of a candidate, as a file positioned at its start; records who exported it.

    A stored file that is missing is listed with `"missing": true` rather than failing the export. The
    candidate's own export (`for_candidate`) leaves out what recruiters keep to themselves
    (candidate_document_for_candidate).
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
            if for_candidate:
                document = candidate_document_for_candidate(document)
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
