"""The text of resume files exactly as parsing sees it (ingestion.reading), without touching the database: one
JSON object per line, `{"file", "text"}` or `{"file", "error"}`. Evaluations of text extraction run this."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ingestion.reading import resume_file_read


class Command(BaseCommand):
    help = (
        "Extract the text of resume files as parsing sees it (same checks, sandbox and caps) and print one JSON "
        'object per line: {"file", "text"} or {"file", "error"}.'
    )
    requires_system_checks: list[str] = []  # offline: no database, no services

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--jsonl", action="store_true", help="One JSON object per line (the default output).")

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["files"]:
            self.stdout.write(json.dumps(text_of_file(path), ensure_ascii=False))


def text_of_file(path: Path) -> dict[str, str]:
    extracted = resume_file_read(path)
    if isinstance(extracted, str):
        return {"file": str(path), "error": extracted}
    return {"file": str(path), "text": extracted.text}
