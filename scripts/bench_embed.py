"""Embedding throughput and agreement on real resume chunks: torch fp32 (the reference) vs the configured backend.

Reads every resume in tests/corpus/resumes the way the product does (`check_upload`, then `extract_text`), cuts
the texts into chunks with `recruitment_core.chunking.chunk_text`, and in one run, with the same batch size and
the same number of threads:
- embeds every chunk once with each backend (the warm-up; these vectors give the agreement),
- times --rounds passes over all chunks per backend, interleaved batch by batch (the batches each backend forms
  itself: longest chunks first) so that load from other processes falls on both alike, and reports the median
  pass as chunks/second, with the machine's load average before and after,
- reports the speed-up (configured / torch) and the mean and lowest cosine between the two backends' vectors.
Target: speed-up >= 1.4 at mean agreement >= 0.99.

Usage:
    .venv/bin/python scripts/bench_embed.py            # table
    .venv/bin/python scripts/bench_embed.py --json     # machine-readable
    .venv/bin/python scripts/bench_embed.py --check    # exit 1 when the target is missed

Exit code: 0; with --check, 1 when the target is missed; 2 when it cannot be measured (no resume text, or the
configured backend is not ONNX because the exported model is missing: run scripts/export_onnx.py).
OPENBLAS_CORETYPE and the other threading variables of the environment are reported, never changed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"  # the model is on disk; a hub lookup would be a bug

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script, the repository root is not importable otherwise
    sys.path.insert(0, str(REPO))

RESUMES = REPO / "tests" / "corpus" / "resumes"
MAX_RESUME_BYTES = 10 * 1024 * 1024
TARGET_SPEEDUP = 1.4
TARGET_MEAN_AGREEMENT = 0.99
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE")


def resume_chunks() -> tuple[list[str], int, dict[str, str]]:
    """(chunks of every readable resume in file-name order, resumes read, {file: why it was not read})."""
    from recruitment_core.chunking import chunk_text
    from recruitment_core.extraction import ExtractionError, check_upload, extract_text

    chunks: list[str] = []
    read = 0
    unreadable: dict[str, str] = {}
    for path in sorted(RESUMES.iterdir()):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            text = extract_text(data, check_upload(data, max_bytes=MAX_RESUME_BYTES)).text
        except ExtractionError as error:
            unreadable[path.name] = f"{error.code}: {error}"
            continue
        if text.strip():
            chunks.extend(chunk_text(text))
            read += 1
        else:
            unreadable[path.name] = "no text"
    return chunks, read, unreadable


def run(*, batch_size: int, rounds: int, threads: int) -> dict[str, Any]:
    import numpy as np
    import onnxruntime
    import torch

    from recruitment_core.chunking import model_token_count
    from recruitment_core.embeddings import OnnxEmbedder, TorchEmbedder, onnx_model_dir, resolve_backend

    # The same configuration the workers read (EMBEDDING_BACKEND, EMBEDDING_MODEL_DIR); blank means the default.
    requested = os.environ.get("EMBEDDING_BACKEND", "").strip().lower() or "auto"
    backend, onnx_file = resolve_backend(requested, onnx_model_dir(os.environ.get("EMBEDDING_MODEL_DIR", "")))
    if backend != "onnx":
        raise BenchUnavailable(
            f"the configured embedding backend is {backend!r}, not ONNX ({onnx_file} missing or EMBEDDING_BACKEND "
            "set): run scripts/export_onnx.py and leave EMBEDDING_BACKEND unset or 'onnx'"
        )
    chunks, resumes, unreadable = resume_chunks()
    if not chunks:
        raise BenchUnavailable(f"no resume text could be read from {RESUMES}")
    tokens = [model_token_count(chunk) for chunk in chunks]

    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    torch.set_num_threads(threads)
    reference = TorchEmbedder(batch_size=batch_size)
    configured = OnnxEmbedder(onnx_file, batch_size=batch_size, threads=threads)
    embedders: dict[str, Callable[[list[str]], Any]] = {"torch": reference.embed, "onnx": configured.embed}

    vectors = {name: embed(chunks) for name, embed in embedders.items()}  # warm-up, and the vectors to compare
    # The batches both backends would form themselves (longest first), so each call below is exactly one batch.
    by_length = sorted(range(len(chunks)), key=lambda index: -tokens[index])
    batches = [
        [chunks[i] for i in by_length[first : first + batch_size]] for first in range(0, len(chunks), batch_size)
    ]
    load_before = os.getloadavg()[0]
    seconds: dict[str, list[float]] = {name: [] for name in embedders}
    for _ in range(rounds):
        spent = dict.fromkeys(embedders, 0.0)
        for number, batch in enumerate(batches):
            # Batch by batch, alternating which backend goes first: a burst of load from other processes
            # falls on both alike instead of on one backend's whole pass.
            for name in sorted(embedders, reverse=number % 2 == 1):
                started = time.perf_counter()
                embedders[name](batch)
                spent[name] += time.perf_counter() - started
        for name, total in spent.items():
            seconds[name].append(total)
    load = {"before": load_before, "after": os.getloadavg()[0]}

    cosines = (vectors["torch"].astype(np.float64) * vectors["onnx"].astype(np.float64)).sum(axis=1)
    rate = {name: len(chunks) / statistics.median(times) for name, times in seconds.items()}
    speedup = rate["onnx"] / rate["torch"]
    mean_agreement, min_agreement = float(cosines.mean()), float(cosines.min())
    passed = speedup >= TARGET_SPEEDUP and mean_agreement >= TARGET_MEAN_AGREEMENT
    return {
        "resumes": resumes,
        "unreadable": unreadable,
        "chunks": len(chunks),
        "chunk_tokens": {"mean": statistics.fmean(tokens), "max": max(tokens)},
        "batch_size": batch_size,
        "rounds": rounds,
        "load_average_1min": load,
        "threads": {
            "cpus_available": len(os.sched_getaffinity(0)),
            "torch_intra_op": torch.get_num_threads(),
            "torch_inter_op": torch.get_num_interop_threads(),
            "onnxruntime_intra_op": configured.threads,
            "onnxruntime_inter_op": 1,
            "environment": {name: os.environ.get(name) for name in THREAD_VARIABLES},
        },
        "versions": {"torch": torch.__version__, "onnxruntime": onnxruntime.__version__},
        "onnx_file": str(onnx_file),
        "seconds": seconds,
        "chunks_per_second": {"torch_fp32": rate["torch"], "onnx_int8": rate["onnx"]},
        "speedup": speedup,
        "agreement": {"mean": mean_agreement, "min": min_agreement},
        "target": {"speedup": TARGET_SPEEDUP, "mean_agreement": TARGET_MEAN_AGREEMENT},
        "passed": passed,
    }


class BenchUnavailable(Exception):
    """The comparison cannot be measured on this machine as configured."""


def report(result: dict[str, Any]) -> str:
    threads = result["threads"]
    rate = result["chunks_per_second"]
    environment = [f"{name}={value}" for name, value in threads["environment"].items() if value is not None]
    lines = [
        f"resumes read: {result['resumes']}, chunks: {result['chunks']} "
        f"(word pieces per chunk: mean {result['chunk_tokens']['mean']:.0f}, max {result['chunk_tokens']['max']})",
    ]
    lines += [f"  not read: {name}: {why}" for name, why in result["unreadable"].items()]
    lines += [
        f"batch size {result['batch_size']}, median of {result['rounds']} timed passes after a warm-up pass; "
        f"1-minute load average {result['load_average_1min']['before']:.1f} before, "
        f"{result['load_average_1min']['after']:.1f} after",
        f"threads: {threads['cpus_available']} CPUs; torch intra-op {threads['torch_intra_op']}, inter-op "
        f"{threads['torch_inter_op']}; onnxruntime intra-op {threads['onnxruntime_intra_op']}, inter-op "
        f"{threads['onnxruntime_inter_op']}; environment: {', '.join(environment) or 'no thread variables set'}",
        f"{'backend':<28}{'chunks/s':>10}",
        f"{'sentence-transformers fp32':<28}{rate['torch_fp32']:>10.1f}",
        f"{'onnxruntime int8':<28}{rate['onnx_int8']:>10.1f}",
        f"speed-up {result['speedup']:.2f}x (target >= {TARGET_SPEEDUP}x); cosine agreement mean "
        f"{result['agreement']['mean']:.4f} (target >= {TARGET_MEAN_AGREEMENT}), min {result['agreement']['min']:.4f}",
        "PASS" if result["passed"] else "FAIL",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes per backend (the median counts)")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)), help="default: every CPU")
    arguments = parser.parse_args(argv)
    try:
        result = run(batch_size=arguments.batch_size, rounds=arguments.rounds, threads=arguments.threads)
    except BenchUnavailable as error:
        print(f"bench_embed: cannot measure: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if arguments.json else report(result))
    return 1 if arguments.check and not result["passed"] else 0


if __name__ == "__main__":
    sys.exit(main())
