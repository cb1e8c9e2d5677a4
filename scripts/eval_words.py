"""How many printed words come back as whole words from text extraction, and in what order, per document producer.

Runs the real interface as a subprocess:
    .venv/bin/python django_backend/manage.py extract_text tests/layout_corpus/resumes/* --jsonl
and compares each file's text with `text/<stem>.txt`, the words the resume prints visibly. A word is a run of
letters and digits (case and Unicode compatibility forms folded); punctuation and hyphens separate words, so
"self-motivated" is two words. A printed word comes back whole when the extracted text holds it as a word of its
own: "nurseexecutive" loses both "nurse" and "executive", "Wor ld" loses "World". Counts are multisets, so a word
printed twice must come back twice.

Reading order is measured on printed units (the lines of `text/<stem>.txt`: a heading, a paragraph, a bullet, a job's
header line). Two units printed one after the other in the same section (a heading and the section's first unit
count) are in sequence when the extracted words of the second follow right after those of the first, whatever
lies between them that is no word (line breaks, bullets). Sections come from the headings in `specs/<stem>.json`;
pairs across sections are not counted, since columns may legitimately be read one after the other. A unit is
located by its word sequence; a pair is counted when one of its units is found exactly once and the other at
least once (a unit the extraction lost, or one printed in several places, says nothing about order).

Usage:
    .venv/bin/python scripts/eval_words.py                       # table per producer
    .venv/bin/python scripts/eval_words.py --details             # and what each file lost or reordered
    .venv/bin/python scripts/eval_words.py --corpus DIR --check  # exit 1 when a producer is below the target
"""

from __future__ import annotations

import argparse
import itertools
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


