"""The TaskRecords of bench_tasks' runs: a task counts as done when its record is `succeeded`."""

from __future__ import annotations

import time
from dataclasses import dataclass

from scripts.bench_common import BenchError


def next_record_pk() -> int:
    from django.db.models import Max

    from realtime.models import TaskRecord

    return (TaskRecord.objects.aggregate(last=Max("pk"))["last"] or 0) + 1


@dataclass(frozen=True)
class Finished:
    succeeded: int
    failed: int
    last_finished: float


def records_finished(*, kind: str, first_pk: int) -> Finished:
    from django.db.models import Count, Max, Q

    from realtime.models import TaskRecord

    done = TaskRecord.objects.filter(kind=kind, pk__gte=first_pk).aggregate(
        succeeded=Count("pk", filter=Q(state=TaskRecord.State.SUCCEEDED)),
        failed=Count("pk", filter=Q(state=TaskRecord.State.FAILED)),
        last_finished=Max("finished_at"),
    )
    return Finished(
        succeeded=done["succeeded"],
        failed=done["failed"],
        last_finished=done["last_finished"].timestamp() if done["last_finished"] else 0.0,
    )


def wait_until_finished(*, kind: str, first_pk: int, count: int, timeout: float) -> Finished:
    """Poll the TaskRecords until `count` succeeded; a failed one or the timeout is an error."""
    from realtime.models import TaskRecord

    deadline = time.monotonic() + timeout
    while True:
        finished = records_finished(kind=kind, first_pk=first_pk)
        if finished.failed:
            errors = TaskRecord.objects.filter(kind=kind, pk__gte=first_pk, state=TaskRecord.State.FAILED)
            raise BenchError(
                f"{finished.failed} {kind} tasks failed, e.g.: {errors.values_list('error', flat=True)[0]}"
            )
        if finished.succeeded >= count:
            return finished
        if time.monotonic() > deadline:
            raise BenchError(f"only {finished.succeeded} of {count} {kind} tasks succeeded within {timeout:g} s")
        time.sleep(0.05)
