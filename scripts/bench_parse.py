"""Throughput of resume text extraction + parsing on text PDFs (no OCR, no embeddings), on this machine.

Takes the text-layer PDFs of the evaluation corpus (tests/corpus/manifest.json), replicates them in memory to at
least 200 files, and measures in one run, with one worker process per core:
- baseline: pypdf.PdfReader(...).pages[i].extract_text() for every page, then the product parser on that text;
- product:  recruitment_core.extraction.extract_text(data, "pdf").text, then the product parser;
- worker:   the same through recruitment_core.sandbox.extract_text_limited, the forked, time- and memory-limited
            child that the Celery worker uses for every file. The target is judged on this, the production path.
It reports resumes/second for each, the ratio product/baseline, per-resume p50/p95 latency (measured inside the
workers) and the peak RSS of a worker process, with the target (product >= 20 text-PDF resumes/second).

Usage:
    .venv/bin/python scripts/bench_parse.py            # table
    .venv/bin/python scripts/bench_parse.py --json     # machine-readable
    .venv/bin/python scripts/bench_parse.py --check    # exit 1 when the target is missed

Exit code: 0; with --check, 1 when the target is missed; 2 when it cannot be measured (the parser is missing or
fails on a corpus file).

Workers are started with "spawn", so each imports what it needs itself and its peak RSS is its own, and they are
warmed up (imports, taxonomy compilation, one parse) before anything is timed. Throughput is the median over
--rounds timed passes of all files; latencies are pooled over every pass.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
TARGET_RESUMES_PER_SECOND = 20.0
MIN_FILES = 200
MODES = ("baseline", "product", "worker")
if str(REPO) not in sys.path:  # run as a script, the repository root is not importable otherwise
    sys.path.insert(0, str(REPO))

from scripts.bench_common import percentile  # noqa: E402

# --- worker side -----------------------------------------------------------------------------------

_parse: Callable[[str], Any] | None = None
_extract: Callable[[bytes], str] | None = None
_ocr_seen = False


def _pypdf_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(reader.pages[index].extract_text() or "" for index in range(len(reader.pages)))


def _product_text(data: bytes) -> str:
    global _ocr_seen
    from recruitment_core.extraction import extract_text

    extracted = extract_text(data, "pdf")
    _ocr_seen = _ocr_seen or bool(getattr(extracted, "ocr_used", False))
    return extracted.text


def _sandboxed_text(data: bytes) -> str:
    from recruitment_core.sandbox import extract_text_limited

    return extract_text_limited(data, "pdf", timeout_seconds=60, max_memory_mb=1024).text


def _init_worker(mode: str, with_parser: bool) -> None:
    """Import everything up front, so no timed call pays for it (the warm-up pass does the first parses)."""
    global _parse, _extract
    _extract = {"baseline": _pypdf_text, "product": _product_text, "worker": _sandboxed_text}[mode]
    if mode in ("product", "worker"):
        import recruitment_core.extraction
        import recruitment_core.sandbox  # noqa: F401
    else:
        import pypdf  # noqa: F401
    if with_parser:
        from recruitment_core.resume_parser import parse_resume

        _parse = parse_resume


def _process(data: bytes) -> tuple[float, int, bool]:
    """One resume: (seconds, this worker's peak RSS in KB so far, whether OCR ran in this worker)."""
    assert _extract is not None
    started = time.perf_counter()
    text = _extract(data)
    if _parse is not None:
        _parse(text)
    elapsed = time.perf_counter() - started
    return elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, _ocr_seen


# --- parent side -----------------------------------------------------------------------------------


@dataclass
class ModeResult:
    mode: str
    resumes_per_second: float  # median over rounds
    rounds: list[float]
    p50_ms: float
    p95_ms: float
    peak_worker_rss_mb: float
    ocr_used: bool


def text_pdfs(corpus: Path) -> list[tuple[str, bytes]]:
    """The corpus PDFs that have a text layer (scans are excluded: they need OCR)."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    names = [entry["file"] for entry in manifest if entry["format"] == "pdf" and entry["has_text_layer"]]
    return [(name, (corpus / "resumes" / name).read_bytes()) for name in names]


def replicate(items: list[bytes], count: int) -> list[bytes]:
    """`count` items cycling through `items` (a whole number of copies at least, so every file weighs the same)."""
    copies = -(-count // len(items))
    return (items * copies)[: max(count, len(items) * copies)]


def parser_import_error() -> str | None:
    try:
        from recruitment_core.resume_parser import parse_resume  # noqa: F401
    except Exception as exc:  # any import-time failure means the parser cannot be benchmarked
        return f"{type(exc).__name__}: {exc}"
    return None


def run_mode(mode: str, files: list[bytes], *, workers: int, rounds: int, with_parser: bool) -> ModeResult:
    context = multiprocessing.get_context("spawn")
    function = _process
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(mode, with_parser)) as pool:  # fmt: skip
        # Warm-up pass: every worker has started, imported and parsed before timing.
        list(pool.map(function, files[: max(workers * 8, 16)], chunksize=1))
        latencies: list[float] = []
        peaks: list[int] = []
        ocr = False
        throughputs = []
        for _ in range(rounds):
            started = time.perf_counter()
            results = list(pool.map(function, files, chunksize=4))
            wall = time.perf_counter() - started
            throughputs.append(len(files) / wall)
            latencies += [seconds for seconds, _, _ in results]
            peaks += [rss for _, rss, _ in results]
            ocr = ocr or any(used for _, _, used in results)
    return ModeResult(
        mode=mode,
        resumes_per_second=statistics.median(throughputs),
        rounds=throughputs,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p95_ms=percentile(latencies, 0.95) * 1000,
        peak_worker_rss_mb=max(peaks) / 1024,  # ru_maxrss is in KB on Linux
        ocr_used=ocr,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=240, help=f"files to process per pass (at least {MIN_FILES})")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default: 2, one per core)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes per mode; the median is reported")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed (2: not measurable)")
    args = parser.parse_args(argv)

    sources = text_pdfs(args.corpus)
    if not sources:
        print(f"no text PDFs listed in {args.corpus / 'manifest.json'}", file=sys.stderr)
        return 2 if args.check else 0
    files = replicate([data for _, data in sources], max(args.count, MIN_FILES))
    import_error = parser_import_error()
    with_parser = import_error is None
    if import_error:
        print(
            "recruitment_core.resume_parser.parse_resume is not importable yet "
            f"({import_error}).\nMeasuring text extraction only; the target cannot be judged until it is.",
            file=sys.stderr,
        )
    results = {}
    for mode in MODES:
        try:
            results[mode] = run_mode(mode, files, workers=args.workers, rounds=args.rounds, with_parser=with_parser)
        except Exception as exc:  # the code under test failed: say where, and measure nothing
            remote = str(exc.__cause__ or "").strip().splitlines()[-6:]
            print(f"benchmark failed in the {mode} mode: {type(exc).__name__}: {exc}", file=sys.stderr)
            print("\n".join(remote), file=sys.stderr)
            return 2
    product, baseline, worker = results["product"], results["baseline"], results["worker"]
    ratio = product.resumes_per_second / baseline.resumes_per_second
    worker_ratio = worker.resumes_per_second / baseline.resumes_per_second
    passed = worker.resumes_per_second >= TARGET_RESUMES_PER_SECOND if with_parser else None
    status = {True: "PASS", False: "FAIL", None: "NOT JUDGED (parser missing)"}[passed]

    if args.json:
        print(json.dumps({
            "files": len(files),
            "distinct_files": len(sources),
            "workers": args.workers,
            "cpu_count": os.cpu_count(),
            "rounds": args.rounds,
            "parser": "recruitment_core.resume_parser.parse_resume" if with_parser else None,
            "parser_import_error": import_error,
            "modes": {mode: {
                "resumes_per_second": round(result.resumes_per_second, 2),
                "rounds": [round(value, 2) for value in result.rounds],
                "p50_ms": round(result.p50_ms, 2),
                "p95_ms": round(result.p95_ms, 2),
                "peak_worker_rss_mb": round(result.peak_worker_rss_mb, 1),
                "ocr_used": result.ocr_used,
            } for mode, result in results.items()},
            "ratio_product_to_baseline": round(ratio, 3),
            "ratio_worker_to_baseline": round(worker_ratio, 3),
            "target_resumes_per_second": TARGET_RESUMES_PER_SECOND,
            "passed": passed,
        }, indent=2))  # fmt: skip
    else:
        what = "extraction + parsing" if with_parser else "extraction only (parser missing)"
        print(f"{what}: {len(files)} text PDFs ({len(sources)} distinct), {args.workers} workers, "
              f"{os.cpu_count()} CPUs, median of {args.rounds} passes")  # fmt: skip
        print(f"{'mode':<10}{'resumes/s':>11}{'p50 ms':>9}{'p95 ms':>9}{'worker RSS MB':>15}   passes (resumes/s)")
        for result in (baseline, product, worker):
            passes = ", ".join(f"{value:.1f}" for value in result.rounds)
            print(f"{result.mode:<10}{result.resumes_per_second:>11.1f}{result.p50_ms:>9.1f}{result.p95_ms:>9.1f}"
                  f"{result.peak_worker_rss_mb:>15.1f}   {passes}")  # fmt: skip
        print(
            f"ratio product/baseline: {ratio:.2f}   worker (sandboxed, as in production)/baseline: {worker_ratio:.2f}"
        )
        if product.ocr_used or baseline.ocr_used:
            print("warning: OCR ran on a text PDF; the figures include it")
        print(f"target: worker path >= {TARGET_RESUMES_PER_SECOND:g} text-PDF resumes/s: "
              f"{worker.resumes_per_second:.1f}  {status}")  # fmt: skip
    if not args.check:
        return 0
    if passed is None:
        return 2
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