def words_of(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_counts(text: str) -> Counter[str]:
    return Counter(words_of(text))


@dataclass
class Recovery:
    """Printed words and how many came back whole, and printed unit pairs and how many came back in sequence,
    for one file or a group of files."""

    printed: int = 0
    whole: int = 0
    files: int = 1
    lost: Counter[str] = field(default_factory=Counter)
    pairs: int = 0
    in_sequence: int = 0
    out_of_sequence: list[tuple[str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.whole / self.printed if self.printed else 1.0

    @property
    def order(self) -> float:
        return self.in_sequence / self.pairs if self.pairs else 1.0

    def add(self, other: Recovery) -> None:
        self.printed += other.printed
        self.whole += other.whole
        self.files += other.files
        self.lost.update(other.lost)
        self.pairs += other.pairs
        self.in_sequence += other.in_sequence
        self.out_of_sequence += other.out_of_sequence


def recovery(printed_text: str, extracted_text: str, headings: list[str] | None = None) -> Recovery:
    printed, extracted = word_counts(printed_text), word_counts(extracted_text)
    whole = sum(min(count, extracted[word]) for word, count in printed.items())
    lost = Counter({word: count - extracted[word] for word, count in printed.items() if extracted[word] < count})
    result = Recovery(sum(printed.values()), whole, lost=lost)
    sequence(printed_text.splitlines(), extracted_text, headings or [], result)
    return result


def sections(units: list[str], headings: list[str]) -> list[list[str]]:
    """Printed units split before each section heading, the headings taken in print order."""
    wanted = [words_of(heading) for heading in headings]
    parts: list[list[str]] = [[]]
    for unit in units:
        if wanted and words_of(unit) == wanted[0]:
            wanted.pop(0)
            parts.append([])
        parts[-1].append(unit)
    return [part for part in parts if part]


def sequence(units: list[str], extracted_text: str, headings: list[str], into: Recovery) -> None:
    """Count, into `into`, the pairs of units printed one after the other in a section and those whose words
    come back one right after the other."""
    stream = words_of(extracted_text)
    starts: dict[str, list[int]] = {}
    for index, word in enumerate(stream):
        starts.setdefault(word, []).append(index)

    def found(unit: list[str]) -> list[int]:
        return [i for i in starts.get(unit[0], []) if stream[i : i + len(unit)] == unit] if unit else []

    for part in sections(units, headings):
        located = [(unit, words_of(unit)) for unit in part]
        located = [(unit, words) for unit, words in located if words]
        for (first_text, first), (second_text, second) in itertools.pairwise(located):
            at_first, at_second = found(first), found(second)
            if not at_first or not at_second or min(len(at_first), len(at_second)) > 1:
                continue
            into.pairs += 1
            if len(at_second) == 1:
                follows = stream[max(at_second[0] - len(first), 0) : at_second[0]] == first
            else:
                follows = stream[at_first[0] + len(first) : at_first[0] + len(first) + len(second)] == second
            if follows:
                into.in_sequence += 1
            else:
                into.out_of_sequence.append((first_text, second_text))


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
    by_layout: dict[str, Recovery] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.errors and all(group.share >= TARGET for group in self.by_producer.values())


def _headings(corpus: Path, stem: str) -> list[str]:
    spec = corpus / "specs" / f"{stem}.json"
    if not spec.is_file():
        return []
    return [section["heading"] for section in json.loads(spec.read_text(encoding="utf-8")).get("sections", [])]


def evaluate_corpus(corpus: Path, python: str = sys.executable, timeout: int = COMMAND_TIMEOUT_SECONDS) -> WordReport:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    entries = {Path(entry["file"]).name: entry for entry in manifest}
    files = [corpus / "resumes" / name for name in sorted(entries)]
    records = extract(files, python, timeout)
    by_producer: dict[str, Recovery] = defaultdict(lambda: Recovery(files=0))
    by_layout: dict[str, Recovery] = defaultdict(lambda: Recovery(files=0))
    by_file: dict[str, Recovery] = {}
    errors: dict[str, str] = {}
    for name, entry in sorted(entries.items()):
        stem = Path(name).stem
        printed = (corpus / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        record = records.get(name, {"error": "no output for this file"})
        if "error" in record:
            errors[name] = record["error"]
        result = recovery(printed, record.get("text", ""), _headings(corpus, stem))
        by_file[name] = result
        by_producer[entry["producer"]].add(result)
        by_layout[entry.get("layout", "-")].add(result)
    return WordReport(dict(sorted(by_producer.items())), by_file, errors, dict(sorted(by_layout.items())))


def format_table(report: WordReport) -> str:
    head = f"{'files':>6}{'words':>8}{'whole':>8}{'share':>8}{'pairs':>8}{'in seq':>8}{'order':>8}"
    lines = [f"{'producer':<18}{head}   whole-word target >= {TARGET:.2f}"]
    total = Recovery(files=0)
    for producer, group in report.by_producer.items():
        status = "PASS" if group.share >= TARGET else "FAIL"
        lines.append(f"{producer:<18}{_figures(group)}   {status}")
        total.add(group)
    lines.append(f"{'all':<18}{_figures(total)}")
    if report.by_layout:
        lines.append(f"{'layout':<18}{head}")
        lines += [f"{layout:<18}{_figures(group)}" for layout, group in report.by_layout.items()]
    if report.errors:
        lines += [f"  error {name}: {error}" for name, error in sorted(report.errors.items())]
    return "\n".join(lines)


def _figures(group: Recovery) -> str:
    return (
        f"{group.files:>6}{group.printed:>8}{group.whole:>8}{group.share:>8.3f}"
        f"{group.pairs:>8}{group.in_sequence:>8}{group.order:>8.3f}"
    )


def format_details(report: WordReport) -> str:
    lines = ["words lost and units out of sequence per file (printed word x times lost; unit -> next unit):"]
    for name, result in sorted(report.by_file.items()):
        if result.lost or result.out_of_sequence:
            lines.append(f"  {name} (whole {result.share:.3f}, order {result.order:.3f})")
        if result.lost:
            lines.append("    lost: " + ", ".join(f"{word} x{count}" for word, count in result.lost.most_common(12)))
        lines += [f"    {_short(first)} -> {_short(second)}" for first, second in result.out_of_sequence]
    return "\n".join(lines)


def _short(unit: str, width: int = 40) -> str:
    return unit if len(unit) <= width else unit[: width - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory with manifest.json, resumes/, text/")
    parser.add_argument("--details", action="store_true", help="list the words lost and units out of sequence")
    parser.add_argument("--check", action="store_true", help="exit 1 when a producer is below the target")
    parser.add_argument("--python", default=sys.executable, help="interpreter for manage.py (default: this one)")
    args = parser.parse_args(argv)
    report = evaluate_corpus(args.corpus, args.python)
    print(f"printed words that come back whole, and printed unit pairs in sequence ({args.corpus})")
    print(format_table(report))
    if args.details:
        print(format_details(report))
    return 1 if args.check and not report.passed else 0


if __name__ == "__main__":
    sys.exit(main())
