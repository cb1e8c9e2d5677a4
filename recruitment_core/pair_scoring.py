"""A pair's ranked score from its two raw texts: the number the platform ranks the pair by, for callers that have
only the posting's and the resume's text (the AI service's /analyze without a caller's score).

The posting is read as the platform reads a new job (`parse_job` of its title, description, location, remote
policy and employment type, then the fields it ranks by, `as_ranked`); the resume is parsed and its features built
as ingestion does; the embedding signals are `pair_signals`'; the full-text rank, which weighs nothing in the score
(it only chooses whom retrieval reads), is left out. Everything configurable is passed in: nothing here reads the
environment.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from datetime import date

from recruitment_core.embeddings import Embedder
from recruitment_core.job_parser import JobRequirements, parse_job
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits
from recruitment_core.pair_signals import PostingVectors, ResumeVectors, pair_signals, posting_vectors, resume_vectors
from recruitment_core.ranking import CandidateFeatures, MatchScore, load_weights, rank_candidate
from recruitment_core.resume_parser import parse_resume
from recruitment_core.scoring_weights import ScoringWeights


@dataclass(frozen=True)
class Posting:
    """A job posting as a recruiter types it in."""

    title: str
    description: str
    location: str = ""
    remote: bool | str | None = None
    employment_type: str = ""


@dataclass(frozen=True)
class PairScoringSettings:
    """The caller's configuration: `max_chars` of each text embedded (the platform's RESUME_MAX_CHARS), the resume
    parser's `limits`, `default_region` of phone numbers and `today` ("Present" in a resume; None: the real today)."""

    max_chars: int = DEFAULT_LIMITS.max_chars
    limits: ResumeLimits = DEFAULT_LIMITS
    default_region: str = "US"
    today: date | None = None


def as_ranked(requirements: JobRequirements) -> JobRequirements:
    """The requirements a job is ranked by: a preferred skill also required counts as required; a group of
    alternatives keeps the skills still asked for and stands only with two or more; blanks read as unknown."""
    required = list(requirements.required_skills)
    asked = {*required, *requirements.preferred_skills}
    alternatives = [[name for name in group if name in asked] for group in requirements.skill_alternatives]
    return dataclasses.replace(
        requirements,
        required_skills=required,
        preferred_skills=[skill for skill in requirements.preferred_skills if skill not in required],
        education_level=requirements.education_level or None,
        location=requirements.location or None,
        employment_type=requirements.employment_type or "unknown",
        seniority=requirements.seniority or "unknown",
        skill_alternatives=[group for group in alternatives if len(group) > 1],
    )


@functools.lru_cache(maxsize=256)
def posting_requirements(posting: Posting) -> JobRequirements:
    """What the platform ranks a new job by: its text read, a location given with it winning over the text's.
    Cached (one posting is scored against many resumes); the result is shared, so callers only read it."""
    read = parse_job(
        title=posting.title,
        description=posting.description,
        location=posting.location,
        remote=posting.remote,
        employment_type=posting.employment_type,
    )
    return as_ranked(dataclasses.replace(read, title=posting.title, location=posting.location or read.location))


def resume_match_features(resume_text: str, settings: PairScoringSettings) -> CandidateFeatures:
    """A resume's features as ingestion stores them (and the ranking reads them back); cached for the day when
    `settings.today` is None ("Present" is dated against today)."""
    return _resume_match_features(resume_text, settings, settings.today or date.today())


@functools.lru_cache(maxsize=64)
def _resume_match_features(resume_text: str, settings: PairScoringSettings, today: date) -> CandidateFeatures:
    parsed = parse_resume(resume_text, today=today, default_region=settings.default_region, limits=settings.limits)
    return CandidateFeatures.from_json(CandidateFeatures.from_parsed(parsed).to_json())


def rank_pair_texts(
    posting: Posting,
    resume_text: str,
    *,
    embedder: Embedder | None,
    settings: PairScoringSettings | None = None,
    posting_vectors_: PostingVectors | None = None,
    resume_vectors_: ResumeVectors | None = None,
    weights: ScoringWeights | None = None,
    explain: bool = True,
) -> MatchScore:
    """The platform's ranked score of the pair (`ranking.rank_candidate`, semantic and coverage included).

    Vectors computed before (a caller's cache) are used as given; the others are computed with `embedder`, which
    is then required: without one, ValueError. A blank resume raises ValueError, as it has nothing to embed.
    Same inputs, same output.
    """
    settings = settings or PairScoringSettings()
    weights = weights or load_weights()
    if not resume_text.strip():
        raise ValueError("The resume has no text to score.")
    if (posting_vectors_ is None or resume_vectors_ is None) and embedder is None:
        raise ValueError("Scoring a pair from its texts needs an embedder (or both texts' vectors).")
    if posting_vectors_ is None:
        assert embedder is not None
        posting_vectors_ = posting_vectors(posting.title, posting.description, embedder, settings.max_chars)
    if resume_vectors_ is None:
        assert embedder is not None
        resume_vectors_ = resume_vectors(resume_text, embedder, settings.max_chars)
    signals = pair_signals(posting_vectors_, resume_vectors_, weights)
    return rank_candidate(
        posting_requirements(posting),
        resume_match_features(resume_text, settings),
        semantic_similarity=signals.semantic,
        experience_similarity=signals.experience,
        lexical_score=None,
        coverage=signals.coverage,
        weights=weights,
        explain=explain,
    )
