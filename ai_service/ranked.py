"""The platform's ranked score of a pair sent as two raw texts (recruitment_core.pair_scoring), with the process's
embedding model and its vectors kept by text digest.

The model is loaded once per process, on first use (the warm-up analysis at start-up). Vectors of a posting or a
resume seen before are reused: screening one posting's applicants embeds the posting once, and a text sent again
costs no embedding at all. The cache is bounded (least recently used out first).
"""

import hashlib
import threading
from collections import OrderedDict
from datetime import date
from typing import Generic, TypeVar

from ai_service.settings import AIServiceSettings
from recruitment_core.embeddings import Embedder, get_embedder, onnx_model_dir
from recruitment_core.job_parser import JobRequirements
from recruitment_core.limits import ResumeLimits
from recruitment_core.pair_scoring import (
    PairScoringSettings,
    Posting,
    posting_requirements,
    rank_pair_texts,
    resume_match_features,
)
from recruitment_core.pair_signals import PostingVectors, ResumeVectors, posting_vectors, resume_vectors
from recruitment_core.ranking import CandidateFeatures, MatchScore

Value = TypeVar("Value")


class DigestCache(Generic[Value]):
    """A bounded least-recently-used map from a text's SHA-256 to what was computed from it; thread-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Value] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def digest(*texts: str) -> str:
        hashed = hashlib.sha256()
        for text in texts:
            hashed.update(text.encode("utf-8"))
            hashed.update(b"\0")
        return hashed.hexdigest()

    def get(self, key: str) -> Value | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: Value) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class RankedScorer:
    """Scores pairs of raw texts as the platform ranks them."""

    def __init__(self, settings: AIServiceSettings) -> None:
        self.backend = settings.embedding_backend
        self.model_dir = onnx_model_dir(settings.embedding_model_dir)
        self.threads = settings.ai_embedding_threads
        self.settings = PairScoringSettings(
            max_chars=settings.resume_max_chars,
            limits=ResumeLimits(max_chars=settings.resume_max_chars),
            default_region=settings.default_phone_region,
            today=date.fromisoformat(settings.resume_parse_today) if settings.resume_parse_today else None,
        )
        self._postings: DigestCache[PostingVectors] = DigestCache(settings.ai_embedding_cache_texts)
        self._resumes: DigestCache[ResumeVectors] = DigestCache(settings.ai_embedding_cache_texts)

    def embedder(self) -> Embedder:
        """The configured model, loaded once per process (recruitment_core.embeddings keeps it); raises
        EmbeddingError when it cannot be loaded."""
        return get_embedder(self.backend, self.model_dir, threads=self.threads)

    def requirements(self, posting: Posting) -> JobRequirements:
        return posting_requirements(posting)

    def features(self, resume_text: str) -> CandidateFeatures:
        return resume_match_features(resume_text, self.settings)

    def score(self, posting: Posting, resume_text: str) -> MatchScore:
        """The pair's ranked score and explanation. The resume must have text."""
        return rank_pair_texts(
            posting,
            resume_text,
            embedder=None,
            settings=self.settings,
            posting_vectors_=self._posting_vectors(posting),
            resume_vectors_=self._resume_vectors(resume_text),
        )

    def _posting_vectors(self, posting: Posting) -> PostingVectors:
        key = DigestCache.digest(posting.title, posting.description)
        found = self._postings.get(key)
        if found is None:
            found = posting_vectors(posting.title, posting.description, self.embedder(), self.settings.max_chars)
            self._postings.put(key, found)
        return found

    def _resume_vectors(self, resume_text: str) -> ResumeVectors:
        key = DigestCache.digest(resume_text)
        found = self._resumes.get(key)
        if found is None:
            found = resume_vectors(resume_text, self.embedder(), self.settings.max_chars)
            self._resumes.put(key, found)
        return found
