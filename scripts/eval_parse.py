"""Measure the resume parser against the ground truth of the evaluation corpus (tests/corpus/).

Runs the real interface as a subprocess:
    RESUME_PARSE_TODAY=2026-11-25 .venv/bin/python django_backend/manage.py parse_resume tests/corpus/resumes/* --jsonl
matches its output to tests/corpus/truth/<stem>.json by file name and prints precision, recall and F1 per field,
with the targets and PASS/FAIL.

Usage:
    .venv/bin/python scripts/eval_parse.py              # table
    .venv/bin/python scripts/eval_parse.py --details    # and what each file got wrong
    .venv/bin/python scripts/eval_parse.py --json       # machine-readable results
    .venv/bin/python scripts/eval_parse.py --check      # exit 1 when a target is missed
    .venv/bin/python scripts/eval_parse.py --outputs saved.jsonl   # score saved parser output instead of running

Scoring:
- set fields (emails, skills, employers, degree levels) are micro-averaged: true/false positives and misses are
  summed over all resumes before precision and recall are computed;
- single-value fields (name, phone, location, current title) count a right answer as a true positive, a wrong
  one as a false positive and a miss, a missing one as a miss, and one where the truth is empty as a false positive;
- a file the parser failed on, or left out, is scored as an empty answer and listed under errors.
The exit code is 0 unless --check is given (then 1 when a target fails, 2 when nothing could be scored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import eval_words
from scripts.eval_parse_fields import YEARS_TOLERANCE, Counts, score_resume, years_within

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
TODAY = "2026-11-25"  # "Present" in the truth is November 2026
COMMAND_TIMEOUT_SECONDS = 1800

# field -> minimum F1; total years has its own target (share of resumes within YEARS_TOLERANCE).
TARGETS: dict[str, float | None] = {
    "emails": 0.97,
    "phone": 0.97,
    "name": 0.95,
    "location": None,
    "skills": 0.85,
    "current_title": 0.90,
    "employers": 0.90,
    "degree_level": 0.90,
}
YEARS_TARGET = 0.85
FIELDS = (*TARGETS, "soft_skills")


@dataclass(frozen=True)
class Corpus:
    """A corpus directory (resumes/, truth/) and the targets it is held to."""

    name: str
    path: Path
    targets: dict[str, float | None]
    years_target: float
    # Truth skills written in the author's own words (mapped to the taxonomy's names here), hard and soft apart.
    free_skill_names: bool = False


CORPORA = (
    Corpus("generated", CORPUS, TARGETS, YEARS_TARGET),
    # Resume-builder layouts through many document producers: the targets of real documents.
    Corpus(
        "layout",
        REPO / "tests" / "layout_corpus",
        {"emails": 0.98, "phone": 0.98, "name": 0.98, "location": None, "skills": 0.92, "current_title": 0.92,
         "employers": 0.92, "degree_level": 0.92},
        0.92,
        free_skill_names=True,
    ),
)  # fmt: skip

# --- the whole corpus ------------------------------------------------------------------------------


@dataclass
class Report:
    totals: dict[str, Counts]
    years_within: int
    years_total: int
    per_file: dict[str, dict[str, Any]]
    errors: dict[str, str]
    unexpected: list[str]
    targets: dict[str, float | None] = field(default_factory=lambda: TARGETS)
    years_target: float = YEARS_TARGET

    @property
    def years_rate(self) -> float:
        return self.years_within / self.years_total if self.years_total else 0.0

    def field_passed(self, name: str) -> bool | None:
        target = self.targets.get(name)
        return None if target is None else self.totals[name].f1 >= target

    @property
    def years_passed(self) -> bool:
        return self.years_rate >= self.years_target

    @property
    def passed(self) -> bool:
        return self.years_passed and all(self.field_passed(name) is not False for name in FIELDS)


def evaluate(
    truths: dict[str, dict[str, Any]],
    outputs: dict[str, dict[str, Any]],
    *,
    missing: str = "no output for this file",
    corpus: Corpus = CORPORA[0],
) -> Report:
    """Score parser outputs against truths; both are keyed by file name (no directory).

    `missing` is the error recorded for a file without output (e.g. why the parser command failed).
    """
    totals = {name: Counts() for name in FIELDS}
    per_file: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    within = 0
    for file_name, truth in sorted(truths.items()):
        output = outputs.get(file_name)
        if output is None:
            errors[file_name] = missing
            predicted: dict[str, Any] = {}
        elif "error" in output:
            errors[file_name] = str(output["error"])
            predicted = {}
        else:
            predicted = output
        results = score_resume(truth, predicted, free_skill_names=corpus.free_skill_names)
        for name, result in results.items():
            totals[name] = totals[name] + result.counts
        ok = years_within(float(truth["total_years_experience"]), predicted.get("total_years_experience"))
        within += ok
        per_file[file_name] = {
            "years": {"truth": truth["total_years_experience"], "predicted": predicted.get("total_years_experience"),
                      "within": ok},
            **{name: {"missing": result.missing, "extra": result.extra} for name, result in results.items()
               if result.missing or result.extra},
        }  # fmt: skip
    unexpected = sorted(set(outputs) - set(truths))
    return Report(totals, within, len(truths), per_file, errors, unexpected, corpus.targets, corpus.years_target)


def load_truths(truth_dir: Path) -> dict[str, dict[str, Any]]:
    truths = {}
    for path in sorted(truth_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truths[record.get("file") or path.name.removesuffix(".json")] = record
    return truths


def parse_jsonl(text: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Parser output lines -> {file name: record}, plus the lines that were not JSON objects with a "file"."""
    outputs: dict[str, dict[str, Any]] = {}
    ignored = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            ignored.append(line)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            ignored.append(line)
            continue
        outputs[Path(record["file"]).name] = record
    return outputs, ignored


