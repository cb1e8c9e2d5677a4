from __future__ import annotations

from django.conf import settings
from django.db import models
from pgvector.django import HnswIndex, VectorField

from candidates.models import Candidate
from jobs.models import JobPosting


class MatchScore(models.Model):
    """The cached score of one candidate for one job, with its breakdown and explanation.

    `fingerprint` hashes every input of the score; a cached row whose fingerprint differs from the current
    inputs is stale and is recomputed on read, so a change on either side can never serve an old score.
    """

    job = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="match_scores")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="match_scores")
    score = models.FloatField()
    breakdown = models.JSONField(default=dict)
    explanation = models.JSONField(default=dict)
    semantic_similarity = models.FloatField(null=True, blank=True)
    lexical_score = models.FloatField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score"]
        constraints = [models.UniqueConstraint(fields=["job", "candidate"], name="one_score_per_pair")]
        indexes = [models.Index(fields=["job", "-score"])]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.job}: {self.score}"


class SkillPosting(models.Model):
    """One entry of the skill index: a candidate who has a skill, with how strongly their resume evidences it.

    It lets the lexical side of retrieval read the few best-evidenced candidates per skill from an ordered
    index instead of ranking every full-text match, so its cost stays fixed as the pool grows. PostgreSQL
    keeps it in step with `candidates_candidate` through a trigger (migration 0003), whatever writes the row,
    and deletes the entries of a deleted candidate by cascade.
    """

    pk = models.CompositePrimaryKey("candidate_id", "skill")
    # The cascade lives in the database (see the migration), so Django neither collects nor constrains here.
    candidate = models.ForeignKey(Candidate, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    organization_id = models.BigIntegerField()
    skill = models.CharField(max_length=100)
    strength = models.FloatField()  # evidence strength from the candidate's match features (0 when unknown)
    text_rank = models.FloatField()  # full-text rank of the skill in the resume: breaks ties in strength

    class Meta:
        indexes = [
            models.Index(
                fields=["organization_id", "skill", "-strength", "-text_rank", "candidate"],
                name="skill_posting_best_first",
            )
        ]

    def __str__(self) -> str:
        return f"{self.skill}: candidate {self.candidate_id} ({self.strength})"


class ExperienceEmbedding(models.Model):
    """The embedding of the experience sections of a candidate's current resume (the whole text when it has
    none), compared with the posting beside the whole resume's: the roles a resume describes say more about
    fit than a keyword list or a summary can. Written with the candidate's document embedding."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, primary_key=True, related_name="experience_embedding"
    )
    embedding = VectorField(dimensions=settings.EMBEDDING_DIMENSIONS)
    text_sha256 = models.CharField(max_length=64)  # of the resume text it was computed from

    class Meta:
        indexes = [
            # Read nearest first by the ranking, beside the whole resume's index (matching.retrieval).
            HnswIndex(
                name="experience_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return f"Experience embedding of candidate {self.candidate_id}"


class CandidateStatements(models.Model):
    """The sentence embeddings of a candidate's statements (recruitment_core.coverage: the lines of the current
    resume outside skills lists), packed; what the statement coverage of a posting is measured against.
    Written with the candidate's document embedding."""

    candidate = models.OneToOneField(Candidate, on_delete=models.CASCADE, primary_key=True, related_name="statements")
    vectors = models.BinaryField()  # recruitment_core.coverage.pack: float16, one row per statement
    count = models.PositiveIntegerField()
    text_sha256 = models.CharField(max_length=64)  # of the resume text they were computed from

    def __str__(self) -> str:
        return f"{self.count} statements of candidate {self.candidate_id}"


class JobStatements(models.Model):
    """The sentence embeddings of a posting's statements (the lines of its description), packed. Written with
    the posting's embedding."""

    job = models.OneToOneField(JobPosting, on_delete=models.CASCADE, primary_key=True, related_name="statements")
    vectors = models.BinaryField()
    count = models.PositiveIntegerField()
    text_sha256 = models.CharField(max_length=64)  # of the posting's embedding text

    def __str__(self) -> str:
        return f"{self.count} statements of job {self.job_id}"
