"""Tests for recruitment_core.chunking: structure with a word counter, budgets with the model's own tokenizer."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from recruitment_core.chunking import chunk_spans, chunk_text, model_token_count

RESUMES = Path(__file__).resolve().parents[1] / "corpus" / "resumes"


def words(text: str) -> int:
    return len(text.split())


def uncovered(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Offsets of non-blank characters that no span covers."""
    covered = bytearray(len(text))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    return [index for index, character in enumerate(text) if not character.isspace() and not covered[index]]


def generated_resume(seed: int) -> str:
    """A long resume-like document: headings, blank lines, bullets, prose and one run-on paragraph."""
    rng = random.Random(seed)
    vocabulary = (
        *("python", "django", "postgresql", "led", "team", "migrated", "services", "kubernetes", "reduced"),
        *("latency", "payments", "billing", "nurse", "patients", "icu", "audit", "reconciled", "ledger"),
        *("quarterly", "forecasting", "customers", "revenue", "grew", "pipeline"),
    )
    parts = ["Jane Example\nSenior Engineer | Berlin | jane@example.com"]
    for heading in ("SUMMARY", "Experience", "Skills:", "EDUCATION", "## Projects"):
        lines = []
        for _ in range(rng.randint(2, 9)):
            sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 30)))
            lines.append(("- " if rng.random() < 0.5 else "") + sentence.capitalize() + ".")
        parts.append(heading + "\n" + "\n".join(lines))
    parts.append(" ".join(rng.choice(vocabulary) for _ in range(700)))  # no line breaks, no sentence ends
    return "\n\n".join(parts) + "\n"


def test_a_short_document_is_one_chunk_without_surrounding_blanks() -> None:
    assert chunk_text("  Jane Doe\nPython developer\n\n") == ["Jane Doe\nPython developer"]


@pytest.mark.parametrize("text", ["", " ", "\n\n \t\n"])
def test_blank_text_has_no_chunks(text: str) -> None:
    assert chunk_text(text) == []


def test_cuts_before_section_headings() -> None:
    text = (
        "Jane Doe\nBackend engineer in Berlin\n\n"
        "EXPERIENCE\nAcme GmbH senior engineer 2019\nBuilt billing services in Python\n\n"
        "EDUCATION\nBSc Computer Science TU Berlin 2018\n"
    )
    assert chunk_text(text, max_tokens=20, overlap_tokens=0, count_tokens=words) == [
        "Jane Doe\nBackend engineer in Berlin\n\n"
        "EXPERIENCE\nAcme GmbH senior engineer 2019\nBuilt billing services in Python",
        "EDUCATION\nBSc Computer Science TU Berlin 2018",
    ]


def test_cuts_at_a_blank_line_rather_than_a_line_break() -> None:
    first = "one two three four five\nsix seven eight nine ten\neleven twelve thirteen fourteen fifteen"
    second = "sixteen seventeen eighteen nineteen twenty\ntwentyone twentytwo twentythree twentyfour twentyfive"
    # A line break after the second line would give even chunks (10 and 15 words); the paragraph wins.
    assert chunk_text(first + "\n\n" + second, max_tokens=20, overlap_tokens=0, count_tokens=words) == [first, second]


def test_a_heading_stays_with_its_content() -> None:
    text = "Built a payments platform\n\nSKILLS\nPython Go SQL\nKubernetes Terraform"
    assert chunk_text(text, max_tokens=7, overlap_tokens=0, count_tokens=words) == [
        "Built a payments platform",
        "SKILLS\nPython Go SQL\nKubernetes Terraform",
    ]


def test_an_over_long_line_is_cut_between_sentences() -> None:
    sentences = [
        "Led a team of eight engineers on payments.",
        "Cut checkout latency by forty percent in a year.",
        "Mentored four juniors into senior engineering roles.",
    ]
    assert chunk_text(" ".join(sentences), max_tokens=10, overlap_tokens=2, count_tokens=words) == sentences


def test_an_over_long_sentence_falls_back_to_overlapping_token_windows() -> None:
    tokens = [f"w{number}" for number in range(100)]
    chunks = chunk_text(" ".join(tokens), max_tokens=30, overlap_tokens=5, count_tokens=words)
    assert chunks == [
        " ".join(tokens[0:30]),
        " ".join(tokens[25:55]),
        " ".join(tokens[50:80]),
        " ".join(tokens[75:100]),
    ]


