"""Rank every resume file for every job file through the production code path, into a TSV (evaluations run this)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from accounts.models import Organization
from candidates.models import Candidate, ResumeVersion
from config.celery import app
from ingestion.services import resume_intake
from jobs.services import job_create
from matching.ranking import candidates_for_job
from recruitment_core.extraction import ExtractionError, check_upload


class Command(BaseCommand):
    help = (
        "Load job JSON files (title, company, location, remote, employment_type, description) and resume files "
        "into the configured database, rank every resume for every job, and write job_id<TAB>resume_id<TAB>score "
        "lines (ids are file stems)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jobs", type=Path, required=True)
        parser.add_argument("--resumes", type=Path, required=True)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--organization", default="", help="Defaults to a new organization per run.")

    def handle(self, *args: Any, **options: Any) -> None:
        for folder in (options["jobs"], options["resumes"]):
            if not folder.is_dir():
                raise CommandError(f"{folder} is not a folder")
        # The same tasks as in production, run in this process: parsing, embeddings and re-ranking happen
        # as each row is committed, and progress is announced on an in-memory layer nobody listens to.
        previous = app.conf.task_always_eager, app.conf.task_eager_propagates
        app.conf.task_always_eager = app.conf.task_eager_propagates = True
        try:
            with override_settings(CHANNEL_LAYERS={"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}):
                lines = self._rank(options)
        finally:
            app.conf.task_always_eager, app.conf.task_eager_propagates = previous
        options["out"].parent.mkdir(parents=True, exist_ok=True)
        options["out"].write_text("".join(f"{job}\t{resume}\t{score:.1f}\n" for job, resume, score in lines))
        self.stderr.write(f"wrote {len(lines)} scores to {options['out']}")

    def _rank(self, options: dict[str, Any]) -> list[tuple[str, str, float]]:
        organization = Organization.objects.create(
            name=options["organization"] or f"Ranking run {uuid.uuid4().hex[:8]}"
        )
        resume_ids = self._load_resumes(organization, options["resumes"])
        jobs = self._load_jobs(organization, options["jobs"])
        candidate_count = Candidate.objects.filter(organization=organization).count()
        lines = []
        for stem, job in jobs:
            job.refresh_from_db()
            _, matches = candidates_for_job(job=job, limit=max(candidate_count, 1), pool_size=max(candidate_count, 1))
            scores = {match.candidate_id: match.score for match in matches}
            for resume_stem, resume_id in resume_ids.items():
                candidate_id = ResumeVersion.objects.filter(pk=resume_id).values_list("candidate_id", flat=True).first()
                lines.append((stem, resume_stem, scores.get(candidate_id, 0.0) if candidate_id else 0.0))
        lines.sort(key=lambda line: (line[0], -line[2], line[1]))
        return lines

    def _load_resumes(self, organization: Organization, folder: Path) -> dict[str, int]:
        resume_ids = {}
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            data = path.read_bytes()
            try:
                kind = check_upload(data, max_bytes=10 * 1024 * 1024)
            except ExtractionError as error:
                self.stderr.write(f"{path.name}: skipped ({error})")
                continue
            intake = resume_intake(organization=organization, filename=path.name, data=data, kind=kind)
            resume_ids[path.stem] = intake.resume.pk
        return resume_ids

    def _load_jobs(self, organization: Organization, folder: Path) -> list[tuple[str, Any]]:
        jobs = []
        for path in sorted(folder.glob("*.json")):
            try:
                posting = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as error:
                raise CommandError(f"{path}: not valid JSON ({error})") from error
            job = job_create(
                organization=organization,
                title=str(posting.get("title", "")),
                description=str(posting.get("description", "")),
                company=str(posting.get("company") or ""),
                location=str(posting.get("location") or ""),
                remote=posting.get("remote"),
                employment_type=str(posting.get("employment_type") or ""),
            )
            jobs.append((path.stem, job))
        return jobs
