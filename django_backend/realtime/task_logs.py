"""The log lines of one task, read back from the JSON logs every process writes to settings.LOG_DIR.

Bounded: only the end of each file (TASK_LOG_MAX_BYTES_PER_FILE) is read and at most TASK_LOG_MAX_LINES lines
are returned, newest last. A line is the task's when its `task_id` field is exactly the id: the id appearing in
another task's message (a retry naming the task it repeats) does not make the line this task's.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

# Celery task ids are UUIDs; anything else is refused before a file is opened.
TASK_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# Fields shown besides time, service, level and message; others (request ids, organization) are for Loki queries.
DETAIL_FIELDS = ("task_name", "attempt", "state", "error", "reason")


class TaskLogError(ValueError):
    """The task id cannot be looked up (it is not shaped like a task id)."""


@dataclass(frozen=True)
class TaskLogLine:
    time: str
    service: str
    level: str
    logger: str
    message: str
    details: str


def task_log_lines(
    *,
    task_id: str,
    log_dir: Path | None = None,
    max_bytes_per_file: int | None = None,
    max_lines: int | None = None,
) -> list[TaskLogLine]:
    """The lines whose task_id is `task_id`, from the end of every *.log file in the log directory, oldest first."""
    if not TASK_ID.fullmatch(task_id):
        raise TaskLogError(f"{task_id!r} is not a task id.")
    directory = Path(log_dir or settings.LOG_DIR)
    budget = max_bytes_per_file or settings.TASK_LOG_MAX_BYTES_PER_FILE
    limit = max_lines or settings.TASK_LOG_MAX_LINES
    found: list[TaskLogLine] = []
    for path in sorted(directory.glob("*.log")) if directory.is_dir() else []:
        found.extend(_lines_of(path, task_id, budget))
    found.sort(key=lambda line: line.time)
    return found[-limit:]


def _tail(path: Path, budget: int) -> list[bytes]:
    try:
        with path.open("rb") as stream:
            size = stream.seek(0, os.SEEK_END)
            start = max(0, size - budget)
            stream.seek(start)
            data = stream.read(budget)
    except OSError:  # rotated away or unreadable: the other files still answer
        return []
    lines = data.split(b"\n")
    return lines[1:] if start > 0 else lines  # the first line was cut by the start offset


def _lines_of(path: Path, task_id: str, budget: int) -> list[TaskLogLine]:
    needle = task_id.encode()
    lines = []
    for raw in _tail(path, budget):
        if needle not in raw:
            continue
        try:
            entry = json.loads(raw)
        except ValueError:  # a plain-text line (a banner, a traceback) is nobody's task line
            continue
        if not isinstance(entry, dict) or entry.get("task_id") != task_id:
            continue
        details = ", ".join(f"{name}={entry[name]}" for name in DETAIL_FIELDS if entry.get(name) not in (None, ""))
        lines.append(
            TaskLogLine(
                time=str(entry.get("time", "")),
                service=str(entry.get("service") or path.stem),
                level=str(entry.get("level", "")),
                logger=str(entry.get("logger", "")),
                message=str(entry.get("message", "")),
                details=details,
            )
        )
    return lines
