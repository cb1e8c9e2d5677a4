"""Job posting in, structured requirements out: the skills a job requires and those it would like, the years
of experience and the degree it asks for, where and how the work is done, seniority, role family and the
responsibilities. Pure Python, shared by the Django backend and the AI service.

How strongly a posting asks for a skill, a number of years or a degree is read at two levels:

- Sections. Under "Requirements" or "What you bring" it is required, under "Nice to have" or "Preferred
  qualifications" preferred; in the company blurb ("About us", or a sentence such as "We use Python at
  scale") preferred at most; in benefits and legal text not at all. A list of the tools in use ("Our
  stack") is preferred, or required when nothing else names a required skill. The headings are data, in
  `data/job_sections.json`.
- Cues in the sentence, which override the section: "Kafka is a plus", "ideally Go", "bonus points for
  Rust", "AWS preferred", "Python required", "Java is not required". A cue claims what its clause names
  before it ("X is a plus") or, when nothing stands there, what follows it ("Preferred: X"); where two
  cues claim a mention, the nearer wins. Cues are data, in `data/job_vocabulary.json`.

A negated mention ("no Java needed") adds nothing. Explicit values given with the job (location, remote,
employment type) win over what the text says. What the posting does not say is None, "unknown" or empty.
"""

import bisect
import functools
import html
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from recruitment_core.education import DEGREE_LEVELS, degree_vocabulary
from recruitment_core.sections import Line, normalise_text, split_lines
from recruitment_core.skills import SkillMention, find_skill_mentions, load_taxonomy
from recruitment_core.vocabulary import BULLET, is_bullet, is_place, strip_bullet

__all__ = ["JobRequirements", "clean_description", "equivalent_experience_accepted", "parse_job", "title_seniority"]

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
# "Master's" followed by "degree in": one degree.
DEGREE_WORDS_AFTER = re.compile(r"(?:a\s+|relevant\s+|related\s+)?degree\b", re.IGNORECASE)
# Words around a place in a location value: "US only", "EU time zones".
PLACE_NOISE = re.compile(r"\b(?:only|based|preferred|required|time\s*zones?)\b", re.IGNORECASE)
UNIT_OF_TIME = re.compile(r"\b(?:years?|yrs?|months?)\b", re.IGNORECASE)
# Lowest degree first: the minimum asked for is the lowest required one.
LEVEL_ORDER = {level: rank for rank, level in enumerate(reversed(DEGREE_LEVELS))}

# HTML as job boards deliver it: list items, paragraphs and headings become lines.
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*(?:p|br|li|ul|ol|div|h[1-6]|strong|b|em|span)\b[^<>]{0,200}>", re.IGNORECASE)
HTML_ITEM = re.compile(r"<\s*li\b[^<>]{0,200}>", re.IGNORECASE)
HTML_BREAK = re.compile(r"<\s*/?\s*(?:br|p|div|h[1-6]|ul|ol|tr|table|section)\b[^<>]{0,200}>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^<>]{0,200}>")

HEADING_DECORATION = re.compile(r"^[\s#*_=~|•·>\[\]-]+|[\s#*_=~|•·<\[\]:：-]+$")
INLINE_LABEL = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*|__)?\s*([A-Za-z][\w '&/,()-]{0,48}?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?=\S)"
)
PARENTHESES = re.compile(r"\s*\([^()]*\)")
NEW_SENTENCE = re.compile(r"(?<![A-Z])(?<!\b[a-z])(?<!e\.g)(?<!i\.e)[.!?](?=\s+[A-Z0-9])")
MAX_HEADING_WORDS = 8
MAX_INLINE_LABEL_WORDS = 6
MAX_TITLE_CASE_HEADING_WORDS = 6
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with", "you", "your"}
)

# Clause boundaries. Hard ones end a sentence or a line; strong ones ("but") turn the meaning around; weak
# ones (a comma that does not join two skills, a colon) only end what a cue after them can claim.
HARD_BREAK = re.compile(r"[;!?•\n]|\.(?=\s|$)")
STRONG_BREAK = re.compile(r"\b(?:but|however|although|though|whereas|while|except)\b", re.IGNORECASE)
WEAK_BREAK = re.compile(
    r"[,:]|\band\s+(?=(?:some|any|hands-on|solid|strong|good|working|prior|practical)?\s*"
    r"(?:experience|familiarity|knowledge|exposure|understanding|proficiency|background)\b)",
    re.IGNORECASE,
)
LIST_JOIN = re.compile(r"\s*(?:and/or|and|or|&)?\s*", re.IGNORECASE)
ABBREVIATIONS = frozenset(
    {"e.g", "eg", "i.e", "ie", "incl", "approx", "vs", "min", "max", "sr", "jr", "dr", "no", "esp"}
)
WORD_BEFORE = re.compile(r"[\w.]+$")
WORD_AFTER = re.compile(r"\s*(\S)")

