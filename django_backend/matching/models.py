from __future__ import annotations

from django.db import models

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
