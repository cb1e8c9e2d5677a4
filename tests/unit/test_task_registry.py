"""The task declarations' registry: one declaration per task gives its Celery options, its route and its kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from config import task_declarations
from config.celery import app
from config.queues import PRIORITY, QueueName
from config.task_declarations import (
    TaskDeclaration,
    TaskDeclarationError,
    declaration_of,
    declaration_register,
    declared_kind_check,
    declared_kinds,
    declared_task,
    kind_label,
    route_task,
)
from config.tasks import RETRY_BACKOFF_MAX, TRANSIENT_ERRORS, TimeLimits

LIMITS = TimeLimits(soft=20, hard=30)


class ProbeUnavailable(Exception):
    pass


@pytest.fixture(autouse=True)
def registry_restored() -> Iterator[None]:
    """Each test's declarations, and the Celery tasks they made, leave both registries as they were."""
    by_name, by_kind, tasks = dict(task_declarations._BY_NAME), dict(task_declarations._BY_KIND), set(app.tasks)
    yield
    task_declarations._BY_NAME.clear()
    task_declarations._BY_NAME.update(by_name)
    task_declarations._BY_KIND.clear()
    task_declarations._BY_KIND.update(by_kind)
    for name in set(app.tasks) - tasks:
        app.tasks.pop(name)


def test_a_declaration_gives_the_task_its_options_and_is_registered_by_name():
    @declared_task(
        queue=QueueName.EMBEDDINGS,
        limits=LIMITS,
        kind="unit_probe",
        label="Probe a unit",
        max_retries=7,
        retry_for=(ProbeUnavailable,),
        name="tests.unit.probe_task",
    )
    def probe_task() -> int:
        return 1

    declaration = declaration_of("tests.unit.probe_task")
    assert declaration is not None and probe_task.declaration == declaration
    assert (declaration.queue, declaration.priority, declaration.kind) == (QueueName.EMBEDDINGS, 7, "unit_probe")
    assert probe_task.name == "tests.unit.probe_task"
    assert (probe_task.soft_time_limit, probe_task.time_limit, probe_task.max_retries) == (20, 30, 7)
    assert tuple(probe_task.autoretry_for) == (*TRANSIENT_ERRORS, ProbeUnavailable)
    assert (probe_task.retry_backoff, probe_task.retry_backoff_max, probe_task.retry_jitter) == (
        10,
        RETRY_BACKOFF_MAX,
        True,
    )
    assert declared_kinds()["unit_probe"] == kind_label("unit_probe") == "Probe a unit"


def test_the_name_defaults_to_module_and_function_as_celery_names_tasks():
    @declared_task(queue=QueueName.LOW, limits=LIMITS)
    def unnamed_probe_task() -> None:
        pass

    assert unnamed_probe_task.name == f"{__name__}.unnamed_probe_task"
    assert declaration_of(unnamed_probe_task.name) == unnamed_probe_task.declaration


def test_the_route_is_the_declared_queue_with_its_priority_or_a_declared_one():
    @declared_task(queue=QueueName.LOW, limits=LIMITS, name="tests.unit.low_task")
    def low_task() -> None:
        pass

    @declared_task(queue=QueueName.MEDIUM, limits=LIMITS, priority=3, name="tests.unit.bulk_task")
    def bulk_task() -> None:
        pass

    assert route_task("tests.unit.low_task", (), {}, {}) == {
        "queue": "low_priority",
        "priority": PRIORITY[QueueName.LOW],
    }
    assert route_task("tests.unit.bulk_task", (), {}, {}, task=bulk_task) == {"queue": "medium_priority", "priority": 3}
    assert route_task("tests.unit.never_declared", (), {}, {}) is None


def test_a_kind_names_one_task():
    @declared_task(queue=QueueName.LOW, limits=LIMITS, kind="unit_shared", name="tests.unit.first_task")
    def first_task() -> None:
        pass

    with pytest.raises(TaskDeclarationError, match=r"declared by tests\.unit\.first_task"):

        @declared_task(queue=QueueName.LOW, limits=LIMITS, kind="unit_shared", name="tests.unit.second_task")
        def second_task() -> None:
            pass


def test_declaring_a_task_again_replaces_its_declaration():
    """A module imported a second time declares its tasks again."""
    for label in ("First label", "Second label"):
        declaration_register(
            TaskDeclaration(
                name="tests.unit.again", queue=QueueName.LOW, limits=LIMITS, priority=1, kind="unit_again", label=label
            )
        )

    assert kind_label("unit_again") == "Second label"


def test_a_record_kind_is_the_one_its_task_declares():
    @declared_task(queue=QueueName.LOW, limits=LIMITS, kind="unit_kept", name="tests.unit.kept_task")
    def kept_task() -> None:
        pass

    @declared_task(queue=QueueName.LOW, limits=LIMITS, name="tests.unit.unkept_task")
    def unkept_task() -> None:
        pass

    assert declared_kind_check(kept_task, None) == declared_kind_check(kept_task, "unit_kept") == "unit_kept"
    assert kind_label("unit_kept") == "Unit kept"  # no label declared: the kind, readable
    with pytest.raises(TaskDeclarationError, match="not 'parse_resume'"):
        declared_kind_check(kept_task, "parse_resume")
    with pytest.raises(TaskDeclarationError, match="declares no record kind"):
        declared_kind_check(unkept_task, None)


def test_a_kind_no_task_declares_any_more_shows_as_stored():
    assert kind_label("retired_kind_of_old_records") == "retired_kind_of_old_records"