TITLE_TOKEN = re.compile(r"\.?[a-z0-9+#]+(?:\.[a-z0-9+#]+)*")
TITLE_SEPARATORS = re.compile(r"[-–—_/|,()\[\]:;!]+")
TITLE_PLACE_PART = re.compile(r"\(([^()]+)\)|\s[-–—|]\s+(.+)$|,\s*(.+)$")
CAPITALISED_PLACE = re.compile(
    r"(?:(?:our|the)\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?)"
)
# " or " only in lower case: "Portland, OR" is Oregon.
LOCATION_SPLIT = re.compile(r"\s*(?:\bor\b|/|\||;|\(|\)|\[|\]|\s[-–—]\s|[–—]|•)\s*")
NOT_A_PLACE = re.compile(
    r"\b(?:(?:fully|100%|partly|partially)\s+)?(?:remote|hybrid|on[- ]?site|in[- ]office|wfh|work\s+from\s+home"
    r"|anywhere|worldwide|flexible)(?:[- ](?:first|only|friendly|ok|possible))?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JobRequirements:
    """What a job posting asks for, read from its title and description.

    `education_level` is the lowest degree the posting requires ("or equivalent experience" keeps that level;
    `equivalent_experience_accepted` tells whether the posting offers it). Degrees and years asked for only
    as a preference do not set the minimum.
    """

    title: str
    required_skills: list[str]  # canonical taxonomy names, in order of appearance
    preferred_skills: list[str]  # never also in required_skills
    min_years: float | None
    max_years: float | None
    education_level: str | None  # "diploma" | "associate" | "bachelor" | "master" | "phd" | None
    education_field: str | None
    location: str | None
    remote_policy: str  # "remote" | "hybrid" | "onsite" | "unknown"
    employment_type: str  # "full_time" | "part_time" | "contract" | "internship" | "temporary" | "unknown"
    seniority: str  # "entry" | "mid" | "senior" | "lead" | "unknown"
    role_family: str | None
    responsibilities: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    strength: str  # REQUIRED | PREFERRED | NOT_ASKED
    either: bool  # may claim what precedes it


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


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _any_of(patterns: Iterable[str], flags: int = re.IGNORECASE | re.MULTILINE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)


def _title_key(text: str) -> str:
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

    kind_by_heading: dict[str, str] = {}
    for kind, headings in sections["headings"].items():
        for heading in headings:
            key = normalise_heading(heading)
            if kind_by_heading.setdefault(key, kind) != kind:
                raise ValueError(f"Job heading {heading!r} is listed as {kind_by_heading[key]!r} and {kind!r}")
    weak = {normalise_heading(heading) for heading in sections["weak_headings"]}
    weak |= {key for key, kind in kind_by_heading.items() if kind == META}

    cues = words["cues"]
    cue_pattern = re.compile(
        r"(?<![\w'-])(?:"
        + "|".join(f"(?P<c{index}>{cue['pattern']})" for index, cue in enumerate(cues))
        + r")(?![\w-])",
        re.IGNORECASE,
    )

    number_words = {word: int(value) for word, value in words["number_words"].items()}
    number = r"\d{1,2}(?:\.\d{1,2})?|" + "|".join(sorted(number_words, key=len, reverse=True)) + "|an|a"
    years_pattern = re.compile(
        r"(?<![\w.$£€,-])"
        rf"(?:(?P<qmin>{words['years_min_before']})\s+|(?P<qmax>{words['years_max_before']})\s+|(?P<between>between)\s+)?"
        rf"(?:(?P<low>{number})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*(?P<sep>-|–|—|to|or|and)\s*)?"
        rf"(?P<n>{number})(?:\s*\(\d{{1,2}}\))?(?P<inside>{words['years_min_inside']})?"
        r"\s*(?P<unit>years?|yrs?|months?)(?:'s?)?(?!\w)"
        rf"(?:(?P<amin>{words['years_min_after']})|(?P<amax>{words['years_max_after']}))?",
        re.IGNORECASE,
    )

    seniority_phrases = tuple(
        (level, tuple(_title_key(phrase) for phrase in words["seniority_title"][level]))
        for level in ("lead", "senior", "entry", "mid")
    )
    family_phrases: dict[str, list[tuple[str, int]]] = {}
    for family, spec in families["families"].items():
        for phrase in spec["title"]:
            key = _title_key(phrase)
            family_phrases.setdefault(key, []).append((family, 10 * len(key.split())))
        for phrase in spec["weak"]:
            family_phrases.setdefault(_title_key(phrase), []).append((family, 3))

    return JobVocabulary(
        kind_by_heading=kind_by_heading,
        weak_headings=frozenset(weak),
        heading_keywords=tuple((re.compile(pattern, re.IGNORECASE), kind) for pattern, kind in sections["keywords"]),
        strength_by_kind=sections["strength"],
        cue_pattern=cue_pattern,
        cue_kinds=tuple((cue["strength"], cue["position"] == "either") for cue in cues),
        company_sentence=re.compile(words["company_sentence_start"]),
        hiring_words=re.compile(words["hiring_words"], re.IGNORECASE),
        years_pattern=years_pattern,
        number_words=number_words,
        years_not_after=re.compile(words["years_not_experience_after"], re.IGNORECASE),
        years_not_before=re.compile(words["years_not_experience_before"], re.IGNORECASE),
        education_phrases=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(f"(?P<e{index}>{pattern})" for index, (pattern, _) in enumerate(words["education_phrases"]))
            + r")(?![\w-])",
            re.IGNORECASE,
        ),
        education_phrase_levels=tuple(level for _, level in words["education_phrases"]),
        unambiguous_degrees=frozenset(words["unambiguous_degrees"]),
        degree_context_after=re.compile(words["degree_context_after"]),
        degree_join=re.compile(words["degree_join"], re.IGNORECASE),
        field_stop=re.compile(words["field_stop"]),
        field_drop=tuple(sorted(words["field_drop"], key=len, reverse=True)),
        equivalent_experience=re.compile(words["equivalent_experience"], re.IGNORECASE),
        negation_before=re.compile(words["negation_before"], re.IGNORECASE),
        remote_text=tuple(
            (policy, _any_of(words["remote_text"][name]))
            for name, policy in (
                ("hybrid", "hybrid"),
                ("not_remote", "onsite"),
                ("remote", "remote"),
                ("onsite", "onsite"),
            )
        ),
        remote_values=words["remote_values"],
        employment_text=tuple((kind, _any_of([pattern])) for kind, pattern in words["employment_text"]),
        employment_values=words["employment_values"],
        employment_labels=frozenset(normalise_heading(label) for label in words["employment_labels"]),
        remote_labels=frozenset(normalise_heading(label) for label in words["remote_labels"]),
        location_labels=frozenset(normalise_heading(label) for label in words["location_labels"]),
        location_phrase=re.compile(words["location_phrase"], re.IGNORECASE),
        seniority_phrases=seniority_phrases,
        seniority_exceptions={
            _title_key(word): tuple(_title_key(phrase) for phrase in phrases)
            for word, phrases in words["seniority_word_exceptions"].items()
        },
        seniority_first_word_only=frozenset(words["seniority_entry_only_as_first_word"]),
        seniority_numerals=words["seniority_numerals"],
        seniority_text=tuple((level, _any_of([pattern])) for level, pattern in words["seniority_text"].items()),
        entry_below_years=float(words["entry_below_years"]),
        senior_from_years=float(words["senior_from_years"]),
        family_phrases={phrase: tuple(scores) for phrase, scores in family_phrases.items()},
        family_order=tuple(families["families"]),
        family_by_category=families["category_family"],
        family_by_skill=families["skill_family"],
        min_skill_points=int(families["min_skill_points"]),
    )


