"""Splitting a resume into its sections under the many headings people use.

The heading vocabulary is data, in `data/section_headings.json`. A line is a heading when, stripped of
decorations (`#`, `**`, a trailing colon, letter spacing), it is one of the known headings. Headings that
are also ordinary words ("Leadership" in a list of skills) count only when set out as headings: in
capitals, with a trailing colon, underlined, after a `#`, or after a blank line. A few headings may
carry their content on the same line ("Skills: Python, SQL"). The text before the first heading is the
"contact" section.
"""

import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from recruitment_core.dates import find_date_ranges
from recruitment_core.vocabulary import employer_score, title_score

HEADINGS_PATH = Path(__file__).parent / "data" / "section_headings.json"

CONTACT_SECTION = "contact"

# A line drawn under or between headings: "-----", "=====", "_____", "─────".
RULE = re.compile(r"^\s*[-=_~*#.•·─━═—–+]{3,}\s*$")
DECORATION = re.compile(r"^[\s#*=_~:|•·▪■►>\[\]()-]+|[\s#*=_~:|•·▪■►<\[\]()-]+$")
NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+")
# "E X P E R I E N C E", and as some PDFs space it unevenly, "EX P E R I E N C E" or "S U M M A RY".
LETTER_SPACED = re.compile(r"^(?:\w{1,2} +){2,}\w{1,2}$")
INLINE_HEADING = re.compile(r"^\s*(?:[#*]+\s*)?([A-Za-z][A-Za-z &/'’-]{1,40}?)\s*[:：]\s*(\S.*)$")
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
MAX_HEADING_WORDS = 6
# Sections whose entries often carry labelled lines ("Skills: ...", "Languages: ...") that do not open a new
# section: any label inside a job or a project, and labels of kinds of skill inside a skills list.
SUBLABELLED_SECTIONS = frozenset({"experience", "projects"})
SKILL_LABEL_SECTIONS = frozenset({"skills", "languages"})
# A longer heading may name a known one among other words ("Relevant Professional Experience"), if that
# known heading makes up at least half of it.
MIN_KNOWN_SHARE = 0.5
MAX_TITLE_CASE_HEADING_WORDS = 4
HEADING_FILLERS = frozenset({"and", "of", "the", "my", "a", "in", "for", "with"})
# A line that closes a block of text (a sentence, a row of a two-column grid) rather than sitting in a list of
# one- or two-word items: a heading word on the line after it opens a section even when not set out as one.
# Headings in a left margin beside their text ("EXPERIENCE Sonoran Builders Group"): a few words, read as
# such only in a resume that opens two or more sections that way.
MARGIN_TOKEN = re.compile(r"[^\s]+")
MAX_MARGIN_HEADING_WORDS = 4
MIN_MARGIN_SECTIONS = 2
MAX_DATED_HEADER_WORDS = 16
MIN_BLOCK_END_WORDS = 3
COLUMN_GAP = re.compile(r"\S\s{3,}\S|\t")


@dataclass(frozen=True)
class Line:
    """One line of the resume: `number` counts lines from 0, `start` is its offset in the text."""

    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading; `heading` is None for the contact block at the top."""

    name: str
    heading: str | None
    lines: tuple[Line, ...]
    heading_line: int | None = None  # the number of the line holding the heading

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines).strip("\n")


@dataclass(frozen=True)
class HeadingVocabulary:
    section_by_heading: dict[str, str]  # normalised heading -> canonical section
    section_by_squashed_heading: dict[str, str]  # the same without spaces, for letter-spaced headings
    weak_headings: frozenset[str]
    inline_headings: frozenset[str]
    evidence_section: dict[str, str]
    degree_dependent: dict[str, str]  # heading -> the section it opens when it names no degree


@functools.cache
def heading_vocabulary() -> HeadingVocabulary:
    """Read `data/section_headings.json` (once per process)."""
    data = json.loads(HEADINGS_PATH.read_text(encoding="utf-8"))
    section_by_heading = {
        normalise_heading(heading): section for section, headings in data["headings"].items() for heading in headings
    }
    return HeadingVocabulary(
        section_by_heading=section_by_heading,
        section_by_squashed_heading={heading.replace(" ", ""): name for heading, name in section_by_heading.items()},
        weak_headings=frozenset(normalise_heading(heading) for heading in data["weak_headings"]),
        inline_headings=frozenset(normalise_heading(heading) for heading in data["inline_headings"]),
        evidence_section=data["evidence_section"],
        degree_dependent={normalise_heading(key): name for key, name in data["degree_dependent_headings"].items()},
    )


def evidence_section(section: str) -> str:
    """The skill evidence section ("skills", "experience", ... or "other") for a canonical section name."""
    return heading_vocabulary().evidence_section.get(section, "other")


def normalise_text(text: str) -> str:
    """NFKC, one kind of line break, no invisible characters; the parser's offsets refer to this text."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return INVISIBLE.sub("", text)


