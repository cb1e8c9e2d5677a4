"""The words job postings are read with, compiled once per process from `data/job_sections.json`,
`data/job_vocabulary.json` and `data/job_role_families.json`, and the names of strengths and section kinds."""

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
SECTIONS_PATH = DATA_DIR / "job_sections.json"
VOCABULARY_PATH = DATA_DIR / "job_vocabulary.json"
FAMILIES_PATH = DATA_DIR / "job_role_families.json"

REQUIRED = "required"
PREFERRED = "preferred"
NOT_ASKED = "none"
IGNORED = "ignored"
STACK = "stack"
UNKNOWN = "unknown"
# Kinds of section (data/job_sections.json); GENERAL is the text under no heading or an unknown one.
GENERAL = "general"
ROLE = "role"
REQUIREMENTS = "required"
RESPONSIBILITIES = "responsibilities"
ABOUT = "about"
BENEFITS = "benefits"
LEGAL = "legal"
META = "meta"
# Sections where a sentence may be the company describing itself.
COMPANY_VOICE_KINDS = frozenset({GENERAL, ROLE})
# Sections read for the years and the degree asked for: elsewhere they are asked for as a preference at most.
EXPERIENCE_KINDS = frozenset({GENERAL, ROLE, REQUIREMENTS, RESPONSIBILITIES})
EDUCATION_KINDS = frozenset({GENERAL, ROLE, REQUIREMENTS})
# A title as lower-case tokens (`title_key`).
TITLE_TOKEN = re.compile(r"\.?[a-z0-9+#]+(?:\.[a-z0-9+#]+)*")
TITLE_SEPARATORS = re.compile(r"[-–—_/|,()\[\]:;!]+")


@dataclass(frozen=True)
class JobVocabulary:
    """The job posting vocabulary, compiled once per process from the `data/job_*.json` files."""

    kind_by_heading: dict[str, str]
    weak_headings: frozenset[str]
    heading_keywords: tuple[tuple[re.Pattern[str], str], ...]
    strength_by_kind: dict[str, str]
    cue_pattern: re.Pattern[str]
    cue_kinds: tuple[tuple[str, bool], ...]  # (strength, either) per cue group
    company_sentence: re.Pattern[str]
    hiring_words: re.Pattern[str]
    years_pattern: re.Pattern[str]
    number_words: dict[str, int]
    years_not_after: re.Pattern[str]
    years_not_before: re.Pattern[str]
    education_phrases: re.Pattern[str]  # one group per phrase, named by its index
    education_phrase_levels: tuple[str, ...]
    unambiguous_degrees: frozenset[str]
    degree_context_after: re.Pattern[str]
    degree_context_before: re.Pattern[str]
    degree_join: re.Pattern[str]
    field_stop: re.Pattern[str]
    field_drop: tuple[str, ...]
    equivalent_experience: re.Pattern[str]
    negation_before: re.Pattern[str]
    remote_text: tuple[tuple[str, re.Pattern[str]], ...]  # (policy, pattern) in the order tried
    remote_values: dict[str, str]
    employment_text: tuple[tuple[str, re.Pattern[str]], ...]  # by priority
    employment_values: dict[str, str]
    employment_labels: frozenset[str]
    remote_labels: frozenset[str]
    location_labels: frozenset[str]
    location_phrase: re.Pattern[str]
    seniority_phrases: tuple[tuple[str, tuple[str, ...]], ...]  # (level, phrases), most senior first
    seniority_exceptions: dict[str, tuple[str, ...]]
    seniority_first_word_only: frozenset[str]
    seniority_numerals: dict[str, str]
    seniority_text: tuple[tuple[str, re.Pattern[str]], ...]
    entry_below_years: float
    senior_from_years: float
    family_phrases: dict[str, tuple[tuple[str, int], ...]]  # title phrase -> ((family, points), ...)
    family_order: tuple[str, ...]
    family_by_category: dict[str, str]
    family_by_skill: dict[str, str]
    min_skill_points: int
    duty_verbs: frozenset[str]  # every form: "manage", "manages"
    duty_opening: re.Pattern[str]
    duty_not_after_verb: frozenset[str]