# ---------------------------------------------------------------------------------------------------------
# Text and sections


def clean_description(text: str) -> str:
    """The description as plain text: HTML list items and paragraphs as lines, NFKC, straight apostrophes.

    Every offset the parser reports or uses refers to this text.
    """
    if LOOKS_LIKE_HTML.search(text):
        text = HTML_ITEM.sub("\n- ", text)
        text = HTML_BREAK.sub("\n", text)
        text = html.unescape(HTML_TAG.sub("", text))
    return normalise_text(text).replace("’", "'").replace("‘", "'")


def normalise_heading(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'").replace(":", " ")
    return " ".join(text.split()).strip(" ?")


@dataclass(frozen=True)
class _Block:
    """A stretch of the description under one heading; `inline` for "Nice to have: Go" (that line only)."""

    start: int
    end: int
    kind: str
    label: str | None
    inline: bool


def _classify_heading(key: str) -> str | None:
    vocab = job_vocabulary()
    kind = vocab.kind_by_heading.get(key) or vocab.kind_by_heading.get(normalise_heading(PARENTHESES.sub("", key)))
    if kind is not None:
        return kind
    for pattern, keyword_kind in vocab.heading_keywords:
        if pattern.search(key):
            return keyword_kind
    return None


def _is_title_case(text: str) -> bool:
    tokens = re.findall(r"[^\W\d_][\w'-]*", text)
    significant = [token for token in tokens if token.lower() not in SMALL_WORDS]
    return bool(significant) and all(token[0].isupper() for token in significant)


def _line_heading(text: str) -> tuple[str, str] | None:
    """(kind, heading) when the whole line is a heading: "Requirements", "## What you'll do", "BENEFITS"."""
    raw = text.strip()
    if not raw or len(raw) > 80:
        return None
    markup = raw.startswith(("#", "**", "__"))
    if not markup and is_bullet(raw):
        return None
    labelled = INLINE_LABEL.match(raw)
    if labelled and re.search(r"\w", raw[labelled.end() :]):
        return None  # "Job type: Part-time" labels its line
    core = HEADING_DECORATION.sub("", raw)
    ends_with_colon = raw.rstrip("*_ ").endswith((":", "："))
    if not core or core.endswith((".", "!", ",", ";")) or len(core.split()) > MAX_HEADING_WORDS:
        return None
    key = normalise_heading(core)
    letters = [character for character in core if character.isalpha()]
    capitals = len(letters) >= 3 and all(character.isupper() for character in letters)
    formatted = markup or ends_with_colon or capitals
    vocab = job_vocabulary()
    known = vocab.kind_by_heading.get(key) or vocab.kind_by_heading.get(normalise_heading(PARENTHESES.sub("", core)))
    if known is not None:
        return (known, key) if formatted or key not in vocab.weak_headings else None
    title_case = len(core.split()) <= MAX_TITLE_CASE_HEADING_WORDS and _is_title_case(core)
    if not (formatted or title_case):
        return None
    kind = _classify_heading(key)
    if kind is not None:
        return kind, key
    return (GENERAL, key) if ends_with_colon else None


def _inline_heading(line: Line) -> tuple[str, str, int] | None:
    """(kind, label, content offset) for a labelled line: "Nice to have: Kubernetes", "- Location: Berlin"."""
    bullet = BULLET.match(line.text)
    offset = bullet.end() if bullet else 0
    match = INLINE_LABEL.match(line.text, offset)
    if not match or not re.search(r"\w", line.text[match.end() :]):
        return None
    label = normalise_heading(match.group(1))
    if not label or len(label.split()) > MAX_INLINE_LABEL_WORDS:
        return None
    kind = _classify_heading(label)
    return (kind, label, line.start + match.end()) if kind else None


def _blocks(text: str) -> list[_Block]:
    """The description cut at its headings, in order; heading text belongs to no block."""
    blocks: list[_Block] = []
    kind, label, start = GENERAL, None, 0
    for line in split_lines(text):
        heading = _line_heading(line.text)
        if heading is not None:
            blocks.append(_Block(start, line.start, kind, label, inline=False))
            kind, label = heading
            start = line.end
            continue
        inline = _inline_heading(line)
        if inline is not None:
            # The label claims its line up to the end of the first sentence: "Stack: Go, Kafka. 5+ years ..."
            sentence_end = NEW_SENTENCE.search(text, inline[2], line.end)
            end = sentence_end.end() if sentence_end else line.end
            blocks.append(_Block(start, line.start, kind, label, inline=False))
            blocks.append(_Block(inline[2], end, inline[0], inline[1], inline=True))
            start = end
    blocks.append(_Block(start, len(text), kind, label, inline=False))
    return [block for block in blocks if block.end > block.start]


# ---------------------------------------------------------------------------------------------------------
# Clauses and cues: how strongly each position of the text asks for what it names


class _Reading:
    """The description with its blocks, clause boundaries, cues and mentions, to ask how strongly any
    position of it asks for what stands there."""

    def __init__(self, text: str, blocks: list[_Block], skills: list[SkillMention], anchors: list[int]) -> None:
        self.text = text
        self.vocab = job_vocabulary()
        self.blocks = blocks
        self.block_starts = [block.start for block in self.blocks]
        self.skills = skills
        self.hard = self._hard_breaks()
        self.strong = [match.start() for match in STRONG_BREAK.finditer(text)]
        self.weak = self._weak_breaks()
        # Everything a cue may claim: skills, years and degrees, by position.
        self.anchors = sorted(anchors)
        self.scopes = self._cue_scopes()
        self._company_sentences: dict[int, bool] = {}

    # Boundaries ------------------------------------------------------------------------------------------

    def _hard_breaks(self) -> list[int]:
        text = self.text
        breaks = []
        for match in HARD_BREAK.finditer(text):
            position = match.start()
            character = text[position]
            if character == "." and not self._ends_sentence(position):
                continue
            if character == "\n" and self._continues(position):
                continue
            breaks.append(position)
        return breaks

    def _ends_sentence(self, position: int) -> bool:
        before = WORD_BEFORE.search(self.text, max(0, position - 12), position)
        word = before.group().lower() if before else ""
        if len(word) == 1 or (len(word) > 1 and word[-2] == "."):  # "B.S.", "Ph.D."
            return False
        if word in ABBREVIATIONS:
            return False
        if word == "etc":
            after = WORD_AFTER.match(self.text, position + 1)
            return bool(after and after.group(1).isupper())
        return True

    def _continues(self, position: int) -> bool:
        """A line break inside a sentence (hard-wrapped text): the next line goes on in lower case."""
        text = self.text
        end_of_next = text.find("\n", position + 1)
        following = text[position + 1 : end_of_next if end_of_next >= 0 else len(text)]
        previous_start = text.rfind("\n", 0, position) + 1
        previous = text[previous_start:position].rstrip()
        return (
            bool(following.strip())
            and following.lstrip()[:1].islower()
            and not is_bullet(following)
            and not previous.endswith((".", ":", ";", "!", "?"))
        )

    def _weak_breaks(self) -> list[int]:
        starts = [mention.start for mention in self.skills]
        ends = [mention.end for mention in self.skills]
        breaks = []
        for match in WEAK_BREAK.finditer(self.text):
            position = match.start()
            if self.text[position] == "," and self._joins_skills(position, starts, ends):
                continue
            breaks.append(position)
        return breaks

    def _joins_skills(self, comma: int, starts: list[int], ends: list[int]) -> bool:
        """Whether a comma separates two skills of a list ("Terraform, Ansible, or Chef")."""
        index = bisect.bisect_right(ends, comma) - 1
        if index < 0 or self.text[ends[index] : comma].strip(" )"):
            return False
        following = bisect.bisect_left(starts, comma)
        if following >= len(starts):
            return False
        return LIST_JOIN.fullmatch(self.text, comma + 1, starts[following]) is not None

    def clause_start(self, position: int, block: _Block) -> int:
        """Where the clause holding `position` starts, for what a cue there may claim backwards."""
        candidates = [block.start]
        for breaks in (self.hard, self.strong, self.weak):
            index = bisect.bisect_left(breaks, position) - 1
            if index >= 0:
                candidates.append(breaks[index] + 1)
        return max(candidates)

    def _clause_end(self, position: int, block: _Block) -> int:
        """Where the sentence part after `position` ends, for what a cue there may claim forwards."""
        candidates = [block.end]
        for breaks in (self.hard, self.strong):
            index = bisect.bisect_left(breaks, position)
            if index < len(breaks):
                candidates.append(breaks[index])
        return min(candidates)

    # Cues ------------------------------------------------------------------------------------------------

    def _cue_scopes(self) -> list[tuple[int, int, int, str]]:
        """(start, end, anchor, strength) for every cue: the span it claims and the point it claims from."""
        scopes = []
        for block in self.blocks:
            if self.vocab.strength_by_kind.get(block.kind) == IGNORED:
                continue
            cues = []
            for match in self.vocab.cue_pattern.finditer(self.text, block.start, block.end):
                strength, either = self.vocab.cue_kinds[int(str(match.lastgroup)[1:])]
                cues.append(_Cue(match.start(), match.end(), strength, either))
            for index, cue in enumerate(cues):
                previous_end = cues[index - 1].end if index else block.start
                next_start = cues[index + 1].start if index + 1 < len(cues) else block.end
                back = max(previous_end, self.clause_start(cue.start, block))
                first = bisect.bisect_left(self.anchors, back)
                named_before = first < len(self.anchors) and self.anchors[first] < cue.start
                if cue.either and named_before:
                    scopes.append((back, cue.start, cue.start, cue.strength))
                else:
                    forward = min(next_start, self._clause_end(cue.end, block))
                    scopes.append((cue.end, forward, cue.end, cue.strength))
        return scopes

    def _block_index(self, position: int) -> int | None:
        index = bisect.bisect_right(self.block_starts, position) - 1
        return index if index >= 0 and position < self.blocks[index].end else None

    def block_at(self, position: int) -> _Block | None:
        index = self._block_index(position)
        return None if index is None else self.blocks[index]

    def _is_company_sentence(self, position: int, block: _Block) -> bool:
        index = bisect.bisect_left(self.hard, position) - 1
        start = max(block.start, self.hard[index] + 1 if index >= 0 else 0)
        if start not in self._company_sentences:
            end_index = bisect.bisect_left(self.hard, position)
            end = min(block.end, self.hard[end_index] if end_index < len(self.hard) else len(self.text))
            sentence = strip_bullet(self.text[start:end])
            opening = self.vocab.company_sentence.match(sentence)
            names_a_skill = opening is not None and bool(find_skill_mentions(opening.group()))
            self._company_sentences[start] = (
                opening is not None and not names_a_skill and not self.vocab.hiring_words.search(sentence)
            )
        return self._company_sentences[start]

    def strength(self, start: int, end: int) -> str | None:
        """REQUIRED, PREFERRED or STACK for a mention at [start, end), or None when it asks for nothing."""
        block = self.block_at(start)
        if block is None:
            return None
        base = self.vocab.strength_by_kind.get(block.kind, REQUIRED)
        if base == IGNORED:
            return None
        strength = base
        nearest = None
        for scope_start, scope_end, anchor, cue_strength in self.scopes:
            if scope_start <= start < scope_end:
                distance = anchor - end if anchor >= end else start - anchor
                if nearest is None or distance < nearest:
                    nearest, strength = distance, cue_strength
        if (
            nearest is None
            and strength == REQUIRED
            and block.kind in COMPANY_VOICE_KINDS
            and self._is_company_sentence(start, block)
        ):
            strength = PREFERRED
        if block.kind == ABOUT and strength in (REQUIRED, STACK):
            strength = PREFERRED  # the company blurb asks for nothing
        return None if strength == NOT_ASKED else strength


# ---------------------------------------------------------------------------------------------------------
# Years of experience


@dataclass(frozen=True)
class _Years:
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


def _find_years(text: str, spans: list[tuple[int, int]]) -> list[_Years]:
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
            found.append(_Years(match.start(), low, value))
        elif groups["qmax"] or groups["amax"]:
            found.append(_Years(match.start(), None, value))
        else:
            found.append(_Years(match.start(), value, None))
    return found


def _years_asked(years: list[_Years]) -> tuple[float | None, float | None]:
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
class _Degree:
    start: int
    end: int
    level: str
    key: str  # the spelling, lower case without dots or spaces ("bsn", "master's")
    certain: bool  # a spelling that is a degree wherever it stands


def _degree_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text.lower())