def split_lines(text: str) -> list[Line]:
    lines = []
    offset = 0
    for number, line_text in enumerate(text.split("\n")):
        lines.append(Line(number, offset, line_text))
        offset += len(line_text) + 1
    return lines


def normalise_heading(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("/", " and ").replace("+", " and ").replace("’", "'")
    return " ".join(text.replace(":", " ").split())


def _core(text: str) -> str:
    core = DECORATION.sub("", text.strip())
    core = NUMBERING.sub("", core)
    if LETTER_SPACED.match(core) and sum(len(token) == 1 for token in core.split()) * 2 > len(core.split()):
        core = core.replace(" ", "")
    return core


def _known_section(core: str, *, formatted: bool, after_block: bool = False) -> str | None:
    vocab = heading_vocabulary()
    key = normalise_heading(core)
    if not key:
        return None
    name = vocab.section_by_heading.get(key) or vocab.section_by_squashed_heading.get(key.replace(" ", ""))
    if name is not None:
        weak = key in vocab.weak_headings or key.replace(" ", "") in vocab.weak_headings
        return name if formatted or not weak or (after_block and core[:1].isupper()) else None
    # A known heading among other words: "Relevant Professional Experience", "Education & Registration",
    # "Classroom Experience". Set out as a heading, or a short title-case line that names no job.
    words = key.split()
    significant = [word for word in words if word not in HEADING_FILLERS]
    if not significant or len(words) > MAX_HEADING_WORDS:
        return None
    if not formatted and not (len(words) <= MAX_TITLE_CASE_HEADING_WORDS and _is_title_case(core)):
        return None
    if title_score(core) >= 2:
        return None  # "DIRECTOR OF EDUCATION" is a job title, not the education section
    best: tuple[int, str] | None = None
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            phrase = " ".join(words[first : first + size])
            share = len([word for word in phrase.split() if word not in HEADING_FILLERS]) / len(significant)
            known = phrase in vocab.section_by_heading and phrase not in vocab.weak_headings
            if known and share >= MIN_KNOWN_SHARE and (best is None or size > best[0]):
                best = (size, vocab.section_by_heading[phrase])
        if best:
            break
    return best[1] if best else None


def _is_title_case(text: str) -> bool:
    tokens = [token for token in re.findall(r"[^\W\d_][\w'’-]*", text) if token.lower() not in HEADING_FILLERS]
    if not tokens or not all(token[0].isupper() for token in tokens):
        return False
    return not any(title_score(token) or employer_score(token) >= 2 for token in tokens)


def _heading_of(line: Line, previous: Line | None, following: Line | None) -> str | None:
    """The canonical section a heading line opens, or None when the line is not a heading."""
    raw = line.text.strip()
    if not raw or len(raw) > 60 or any(character.isdigit() for character in raw):
        return None
    core = _core(raw)
    if not core or len(core.split()) > MAX_HEADING_WORDS + 2:
        return None
    letters = [character for character in core if character.isalpha()]
    formatted = (
        (bool(letters) and all(character.isupper() for character in letters))
        or raw.endswith((":", "："))
        or raw.startswith(("#", "**", "__"))
        or (following is not None and RULE.match(following.text) is not None)
        or previous is None
        or previous.is_blank
        or RULE.match(previous.text) is not None
    )
    if re.match(r"[-*•·▪]\s", raw):  # a bullet point
        return None
    return _known_section(core, formatted=formatted, after_block=previous is not None and _ends_block(previous))


def _wrapped_heading(line: Line, following: Line) -> str | None:
    """The section a heading in capitals wrapped over two lines opens ("EDUCATION AND" / "TRAINING")."""
    first, second = line.text.strip(), following.text.strip()
    words = first.split()
    if not words or words[-1].lower() not in {*HEADING_FILLERS, "&"} or not first.isupper() or not second.isupper():
        return None
    if len(words) + len(second.split()) > MAX_HEADING_WORDS or any(character.isdigit() for character in second):
        return None
    return _known_section(_core(f"{first} {second}"), formatted=True)


def _ends_block(line: Line) -> bool:
    """Whether `line` closes a block of text (a sentence, a grid row) rather than being an item of a list."""
    text = line.text.strip()
    return len(text.split()) >= MIN_BLOCK_END_WORDS or COLUMN_GAP.search(text) is not None


def _inline_heading(line: Line) -> tuple[str, Line] | None:
    """ "Skills: Python, SQL" -> ("skills", the line holding "Python, SQL")."""
    match = INLINE_HEADING.match(line.text)
    if not match:
        return None
    vocab = heading_vocabulary()
    key = normalise_heading(match.group(1))
    if key not in vocab.inline_headings:
        return None
    return vocab.section_by_heading[key], Line(line.number, line.start + match.start(2), match.group(2))


def _is_sublabel(current: str, labelled: str) -> bool:
    return current in SUBLABELLED_SECTIONS or (current == "skills" and labelled in SKILL_LABEL_SECTIONS)


@dataclass(frozen=True)
class _MarginHeading:
    """A heading printed in a left margin, on the same line as the first line of its section."""

    section: str
    heading: str
    content: Line
    continued: bool  # "EDUCATION AND" whose last word ("TRAINING") starts the next line


@functools.cache
def _heading_first_words() -> frozenset[str]:
    return frozenset(heading.split()[0] for heading in heading_vocabulary().section_by_heading)


def _margin_heading(line: Line) -> _MarginHeading | None:
    """ "EXPERIENCE Sonoran Builders Group", "Profile Human resources leader with ..."."""
    first = MARGIN_TOKEN.search(line.text)
    if first is None or normalise_heading(first.group()) not in _heading_first_words():
        return None
    tokens = list(itertools.islice(MARGIN_TOKEN.finditer(line.text), MAX_MARGIN_HEADING_WORDS + 2))
    vocab = heading_vocabulary()
    for size in range(min(len(tokens) - 1, MAX_MARGIN_HEADING_WORDS), 0, -1):
        words = [token.group() for token in tokens[:size]]
        rest = tokens[size].group()
        if all(word.isupper() for word in words if word.isalpha()):
            if rest.isupper() and rest.isalpha() and rest.lower() not in HEADING_FILLERS:
                return None  # "EDUCATION DIRECTOR": a title in capitals, not a heading beside its text
        elif not (words[0][:1].isupper() and not rest[:1].islower()):
            continue
        continued = rest.lower() in HEADING_FILLERS and rest.isupper()
        key = normalise_heading(" ".join(words))
        section = vocab.section_by_heading.get(key)
        if section is None or (key in vocab.weak_headings and not words[0].isupper()):
            continue  # "University College London": a weak heading word counts in a margin only in capitals
        start = tokens[size + 1].start() if continued and size + 1 < len(tokens) else tokens[size].start()
        content = Line(line.number, line.start + start, line.text[start:])
        return _MarginHeading(section, " ".join(words), content, continued)
    return None


def _uses_margin_headings(lines: list[Line]) -> bool:
    """Whether the resume sets its headings in a left margin: two or more sections open that way."""
    vocab = heading_vocabulary()
    found = {
        margin.section
        for line in lines
        if (margin := _margin_heading(line)) and normalise_heading(margin.heading) not in vocab.weak_headings
    }
    return len(found) >= MIN_MARGIN_SECTIONS


def _dated_header(line: Line) -> bool:
    """ "Senior Brand Manager, Gain July 2020 – Present": a short line holding a date range."""
    return bool(find_date_ranges(line.text)) and len(line.text.split()) <= MAX_DATED_HEADER_WORDS


def _continuation(line: Line) -> Line:
    """The line after "EDUCATION AND" without the heading's last word ("TRAINING Everest Institute")."""
    match = re.match(r"\s*[A-Z]{2,}\b\s*", line.text)
    if not match:
        return line
    return Line(line.number, line.start + match.end(), line.text[match.end() :])


def split_sections(lines: list[Line]) -> list[Section]:
    """The resume's sections in order; the first is the contact block (possibly empty)."""
    sections: list[Section] = []
    name: str = CONTACT_SECTION
    heading: str | None = None
    heading_line: int | None = None
    body: list[Line] = []
    previous: Line | None = None
    margins = _uses_margin_headings(lines)
    continued = skip_wrapped = False
    for index, line in enumerate(lines):
        if continued:
            line, continued = _continuation(line), False
        following = lines[index + 1] if index + 1 < len(lines) else None
        if skip_wrapped:
            skip_wrapped = False
            previous = line
            continue
        # "EDUCATION AND" over "TRAINING": one heading over two lines; its second line opens no section of its own.
        found = _wrapped_heading(line, following) if following is not None else None
        skip_wrapped = found is not None
        found = found or _heading_of(line, previous, following)
        inline = None if found else _inline_heading(line)
        margin = None if found or inline or not margins else _margin_heading(line)
        if margin:
            # A margin heading set level with its section's second line: the dated line above opens the section.
            carried = body[-1:] if margin.section == "experience" and body and _dated_header(body[-1]) else []
            sections.append(Section(name, heading, tuple(body[: len(body) - len(carried)]), heading_line))
            name, heading, heading_line = margin.section, margin.heading, line.number
            body = [*carried, margin.content]
            continued, previous = margin.continued, line
            continue
        if found and name == "skills" and found == "languages" and not line.text.strip().isupper():
            found = None  # "Languages:" above "Python, Go" labels a list of skills
        if inline and not (previous is None or previous.is_blank) and _is_sublabel(name, inline[0]):
            inline = None  # "Skills: Python, Django" under a job labels that job's tools
        if found or inline:
            sections.append(Section(name, heading, tuple(body), heading_line))
            heading_line = line.number
            if found:
                name, heading, body = found, line.text.strip(), []
            elif inline:
                name, heading, body = inline[0], line.text.strip(), [inline[1]]
        elif RULE.match(line.text):
            body.append(Line(line.number, line.start, ""))
        else:
            body.append(line)
        previous = line
    sections.append(Section(name, heading, tuple(body), heading_line))
    return [section for index, section in enumerate(sections) if index == 0 or section.heading is not None]


def without_degree_sections(sections: list[Section], names_degree: Callable[[Section], bool]) -> list[Section]:
    """Sections under a degree-dependent heading ("Qualifications") that name no degree, while another section
    holds the education, relabelled as what such a heading then lists (skills)."""
    fallback = heading_vocabulary().degree_dependent

    def dependent(section: Section) -> str | None:
        return fallback.get(normalise_heading(_core(section.heading))) if section.heading else None

    if not any(section.name == "education" and dependent(section) is None for section in sections):
        return sections
    return [
        replace(section, name=name) if (name := dependent(section)) and not names_degree(section) else section
        for section in sections
    ]


def sections_text(sections: list[Section]) -> dict[str, str]:
    """Canonical section name -> its text; a section that appears twice has both texts joined."""
    texts: dict[str, list[str]] = {}
    for section in sections:
        text = section.text
        if text.strip():
            texts.setdefault(section.name, []).append(text)
    return {name: "\n".join(parts) for name, parts in texts.items()}