def test_windows_do_not_swallow_the_next_line() -> None:
    run_on = " ".join(f"w{number}" for number in range(12))
    chunks = chunk_text(f"{run_on}\nnext line", max_tokens=10, overlap_tokens=2, count_tokens=words)
    assert chunks == [" ".join(f"w{n}" for n in range(10)), " ".join(f"w{n}" for n in range(8, 12)), "next line"]


def test_a_word_longer_than_the_budget_is_cut_by_characters_and_kept_whole() -> None:
    blob = "x" * 5000

    def tenth_of_characters(text: str) -> int:
        return math.ceil(len(text) / 10)

    chunks = chunk_text(blob, max_tokens=100, overlap_tokens=10, count_tokens=tenth_of_characters)
    assert [len(chunk) for chunk in chunks] == [900, 900, 900, 900, 900, 500]
    assert "".join(chunks) == blob


def test_an_underlined_heading_opens_a_section() -> None:
    text = "Jane Doe\nBerlin\nProjects\n--------\nBilling engine in Go\nPayroll app in Django"
    assert chunk_text(text, max_tokens=10, overlap_tokens=0, count_tokens=words) == [
        "Jane Doe\nBerlin",
        "Projects\n--------\nBilling engine in Go\nPayroll app in Django",
    ]


@pytest.mark.parametrize("line_break", ["\r\n", "\r", "\u2028"])
def test_other_line_breaks_cut_the_same_way(line_break: str) -> None:
    text = generated_resume(2)
    expected = chunk_text(text, max_tokens=60)
    chunks = chunk_text(text.replace("\n", line_break), max_tokens=60)
    assert [chunk.replace(line_break, "\n") for chunk in chunks] == expected


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("max_tokens", [40, 240])
def test_no_text_is_dropped_and_chunks_are_slices_in_order(seed: int, max_tokens: int) -> None:
    text = generated_resume(seed)
    spans = chunk_spans(text, max_tokens=max_tokens, overlap_tokens=8)
    assert uncovered(text, spans) == []
    assert [start for start, _ in spans] == sorted({start for start, _ in spans})
    assert chunk_text(text, max_tokens=max_tokens, overlap_tokens=8) == [text[start:end] for start, end in spans]
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("max_tokens", [40, 240])
def test_every_chunk_fits_the_model_budget(seed: int, max_tokens: int) -> None:
    chunks = chunk_text(generated_resume(seed), max_tokens=max_tokens, overlap_tokens=8)
    assert max(model_token_count(chunk) for chunk in chunks) <= max_tokens
    assert len(chunks) > 1


@pytest.mark.parametrize("path", sorted(RESUMES.glob("*.txt")), ids=lambda path: path.name)
def test_corpus_resumes_are_chunked_within_budget_and_whole(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    spans = chunk_spans(text)
    assert uncovered(text, spans) == []
    assert all(model_token_count(text[start:end]) <= 240 for start, end in spans)


def test_chunk_token_counts_add_up_to_the_documents_without_windows() -> None:
    """Cuts fall on whitespace, so no word piece is split or invented at a boundary."""
    text = generated_resume(1).rsplit("\n\n", 1)[0]  # without the run-on paragraph, so nothing overlaps
    chunks = chunk_text(text, max_tokens=200)  # longer than any line, so no line needs windows
    assert len(chunks) > 2
    assert sum(model_token_count(chunk) for chunk in chunks) == model_token_count(text)


def test_chunking_is_deterministic() -> None:
    text = generated_resume(3)
    first = chunk_text(text, max_tokens=64, overlap_tokens=16)
    assert chunk_text(str(text), max_tokens=64, overlap_tokens=16) == first
    assert chunk_text(text, max_tokens=64, overlap_tokens=16, count_tokens=model_token_count) == first


@pytest.mark.parametrize(
    ("max_tokens", "overlap_tokens"),
    [(0, 0), (-5, 0), (10, 10), (10, 11), (10, -1)],
)
def test_invalid_budgets_are_refused(max_tokens: int, overlap_tokens: int) -> None:
    with pytest.raises(ValueError, match="tokens"):
        chunk_text("some text", max_tokens=max_tokens, overlap_tokens=overlap_tokens)
