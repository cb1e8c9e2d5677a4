"""Resume extraction in a child process, with a memory limit and a wall-clock timeout.

Malformed and malicious files make parsers loop, allocate without bound or crash in C code (PDFium,
libjpeg, tesseract). The work runs in a child made with os.fork(), not multiprocessing: this code runs
inside Celery prefork workers, whose processes are daemonic and may not start multiprocessing children.
The child gets RLIMIT_AS; at the deadline its whole process group (tools it started included) gets
SIGKILL. The result comes back as JSON over a pipe, never pickle: a child subverted by a hostile file
must not be able to run code in the parent. The parent always reaps the child, so no zombie is left.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any

from recruitment_core.extraction import ExtractedText, ExtractionError, extract_text
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits
from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools

DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MAX_MEMORY_MB = 1024
# The largest result accepted from a child: far above any resume's text, far below harm to the parent.
_MAX_RESULT_BYTES = 64 * 1024 * 1024
# After the child closes its end of the pipe it only has to exit; give it this long before SIGKILL.
_EXIT_GRACE_SECONDS = 5.0
_BYTES_PER_MB = 1024 * 1024


def extract_text_limited(
    data: bytes,
    kind: str,
    *,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB,
    limits: ResumeLimits = DEFAULT_LIMITS,
    tools: ExternalTools = DEFAULT_TOOLS,
) -> ExtractedText:
    """extract_text() in a child process (capped by `limits` there, so only the kept text comes back); the same
    result, or an ExtractionError:

    "timeout" past the deadline, "too_complex" when the memory limit is hit, the child's own code and
    message for an ExtractionError it raised, "corrupt" (with the reason) for any other failure or crash.
    """
    fields = run_limited(
        _extract_as_dict, data, kind, limits, tools, timeout_seconds=timeout_seconds, max_memory_mb=max_memory_mb
    )
    try:
        return ExtractedText(**{**fields, "red_flags": tuple(fields["red_flags"])})
    except (TypeError, KeyError) as exc:
        raise _crashed(f"it returned an unexpected result ({exc})") from exc


def _extract_as_dict(data: bytes, kind: str, limits: ResumeLimits, tools: ExternalTools) -> dict[str, Any]:
    return dataclasses.asdict(extract_text(data, kind, limits=limits, tools=tools))


def run_limited(
    func: Callable[..., Any],
    *args: Any,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB,
) -> Any:
    """Call func(*args) in a forked child and return its result, which must be JSON-serialisable.

    `max_memory_mb` is the address space the call may add to what the process already uses (a worker
    that loaded a model already maps gigabytes; a fixed total would fail before reading a byte).
    """
    if timeout_seconds <= 0:
        raise ValueError("timeout_seconds must be positive")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, whatever happens
        try:
            os.close(read_end)
            _child(write_end, func, args, max_memory_mb)
        finally:
            os._exit(0)
    os.close(write_end)
    with contextlib.suppress(OSError):  # the child does it too: whichever runs first, the group exists
        os.setpgid(pid, pid)
    deadline = time.monotonic() + timeout_seconds
    output = b""
    outcome = "running"
    try:
        output, outcome = _read_result(read_end, deadline)
    finally:
        os.close(read_end)
        status = _reap(pid, deadline if outcome == "done" else None)
    if outcome == "timeout":
        raise ExtractionError(
            "timeout", f"Reading this file took longer than {timeout_seconds:g} seconds; it may be malformed."
        )
    if outcome == "too_large":
        raise _too_complex()
    return _decode(output, status)


def _child(write_end: int, func: Callable[..., Any], args: tuple[Any, ...], max_memory_mb: int) -> None:
    os.setpgid(0, 0)  # its own process group: one kill stops it and any tool it started
    # The garbage collector would walk (and so copy) every object inherited from the worker; the
    # inherited ones are not ours to collect.
    gc.freeze()
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)  # not the worker's handlers
    _limit_memory(max_memory_mb)
    message: dict[str, Any]
    try:
        message = {"result": func(*args)}
    except ExtractionError as error:
        message = {"error": {"code": error.code, "message": error.message}}
    except BaseException as error:  # the child reports everything; the parent decides
        message = {"memory": True} if _caused_by_memory(error) else {"crash": _describe(error)}
    try:
        payload = json.dumps(message).encode()
    except MemoryError:
        payload = b'{"memory": true}'
    except (TypeError, ValueError) as error:
        payload = json.dumps({"crash": f"its result cannot be sent back ({error})"}).encode()
    view = memoryview(payload)
    while view:
        view = view[os.write(write_end, view) :]
    os.close(write_end)


def _limit_memory(max_memory_mb: int) -> None:
    limit = _mapped_bytes() + max_memory_mb * _BYTES_PER_MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _mapped_bytes() -> int:
    """The process's current virtual size (the inherited mappings RLIMIT_AS counts)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _caused_by_memory(error: BaseException) -> bool:
    seen: BaseException | None = error
    for _ in range(10):  # a bounded walk: cycles in __context__ chains are possible
        if seen is None:
            return False
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return text[:300]


def _read_result(read_end: int, deadline: float) -> tuple[bytes, str]:
    """Everything the child writes, until it closes the pipe, the deadline passes or it sends too much."""
    poller = _poller(read_end)
    chunks: list[bytes] = []
    size = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"", "timeout"
        if not poller.poll(max(1, int(remaining * 1000))):
            continue
        chunk = os.read(read_end, 1024 * 1024)
        if not chunk:
            return b"".join(chunks), "done"
        size += len(chunk)
        if size > _MAX_RESULT_BYTES:
            return b"", "too_large"
        chunks.append(chunk)


def _poller(fd: int) -> select.poll:
    poller = select.poll()  # not select.select: a busy worker may hold descriptors above 1024
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    return poller


def _reap(pid: int, deadline: float | None) -> int | None:
    """Wait for the child; kill its group first unless it finished and exits in time. Returns its status."""
    if deadline is not None:
        give_up = max(deadline, time.monotonic()) + _EXIT_GRACE_SECONDS
        pause = 0.0001  # the child exits right after closing the pipe: check often at first
        while time.monotonic() < give_up:
            try:
                finished, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                return None  # someone else reaped it (a SIGCHLD handler)
            if finished:
                return status
            time.sleep(pause)
            pause = min(pause * 2, 0.01)
    for kill in (os.killpg, os.kill):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(pid, signal.SIGKILL)
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _decode(output: bytes, status: int | None) -> Any:
    try:
        message = json.loads(output) if output else None
    except (ValueError, RecursionError):
        message = None
    if not isinstance(message, dict):
        if status is not None and os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            if number == signal.SIGKILL:
                raise _too_complex()  # killed, not by us: the kernel's out-of-memory killer
            raise _crashed(f"the reader stopped with signal {signal.Signals(number).name}")
        code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else "unknown"
        raise _crashed(f"the reader exited without a result (status {code})")
    if "result" in message:
        return message["result"]
    if "error" in message:
        error = message["error"]
        raise ExtractionError(str(error.get("code", "corrupt")), str(error.get("message", "")))
    if "memory" in message:
        raise _too_complex()
    raise _crashed(str(message.get("crash", "unknown failure")))


def _too_complex() -> ExtractionError:
    return ExtractionError(
        "too_complex",
        "Reading this file needed more memory than allowed; it may be malformed or built to overload readers. "
        "Ask the candidate to export it again (for example, as a PDF without large images).",
    )


def _crashed(reason: str) -> ExtractionError:
    return ExtractionError(
        "corrupt",
        f"This file could not be read: {reason}. It may be damaged; ask the candidate to export it again.",
    )
