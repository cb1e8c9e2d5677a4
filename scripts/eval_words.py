"""How many printed words come back as whole words from text extraction, per document producer.

Runs the real interface as a subprocess:
    .venv/bin/python django_backend/manage.py extract_text tests/layout_corpus/resumes/* --jsonl
and compares each file's text with `text/<stem>.txt`, the words the resume prints visibly. A word is a run of
letters and digits (case and Unicode compatibility forms folded); punctuation and hyphens separate words, so
"self-motivated" is two words. A printed word comes back whole when the extracted text holds it as a word of its
own: "nurseexecutive" loses both "nurse" and "executive", "Wor ld" loses "World". Counts are multisets, so a word
printed twice must come back twice. Order is not measured here (the field scores of eval_parse.py depend on it).

Usage:
    .venv/bin/python scripts/eval_words.py                       # table per producer
    .venv/bin/python scripts/eval_words.py --details             # and the words each file lost
    .venv/bin/python scripts/eval_words.py --corpus DIR --check  # exit 1 when a producer is below the target
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "layout_corpus"
TARGET = 0.99
COMMAND_TIMEOUT_SECONDS = 1800
_WORD = re.compile(r"[^\W_]+")


def word_counts(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@dataclass
class Recovery:
    """Printed words and how many came back whole, for one file or a group of files."""

    printed: int = 0
    whole: int = 0
    files: int = 1
    lost: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.whole / self.printed if self.printed else 1.0

    def add(self, other: Recovery) -> None:
        self.printed += other.printed
        self.whole += other.whole
        self.files += other.files
        self.lost.update(other.lost)


def recovery(printed_text: str, extracted_text: str) -> Recovery:
    printed, extracted = word_counts(printed_text), word_counts(extracted_text)
    whole = sum(min(count, extracted[word]) for word, count in printed.items())
    lost = Counter({word: count - extracted[word] for word, count in printed.items() if extracted[word] < count})
    return Recovery(sum(printed.values()), whole, lost=lost)


def extract(files: list[Path], python: str, timeout: int) -> dict[str, dict[str, str]]:
    """File name -> the extract_text record ({"text"} or {"error"})."""
    command = [python, "django_backend/manage.py", "extract_text", *map(str, files), "--jsonl"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)
    records = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        records[Path(record["file"]).name] = record
    if done.returncode != 0 and not records:
        raise RuntimeError(f"extract_text exited with {done.returncode}: {done.stderr.strip()[-500:]}")
    return records


@dataclass
class WordReport:
    by_producer: dict[str, Recovery]
    by_file: dict[str, Recovery]
    errors: dict[str, str]

    @property
    def passed(self) -> bool:
        return not self.errors and all(group.share >= TARGET for group in self.by_producer.values())


def evaluate_corpus(corpus: Path, python: str = sys.executable, timeout: int = COMMAND_TIMEOUT_SECONDS) -> WordReport:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    entries = {Path(entry["file"]).name: entry for entry in manifest}
    files = [corpus / "resumes" / name for name in sorted(entries)]
    records = extract(files, python, timeout)
    by_producer: dict[str, Recovery] = defaultdict(lambda: Recovery(files=0))
    by_file: dict[str, Recovery] = {}
    errors: dict[str, str] = {}
    for name, entry in sorted(entries.items()):
        printed = (corpus / "text" / f"{Path(name).stem}.txt").read_text(encoding="utf-8")
        record = records.get(name, {"error": "no output for this file"})
        if "error" in record:
            errors[name] = record["error"]
        result = recovery(printed, record.get("text", ""))
        by_file[name] = result
        by_producer[entry["producer"]].add(result)
    return WordReport(dict(sorted(by_producer.items())), by_file, errors)


def format_table(report: WordReport) -> str:
    lines = [f"{'producer':<18}{'files':>6}{'words':>8}{'whole':>8}{'share':>8}   target >= {TARGET:.2f}"]
    total = Recovery(files=0)
    for producer, group in report.by_producer.items():
        status = "PASS" if group.share >= TARGET else "FAIL"
        lines.append(f"{producer:<18}{group.files:>6}{group.printed:>8}{group.whole:>8}{group.share:>8.3f}   {status}")
        total.add(group)
    lines.append(f"{'all':<18}{total.files:>6}{total.printed:>8}{total.whole:>8}{total.share:>8.3f}")
    if report.errors:
        lines += [f"  error {name}: {error}" for name, error in sorted(report.errors.items())]
    return "\n".join(lines)


def format_details(report: WordReport) -> str:
    lines = ["words lost per file (printed word x times lost):"]
    for name, result in sorted(report.by_file.items()):
        if result.lost:
            shown = ", ".join(f"{word} x{count}" for word, count in result.lost.most_common(12))
            lines.append(f"  {name} ({result.share:.3f}): {shown}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory with manifest.json, resumes/, text/")
    parser.add_argument("--details", action="store_true", help="list the words each file lost")
    parser.add_argument("--check", action="store_true", help="exit 1 when a producer is below the target")
    parser.add_argument("--python", default=sys.executable, help="interpreter for manage.py (default: this one)")
    args = parser.parse_args(argv)
    report = evaluate_corpus(args.corpus, args.python)
    print(f"printed words that come back whole, per producer ({args.corpus})")
    print(format_table(report))
    if args.details:
        print(format_details(report))
    return 1 if args.check and not report.passed else 0


if __name__ == "__main__":
    sys.exit(main())
