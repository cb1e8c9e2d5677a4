"""Tests for recruitment_core.sandbox: real forked children, real limits, real signals; nothing mocked."""

from __future__ import annotations

import mmap
import os
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
from fixtures.make_resumes import make_docx, make_hidden_text_pdf, make_scan_image, make_text_pdf

from recruitment_core.extraction import ExtractionError, extract_text
from recruitment_core.sandbox import extract_text_limited, run_limited
from recruitment_core.tools import ExternalTools


@pytest.fixture(autouse=True)
def no_children_left():
    """Every test must leave no child process behind, running or zombie."""
    yield
    assert psutil.Process().children(recursive=True) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # nothing left to reap either


def _error(func, *args, **kwargs) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        func(*args, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(make_text_pdf(["Jane Doe", "Senior Python Engineer", "José Müller – Zürich"]), "pdf", id="pdf"),
        pytest.param(make_hidden_text_pdf(["Jane Doe"], white=["Kubernetes Google"]), "pdf", id="red-flags"),
        pytest.param(make_docx(["Jane Doe"], table=[["Python", "7"]]), "docx", id="docx"),
        pytest.param("Jane Doe\n\ud83d\ude00 ok".encode("utf-8", "surrogatepass"), "txt", id="odd-unicode"),
        pytest.param(make_scan_image(["Jane Doe", "Python Engineer"]), "png", id="ocr"),
    ],
)
def test_result_is_identical_to_extracting_in_process(data, kind):
    assert extract_text_limited(data, kind) == extract_text(data, kind)


def test_the_callers_programs_reach_the_child():
    error = _error(
        extract_text_limited, make_scan_image(["Jane Doe"]), "png", tools=ExternalTools(tesseract_languages="xxx")
    )

    assert error.code == "ocr_unavailable"
    assert "no language data for 'xxx'" in str(error)


def test_extraction_error_in_the_child_keeps_its_code_and_message():
    error = _error(extract_text_limited, make_text_pdf(["Jane Doe"])[:300], "pdf")

    in_process = _error(extract_text, make_text_pdf(["Jane Doe"])[:300], "pdf")
    assert (error.code, str(error)) == (in_process.code, str(in_process)) == ("corrupt", in_process.message)


def _raise_extraction_error() -> None:
    raise ExtractionError("encrypted", "This PDF is password-protected.")


def test_extraction_error_raised_by_the_function_propagates():
    error = _error(run_limited, _raise_extraction_error)

    assert (error.code, error.message, str(error)) == (
        "encrypted",
        "This PDF is password-protected.",
        "This PDF is password-protected.",
    )


def test_a_function_that_sleeps_is_killed_at_the_timeout():
    started = time.monotonic()

    error = _error(run_limited, time.sleep, 30, timeout_seconds=0.5)

    assert time.monotonic() - started < 5
    assert error.code == "timeout"
    assert str(error) == "Reading this file took longer than 0.5 seconds; it may be malformed."


def test_extract_text_limited_times_out_too():
    error = _error(extract_text_limited, make_scan_image(["Jane Doe"] * 30), "png", timeout_seconds=0.05)

    assert error.code == "timeout"
    assert str(error) == "Reading this file took longer than 0.05 seconds; it may be malformed."


def _sleep_in_a_tool(pid_file: str) -> None:
    tool = subprocess.Popen(["sleep", "60"])  # like tesseract or antiword, started by the extraction
    with open(pid_file, "w") as handle:
        handle.write(str(tool.pid))
    tool.wait()


def test_tools_started_by_the_child_are_killed_with_it(tmp_path):
    pid_file = tmp_path / "tool.pid"

    assert _error(run_limited, _sleep_in_a_tool, str(pid_file), timeout_seconds=1).code == "timeout"

    tool_pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while psutil.pid_exists(tool_pid) and psutil.Process(tool_pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline, "the tool outlived the sandbox"
        time.sleep(0.05)


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_allocating_2_gb_fails_as_too_complex():
    error = _error(run_limited, _allocate, 2048)

    assert error.code == "too_complex"
    assert str(error).startswith("Reading this file needed more memory than allowed;")


def test_memory_within_the_limit_is_fine():
    assert run_limited(_allocate, 200, max_memory_mb=512) == 200 * 1024 * 1024


def test_the_limit_is_on_top_of_what_the_worker_already_maps():
    # A worker that loaded a model maps gigabytes before it reads a file; that must not count.
    reserved = mmap.mmap(-1, 3 * 1024 * 1024 * 1024)  # address space only, never touched
    try:
        assert run_limited(_allocate, 100, max_memory_mb=256) == 100 * 1024 * 1024
        assert _error(run_limited, _allocate, 512, max_memory_mb=256).code == "too_complex"
    finally:
        reserved.close()


def _fail(message: str) -> None:
    raise ValueError(message)


def test_any_other_exception_is_corrupt_with_the_reason():
    error = _error(run_limited, _fail, "bad xref table")

    assert error.code == "corrupt"
    assert str(error) == (
        "This file could not be read: ValueError: bad xref table. "
        "It may be damaged; ask the candidate to export it again."
    )


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def test_a_crash_in_native_code_is_corrupt_and_the_parent_survives():
    error = _error(run_limited, _crash)

    assert error.code == "corrupt"
    assert "the reader stopped with signal SIGSEGV" in str(error)


def test_a_child_that_exits_without_a_result_is_corrupt():
    error = _error(run_limited, os._exit, 3)

    assert error.code == "corrupt"
    assert "the reader exited without a result (status 3)" in str(error)


def test_a_result_that_is_not_json_is_corrupt():
    error = _error(run_limited, object)

    assert error.code == "corrupt"
    assert "its result cannot be sent back" in str(error)


def test_large_results_come_back_whole():
    assert run_limited(str.__mul__, "x", 5_000_000) == "x" * 5_000_000


def test_concurrent_calls_from_threads():
    data = make_text_pdf(["Jane Doe", "Python"])
    expected = extract_text(data, "pdf")
    stop = threading.Event()

    def extract_in_process() -> None:  # another thread keeps PDFium busy while others fork
        while not stop.is_set():
            extract_text(data, "pdf")

    busy = threading.Thread(target=extract_in_process)
    busy.start()
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda _: extract_text_limited(data, "pdf", timeout_seconds=20), range(12)))
    finally:
        stop.set()
        busy.join()

    assert results == [expected] * 12


def test_timeout_must_be_positive():
    with pytest.raises(ValueError, match="timeout_seconds must be positive"):
        run_limited(time.sleep, 0, timeout_seconds=0)