def _find_degrees(text: str, spans: list[tuple[int, int]]) -> list[_Degree]:
    """Every degree the spans name: unambiguous spellings and those set out as a degree ("MS in ...")."""
    vocab = job_vocabulary()
    degrees = degree_vocabulary()
    found: list[_Degree] = []
    for start, end in spans:
        for match in degrees.pattern.finditer(text, start, end):
            if match.lastgroup:
                key = _degree_key(match.group())
                certain = key in vocab.unambiguous_degrees or "." in match.group().strip(".")
                found.append(_Degree(match.start(), match.end(), match.lastgroup, key, certain))
        for match in degrees.exact_pattern.finditer(text, start, end):
            key = _degree_key(match.group())
            level = degrees.level_by_exact[match.group()]
            found.append(_Degree(match.start(), match.end(), level, key, key in vocab.unambiguous_degrees))
        for match in vocab.education_phrases.finditer(text, start, end):
            level = vocab.education_phrase_levels[int(str(match.lastgroup)[1:])]
            found.append(_Degree(match.start(), match.end(), level, _degree_key(match.group()), True))
    found.sort(key=lambda degree: (degree.start, -degree.end))
    merged: list[_Degree] = []
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
            merged[-1] = _Degree(previous.start, degree.end, previous.level, previous.key, True)
            continue
        merged.append(degree)
    accepted = [degree.certain or bool(vocab.degree_context_after.match(text, degree.end)) for degree in merged]
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


