"""The embedding signals of a (posting, resume) pair, from their texts to the calibrated 0-1 values a ranked score
fuses (`ranking.rank_candidate`): one owner of each step, for the platform (which stores the vectors and reads them
back) and for callers scoring two raw texts (`pair_scoring`).

- the texts embedded: the posting's title and description; the resume without its sentences addressed to automated
  screeners, whole and its experience sections apart; each cut at `max_chars`;
- the statement vectors (`coverage`), kept as stored: float16;
- the coverage of a pair: None without posting statements, 0 for a resume that describes nothing;
- the calibrations (`semantic.calibrate_similarity`, `semantic.calibrate_coverage`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from recruitment_core.coverage import coverage, job_statements, pack, resume_statements, unpack
from recruitment_core.embeddings import Embedder, embed_documents
from recruitment_core.injection import without_instructions
from recruitment_core.scoring_weights import ScoringWeights
from recruitment_core.semantic import calibrate_coverage, calibrate_similarity, experience_text


def posting_embedding_text(title: str, description: str) -> str:
    """What a posting's document vector is computed from."""
    return f"{title}\n{description}".strip()


def resume_embedding_texts(resume_text: str, max_chars: int) -> tuple[str, str]:
    """(the whole resume, its experience sections) as embedded: sentences addressed to automated screeners say
    nothing of the candidate, so the vectors are of the rest; each within `max_chars`."""
    cleaned = without_instructions(resume_text)
    return cleaned[:max_chars], experience_text(cleaned)[:max_chars]


def statement_vectors(statements: list[str], embedder: Embedder) -> np.ndarray | None:
    """The statements' sentence vectors as stored (float16, `coverage.pack`); None for no statement."""
    if not statements:
        return None
    return unpack(pack(embedder.embed(statements)))


def pair_coverage(posting: np.ndarray | None, resume: np.ndarray | None) -> float | None:
    """The raw statement coverage of a pair: None when the posting has no statement; 0 for a resume without one
    (lists only), so a resume cannot escape the measure by describing nothing."""
    if posting is None or not len(posting):
        return None
    return 0.0 if resume is None else coverage(posting, resume)


def cosine(first: np.ndarray | None, second: np.ndarray | None) -> float | None:
    """Cosine of two unit vectors (None when either is missing)."""
    if first is None or second is None:
        return None
    value = float(np.dot(first.astype(np.float64), second.astype(np.float64)))
    return value if math.isfinite(value) else None


class PairSignals(NamedTuple):
    """A pair's embedding signals, each calibrated to 0-1 (None when missing)."""

    semantic: float | None  # the whole resume's similarity to the posting
    experience: float | None  # its experience sections'
    coverage: float | None  # how much of the posting's statements the resume's cover


def calibrated_signals(
    document_cosine: float | None,
    experience_cosine: float | None,
    raw_coverage: float | None,
    weights: ScoringWeights,
) -> PairSignals:
    """The raw cosines and coverage of a pair, calibrated on their absolute scales (the same in a ranked list, for
    one pair and for two raw texts)."""
    return PairSignals(
        calibrate_similarity(document_cosine, weights),
        calibrate_similarity(experience_cosine, weights),
        calibrate_coverage(raw_coverage, weights),
    )


@dataclass(frozen=True)
class PostingVectors:
    document: np.ndarray  # unit vector of title + description
    statements: np.ndarray | None  # one row per statement of the description


@dataclass(frozen=True)
class ResumeVectors:
    document: np.ndarray  # the whole resume's unit vector
    experience: np.ndarray  # its experience sections'
    statements: np.ndarray | None


def _float32(vector: list[float]) -> np.ndarray:
    # Stored vectors are float32 (pgvector): the same precision here.
    return np.asarray(vector, dtype=np.float32)


def posting_vectors(title: str, description: str, embedder: Embedder, max_chars: int) -> PostingVectors:
    """A posting's document and statement vectors, computed as the platform stores them."""
    (document,) = embed_documents([posting_embedding_text(title, description)[:max_chars]], embedder)
    return PostingVectors(_float32(document), statement_vectors(job_statements(description), embedder))


def resume_vectors(resume_text: str, embedder: Embedder, max_chars: int) -> ResumeVectors:
    """A resume's document, experience and statement vectors, computed as the platform stores them. Blank text
    raises ValueError (`embeddings.embed_documents`)."""
    document, experience = embed_documents(list(resume_embedding_texts(resume_text, max_chars)), embedder)
    statements = statement_vectors(resume_statements(resume_text[:max_chars]), embedder)
    return ResumeVectors(_float32(document), _float32(experience), statements)


def pair_signals(posting: PostingVectors, resume: ResumeVectors, weights: ScoringWeights) -> PairSignals:
    """The calibrated signals of a pair from its vectors."""
    return calibrated_signals(
        cosine(posting.document, resume.document),
        cosine(posting.document, resume.experience),
        pair_coverage(posting.statements, resume.statements),
        weights,
    )
