"""What the service knows about a job and a resume before any model is asked: the deterministic match, the job's
requirements, the resume lines that evidence or qualify each skill, and the sentences addressed to automated
screeners. Built once per analysis (CPU work, off the event loop); providers and the grounding checks read it."""

import dataclasses
import re
from dataclasses import dataclass

from ai_service.quotes import QuotedText
from ai_service.ranked import RankedScorer
from recruitment_core.evidence import qualified_skills
from recruitment_core.injection import find_instructions, instruction_flags, without_instructions
from recruitment_core.pair_scoring import Posting
from recruitment_core.ranking import CandidateFeatures
from recruitment_core.scoring import MatchResult, match_result, parsed_job_description, resume_features, score_match
from recruitment_core.screening_contract import Recommendation

# What the model reads where the resume addressed automated screeners: it cannot follow what it never sees.
REMOVED_INSTRUCTION = "[removed: text addressed to automated screeners]"
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class RecommendationBands:
    """Scores at or above `advance_from` point to advance, below `decline_below` to decline, between to hold."""

    advance_from: float
    decline_below: float

    def recommendation(self, score: float) -> Recommendation:
        if score >= self.advance_from:
            return "advance"
        return "decline" if score < self.decline_below else "hold"


@dataclass(frozen=True)
class Doubt:
    """A resume sentence that calls a skill the job asks for slight or absent ("no exposure to Docker")."""

    skill: str
    sentence: str


@dataclass(frozen=True)
class ScreeningCase:
    """One job and one resume, read. `resume_for_model` is the resume with its instructions to screeners replaced
    by a marker; quotes are checked against `resume_quotes`, the resume without those sentences, so a quote taken
    from an instruction is no evidence."""

    job_description: str
    resume_text: str
    match: MatchResult
    required_skills: tuple[str, ...]
    preferred_skills: tuple[str, ...]
    evidence: dict[str, tuple[str, ...]]  # matched skill -> resume lines that evidence it, best first
    doubts: tuple[Doubt, ...]
    flags: tuple[str, ...]
    resume_for_model: str
    resume_quotes: QuotedText
    job_text: QuotedText

    @property
    def job_skills(self) -> tuple[str, ...]:
        return self.required_skills + self.preferred_skills


def build_case(
    job_description: str,
    resume_text: str,
    match_score: float | None = None,
    *,
    job_title: str = "",
    job_location: str = "",
    scorer: RankedScorer | None = None,
) -> ScreeningCase:
    """Score the pair and read what the screening needs from both texts; same inputs, same case.

    `match_score`, when the caller gives one, is the pair's score. Otherwise, with a `scorer`, the score is the
    platform's ranked score of the two texts (the posting read with `job_title` and `job_location` as the platform
    reads a job); without one (or for a resume without text), the text scorer's."""
    if match_score is None and scorer is not None and resume_text.strip():
        posting = Posting(title=job_title, description=job_description, location=job_location)
        requirements = scorer.requirements(posting)
        match = match_result(requirements, scorer.score(posting, resume_text))
        features: CandidateFeatures | None = scorer.features(resume_text)
    else:
        match = score_match(job_description, resume_text)
        if match_score is not None:
            match = _with_callers_score(match, match_score)
        # The scorer has just parsed both texts; these are its cached results, not a second parse.
        requirements = parsed_job_description(job_description)
        features = resume_features(resume_text) if resume_text.strip() else None
    required = tuple(requirements.required_skills)
    preferred = tuple(requirements.preferred_skills)
    evidence = {
        skill: features.skills[skill].evidence
        for skill in match.matched_skills
        if features is not None and skill in features.skills
    }
    screened = without_instructions(resume_text)
    return ScreeningCase(
        # The title is part of the posting the model reads and the requirements are checked against.
        job_description=f"{job_title}\n\n{job_description}" if job_title.strip() else job_description,
        resume_text=resume_text,
        match=match,
        required_skills=required,
        preferred_skills=preferred,
        evidence=evidence,
        doubts=_doubts(screened, set(required + preferred)),
        flags=tuple(instruction_flags(resume_text)),
        resume_for_model=_with_instructions_marked(resume_text),
        resume_quotes=QuotedText(screened),
        job_text=QuotedText(f"{job_title}\n\n{job_description}" if job_title.strip() else job_description),
    )


def _with_callers_score(match: MatchResult, score: float) -> MatchResult:
    """The caller's score (the platform's ranking, which weighs more than these two texts) in place of the text
    scorer's: one score per pair, which the recommendation is checked against. The text scorer's breakdown adds
    up to its own score, so it is left out."""
    score = round(score, 1)
    summary = match.summary.replace(f"Match score {match.score:.1f}/100.", f"Match score {score:.1f}/100.", 1)
    return dataclasses.replace(match, score=score, breakdown={}, summary=summary)


def _doubts(resume_text: str, job_skills: set[str]) -> tuple[Doubt, ...]:
    found: dict[str, Doubt] = {}
    for line in resume_text.splitlines():
        for sentence in SENTENCE_END.split(line.strip()):
            for skill in sorted(qualified_skills(sentence) & job_skills):
                found.setdefault(skill, Doubt(skill, sentence))
    return tuple(found.values())


def _with_instructions_marked(resume_text: str) -> str:
    pieces, last = [], 0
    for start, end in find_instructions(resume_text):
        pieces += [resume_text[last:start], REMOVED_INSTRUCTION, "\n" if resume_text[start:end].endswith("\n") else ""]
        last = end
    return "".join([*pieces, resume_text[last:]])
