from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accounts.models import Organization, User
from audit.services import audit_record
from candidates.models import Candidate
from ingestion.services import resume_upload_read
from realtime.models import TaskRecord
from realtime.services import task_enqueue


def candidate_create_from_upload(
    *,
    organization: Organization,
    resume: UploadedFile,
    actor: User | None = None,
    name: str = "",
    email: str = "",
    phone: str = "",
    location: str = "",
) -> tuple[Candidate, TaskRecord]:
    """Store a new candidate with their resume and queue its parsing; answers without waiting for it.

    The file is checked (size, type by content) before anything is written.
    """
    data, kind = resume_upload_read(resume)
    filename = (resume.name or "resume")[:255]
    candidate = Candidate(
        organization=organization,
        name=name,
        email=email,
        phone=phone,
        location=location,
        resume_filename=filename,
        resume_kind=kind,
        resume_sha256=hashlib.sha256(data).hexdigest(),
        resume_size=len(data),
    )
    candidate.resume_file.save(filename, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            candidate.save()
            from ingestion.tasks import parse_resume_task

            record = task_enqueue(
                parse_resume_task,
                kind=TaskRecord.Kind.PARSE_RESUME,
                target=candidate,
                organization=organization,
                args=(candidate.pk,),
            )
            audit_record(action="candidate.created", organization=organization, actor=actor, target=candidate)
    except Exception:
        # The row was not written, so the file must not stay behind either.
        candidate.resume_file.delete(save=False)
        raise
    return candidate, record
