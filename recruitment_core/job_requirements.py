"""The years of experience and the degree a posting asks for."""

import re
from dataclasses import dataclass

from recruitment_core.education import DEGREE_LEVELS, degree_vocabulary
from recruitment_core.job_reading import Reading
from recruitment_core.job_sections import clean_description
from recruitment_core.job_vocabulary import REQUIRED, job_vocabulary

# "Master's" followed by "degree in": one degree.
DEGREE_WORDS_AFTER = re.compile(r"(?:a\s+|relevant\s+|related\s+)?degree\b", re.IGNORECASE)
# Words around a place in a location value: "US only", "EU time zones".
PLACE_NOISE = re.compile(r"\b(?:only|based|preferred|required|time\s*zones?)\b", re.IGNORECASE)
# How far back the words that set out a degree ("must hold a BA") are looked for.
CONTEXT_BEFORE = 30
UNIT_OF_TIME = re.compile(r"\b(?:years?|yrs?|months?)\b", re.IGNORECASE)
# Lowest degree first: the minimum asked for is the lowest required one.
LEVEL_ORDER = {level: rank for rank, level in enumerate(reversed(DEGREE_LEVELS))}
# ---------------------------------------------------------------------------------------------------------
# Years of experience


@dataclass(frozen=True)
class Years:
    start: int
    minimum: float | None
    maximum: float | None


def _number(text: str, words: dict[str, int]) -> float:
    lowered = text.lower()
    if lowered in ("a", "an"):
        return 1.0
    return float(words[lowered]) if lowered in words else float(lowered)