def run_parser(files: list[Path], python: str, timeout: int) -> tuple[str, str, int]:
    """Run the parse_resume management command; returns (stdout, stderr, exit code)."""
    command = [python, "django_backend/manage.py", "parse_resume", *(str(path) for path in files), "--jsonl"]
    environment = {**os.environ, "RESUME_PARSE_TODAY": TODAY}
    try:
        done = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=timeout,
                              check=False)  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return stdout, f"parse_resume did not finish within {timeout} s", -1
    return done.stdout, done.stderr, done.returncode


# --- output ----------------------------------------------------------------------------------------


def _status(passed: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "-"}[passed]


def format_table(report: Report) -> str:
    lines = [f"{'field':<15}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}   {'target':<12}status"]
    for name in FIELDS:
        counts, target = report.totals[name], report.targets.get(name)
        target_text = f"F1 >= {target:.2f}" if target is not None else "(none)"
        lines.append(
            f"{name:<15}{counts.precision:>7.3f}{counts.recall:>7.3f}{counts.f1:>7.3f}{counts.tp:>6}{counts.fp:>6}"
            f"{counts.fn:>6}   {target_text:<12}{_status(report.field_passed(name))}"
        )
    lines.append(
        f"total years within {YEARS_TOLERANCE:g} year: {report.years_within}/{report.years_total} "
        f"({report.years_rate:.1%})   target >= {report.years_target:.0%}   {_status(report.years_passed)}"
    )
    lines.append(f"overall: {_status(report.passed)}")
    if report.errors:
        lines.append(f"per-file errors ({len(report.errors)}):")
        lines += [f"  {name}: {error}" for name, error in sorted(report.errors.items())]
    else:
        lines.append("per-file errors: none")
    if report.unexpected:
        lines.append(f"outputs for files without ground truth: {', '.join(report.unexpected)}")
    return "\n".join(lines)


def format_details(report: Report) -> str:
    lines = []
    for file_name, detail in sorted(report.per_file.items()):
        years = detail["years"]
        problems = [
            f"    {name}: missing {d['missing']} extra {d['extra']}" for name, d in detail.items() if name != "years"
        ]
        if not years["within"]:
            problems.append(f"    total_years: truth {years['truth']} predicted {years['predicted']}")
        if problems:
            lines.append(f"  {file_name}")
            lines += problems
    return "what each file got wrong (normalised values):\n" + ("\n".join(lines) if lines else "  nothing")