def _degree_field(text: str, degree: _Degree) -> str | None:
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


# ---------------------------------------------------------------------------------------------------------
# Work arrangement, employment type, location


def _remote_from_value(value: str) -> str | None:
    vocab = job_vocabulary()
    key = " ".join(value.lower().replace("_", " ").split())
    if key in vocab.remote_values:
        return vocab.remote_values[key]
    return _remote_from_text([value])


def _remote_from_text(texts: Iterable[str]) -> str | None:
    texts = list(texts)
    for policy, pattern in job_vocabulary().remote_text:
        if any(pattern.search(text) for text in texts):
            return policy
    return None


def _explicit_remote(remote: bool | str | None) -> str | None:
    if isinstance(remote, bool):
        return "remote" if remote else "onsite"
    if isinstance(remote, str) and remote.strip():
        return _remote_from_value(remote)
    return None


def _employment_from_value(value: str) -> str | None:
    vocab = job_vocabulary()
    key = " ".join(value.lower().replace("_", " ").split())
    if key in vocab.employment_values:
        return vocab.employment_values[key]
    if key.replace(" ", "_") in vocab.employment_values:
        return vocab.employment_values[key.replace(" ", "_")]
    return _employment_from_text([value])


def _employment_from_text(texts: Iterable[str]) -> str | None:
    texts = list(texts)
    for kind, pattern in job_vocabulary().employment_text:
        if any(pattern.search(text) for text in texts):
            return kind
    return None


