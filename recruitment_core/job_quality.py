"""How good a job posting is, for the recruiter writing it: a score, red flags and concrete suggestions.

Every check, its weight, its threshold and its wording are data: `data/job_quality.json` holds the weights,
thresholds, messages and the patterns that recognise pay; `data/job_inclusive_language.json` holds the
wording that excludes applicants ("young and energetic", "native English speaker", "he will", "rockstar"),
each with a neutral alternative. The score is 100 minus the weights of the red flags found, kept within
0-100; the same posting always gets the same score, flags and suggestions, in the same order.

A red flag reads "code: message", the code stable for programs ("missing_pay_range"), the message for
people; suggestions follow the order of the flags.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recruitment_core.job_parser import JobRequirements, clean_description, title_seniority
from recruitment_core.skills import load_taxonomy

QUALITY_PATH = Path(__file__).parent / "data" / "job_quality.json"
INCLUSIVE_LANGUAGE_PATH = Path(__file__).parent / "data" / "job_inclusive_language.json"

WORD = re.compile(r"\w+(?:['’-]\w+)*")
SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")


@dataclass(frozen=True)
class JobQuality:
    """A posting's quality: the score, what is wrong ("code: message") and what to do about it."""

    score: int  # 0-100
    red_flags: list[str]  # "code: message"
    suggestions: list[str]


@dataclass(frozen=True)
class _Phrase:
    code: str
    pattern: re.Pattern[str]
    suggestion: str
    except_entry_level: bool


@dataclass(frozen=True)
class QualityRules:
    """The checks' weights, thresholds and wording, loaded once from the data files."""

    weights: dict[str, int]
    thresholds: dict[str, float]
    messages: dict[str, str]
    suggestions: dict[str, str]
    non_technology_categories: frozenset[str]
    pay_patterns: tuple[re.Pattern[str], ...]
    pay_ignore: re.Pattern[str]
    pay_not_after: re.Pattern[str]
    pay_not_in_sentence: re.Pattern[str]
    phrases: tuple[_Phrase, ...]


@functools.cache
def quality_rules() -> QualityRules:
    """Read `data/job_quality.json` and `data/job_inclusive_language.json` (once per process)."""
    data = json.loads(QUALITY_PATH.read_text(encoding="utf-8"))
    language = json.loads(INCLUSIVE_LANGUAGE_PATH.read_text(encoding="utf-8"))
    phrases = tuple(
        _Phrase(
            code=entry["code"],
            pattern=re.compile(entry["pattern"], re.IGNORECASE),
            suggestion=entry["suggestion"],
            except_entry_level=bool(entry.get("except_entry_level", False)),
        )
        for entry in language["phrases"]
    )
    weights = {code: int(weight) for code, weight in data["weights"].items()}
    if unknown := {phrase.code for phrase in phrases} - weights.keys():
        raise ValueError(f"Inclusive-language codes without a weight in {QUALITY_PATH.name}: {sorted(unknown)}")
    return QualityRules(
        weights=weights,
        thresholds={name: float(value) for name, value in data["thresholds"].items()},
        messages=data["messages"],
        suggestions=data["suggestions"],
        non_technology_categories=frozenset(data["non_technology_categories"]),
        pay_patterns=tuple(re.compile(pattern, re.IGNORECASE) for pattern in data["pay_patterns"]),
        pay_ignore=re.compile(data["pay_ignore"], re.IGNORECASE),
        pay_not_after=re.compile(data["pay_not_after"], re.IGNORECASE),
        pay_not_in_sentence=re.compile(data["pay_not_in_sentence"], re.IGNORECASE),
        phrases=phrases,
    )


def _years(value: float) -> str:
    """10.0 -> "10", 1.5 -> "1.5"."""
    return f"{value:g}"


def _sentence_around(text: str, start: int, end: int) -> str:
    before = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def states_pay(text: str) -> bool:
    """Whether `text` states pay: "$120,000 - $150,000", "£45k–55k", "€60.000", "$25 per hour", "18.50 an hour"."""
    rules = quality_rules()
    text = rules.pay_ignore.sub(lambda match: " " * len(match.group()), text)  # "401(k)" is not pay
    for pattern in rules.pay_patterns:
        for match in pattern.finditer(text):
            if rules.pay_not_after.match(text, match.end()):
                continue  # "$2 billion", "£40m"
            if rules.pay_not_in_sentence.search(_sentence_around(text, match.start(), match.end())):
                continue  # "we raised $40M", "a $2M budget"
            return True
    return False