def report_json(report: Report, *, warnings: list[str]) -> dict[str, Any]:
    return {
        "today": TODAY,
        "files": report.years_total,
        "fields": {
            name: {
                "precision": round(report.totals[name].precision, 4),
                "recall": round(report.totals[name].recall, 4),
                "f1": round(report.totals[name].f1, 4),
                "tp": report.totals[name].tp,
                "fp": report.totals[name].fp,
                "fn": report.totals[name].fn,
                "target_f1": report.targets.get(name),
                "passed": report.field_passed(name),
            }
            for name in FIELDS
        },
        "total_years": {
            "within": report.years_within,
            "total": report.years_total,
            "rate": round(report.years_rate, 4),
            "tolerance_years": YEARS_TOLERANCE,
            "target_rate": report.years_target,
            "passed": report.years_passed,
        },
        "passed": report.passed,
        "errors": report.errors,
        "unexpected_outputs": report.unexpected,
        "per_file": report.per_file,
        "warnings": warnings,
    }


def run_corpus(corpus: Corpus, args: argparse.Namespace) -> tuple[Report | None, list[str]]:
    """Parse every resume of one corpus (or read saved output) and score it; None when it has no truth."""
    truths = load_truths(corpus.path / "truth")
    if not truths:
        return None, [f"no ground truth in {corpus.path / 'truth'}"]
    warnings: list[str] = []
    missing = "no output for this file"
    if args.outputs:
        stdout = args.outputs.read_text(encoding="utf-8")
    else:
        files = sorted(path.relative_to(REPO) if path.is_relative_to(REPO) else path
                       for path in (corpus.path.resolve() / "resumes").iterdir())  # fmt: skip
        stdout, stderr, code = run_parser(files, args.python, args.timeout)
        if code != 0:
            tail = stderr.strip().splitlines()[-15:] or ["(no error output)"]
            warnings.append(f"parse_resume exited with {code}:\n" + "\n".join(tail))
            missing = f"parse_resume exited with {code} before printing it: {tail[-1]}"
    outputs, ignored = parse_jsonl(stdout)
    if ignored:
        warnings.append(f"{len(ignored)} output lines were not JSON objects with a 'file' key")
    return evaluate(truths, outputs, missing=missing, corpus=corpus), warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--check", action="store_true", help="exit non-zero when a target is missed")
    parser.add_argument("--details", action="store_true", help="list what each file got wrong")
    parser.add_argument("--outputs", type=Path, help="score this saved JSONL instead of running parse_resume")
    parser.add_argument("--corpus", choices=[corpus.name for corpus in CORPORA], action="append",
                        help="only these corpora (default: every corpus that has ground truth)")  # fmt: skip
    parser.add_argument("--python", default=sys.executable, help="interpreter for manage.py (default: this one)")
    parser.add_argument("--timeout", type=int, default=COMMAND_TIMEOUT_SECONDS, help="seconds for parse_resume")
    args = parser.parse_args(argv)

    chosen = [corpus for corpus in CORPORA if not args.corpus or corpus.name in args.corpus]
    results: dict[str, Any] = {}
    passed, scored = True, False
    for corpus in chosen:
        report, warnings = run_corpus(corpus, args)
        words = None
        if (corpus.path / "text").is_dir() and not args.outputs:
            words = eval_words.evaluate_corpus(corpus.path, args.python, args.timeout)
            passed = passed and words.passed
        if report is None:
            print(f"{corpus.name}: {warnings[0]}", file=sys.stderr)
            continue
        scored = scored or (bool(report.per_file) and len(report.errors) < len(report.per_file))
        passed = passed and report.passed
        if args.json:
            results[corpus.name] = report_json(report, warnings=warnings)
            if words is not None:
                results[corpus.name]["words"] = {
                    producer: {"printed": group.printed, "whole": group.whole, "share": round(group.share, 4)}
                    for producer, group in words.by_producer.items()
                }
            continue
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"\n== {corpus.name}: resume parsing against {len(report.per_file)} resumes in "
              f"{corpus.path.relative_to(REPO)} (today = {TODAY})")  # fmt: skip
        if words is not None:
            print(eval_words.format_table(words))
        print(format_table(report))
        if args.details:
            print(format_details(report))
            if words is not None:
                print(eval_words.format_details(words))
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    if not args.check:
        return 0
    if not scored:
        return 2
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