def _place_from(value: str) -> str | None:
    """The place in a location value: "Berlin, Germany (Hybrid)" -> "Berlin, Germany"; "Remote" -> None."""
    for part in LOCATION_SPLIT.split(value):
        part = " ".join(PLACE_NOISE.sub("", NOT_A_PLACE.sub("", part)).split()).strip(" ,.:-")
        if re.search(r"[^\W\d_]", part):
            return part
    return None


def _place_in_title(title: str) -> str | None:
    for match in TITLE_PLACE_PART.finditer(title):
        candidate = next(group for group in match.groups() if group is not None).strip()
        place = _place_from(candidate)
        if place and is_place(place):
            return place
    return None


def _place_after_phrase(text: str) -> str | None:
    for match in job_vocabulary().location_phrase.finditer(text):
        candidate = CAPITALISED_PLACE.match(text, match.end())
        if not candidate:
            continue
        words = candidate.group(1).split(" ")
        for size in range(len(words), 0, -1):
            place = " ".join(words[:size]).rstrip(",.")
            if is_place(place) and not NOT_A_PLACE.fullmatch(place):
                return place
    return None


# ---------------------------------------------------------------------------------------------------------
# Seniority and role family


def _title_ngrams(key: str, max_words: int = 4) -> list[tuple[int, int, str]]:
    tokens = key.split()
    grams = []
    for size in range(1, max_words + 1):
        for first in range(len(tokens) - size + 1):
            grams.append((first, first + size, " ".join(tokens[first : first + size])))
    return grams


