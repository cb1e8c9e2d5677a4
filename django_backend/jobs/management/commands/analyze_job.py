"""Read a job posting file and print its requirements and quality, without touching the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from recruitment_core.job_parser import parse_job
from recruitment_core.job_quality import assess_job_quality


class Command(BaseCommand):
    help = (
        "Analyse a job JSON file (title, company, location, remote, employment_type, description) and print "
        "{quality_score, red_flags, required_skills, preferred_skills, min_years, max_years}."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            posting = json.loads(options["file"].read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{options['file']}: not a readable JSON file ({error})") from error
        if not isinstance(posting, dict) or not str(posting.get("description", "")).strip():
            raise CommandError(f"{options['file']}: a JSON object with a non-empty 'description' is required")
        requirements = parse_job(
            title=str(posting.get("title", "")),
            description=str(posting["description"]),
            location=str(posting.get("location") or ""),
            remote=posting.get("remote"),
            employment_type=str(posting.get("employment_type") or ""),
        )
        quality = assess_job_quality(
            title=str(posting.get("title", "")), description=str(posting["description"]), requirements=requirements
        )
        self.stdout.write(
            json.dumps(
                {
                    "quality_score": quality.score,
                    "red_flags": quality.red_flags,
                    "required_skills": requirements.required_skills,
                    "preferred_skills": requirements.preferred_skills,
                    "min_years": requirements.min_years,
                    "max_years": requirements.max_years,
                },
                ensure_ascii=False,
            )
        )
