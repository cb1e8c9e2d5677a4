"""Statement vectors of resumes and postings, and the statement coverage of a pair (recruitment_core.coverage).

Written beside the documents' own embeddings, from the same text; read in one query per ranking step, however
many candidates or jobs it scores.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from matching.embedder import embedder
from matching.models import CandidateStatements, JobStatements
from recruitment_core.coverage import (
    closest_pairs,
    coverage_sentence,
    job_statements,
    pack,
    resume_statements,
    unpack,
)
from recruitment_core.pair_signals import pair_coverage


def embed_statements(statement_lists: list[list[str]]) -> list[np.ndarray]:
    """Each list's sentence vectors, from one call of the model."""
    flat = [statement for statements in statement_lists for statement in statements]
    vectors = embedder().embed(flat) if flat else np.empty((0, 0), dtype=np.float32)
    found, start = [], 0
    for statements in statement_lists:
        found.append(vectors[start : start + len(statements)])
        start += len(statements)
    return found


def candidate_statements_write(candidates: Iterable[tuple[int, str, str]]) -> None:
    """Embed and store the statements of each (candidate id, resume text, its digest)."""
    rows = list(candidates)
    statement_lists = [resume_statements(text) for _, text, _ in rows]
    for (pk, _, digest), vectors in zip(rows, embed_statements(statement_lists), strict=True):
        CandidateStatements.objects.update_or_create(
            candidate_id=pk, defaults={"vectors": pack(vectors), "count": len(vectors), "text_sha256": digest}
        )


def job_statements_write(job_id: int, description: str, digest: str) -> None:
    """Embed and store the statements of a posting's description."""
    (vectors,) = embed_statements([job_statements(description)])
    JobStatements.objects.update_or_create(
        job_id=job_id, defaults={"vectors": pack(vectors), "count": len(vectors), "text_sha256": digest}
    )


def stale_statement_candidates(digests: dict[int, str]) -> set[int]:
    """The candidates among `digests` (id -> digest of the current text) whose statements are of other text."""
    stored = dict(
        CandidateStatements.objects.filter(candidate_id__in=list(digests)).values_list("candidate_id", "text_sha256")
    )
    return {pk for pk, digest in digests.items() if stored.get(pk) != digest}


def job_statements_current(job_id: int, digest: str) -> bool:
    return JobStatements.objects.filter(job_id=job_id, text_sha256=digest).exists()


def coverage_for_candidates(job_id: int, candidate_ids: list[int]) -> dict[int, float | None]:
    """The raw statement coverage of the job for each candidate (None when the job has no statements or the
    candidate none stored yet)."""
    job = unpack(JobStatements.objects.filter(job_id=job_id).values_list("vectors", flat=True).first())
    if job is None or not candidate_ids:
        return dict.fromkeys(candidate_ids)
    rows = CandidateStatements.objects.filter(candidate_id__in=candidate_ids).values_list("candidate_id", "vectors")
    vectors = {pk: unpack(data) for pk, data in rows}
    return {pk: _coverage(job, vectors, pk) for pk in candidate_ids}


def _coverage(job: np.ndarray, resumes: dict[int, np.ndarray | None], pk: int) -> float | None:
    """None for a candidate not embedded yet; 0 for one whose resume has no statement (lists only), so a
    resume cannot escape the measure by describing nothing."""
    if pk not in resumes:
        return None
    return pair_coverage(job, resumes[pk])


def coverage_notes(job_id: int, description: str, resume_texts: dict[int, str]) -> dict[int, str]:
    """For each candidate (id -> resume text), the sentence naming the posting's duties their resume describes
    in its own words ('' when none is close enough): what the coverage part of an explanation points to."""
    job = unpack(JobStatements.objects.filter(job_id=job_id).values_list("vectors", flat=True).first())
    if job is None or not resume_texts:
        return dict.fromkeys(resume_texts, "")
    rows = CandidateStatements.objects.filter(candidate_id__in=list(resume_texts)).values_list(
        "candidate_id", "vectors"
    )
    resumes = {pk: unpack(data) for pk, data in rows}
    lines = job_statements(description)
    return {
        pk: coverage_sentence(closest_pairs(lines, job, resume_statements(text), resumes.get(pk)))
        for pk, text in resume_texts.items()
    }


def coverage_for_jobs(
    candidate_id: int, job_ids: list[int], notes_for: tuple[str, dict[int, str]] | None = None
) -> tuple[dict[int, float | None], dict[int, str]]:
    """The raw statement coverage of each job for one candidate, and with `notes_for` (the resume text, each
    job's description) each job's `coverage_notes` sentence, from the same two reads."""
    stored = CandidateStatements.objects.filter(candidate_id=candidate_id).values_list("vectors", flat=True).first()
    if stored is None or not job_ids:
        return dict.fromkeys(job_ids), dict.fromkeys(job_ids, "")
    rows = JobStatements.objects.filter(job_id__in=job_ids).values_list("job_id", "vectors")
    jobs = {pk: unpack(data) for pk, data in rows}
    resumes = {candidate_id: unpack(stored)}
    found: dict[int, float | None] = {}
    notes: dict[int, str] = {}
    resume_lines = resume_statements(notes_for[0]) if notes_for else []
    for pk in job_ids:
        job = jobs.get(pk)
        found[pk] = None if job is None else _coverage(job, resumes, candidate_id)
        if notes_for and job is not None:
            lines = job_statements(notes_for[1].get(pk, ""))
            notes[pk] = coverage_sentence(closest_pairs(lines, job, resume_lines, resumes[candidate_id]))
    return found, notes
