"""Tests for recruitment_core.embeddings with the real model: the torch reference and a real INT8 ONNX export.

The ONNX file is produced once per session in a temporary folder by scripts/export_onnx.py, offline.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from recruitment_core.chunking import chunk_text, model_token_count
from recruitment_core.embeddings import (
    DEFAULT_MODEL_DIR,
    EMBEDDING_DIMENSIONS,
    EmbeddingError,
    OnnxEmbedder,
    TorchEmbedder,
    embed_document,
    get_embedder,
    mean_pool_normalise,
    onnx_model_dir,
    onnx_model_file,
    resolve_backend,
)
from scripts import export_onnx

REPO = Path(__file__).resolve().parents[2]
SENTENCES = [
    "Senior Python developer with Django, PostgreSQL and Celery experience.",
    "Registered nurse, five years in a cardiac intensive care unit.",
    "Staff accountant: month-end close, reconciliations and US GAAP reporting.",
    "Forklift-certified warehouse supervisor leading a team of twelve.",
    "Data scientist",
]
# About 330 word pieces about backend engineering: more than the model reads in one pass.
HEAD = "\n".join(
    f"- Built and operated Python {topic} services on PostgreSQL and Kubernetes for a payments company."
    for topic in ("billing", "invoicing", "ledger", "payout", "fraud", "reporting", "checkout", "refund") * 2
)
TAIL_NURSING = (
    "CLINICAL EXPERIENCE\nRegistered nurse in a neonatal intensive care unit: ventilated infants, medication "
    "administration, family education and discharge planning. BLS, NRP and PALS certified."
)
TAIL_ACCOUNTING = (
    "FINANCE EXPERIENCE\nStaff accountant: accounts payable, bank reconciliations, fixed asset registers, audit "
    "support and quarterly tax filings in QuickBooks and NetSuite. CPA candidate."
)


@pytest.fixture(scope="session")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("models")
    result = export_onnx.export_model(target)
    assert not result.skipped
    assert result.path == onnx_model_file(target).resolve()
    return target


@pytest.fixture(scope="session")
def torch_embedder() -> TorchEmbedder:
    embedder = get_embedder("torch")
    assert isinstance(embedder, TorchEmbedder)
    return embedder


@pytest.fixture(scope="session")
def onnx_embedder(onnx_dir: Path) -> OnnxEmbedder:
    embedder = get_embedder("onnx", onnx_dir)
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def assert_unit_rows(vectors: np.ndarray, rows: int) -> None:
    assert vectors.shape == (rows, EMBEDDING_DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), np.ones(rows), atol=1e-5)


def test_torch_backend_gives_unit_vectors_of_384(torch_embedder: TorchEmbedder) -> None:
    assert_unit_rows(torch_embedder.embed(SENTENCES), len(SENTENCES))


def test_onnx_backend_gives_unit_vectors_of_384(onnx_embedder: OnnxEmbedder) -> None:
    assert_unit_rows(onnx_embedder.embed(SENTENCES), len(SENTENCES))


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_no_texts_give_an_empty_array(backend: str, onnx_dir: Path) -> None:
    assert get_embedder(backend, onnx_dir).embed([]).shape == (0, EMBEDDING_DIMENSIONS)


def test_onnx_int8_agrees_with_torch_fp32(torch_embedder: TorchEmbedder, onnx_embedder: OnnxEmbedder) -> None:
    texts = [*SENTENCES, HEAD]  # HEAD is truncated to 256 word pieces by both
    cosines = (torch_embedder.embed(texts) * onnx_embedder.embed(texts)).sum(axis=1)
    assert cosines.mean() >= 0.99
    assert cosines.min() >= 0.98


def test_onnx_agrees_with_torch_whatever_a_text_is_batched_with(
    torch_embedder: TorchEmbedder, onnx_embedder: OnnxEmbedder
) -> None:
    """Dynamic quantisation scales activations per batch, so a text's neighbours move its vector a little (a
    short text padded next to a 256-token one: cosine ~0.99 to itself alone); agreement with torch holds either way.
    """
    reference = torch_embedder.embed(SENTENCES)
    for index, sentence in enumerate(SENTENCES):
        padded_with_a_long_text = onnx_embedder.embed([sentence, HEAD])[0]
        alone = onnx_embedder.embed([sentence])[0]
        assert float(padded_with_a_long_text @ reference[index]) >= 0.98
        assert float(alone @ reference[index]) >= 0.98


def test_embed_document_is_reproducible(onnx_embedder: OnnxEmbedder) -> None:
    document = f"{HEAD}\n\n{TAIL_NURSING}"
    assert embed_document(document, onnx_embedder) == embed_document(document, onnx_embedder)


def test_mean_pooling_counts_only_real_tokens_and_normalises() -> None:
    tokens = np.array([[[3.0, 4.0], [1.0, 0.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]])
    # mean of (3, 4) and (1, 0) is (2, 2); normalised (1/sqrt 2, 1/sqrt 2); the padding (100, 100) is ignored
    np.testing.assert_allclose(mean_pool_normalise(tokens, mask), [[2**-0.5, 2**-0.5]], rtol=1e-6)


def test_backend_onnx_without_the_file_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingError) as raised:
        get_embedder("onnx", tmp_path)
    assert raised.value.code == "onnx_model_missing"
    assert str(onnx_model_file(tmp_path).resolve()) in raised.value.message
    assert "scripts/export_onnx.py" in raised.value.message


def test_auto_without_the_file_warns_and_uses_torch(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    torch_embedder: TorchEmbedder,
) -> None:
    with caplog.at_level(logging.WARNING, logger="recruitment_core.embeddings"):
        assert get_embedder("auto", tmp_path) is torch_embedder
    assert "scripts/export_onnx.py" in caplog.text
    assert str(onnx_model_file(tmp_path).resolve()) in caplog.text


def test_auto_with_the_file_uses_onnx_once_per_process(onnx_dir: Path, onnx_embedder: OnnxEmbedder) -> None:
    assert get_embedder("auto", onnx_dir) is onnx_embedder
    assert get_embedder("auto", onnx_dir) is onnx_embedder


def test_the_callers_folder_and_backend_choose_the_embedder(
    onnx_dir: Path, onnx_embedder: OnnxEmbedder, torch_embedder: TorchEmbedder
) -> None:
    configured = onnx_model_dir(f"  {onnx_dir}  ")  # a setting's raw value
    assert configured == onnx_dir
    assert get_embedder("auto", configured) is onnx_embedder
    assert get_embedder("onnx", configured) is onnx_embedder
    assert get_embedder("torch", configured) is torch_embedder
    assert onnx_model_dir("") == onnx_model_dir() == DEFAULT_MODEL_DIR


def test_the_environment_chooses_nothing(
    monkeypatch: pytest.MonkeyPatch, onnx_dir: Path, tmp_path: Path, torch_embedder: TorchEmbedder
) -> None:
    """Core reads no configuration from the environment: only what its caller passes counts."""
    monkeypatch.setenv("EMBEDDING_MODEL_DIR", str(onnx_dir))
    monkeypatch.setenv("EMBEDDING_BACKEND", "onnx")
    assert onnx_model_dir() == DEFAULT_MODEL_DIR
    assert resolve_backend("auto", tmp_path) == ("torch", onnx_model_file(tmp_path).resolve())
    assert get_embedder("auto", tmp_path) is torch_embedder


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, onnx, torch"):
        get_embedder("tensorflow")


class IndexEmbedder:
    """Chunk number i -> the unit vector e_i: makes the aggregation visible exactly."""

    name = "index"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(texts)
        return np.eye(len(texts), EMBEDDING_DIMENSIONS, dtype=np.float32)


def test_embed_document_is_the_token_weighted_mean_of_its_chunks_in_one_batch() -> None:
    document = f"{HEAD}\n\n{TAIL_NURSING}"
    chunks = chunk_text(document)
    assert len(chunks) == 2
    fake = IndexEmbedder()
    vector = embed_document(document, fake)
    assert fake.calls == [chunks]
    weights = np.array([model_token_count(chunk) for chunk in chunks], dtype=np.float64)
    expected = np.zeros(EMBEDDING_DIMENSIONS)
    expected[: len(chunks)] = weights / np.linalg.norm(weights)
    assert vector == pytest.approx(expected.tolist(), abs=1e-12)


def test_embed_document_reads_past_the_models_256_tokens(torch_embedder: TorchEmbedder) -> None:
    nursing, accounting = f"{HEAD}\n\n{TAIL_NURSING}", f"{HEAD}\n\n{TAIL_ACCOUNTING}"
    assert model_token_count(HEAD) > 256
    # One pass of the model sees only the first 256 word pieces: both documents look the same to it ...
    truncated = torch_embedder.embed([nursing, accounting])
    np.testing.assert_allclose(truncated[0], truncated[1], atol=1e-6)
    # ... embed_document reads them to the end.
    whole_nursing = np.array(embed_document(nursing, torch_embedder))
    whole_accounting = np.array(embed_document(accounting, torch_embedder))
    assert float(whole_nursing @ whole_accounting) < 0.99
    assert float(whole_nursing @ truncated[0]) < 0.99
    nurse_query = torch_embedder.embed(["neonatal intensive care nurse"])[0]
    assert float(whole_nursing @ nurse_query) > float(truncated[0] @ nurse_query)


def test_embed_document_gives_384_unit_floats(onnx_embedder: OnnxEmbedder) -> None:
    vector = embed_document(SENTENCES[0], onnx_embedder)
    assert len(vector) == EMBEDDING_DIMENSIONS
    assert all(isinstance(value, float) for value in vector)
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_embed_document_refuses_empty_text(text: str) -> None:
    fake = IndexEmbedder()
    with pytest.raises(ValueError, match="empty"):
        embed_document(text, fake)
    assert fake.calls == []


def test_export_is_skipped_when_up_to_date_and_redone_when_the_stamp_differs(onnx_dir: Path, tmp_path: Path) -> None:
    again = export_onnx.export_model(onnx_dir)
    assert again.skipped
    copy = tmp_path / export_onnx.ONNX_FILENAME
    shutil.copyfile(onnx_model_file(onnx_dir), copy)
    stamp = json.loads(export_onnx.stamp_path(onnx_model_file(onnx_dir)).read_text(encoding="utf-8"))
    export_onnx.stamp_path(copy).write_text(json.dumps(stamp), encoding="utf-8")
    assert export_onnx.is_up_to_date(copy)
    export_onnx.stamp_path(copy).write_text(json.dumps({**stamp, "script_sha256": "0" * 64}), encoding="utf-8")
    assert not export_onnx.is_up_to_date(copy)
    with copy.open("r+b") as handle:  # a damaged file with a correct stamp is not up to date either
        handle.write(b"\0")
    export_onnx.stamp_path(copy).write_text(json.dumps(stamp), encoding="utf-8")
    assert not export_onnx.is_up_to_date(copy)
    assert sorted(path.name for path in onnx_dir.iterdir() if not path.name.startswith(".")) == [
        "all-MiniLM-L6-v2-int8.onnx",
        "all-MiniLM-L6-v2-int8.onnx.stamp.json",
    ]


def test_importing_loads_no_model_and_no_framework() -> None:
    code = (
        "import sys, recruitment_core.embeddings, recruitment_core.chunking; "
        "print(sorted(m for m in ('torch', 'onnxruntime', 'sentence_transformers', 'transformers', 'tokenizers', "
        "'django') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"
