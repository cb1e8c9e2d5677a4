"""Every Celery task declared once, next to its function: its queue, priority, retries, time limits and record kind.

    @declared_task(queue=QueueName.MEDIUM, limits=PARSE_LIMITS, kind="parse_resume", label="Parse resume", bind=True)
    def parse_resume_task(self, resume_id): ...

`declared_task` wraps Celery's `shared_task` and files the declaration in a registry by task name. Routing
(`route_task`, config.celery's only router) and the TaskRecord kinds with their labels (realtime) are read from
it, so a new task needs its decorated function and nothing else: no route to add, no migration for its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from celery import shared_task
from django.apps import apps
from django.utils.module_loading import autodiscover_modules

from config.queues import PRIORITY, QueueName
from config.tasks import DEFAULT_MAX_RETRIES, TimeLimits, task_options


@dataclass(frozen=True)
class TaskDeclaration:
    """What a task states about its delivery and its record. `kind` is None for a task that keeps no
    TaskRecord (periodic maintenance, notifications); `label` is how people see that kind (admin, API)."""

    name: str
    queue: QueueName
    limits: TimeLimits
    priority: int
    kind: str | None = None
    label: str = ""
    max_retries: int = DEFAULT_MAX_RETRIES

    def route(self) -> dict[str, object]:
        """Celery route options: the queue, and the priority its messages carry unless the sender says otherwise."""
        return {"queue": self.queue.value, "priority": self.priority}


class TaskDeclarationError(ValueError):
    """A declaration that contradicts another one, or a kind that no task declares."""


_BY_NAME: dict[str, TaskDeclaration] = {}
_BY_KIND: dict[str, TaskDeclaration] = {}
_all_task_modules_imported = False


def declared_task(
    *,
    queue: QueueName,
    limits: TimeLimits,
    kind: str | None = None,
    label: str = "",
    priority: int | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_for: tuple[type[BaseException], ...] = (),
    bind: bool = False,
    name: str | None = None,
) -> Callable[[Callable[..., Any]], Any]:
    """Declare a task: `shared_task` with the options of config.tasks.task_options (autoretry on transient errors
    and `retry_for`, jittered backoff, time limits), registered here for routing and for its record kind.

    `priority` defaults to the queue's (config.queues.PRIORITY); `name` to Celery's `module.function`."""

    def decorate(function: Callable[..., Any]) -> Any:
        declaration = TaskDeclaration(
            name=name or f"{function.__module__}.{function.__name__}",
            queue=queue,
            limits=limits,
            priority=PRIORITY[queue] if priority is None else priority,
            kind=kind,
            label=label or (kind or "").replace("_", " ").capitalize(),
            max_retries=max_retries,
        )
        declaration_register(declaration)
        options = task_options(limits, max_retries=max_retries, retry_for=retry_for, bind=bind)
        return shared_task(name=declaration.name, declaration=declaration, **options)(function)

    return decorate


def declaration_register(declaration: TaskDeclaration) -> None:
    """File a declaration. A module imported again declares its tasks again (same name): the newest counts; a
    kind already declared by another task is refused, since a record's kind names the one task that keeps it."""
    if declaration.kind is not None:
        holder = _BY_KIND.get(declaration.kind)
        if holder is not None and holder.name != declaration.name:
            raise TaskDeclarationError(f"Kind {declaration.kind!r} is declared by {holder.name} already.")
    previous = _BY_NAME.get(declaration.name)
    if previous is not None and previous.kind is not None:
        _BY_KIND.pop(previous.kind, None)
    _BY_NAME[declaration.name] = declaration
    if declaration.kind is not None:
        _BY_KIND[declaration.kind] = declaration


def _import_task_modules() -> None:
    """Import every installed app's `tasks` module once, so a process that only sends tasks (the web) knows
    every declaration, not only those of the modules it happened to import. Not before Django is set up."""
    global _all_task_modules_imported
    if _all_task_modules_imported or not apps.ready:
        return
    _all_task_modules_imported = True
    autodiscover_modules("tasks")


def declaration_of(name: str) -> TaskDeclaration | None:
    """The declaration of the task called `name`, or None for a task declared otherwise (Celery's own)."""
    if name not in _BY_NAME:
        _import_task_modules()
    return _BY_NAME.get(name)


def declarations() -> Mapping[str, TaskDeclaration]:
    """Every declared task, by name."""
    _import_task_modules()
    return dict(_BY_NAME)


def declared_kinds() -> dict[str, str]:
    """Every TaskRecord kind and its label, in label order (admin filters)."""
    _import_task_modules()
    return {kind: declaration.label for kind, declaration in sorted(_BY_KIND.items(), key=lambda item: item[1].label)}


def kind_label(kind: str) -> str:
    """How people see a record kind; a kind no task declares any more (an old record's) shows as it is stored."""
    if kind not in _BY_KIND:
        _import_task_modules()
    declaration = _BY_KIND.get(kind)
    return declaration.label if declaration is not None else kind


def declared_kind_check(task: Any, kind: str | None) -> str:
    """The record kind of `task`, which must be declared and agree with `kind` when the caller names one."""
    declaration = getattr(task, "declaration", None) or declaration_of(getattr(task, "name", ""))
    if declaration is None or declaration.kind is None:
        raise TaskDeclarationError(f"{getattr(task, 'name', task)!r} declares no record kind.")
    if kind is not None and kind != declaration.kind:
        raise TaskDeclarationError(f"{declaration.name} keeps records of kind {declaration.kind!r}, not {kind!r}.")
    return declaration.kind


def route_task(name: str, args: Any, kwargs: Any, options: Any, task: Any = None, **_: Any) -> dict[str, object] | None:
    """The Celery router (task_routes): a declared task to its queue with its priority; None leaves any other to
    Celery's default queue. Options given to the call itself (queue=, priority=) still win over the route."""
    declaration = getattr(task, "declaration", None)
    if not isinstance(declaration, TaskDeclaration):
        declaration = declaration_of(name)
    return None if declaration is None else declaration.route()


def declared_queue(name: str) -> QueueName | None:
    """The queue a task is routed to, None when it is not declared."""
    declaration = declaration_of(name)
    return None if declaration is None else declaration.queue