def title_seniority(title: str) -> str:
    """Seniority named by the title alone: "entry" | "mid" | "senior" | "lead", or "unknown"."""
    vocab = job_vocabulary()
    key = _title_key(title)
    tokens = key.split()
    grams = _title_ngrams(key)
    found = {phrase: (first, last) for first, last, phrase in reversed(grams)}  # first occurrence of each
    for level, phrases in vocab.seniority_phrases:
        for phrase in phrases:
            if phrase not in found:
                continue
            first, last = found[phrase]
            exceptions = vocab.seniority_exceptions.get(phrase, ())
            excused = any(
                exception_first <= first and last <= exception_last
                for exception_first, exception_last, gram in grams
                if gram in exceptions
            )
            if excused or (phrase in vocab.seniority_first_word_only and first != 0):
                continue
            return level
    if len(tokens) > 1 and tokens[-1] in vocab.seniority_numerals:
        return vocab.seniority_numerals[tokens[-1]]
    return UNKNOWN


def _seniority(title: str, text: str, min_years: float | None, max_years: float | None) -> str:
    vocab = job_vocabulary()
    named = title_seniority(title)
    if named != UNKNOWN:
        return named
    for level, pattern in vocab.seniority_text:
        if pattern.search(text):
            return level
    if min_years is not None:
        if min_years < vocab.entry_below_years:
            return "entry"
        return "senior" if min_years >= vocab.senior_from_years else "mid"
    if max_years is not None and max_years <= vocab.entry_below_years:
        return "entry"
    return UNKNOWN


def _role_family(title: str, skills: list[str]) -> str | None:
    vocab = job_vocabulary()
    points: dict[str, int] = {}
    for _, _, phrase in _title_ngrams(_title_key(title)):
        for family, score in vocab.family_phrases.get(phrase, ()):
            points[family] = points.get(family, 0) + score
    title_points = dict(points)
    category_by_skill = load_taxonomy().category_by_skill
    for skill in skills:
        skill_family = vocab.family_by_skill.get(skill) or vocab.family_by_category.get(
            category_by_skill.get(skill, "")
        )
        if skill_family:
            points[skill_family] = points.get(skill_family, 0) + 1
    if not points:
        return None
    best = max(points.values())
    if not title_points and best < vocab.min_skill_points:
        return None
    return next(family for family in vocab.family_order if points.get(family) == best)


# ---------------------------------------------------------------------------------------------------------
# Responsibilities


def _responsibilities(text: str, blocks: list[_Block]) -> list[str]:
    items: list[str] = []
    for block in blocks:
        if block.kind != RESPONSIBILITIES:
            continue
        body = text[block.start : block.end]
        if block.inline:
            items.extend(body.split(";"))
            continue
        lines = [line for line in body.split("\n") if line.strip()]
        if any(is_bullet(line) for line in lines):
            items.extend(_bullet_items(lines))
        else:
            items.extend(_sentences(" ".join(line.strip() for line in lines)))
    return [item for item in (" ".join(item.split()).rstrip(" .;,") for item in items) if item]


def _bullet_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        stripped = line.strip()
        if is_bullet(stripped):
            items.append(strip_bullet(stripped).rstrip(" ;"))
        elif items and stripped[:1].islower():
            items[-1] = f"{items[-1]} {stripped}".rstrip(" ;")  # a wrapped bullet
        elif not stripped.endswith(":"):
            items.append(stripped.rstrip(" ;"))
    return items


def _sentences(paragraph: str) -> list[str]:
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?;])\s+(?=[A-Z])", paragraph) if sentence.strip()]


# ---------------------------------------------------------------------------------------------------------
# The parser