def normalise_heading(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'").replace(":", " ")
    return " ".join(text.split()).strip(" ?")


def _verb_forms(verb: str) -> tuple[str, ...]:
    """A verb as an order and as a duty in the third person: "manage", "manages"; "apply", "applies"."""
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u"):
        return verb, verb[:-1] + "ies"
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        return verb, verb + "es"
    return verb, verb + "s"


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _any_of(patterns: Iterable[str], flags: int = re.IGNORECASE | re.MULTILINE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)


def title_key(text: str) -> str:
    """A title as lower-case tokens: "Sr. Front-End Engineer (Remote)" -> "sr front end engineer remote"."""
    text = TITLE_SEPARATORS.sub(" ", text.lower().replace("&", " and "))
    return " ".join(
        token.strip(".") if token.count(".") == 1 and token.endswith(".") else token
        for token in TITLE_TOKEN.findall(text)
    )


@functools.cache
def job_vocabulary() -> JobVocabulary:
    """Read the `data/job_*.json` files (once per process)."""
    sections = _read(SECTIONS_PATH)
    words = _read(VOCABULARY_PATH)
    families = _read(FAMILIES_PATH)

    kind_by_heading = _kind_by_heading(sections["headings"])
    weak = {normalise_heading(heading) for heading in sections["weak_headings"]}
    weak |= {key for key, kind in kind_by_heading.items() if kind == META}
    cues = words["cues"]
    number_words = {word: int(value) for word, value in words["number_words"].items()}
    return JobVocabulary(
        kind_by_heading=kind_by_heading,
        weak_headings=frozenset(weak),
        heading_keywords=tuple((re.compile(pattern, re.IGNORECASE), kind) for pattern, kind in sections["keywords"]),
        strength_by_kind=sections["strength"],
        cue_pattern=_cue_pattern(cues),
        cue_kinds=tuple((cue["strength"], cue["position"] == "either") for cue in cues),
        company_sentence=re.compile(words["company_sentence_start"]),
        hiring_words=re.compile(words["hiring_words"], re.IGNORECASE),
        years_pattern=_years_pattern(words, number_words),
        number_words=number_words,
        years_not_after=re.compile(words["years_not_experience_after"], re.IGNORECASE),
        years_not_before=re.compile(words["years_not_experience_before"], re.IGNORECASE),
        education_phrases=_education_phrases(words["education_phrases"]),
        education_phrase_levels=tuple(level for _, level in words["education_phrases"]),
        unambiguous_degrees=frozenset(words["unambiguous_degrees"]),
        degree_context_after=re.compile(words["degree_context_after"]),
        degree_context_before=re.compile(words["degree_context_before"], re.IGNORECASE),
        degree_join=re.compile(words["degree_join"], re.IGNORECASE),
        field_stop=re.compile(words["field_stop"]),
        field_drop=tuple(sorted(words["field_drop"], key=len, reverse=True)),
        equivalent_experience=re.compile(words["equivalent_experience"], re.IGNORECASE),
        negation_before=re.compile(words["negation_before"], re.IGNORECASE),
        remote_text=_remote_text(words["remote_text"]),
        remote_values=words["remote_values"],
        employment_text=tuple((kind, _any_of([pattern])) for kind, pattern in words["employment_text"]),
        employment_values=words["employment_values"],
        employment_labels=frozenset(normalise_heading(label) for label in words["employment_labels"]),
        remote_labels=frozenset(normalise_heading(label) for label in words["remote_labels"]),
        location_labels=frozenset(normalise_heading(label) for label in words["location_labels"]),
        location_phrase=re.compile(words["location_phrase"], re.IGNORECASE),
        seniority_phrases=_seniority_phrases(words["seniority_title"]),
        seniority_exceptions=_seniority_exceptions(words["seniority_word_exceptions"]),
        seniority_first_word_only=frozenset(words["seniority_entry_only_as_first_word"]),
        seniority_numerals=words["seniority_numerals"],
        seniority_text=tuple((level, _any_of([pattern])) for level, pattern in words["seniority_text"].items()),
        entry_below_years=float(words["entry_below_years"]),
        senior_from_years=float(words["senior_from_years"]),
        family_phrases=_family_phrases(families["families"]),
        family_order=tuple(families["families"]),
        family_by_category=families["category_family"],
        family_by_skill=families["skill_family"],
        min_skill_points=int(families["min_skill_points"]),
        duty_verbs=frozenset(form for verb in sections["duty_verbs"] for form in _verb_forms(verb)),
        duty_opening=re.compile(sections["duty_opening"], re.IGNORECASE),
        duty_not_after_verb=frozenset(sections["duty_not_after_verb"]),
    )


def _kind_by_heading(headings_by_kind: dict[str, list[str]]) -> dict[str, str]:
    """Normalised heading -> the kind of section it opens; a heading listed under two kinds is a data error."""
    kind_by_heading: dict[str, str] = {}
    for kind, headings in headings_by_kind.items():
        for heading in headings:
            key = normalise_heading(heading)
            if kind_by_heading.setdefault(key, kind) != kind:
                raise ValueError(f"Job heading {heading!r} is listed as {kind_by_heading[key]!r} and {kind!r}")
    return kind_by_heading


def _cue_pattern(cues: list[dict[str, Any]]) -> re.Pattern[str]:
    """One pattern for every cue, each in its own group `c<index>` so a match says which cue it was."""
    return re.compile(
        r"(?<![\w'-])(?:"
        + "|".join(f"(?P<c{index}>{cue['pattern']})" for index, cue in enumerate(cues))
        + r")(?![\w-])",
        re.IGNORECASE,
    )


def _years_pattern(words: dict[str, Any], number_words: dict[str, int]) -> re.Pattern[str]:
    """Years of experience: "5+ years", "three to five years", "at least 2 yrs", "18 months"."""
    number = r"\d{1,2}(?:\.\d{1,2})?|" + "|".join(sorted(number_words, key=len, reverse=True)) + "|an|a"
    return re.compile(
        r"(?<![\w.$£€,-])"
        rf"(?:(?P<qmin>{words['years_min_before']})\s+|(?P<qmax>{words['years_max_before']})\s+|(?P<between>between)\s+)?"
        rf"(?:(?P<low>{number})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*(?P<sep>-|–|—|to|or|and)\s*)?"
        rf"(?P<n>{number})(?:\s*\(\d{{1,2}}\))?(?P<inside>{words['years_min_inside']})?"
        r"\s*(?P<unit>years?|yrs?|months?)(?:'s?)?(?!\w)"
        rf"(?:(?P<amin>{words['years_min_after']})|(?P<amax>{words['years_max_after']}))?",
        re.IGNORECASE,
    )


def _education_phrases(phrases: list[tuple[str, str]]) -> re.Pattern[str]:
    """Every education phrase, each in its own group `e<index>` (its level is `education_phrase_levels[index]`)."""
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(f"(?P<e{index}>{pattern})" for index, (pattern, _) in enumerate(phrases))
        + r")(?![\w-])",
        re.IGNORECASE,
    )


def _remote_text(remote_text: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(policy, pattern) in the order they are tried."""
    return tuple(
        (policy, _any_of(remote_text[name]))
        for name, policy in (
            ("hybrid", "hybrid"),
            ("not_remote", "onsite"),
            ("remote", "remote"),
            ("onsite", "onsite"),
        )
    )


def _seniority_phrases(seniority_title: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (level, tuple(title_key(phrase) for phrase in seniority_title[level]))
        for level in ("lead", "senior", "entry", "mid")
    )


def _seniority_exceptions(exceptions: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {title_key(word): tuple(title_key(phrase) for phrase in phrases) for word, phrases in exceptions.items()}


def _family_phrases(families: dict[str, dict[str, Any]]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Title phrase -> (family, points) for each family it names: a strong phrase scores by its words, a weak one 3."""
    family_phrases: dict[str, list[tuple[str, int]]] = {}
    for family, spec in families.items():
        for phrase in spec["title"]:
            key = title_key(phrase)
            family_phrases.setdefault(key, []).append((family, 10 * len(key.split())))
        for phrase in spec["weak"]:
            family_phrases.setdefault(title_key(phrase), []).append((family, 3))
    return {phrase: tuple(scores) for phrase, scores in family_phrases.items()}