def _lines_naming_time(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of the spans that hold "years" or "months": the only places worth the full years pattern."""
    lines: dict[int, int] = {}
    for start, end in spans:
        for unit in UNIT_OF_TIME.finditer(text, start, end):
            line_start = max(start, text.rfind("\n", start, unit.start()) + 1)
            line_end = text.find("\n", unit.end(), end)
            lines[line_start] = end if line_end < 0 else line_end
    return sorted(lines.items())


def find_years(text: str, spans: list[tuple[int, int]]) -> list[Years]:
    vocab = job_vocabulary()
    found = []
    matches = (
        match
        for start, end in _lines_naming_time(text, spans)
        for match in vocab.years_pattern.finditer(text, start, end)
    )
    for match in matches:
        groups = match.groupdict()
        qualified = groups["qmin"] or groups["qmax"] or groups["between"]
        if groups["sep"] and groups["sep"].lower() == "and" and not groups["between"]:
            continue
        if groups["n"].lower() in ("a", "an") and not (qualified or re.match(r"\s+of\b", text[match.end() :])):
            continue
        if vocab.years_not_after.match(text, match.end()):
            continue
        if vocab.years_not_before.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        scale = 12.0 if groups["unit"].lower().startswith("month") else 1.0
        value = round(_number(groups["n"], vocab.number_words) / scale, 2)
        if groups["low"]:
            low = round(_number(groups["low"], vocab.number_words) / scale, 2)
            found.append(Years(match.start(), low, value))
        elif groups["qmax"] or groups["amax"]:
            found.append(Years(match.start(), None, value))
        else:
            found.append(Years(match.start(), value, None))
    return found


def years_asked(years: list[Years]) -> tuple[float | None, float | None]:
    """The overall experience asked for: the mention with the largest minimum (a range keeps its maximum)."""
    with_minimum = [mention for mention in years if mention.minimum is not None]
    if with_minimum:
        primary = max(with_minimum, key=lambda mention: mention.minimum or 0.0)
        return primary.minimum, primary.maximum
    if years:
        return None, years[0].maximum
    return None, None


# ---------------------------------------------------------------------------------------------------------
# Education


@dataclass(frozen=True)
class Degree:
    start: int
    end: int
    level: str
    key: str  # the spelling, lower case without dots or spaces ("bsn", "master's")
    certain: bool  # a spelling that is a degree wherever it stands


def _degree_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text.lower())


def find_degrees(text: str, spans: list[tuple[int, int]]) -> list[Degree]:
    """Every degree the spans name: unambiguous spellings and those set out as a degree ("MS in ...")."""
    vocab = job_vocabulary()
    degrees = degree_vocabulary()
    found: list[Degree] = []
    for start, end in spans:
        for match in degrees.pattern.finditer(text, start, end):
            if match.lastgroup:
                key = _degree_key(match.group())
                certain = key in vocab.unambiguous_degrees or "." in match.group().strip(".")
                found.append(Degree(match.start(), match.end(), match.lastgroup, key, certain))
        for match in degrees.exact_pattern.finditer(text, start, end):
            key = _degree_key(match.group())
            level = degrees.level_by_exact[match.group()]
            found.append(Degree(match.start(), match.end(), level, key, key in vocab.unambiguous_degrees))
        for match in vocab.education_phrases.finditer(text, start, end):
            level = vocab.education_phrase_levels[int(str(match.lastgroup)[1:])]
            found.append(Degree(match.start(), match.end(), level, _degree_key(match.group()), True))
    found.sort(key=lambda degree: (degree.start, -degree.end))
    merged: list[Degree] = []
    for degree in found:
        if merged and degree.start < merged[-1].end:
            continue  # inside a longer spelling found first
        if (
            merged
            and re.fullmatch(r"\s*(?:'s|s)?\s*", text[merged[-1].end : degree.start])
            and DEGREE_WORDS_AFTER.match(text, degree.start)
        ):
            # "Master's" + "degree in": one degree, whose field follows the second part
            previous = merged[-1]
            merged[-1] = Degree(previous.start, degree.end, previous.level, previous.key, True)
            continue
        merged.append(degree)
    accepted = [
        degree.certain
        or vocab.degree_context_after.match(text, degree.end) is not None
        or vocab.degree_context_before.search(text, max(0, degree.start - CONTEXT_BEFORE), degree.start) is not None
        for degree in merged
    ]
    # "BS or MS in Computer Science": a spelling next to an accepted degree is one too.
    changed = True
    while changed:
        changed = False
        for index, degree in enumerate(merged):
            if accepted[index]:
                continue
            neighbours = [index - 1, index + 1]
            for other in neighbours:
                if 0 <= other < len(merged) and accepted[other]:
                    left, right = sorted((degree, merged[other]), key=lambda item: item.start)
                    if vocab.degree_join.fullmatch(text, left.end, right.start):
                        accepted[index] = changed = True
                        break
    return [degree for degree, keep in zip(merged, accepted, strict=True) if keep]


FIELD_LEAD = re.compile(r"(?:'s|s)?\s*(?:degree|diploma)?\s*(?:\([^()]{0,20}\)\s*)?", re.IGNORECASE)
KIND_OF_DEGREE = re.compile(r"\s*of\s+([A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})")
FIELD_INTRO = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:in|of)\s+(?:the\s+field\s+of\s+|a\s+field\s+such\s+as\s+)?", re.I
)
FIELD_SMALL_WORDS = frozenset({"and", "of", "in", "the", "for"})
MAX_FIELD_WORDS = 6


def _degree_field(text: str, degree: Degree) -> str | None:
    """The field of study written after a degree: "Bachelor's degree in Computer Science" -> "Computer Science"."""
    position = degree.end
    if re.search(r"\b(?:in|of)$", text[degree.start : degree.end], re.IGNORECASE):  # "degree in" ends the match
        return _clean_field(_field_text(text, position))
    lead = FIELD_LEAD.match(text, position)
    position = lead.end() if lead else position
    kind_field = None
    kind = KIND_OF_DEGREE.match(text, position)
    if kind:
        if kind.group(1).lower() not in degree_vocabulary().generic_subjects:
            kind_field = _clean_field(kind.group(1))
        position = kind.end()
    intro = FIELD_INTRO.match(text, position)
    field = _clean_field(_field_text(text, intro.end())) if intro else None
    return field or kind_field or degree_vocabulary().field_by_degree.get(degree.key)


def _field_text(text: str, start: int) -> str:
    stop = job_vocabulary().field_stop.search(text, start)
    return text[start : stop.start() if stop else len(text)]


def _clean_field(text: str) -> str | None:
    field = " ".join(text.split()).strip(" .,-")
    for drop in job_vocabulary().field_drop:
        field = re.sub(rf"(?:^|\s){re.escape(drop)}$", "", field, flags=re.IGNORECASE).strip()
    words = field.split()
    if not words or len(words) > MAX_FIELD_WORDS or not words[0][:1].isalpha() or any(c.isdigit() for c in field):
        return None
    if field[0].islower():
        field = " ".join(
            word if index and word in FIELD_SMALL_WORDS else word[:1].upper() + word[1:]
            for index, word in enumerate(words)
        )
    return field


def equivalent_experience_accepted(description: str) -> bool:
    """Whether the posting accepts experience in place of its degree ("... or equivalent experience")."""
    return job_vocabulary().equivalent_experience.search(clean_description(description)) is not None


def education_asked(text: str, degrees: list[Degree], reading: Reading) -> tuple[str | None, str | None]:
    vocab = job_vocabulary()
    required: list[Degree] = []
    for degree in degrees:
        block = reading.block_at(degree.start)
        if block is None:
            continue
        clause_start = reading.clause_start(degree.start, block)
        if vocab.negation_before.search(text, clause_start, degree.start):
            continue
        if reading.strength(degree.start, degree.end) == REQUIRED:
            required.append(degree)
    if not required:
        return None, None
    lowest = min(required, key=lambda degree: LEVEL_ORDER[degree.level])
    field = _degree_field(text, lowest)
    if field is None:
        field = next(filter(None, (_degree_field(text, degree) for degree in required)), None)
    return lowest.level, field
