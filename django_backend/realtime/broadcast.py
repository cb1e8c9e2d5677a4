"""Channel-layer sends from sync code through one event loop per process.

`async_to_sync(layer.group_send)` starts a new event loop for every call, and channels_redis keeps its Redis
connections per event loop: every message paid for a loop and a fresh connection, twice per task change. Here
one daemon thread owns an event loop, and with it the layer's connection, for the life of the process; callers
only hand it the message and return. Messages go out one at a time in the order they were handed over, so the
events of a task reach a group in the order they happened.

Channel layers deliver at most once and TaskRecord is the state of record: a send that fails (Redis down) is
logged and skipped, and never blocks or fails the caller.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from celery import signals
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

# The channel-layer message type of task and organization events; consumers relay it to their clients as is.
TASK_EVENT = "task.event"
# Beyond this many unsent messages (Redis hanging rather than refusing), new ones are dropped with a warning
# instead of growing the worker's memory without bound.
MAX_PENDING = 10_000
# A send that takes longer than this is abandoned and logged, so a hung Redis does not hold up the ones after it.
SEND_TIMEOUT_SECONDS = 5.0
# How long a process waits at exit for its last messages to go out.
EXIT_FLUSH_SECONDS = 2.0


@dataclass(frozen=True)
class _Send:
    group: str
    message: dict[str, Any]
    failure: str  # the log line if the send fails
    extra: Mapping[str, Any] = field(default_factory=dict)


class Broadcaster:
    """The process's channel-layer sender. Started on first use, and again in a forked child (threads do not
    survive a fork, so a Celery pool process gets its own loop and connection)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[_Send] | None = None
        self._pending = 0

    def forget(self) -> None:
        """In a forked child: the parent's thread and loop are not there, and its lock may have been held."""
        self._lock = threading.Lock()
        self._pid, self._loop, self._queue, self._pending = None, None, None, 0

    def send(self, group: str, message: dict[str, Any], *, failure: str, extra: Mapping[str, Any]) -> None:
        """Hand `message` over for `group` and return at once."""
        loop, queue = self._started()
        with self._lock:
            if self._pending >= MAX_PENDING:
                logger.warning("broadcast backlog full, event dropped", extra={"group": group})
                return
            self._pending += 1
        loop.call_soon_threadsafe(queue.put_nowait, _Send(group, message, failure, dict(extra)))

    def flush(self, timeout: float) -> bool:
        """Wait until every message handed over so far was sent (or failed); False if `timeout` ran out."""
        if self._pid != os.getpid() or self._loop is None or self._queue is None:
            return True
        if threading.current_thread().name == _THREAD_NAME:
            return False  # would wait on itself
        future = asyncio.run_coroutine_threadsafe(self._queue.join(), self._loop)
        try:
            future.result(timeout)
        except TimeoutError:
            future.cancel()
            return False
        return True

    def _started(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Queue[_Send]]:
        pid = os.getpid()
        with self._lock:
            if self._pid != pid or self._loop is None or self._queue is None:
                loop = asyncio.new_event_loop()
                queue: asyncio.Queue[_Send] = asyncio.Queue()
                ready = threading.Event()
                thread = threading.Thread(target=self._run, args=(loop, queue, ready), name=_THREAD_NAME, daemon=True)
                thread.start()
                ready.wait()
                self._pid, self._loop, self._queue, self._pending = pid, loop, queue, 0
            return self._loop, self._queue

    def _run(self, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[_Send], ready: threading.Event) -> None:
        asyncio.set_event_loop(loop)
        loop.create_task(self._drain(queue))
        loop.call_soon(ready.set)
        loop.run_forever()

    async def _drain(self, queue: asyncio.Queue[_Send]) -> None:
        while True:
            item = await queue.get()
            try:
                layer = get_channel_layer()
                if layer is not None:
                    await asyncio.wait_for(layer.group_send(item.group, item.message), SEND_TIMEOUT_SECONDS)
            except Exception:
                logger.warning(item.failure, extra={**item.extra, "group": item.group}, exc_info=True)
            finally:
                with self._lock:
                    self._pending -= 1
                queue.task_done()


_THREAD_NAME = "channel-layer-broadcast"
broadcaster = Broadcaster()


def broadcast(group: str, message: dict[str, Any], *, failure: str, extra: Mapping[str, Any] | None = None) -> None:
    """Send `message` to `group` on the default channel layer without waiting for it."""
    broadcaster.send(group, message, failure=failure, extra=extra or {})


def flush(timeout: float = EXIT_FLUSH_SECONDS) -> bool:
    return broadcaster.flush(timeout)


os.register_at_fork(after_in_child=broadcaster.forget)

# A process's last events (a task's `succeeded`, a command's final progress) go out before it exits. Celery's
# pool processes leave without running atexit handlers, hence the signal too.
atexit.register(flush)


@signals.worker_process_shutdown.connect
def _flush_on_worker_process_shutdown(**_: Any) -> None:
    flush()