def _ordered_unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def parse_job(
    *, title: str, description: str, location: str = "", remote: bool | str | None = None, employment_type: str = ""
) -> JobRequirements:
    """Read a job posting: its title and description, and the values given with it, which win over the text."""
    title = " ".join(title.split())
    text = clean_description(description)

    blocks = _blocks(text)
    skills = find_skill_mentions(text)
    years = _find_years(text, [(block.start, block.end) for block in blocks if block.kind in EXPERIENCE_KINDS])
    degrees = _find_degrees(text, [(block.start, block.end) for block in blocks if block.kind in EDUCATION_KINDS])
    anchors = [mention.start for mention in skills] + [mention.start for mention in years + degrees]
    reading = _Reading(text, blocks, skills, anchors)

    # Skills: the title's count as required ("Python Developer"); a list of tools in use ("Our stack") is
    # required only when nothing else names a required skill.
    required = [mention.name for mention in find_skill_mentions(title)]
    preferred: list[str] = []
    stack: list[str] = []
    for mention in skills:
        strength = reading.strength(mention.start, mention.end)
        if strength == REQUIRED:
            required.append(mention.name)
        elif strength == PREFERRED:
            preferred.append(mention.name)
        elif strength == STACK:
            stack.append(mention.name)
    if required:
        preferred.extend(stack)
    else:
        required = stack
    required_skills = _ordered_unique(required)
    preferred_skills = [name for name in _ordered_unique(preferred) if name not in required_skills]

    required_years = [mention for mention in years if reading.strength(mention.start, mention.start + 1) == REQUIRED]
    min_years, max_years = _years_asked(required_years)

    education_level, education_field = _education(text, degrees, reading)

    labelled: dict[str, str] = {}  # heading or label -> what stands under it, first occurrence
    for block in blocks:
        if block.label:
            labelled.setdefault(block.label, text[block.start : block.end].strip())
    return JobRequirements(
        title=title,
        required_skills=required_skills,
        preferred_skills=preferred_skills,
        min_years=min_years,
        max_years=max_years,
        education_level=education_level,
        education_field=education_field,
        location=_location(location, title, text, blocks, labelled),
        remote_policy=_remote_policy(remote, location, title, text, blocks, labelled),
        employment_type=_employment_type(employment_type, title, text, blocks, labelled),
        seniority=_seniority(title, text, min_years, max_years),
        role_family=_role_family(title, required_skills + preferred_skills),
        responsibilities=_responsibilities(text, blocks),
    )


def _location(given: str, title: str, text: str, blocks: list[_Block], labelled: dict[str, str]) -> str | None:
    """The place of work: the value given with the job, a "Location:" line, the title, or "based in X"."""
    if given.strip():
        return _place_from(given)
    vocab = job_vocabulary()
    for label, value in labelled.items():
        if label in vocab.location_labels and (place := _place_from(value.split("\n", 1)[0])):
            return place
    if place := _place_in_title(title):
        return place
    read = (text[block.start : block.end] for block in blocks if vocab.strength_by_kind.get(block.kind) != IGNORED)
    return _place_after_phrase("\n".join(read))


def _remote_policy(
    given: bool | str | None, location: str, title: str, text: str, blocks: list[_Block], labelled: dict[str, str]
) -> str:
    """Remote, hybrid or onsite: from the value given, the location given, a labelled line, then the text."""
    vocab = job_vocabulary()
    # Benefits may say it too ("Fully remote." closing the posting); legal text does not.
    said = [title, *(text[block.start : block.end] for block in blocks if block.kind != LEGAL)]
    policy = _explicit_remote(given)
    if policy == "onsite" and given is False and _remote_from_text(said) == "hybrid":
        return "hybrid"  # "remote": false with the job and "hybrid" in its text agree
    if policy is None and location.strip():
        policy = _remote_from_text([location])
    if policy is None:
        values = (value for label, value in labelled.items() if label in vocab.remote_labels)
        policy = next(filter(None, map(_remote_from_value, values)), None)
    return policy or _remote_from_text(said) or UNKNOWN


def _employment_type(given: str, title: str, text: str, blocks: list[_Block], labelled: dict[str, str]) -> str:
    """The kind of employment: the value given, the title and labelled lines (most specific first), the text."""
    vocab = job_vocabulary()
    if given.strip() and (kind := _employment_from_value(given)):
        return kind
    values = [value for label, value in labelled.items() if label in vocab.employment_labels]
    named = [kind for kind in (_employment_from_text([title]), *map(_employment_from_value, values)) if kind]
    if named:
        priority = [name for name, _ in vocab.employment_text]
        return min(named, key=priority.index)
    read = (text[block.start : block.end] for block in blocks if block.kind not in (BENEFITS, LEGAL, ABOUT))
    return _employment_from_text(read) or UNKNOWN


def _education(text: str, degrees: list[_Degree], reading: _Reading) -> tuple[str | None, str | None]:
    vocab = job_vocabulary()
    required: list[_Degree] = []
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
