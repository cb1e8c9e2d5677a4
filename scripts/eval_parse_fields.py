"""How one parsed resume is scored against its ground truth: each field normalised, then counted."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from scripts import skill_names

YEARS_TOLERANCE = 1.0

# Legal-form words dropped from the end of employer names ("Parcelly LLC" == "Parcelly"), after dots are removed
# ("B.V." -> "bv", "Sp. z o.o." -> "sp z oo").
EMPLOYER_SUFFIXES = frozenset({
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "plc", "llp", "lp", "corp", "corporation", "co",
    "company", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "pty", "pte", "pvt", "private", "sl",
    "ab", "as", "oy", "lda", "sp", "z", "oo", "kft", "se",
})  # fmt: skip


# --- normalisation ---------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def normalise_name(text: str) -> str:
    return _fold(text)


def normalise_email(text: str) -> str:
    return _fold(text).removeprefix("mailto:")


def normalise_phone(text: str) -> str:
    return text.strip()


def _words(text: str) -> str:
    """Folded text with punctuation turned into spaces (letters, digits, '+' and '#' kept)."""
    return " ".join(re.sub(r"[^\w+#]+", " ", _fold(text)).split())


def normalise_location(text: str) -> str:
    return _words(text)


def location_matches(predicted: str, truth: str) -> bool:
    """Equal after normalisation, or one contains the other as whole words ("Austin" ~ "Austin, TX")."""
    pred, true = f" {normalise_location(predicted)} ", f" {normalise_location(truth)} "
    if not pred.strip() or not true.strip():
        return False
    return pred in true or true in pred


def normalise_title(text: str) -> str:
    return _words(text)


def normalise_employer(text: str) -> str:
    """Case, punctuation and legal-form suffixes ignored: "Parcelly, LLC" == "parcelly"; "&" reads as "and"."""
    text = _fold(text).replace("&", " and ")
    text = re.sub(r"(?<=\w)\.(?=\w)|\.", "", text)  # "b.v." -> "bv", "s.a." -> "sa"
    words = re.sub(r"[^\w+#]+", " ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in EMPLOYER_SUFFIXES:
        words.pop()
    return " ".join(words)


def normalise_skill(text: str) -> str:
    return _fold(text)


# --- counting --------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and misses; precision/recall/F1 from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 0.0 if self.fn else 1.0  # said nothing: perfect only if there was nothing to say
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 0.0 if self.fp else 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class FieldResult:
    """One field of one resume: its counts and what was missed or extra (normalised)."""

    counts: Counts
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def score_set(truth: Iterable[str], predicted: Iterable[str], normalise: Callable[[str], str]) -> FieldResult:
    true_items = {normalise(item) for item in truth if item and normalise(item)}
    pred_items = {normalise(item) for item in predicted if item and normalise(item)}
    return FieldResult(
        Counts(len(true_items & pred_items), len(pred_items - true_items), len(true_items - pred_items)),
        missing=sorted(true_items - pred_items),
        extra=sorted(pred_items - true_items),
    )


def score_single(truth: str | None, predicted: str | None, matches: Callable[[str, str], bool]) -> FieldResult:
    truth = truth if truth and truth.strip() else None
    predicted = predicted if predicted and predicted.strip() else None
    if truth is None and predicted is None:
        return FieldResult(Counts())
    if truth is None:
        return FieldResult(Counts(fp=1), extra=[str(predicted)])
    if predicted is None:
        return FieldResult(Counts(fn=1), missing=[truth])
    if matches(predicted, truth):
        return FieldResult(Counts(tp=1))
    return FieldResult(Counts(fp=1, fn=1), missing=[truth], extra=[predicted])


def _equal_after(normalise: Callable[[str], str]) -> Callable[[str, str], bool]:
    return lambda predicted, truth: normalise(predicted) == normalise(truth)


def years_within(truth: float, predicted: object, tolerance: float = YEARS_TOLERANCE) -> bool:
    """Whether a predicted number of years is within `tolerance` of the truth (non-numbers never are)."""
    if isinstance(predicted, bool) or not isinstance(predicted, int | float):
        return False
    return abs(float(predicted) - truth) <= tolerance + 1e-9


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str)]
    return []


def _optional_string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def degree_levels(education: object) -> list[str]:
    if not isinstance(education, list):
        return []
    return [entry["degree_level"] for entry in education if isinstance(entry, dict) and entry.get("degree_level")]


def score_resume(
    truth: dict[str, Any], predicted: dict[str, Any], *, free_skill_names: bool = False
) -> dict[str, FieldResult]:
    """Every field of one resume. `predicted` may be {} (the parser failed or skipped the file)."""
    if free_skill_names:
        true_hard, true_soft = skill_names.split(_strings(truth["skills"]) + _strings(truth.get("soft_skills")))
        predicted_hard, predicted_soft = skill_names.split(_strings(predicted.get("skills")))
    else:
        true_hard, true_soft = _strings(truth["skills"]), []
        predicted_hard, predicted_soft = _strings(predicted.get("skills")), []
    return {
        "emails": score_set(truth["emails"], _strings(predicted.get("emails")), normalise_email),
        "phone": score_single(truth["phone"], _optional_string(predicted.get("phone")), _equal_after(normalise_phone)),
        "name": score_single(truth["name"], _optional_string(predicted.get("name")), _equal_after(normalise_name)),
        "location": score_single(truth["location"], _optional_string(predicted.get("location")), location_matches),
        "skills": score_set(true_hard, predicted_hard, normalise_skill),
        "current_title": score_single(
            truth["current_title"], _optional_string(predicted.get("current_title")), _equal_after(normalise_title)
        ),
        "employers": score_set(truth["employers"], _strings(predicted.get("employers")), normalise_employer),
        "degree_level": score_set(
            degree_levels(truth["education"]), degree_levels(predicted.get("education")), normalise_skill
        ),
        "soft_skills": score_set(true_soft, predicted_soft, normalise_skill),
    }
