"""Parse resume files without touching the database, exactly as the worker does (ingestion.reading): one JSON
object per file (evaluations run this)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ingestion.reading import resume_file_read, resume_text_parse


class Command(BaseCommand):
    help = (
        "Parse resume files and print one JSON object per file with the keys file, name, emails, phone, location, "
        "skills, total_years_experience, current_title, employers, education (or file and error)."
    )
    requires_system_checks: list[str] = []  # offline: no database, no services

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--jsonl", action="store_true", help="One JSON object per line (the default output).")
        parser.add_argument(
            "--today", default=os.environ.get("RESUME_PARSE_TODAY", ""), help="ISO date that 'Present' means."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = date.fromisoformat(options["today"]) if options["today"] else None
        for path in options["files"]:
            self.stdout.write(json.dumps(parse_file(path, today=today), ensure_ascii=False))


def parse_file(path: Path, *, today: date | None) -> dict[str, Any]:
    extracted = resume_file_read(path)
    if isinstance(extracted, str):
        return {"file": str(path), "error": extracted}
    if not extracted.text.strip():
        return {"file": str(path), "error": "no_text: no text could be extracted, even with OCR"}
    return {"file": str(path), **resume_text_parse(extracted.text, today=today).to_summary()}