class _Findings:
    """Red flags and suggestions, in the order found, each code costing its weight."""

    def __init__(self, rules: QualityRules) -> None:
        self.rules = rules
        self.red_flags: list[str] = []
        self.suggestions: list[str] = []
        self.deductions = 0

    def flag(self, code: str, suggestion: str | None = None, **values: Any) -> None:
        message = self.rules.messages[code].format(**values)
        self.red_flags.append(f"{code}: {message}")
        self.deductions += self.rules.weights[code]
        if suggestion is None and code in self.rules.suggestions:
            suggestion = self.rules.suggestions[code].format(**values)
        if suggestion and suggestion not in self.suggestions:
            self.suggestions.append(suggestion)


def assess_job_quality(
    *, title: str, description: str, requirements: JobRequirements, pay_range: str | None = None
) -> JobQuality:
    """Score a posting 0-100 and say what to fix: red flags ("code: message") and concrete suggestions."""
    rules = quality_rules()
    limits = rules.thresholds
    text = clean_description(description)
    findings = _Findings(rules)
    seniority = title_seniority(title)

    min_years, max_years = requirements.min_years, requirements.max_years
    if seniority == "entry" and min_years is not None and min_years >= limits["junior_max_years"]:
        word = _entry_word(title)
        findings.flag(
            "junior_requires_senior_experience",
            article="An" if word[0] in "aeiou" else "A",
            seniority=word,
            years=_years(min_years),
        )

    technologies = _required_technologies(requirements, rules)
    if technologies > limits["max_required_technologies"]:
        findings.flag("too_many_required_skills", count=technologies, limit=int(limits["max_required_technologies"]))

    if not requirements.location and requirements.remote_policy == "unknown":
        findings.flag("missing_location")

    if not (pay_range and pay_range.strip()) and not states_pay(f"{title}\n{text}"):
        findings.flag("missing_pay_range")

    if not requirements.responsibilities:
        findings.flag("missing_responsibilities")

    words = len(WORD.findall(text))
    if words < limits["min_description_words"]:
        findings.flag("short_description", words=words, minimum=int(limits["min_description_words"]))

    if min_years is not None and max_years is not None and min_years > max_years:
        findings.flag("inconsistent_experience_range", min_years=_years(min_years), max_years=_years(max_years))
    elif _unrealistic(min_years, max_years, limits):
        findings.flag("unrealistic_experience_range", range=_range_text(min_years, max_years))

    entry_level = seniority == "entry" or requirements.employment_type == "internship"
    seen: set[tuple[str, str]] = set()
    for phrase in rules.phrases:
        if phrase.except_entry_level and entry_level:
            continue
        for match in phrase.pattern.finditer(f"{title}\n{text}"):
            wording = " ".join(match.group().split())
            if (phrase.code, wording.lower()) in seen:
                continue
            seen.add((phrase.code, wording.lower()))
            findings.flag(phrase.code, phrase.suggestion.format(phrase=wording), phrase=wording)

    score = max(0, min(100, 100 - findings.deductions))
    return JobQuality(score=score, red_flags=findings.red_flags, suggestions=findings.suggestions)


def _required_technologies(requirements: JobRequirements, rules: QualityRules) -> int:
    """How many technologies the posting requires; skills any one of which will do ("Java or Python") count once."""
    categories = load_taxonomy().category_by_skill
    technologies = {
        skill for skill in requirements.required_skills if categories.get(skill) not in rules.non_technology_categories
    }
    count = len(technologies)
    for group in requirements.skill_alternatives:
        named = technologies.intersection(group)
        if named:
            count -= len(named) - 1
            technologies -= named
    return count


def _entry_word(title: str) -> str:
    """How the title says it is junior ("junior", "graduate", "entry-level"), for the message."""
    lowered = title.lower()
    for word in ("junior", "graduate", "entry-level", "entry level", "intern", "trainee", "apprentice"):
        if word in lowered:
            return word
    return "junior"


def _unrealistic(min_years: float | None, max_years: float | None, limits: dict[str, float]) -> bool:
    highest = max((value for value in (min_years, max_years) if value is not None), default=0.0)
    if highest > limits["max_plausible_years"]:
        return True
    return min_years is not None and max_years is not None and max_years - min_years > limits["max_range_spread_years"]


def _range_text(min_years: float | None, max_years: float | None) -> str:
    if min_years is not None and max_years is not None:
        return f"{_years(min_years)}-{_years(max_years)} years"
    if min_years is not None:
        return f"{_years(min_years)}+ years"
    return f"up to {_years(max_years or 0.0)} years"
