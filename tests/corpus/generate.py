"""Render every spec in specs.py to tests/corpus/resumes/ and write its ground truth to tests/corpus/truth/.

Usage (from the repository root):
    .venv/bin/python tests/corpus/generate.py           # (re)write resumes/, truth/ and manifest.json
    .venv/bin/python tests/corpus/generate.py --check   # exit 1 if the committed files are not what the specs give
    .venv/bin/python tests/corpus/generate.py --lint    # also list taxonomy words printed without skills markup

The generated files are committed, so evaluation never needs this script (nor reportlab). Before writing anything
the specs are validated: canonical skill names exist in the taxonomy, every truth value (emails, phone, location,
employers, titles, institutions) is printed in the resume, hidden keywords are not claimed, files stay small.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(CORPUS_DIR.parent))  # so `corpus.*` imports work when run as a script

from corpus.model import DEGREE_LEVELS, KINDS, Education, Resume, all_jobs, ground_truth, marked_up_texts, visible  # noqa: E402
from corpus.render import printed_text, render  # noqa: E402
from corpus.specs import RESUMES  # noqa: E402

RESUMES_DIR = CORPUS_DIR / "resumes"
TRUTH_DIR = CORPUS_DIR / "truth"
MANIFEST = CORPUS_DIR / "manifest.json"
TAXONOMY = CORPUS_DIR.parents[1] / "recruitment_core" / "data" / "skills.json"
MAX_FILE_BYTES = 200 * 1024


class SpecError(ValueError):
    pass


def _taxonomy() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    return entries


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def validate(resume: Resume, skill_names: set[str]) -> None:
    """Raise SpecError when the truth would not follow from what the resume prints."""
    problems = []
    if resume.kind not in KINDS:
        problems.append(f"unknown kind {resume.kind!r}")
    truth = ground_truth(resume)
    unknown = [skill for skill in truth["skills"] if skill not in skill_names]  # type: ignore[attr-defined]
    if unknown:
        problems.append(f"skills not in the taxonomy: {unknown}")
    printed = _squash(printed_text(resume))
    expected: list[str] = [*resume.emails, resume.printed_name or resume.name]
    expected += [resume.phone.display] if resume.phone else []
    expected += [resume.location] if resume.location else []
    for job in all_jobs(resume):
        expected += [job.employer, visible(job.title)]
    for section in resume.sections:
        for degree in section.degrees if isinstance(section, Education) else ():
            expected += [degree.institution] if degree.institution else []
            if degree.level not in DEGREE_LEVELS:
                problems.append(f"unknown degree level {degree.level!r}")
            if degree.year and str(degree.year) not in f"{degree.text} {degree.detail}":
                problems.append(f"degree year {degree.year} not printed: {degree.text!r}")
    problems += [f"truth value not printed: {value!r}" for value in expected if _squash(value) not in printed]
    if resume.hidden:
        leaked = [word for word in resume.hidden.split() if word in truth["skills"]]  # type: ignore[operator]
        if leaked:
            problems.append(f"hidden keywords are also claimed visibly: {leaked}")
    for text in marked_up_texts(resume):
        if text.count("[") != text.count("]"):
            problems.append(f"unbalanced markup: {text!r}")
    if problems:
        raise SpecError(f"{resume.stem}: " + "; ".join(problems))


def lint(resume: Resume, entries: list[dict[str, object]]) -> list[str]:
    """Taxonomy names and aliases printed outside markup: for the author to review (a claim? then mark it up).

    A review aid only; the truth never comes from it.
    """
    plain = "\n".join(re.sub(r"\[[^\]]*\]", " ", text) for text in marked_up_texts(resume))
    plain += "\n" + "\n".join(resume.contact)
    claimed = set(ground_truth(resume)["skills"])  # type: ignore[call-overload]
    hits = []
    for entry in entries:
        if entry["name"] in claimed:
            continue
        loose = [str(alias) for alias in entry["aliases"]]  # type: ignore[attr-defined]
        strict = [str(alias) for alias in [*entry.get("case_sensitive_aliases", []), *entry.get("context_aliases", [])]]  # type: ignore[attr-defined]
        if entry["name"] not in strict:
            loose.append(str(entry["name"]))
        for alias, flags in [(alias, re.IGNORECASE) for alias in loose] + [(alias, 0) for alias in strict]:
            pattern = r"(?<![\w.#+])" + r"\s+".join(map(re.escape, alias.split())) + r"(?![\w+#]|[.&]\w)"
            for match in re.finditer(pattern, plain, flags):
                start = max(0, match.start() - 30)
                hits.append(f"{entry['name']!r} <- {plain[start : match.end() + 30]!r}".replace("\\n", " "))
    return hits


def build() -> dict[str, bytes]:
    """Every output file (relative path -> bytes), after validating every spec."""
    entries = _taxonomy()
    skill_names = {str(entry["name"]) for entry in entries}
    stems = [resume.stem for resume in RESUMES]
    if len(stems) != len(set(stems)):
        raise SpecError("duplicate stems")
    files: dict[str, bytes] = {}
    manifest = []
    for resume in RESUMES:
        validate(resume, skill_names)
        data = render(resume)
        if len(data) >= MAX_FILE_BYTES:
            raise SpecError(f"{resume.stem}: {len(data)} bytes, the limit is {MAX_FILE_BYTES}")
        files[f"resumes/{resume.filename}"] = data
        truth = json.dumps(ground_truth(resume), indent=2, ensure_ascii=False) + "\n"
        files[f"truth/{resume.stem}.json"] = truth.encode("utf-8")
        manifest.append({
            "file": resume.filename,
            "kind": resume.kind,
            "format": resume.extension,
            "layout": resume.layout,
            "profession": resume.profession,
            "has_text_layer": resume.kind != "scan",
            "hidden_text": bool(resume.hidden),
            "notes": resume.notes,
        })  # fmt: skip
    files["manifest.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    parser.add_argument("--lint", action="store_true", help="list taxonomy words printed without markup")
    args = parser.parse_args(argv)
    try:
        files = build()
    except SpecError as exc:
        print(f"invalid spec: {exc}", file=sys.stderr)
        return 1
    if args.lint:
        entries = _taxonomy()
        for resume in RESUMES:
            for hit in lint(resume, entries):
                print(f"{resume.stem}: unmarked {hit}")
    expected = set(files)
    present = {str(path.relative_to(CORPUS_DIR)) for path in [*RESUMES_DIR.glob("*"), *TRUTH_DIR.glob("*")]}
    if MANIFEST.exists():
        present.add("manifest.json")
    if args.check:
        stale = sorted(name for name in expected if not (CORPUS_DIR / name).exists()
                       or (CORPUS_DIR / name).read_bytes() != files[name])  # fmt: skip
        extra = sorted(present - expected)
        for name in stale:
            print(f"out of date: {name}")
        for name in extra:
            print(f"not in the specs: {name}")
        return 1 if stale or extra else 0
    RESUMES_DIR.mkdir(exist_ok=True)
    TRUTH_DIR.mkdir(exist_ok=True)
    for name in sorted(present - expected):
        (CORPUS_DIR / name).unlink()
    for name, data in files.items():
        (CORPUS_DIR / name).write_bytes(data)
    kinds: dict[str, int] = {}
    for resume in RESUMES:
        kinds[resume.kind] = kinds.get(resume.kind, 0) + 1
    print(f"wrote {len(RESUMES)} resumes ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}) to {CORPUS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
