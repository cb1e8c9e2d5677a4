"""Render the ranking evaluation set: jobs/, resumes/, qrels.tsv and manifest.json from postings.py and specs.py.

Usage (from the repository root):
    .venv/bin/python tests/ranking_corpus/generate.py           # (re)write the files
    .venv/bin/python tests/ranking_corpus/generate.py --check   # exit 1 if the committed files are not what the
                                                                # specs give
    .venv/bin/python tests/ranking_corpus/generate.py --stats   # also print grade counts per job

The generated files are committed, so the evaluation never needs this script (nor reportlab). Resumes are printed
by the parsing corpus's renderers (tests/corpus/render.py), deterministically. Before writing anything the specs
are validated: ids are unique, every grade is 0-3 for a known job, every job has strong and relevant candidates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SET_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(SET_DIR.parent))  # so `corpus.*` and `ranking_corpus.*` import when run as a script

from corpus.model import marked_up_texts  # noqa: E402
from corpus.render import render  # noqa: E402

from ranking_corpus.model import CATEGORIES, GRADES, REMOTE_VALUES, TRAP_CATEGORIES, Candidate, Posting  # noqa: E402
from ranking_corpus.postings import JOBS  # noqa: E402
from ranking_corpus.specs import CANDIDATES  # noqa: E402

JOBS_DIR = SET_DIR / "jobs"
RESUMES_DIR = SET_DIR / "resumes"
QRELS = SET_DIR / "qrels.tsv"
MANIFEST = SET_DIR / "manifest.json"
MAX_FILE_BYTES = 200 * 1024
RELEVANT_GRADE = 2  # what scripts/eval_rank.py counts as relevant for MAP
MIN_RELEVANT_PER_JOB = 3


class SpecError(ValueError):
    pass


def validate(jobs: list[Posting], candidates: list[Candidate]) -> None:
    """Raise SpecError when the set is not well formed."""
    problems: list[str] = []
    job_ids = [job.job_id for job in jobs]
    stems = [item.resume_id for item in candidates]
    problems += [f"duplicate job id {job_id}" for job_id, n in Counter(job_ids).items() if n > 1]
    problems += [f"duplicate resume id {stem}" for stem, n in Counter(stems).items() if n > 1]
    for label, values in (
        ("name", [item.resume.name for item in candidates]),
        ("e-mail", [email for item in candidates for email in item.resume.emails]),
        ("phone", [item.resume.phone.display for item in candidates if item.resume.phone]),
    ):
        # The platform may treat resumes sharing contact details as one person.
        shared = [value for value, n in Counter(values).items() if n > 1]
        problems += [f"{label} {value!r} is used by more than one resume" for value in shared]
    for job in jobs:
        if job.remote not in REMOTE_VALUES:
            problems.append(f"{job.job_id}: remote must be true, false or 'hybrid', not {job.remote!r}")
        if not all([job.title, job.company, job.location, job.employment_type, job.description]):
            problems.append(f"{job.job_id}: empty field")
    for item in candidates:
        if item.category not in CATEGORIES:
            problems.append(f"{item.resume_id}: unknown category {item.category!r}")
        if item.category in TRAP_CATEGORIES and item.target_job not in job_ids:
            problems.append(f"{item.resume_id}: a {item.category} case needs the job it targets, not "
                            f"{item.target_job!r}")  # fmt: skip
        unknown = sorted(set(item.grades) - set(job_ids))
        if unknown:
            problems.append(f"{item.resume_id}: grades for unknown jobs {unknown}")
        bad = {job_id: grade for job_id, grade in item.grades.items() if grade not in GRADES}
        if bad:
            problems.append(f"{item.resume_id}: grades outside 0-3 {bad}")
        texts = [*marked_up_texts(item.resume), *item.resume.contact, item.resume.name]
        if any("[" in text or "]" in text for text in texts):
            problems.append(f"{item.resume_id}: square brackets would be read as skills markup")
    for job_id in job_ids:
        grades = [item.grade(job_id) for item in candidates]
        if grades.count(3) < 2:
            problems.append(f"{job_id}: fewer than two strong (3) candidates")
        if sum(grade >= RELEVANT_GRADE for grade in grades) < MIN_RELEVANT_PER_JOB:
            problems.append(f"{job_id}: fewer than {MIN_RELEVANT_PER_JOB} relevant candidates")
    if problems:
        raise SpecError("\n".join(problems))


def qrels_text(jobs: list[Posting], candidates: list[Candidate]) -> str:
    """Every (job, resume) pair with its grade, sorted by job id then resume id."""
    lines = [
        f"{job.job_id}\t{item.resume_id}\t{item.grade(job.job_id)}"
        for job in sorted(jobs, key=lambda job: job.job_id)
        for item in sorted(candidates, key=lambda item: item.resume_id)
    ]
    return "\n".join(lines) + "\n"


def manifest(jobs: list[Posting], candidates: list[Candidate]) -> dict[str, object]:
    return {
        "jobs": [
            {"job_id": job.job_id, "family": job.family, "title": job.title, "location": job.location,
             "remote": job.remote}
            for job in jobs
        ],
        "resumes": [
            {"resume_id": item.resume_id, "file": item.resume.filename, "format": item.resume.extension,
             "family": item.family, "category": item.category, "target_job": item.target_job,
             "hidden_text": bool(item.resume.hidden),
             "grades": {job_id: grade for job_id, grade in sorted(item.grades.items()) if grade},
             "note": item.note}
            for item in candidates
        ],
    }  # fmt: skip


def build() -> dict[str, bytes]:
    """Every output file (path relative to this directory -> bytes), after validating the specs."""
    validate(JOBS, CANDIDATES)
    files: dict[str, bytes] = {}
    for job in JOBS:
        files[f"jobs/{job.job_id}.json"] = (json.dumps(job.as_json(), indent=2, ensure_ascii=False) + "\n").encode()
    for item in CANDIDATES:
        data = render(item.resume)
        if len(data) >= MAX_FILE_BYTES:
            raise SpecError(f"{item.resume_id}: {len(data)} bytes, the limit is {MAX_FILE_BYTES}")
        files[f"resumes/{item.resume.filename}"] = data
    files["qrels.tsv"] = qrels_text(JOBS, CANDIDATES).encode()
    files["manifest.json"] = (json.dumps(manifest(JOBS, CANDIDATES), indent=2, ensure_ascii=False) + "\n").encode()
    return files


def stats(jobs: list[Posting], candidates: list[Candidate]) -> str:
    lines = [f"{'job':<32}{'3':>5}{'2':>5}{'1':>5}{'0':>5}"]
    for job in jobs:
        counts = Counter(item.grade(job.job_id) for item in candidates)
        lines.append(f"{job.job_id:<32}" + "".join(f"{counts[grade]:>5}" for grade in (3, 2, 1, 0)))
    total = Counter(item.grade(job.job_id) for job in jobs for item in candidates)
    lines.append(f"{'all pairs':<32}" + "".join(f"{total[grade]:>5}" for grade in (3, 2, 1, 0)))
    kinds = Counter(item.resume.extension for item in candidates)
    categories = Counter(item.category for item in candidates)
    lines.append("formats: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    lines.append("categories: " + ", ".join(f"{n} {name}" for name, n in sorted(categories.items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    parser.add_argument("--stats", action="store_true", help="print grade counts per job, formats and categories")
    args = parser.parse_args(argv)
    try:
        files = build()
    except SpecError as exc:
        print(f"invalid spec:\n{exc}", file=sys.stderr)
        return 1
    if args.stats:
        print(stats(JOBS, CANDIDATES))
    present = {str(path.relative_to(SET_DIR)) for path in [*JOBS_DIR.glob("*"), *RESUMES_DIR.glob("*")]}
    present |= {name for name in ("qrels.tsv", "manifest.json") if (SET_DIR / name).exists()}
    if args.check:
        stale = sorted(name for name in files if not (SET_DIR / name).exists()
                       or (SET_DIR / name).read_bytes() != files[name])  # fmt: skip
        extra = sorted(present - set(files))
        for name in stale:
            print(f"out of date: {name}")
        for name in extra:
            print(f"not in the specs: {name}")
        return 1 if stale or extra else 0
    JOBS_DIR.mkdir(exist_ok=True)
    RESUMES_DIR.mkdir(exist_ok=True)
    for name in sorted(present - set(files)):
        (SET_DIR / name).unlink()
    for name, data in files.items():
        (SET_DIR / name).write_bytes(data)
    print(f"wrote {len(JOBS)} jobs, {len(CANDIDATES)} resumes and {len(JOBS) * len(CANDIDATES)} graded pairs "
          f"to {SET_DIR}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
