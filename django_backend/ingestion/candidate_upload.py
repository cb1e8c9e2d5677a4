"""A candidate uploading their own resume: the recruiters' intake (ingestion.services.resume_intake), with the
resume attached to the candidate's own row from the start, so parsing fills their profile and never another's."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from accounts.models import User
from candidates.models import Candidate
from candidates.self_service import carried_details
from ingestion.services import Intake, resume_intake, resume_upload_read


class ResumeOnFile(Exception):
    """The same file is stored for the organization already, as someone else's (or a recruiter's) upload."""

    code = "resume_on_file"

    def __init__(self) -> None:
        super().__init__(
            "This file is on record with the organization already. Upload a newer version of your resume, "
            "or ask the recruiter to link it to your account."
        )


def candidate_resume_upload(*, candidate: Candidate, user: User, uploaded: UploadedFile) -> Intake:
    """Check, store and queue the parsing of a candidate's own resume (ExtractionError for a refused file).

    The same file twice answers the stored one; a file stored as another upload is refused (ResumeOnFile): its
    row belongs to whoever uploaded it, and a file is no proof of being that person."""
    data, kind = resume_upload_read(uploaded)
    intake = resume_intake(
        organization=candidate.organization,
        filename=uploaded.name or "resume",
        data=data,
        kind=kind,
        uploaded_by=user,
        given_details=carried_details(candidate, user.email),
        candidate=candidate,
    )
    if intake.duplicate and intake.resume.candidate_id != candidate.pk:
        raise ResumeOnFile()
    return intake
