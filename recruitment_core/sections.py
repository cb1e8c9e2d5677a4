"""Splitting a resume into its sections under the many headings people use.

The heading vocabulary is data, in `data/section_headings.json`. A line is a heading when, stripped of
decorations (`#`, `**`, a trailing colon, letter spacing), it is one of the known headings. Headings that
are also ordinary words ("Leadership" in a list of skills) count only when set out as headings: in
capitals, with a trailing colon, underlined, after a `#`, or after a blank line. A few headings may
carry their content on the same line ("Skills: Python, SQL"). The text before the first heading is the
"contact" section.
"""

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from recruitment_core.vocabulary import employer_score, title_score

HEADINGS_PATH = Path(__file__).parent / "data" / "section_headings.json"

CONTACT_SECTION = "contact"

# A line drawn under or between headings: "-----", "=====", "_____", "─────".
RULE = re.compile(r"^\s*[-=_~*#.•·─━═—–+]{3,}\s*$")
DECORATION = re.compile(r"^[\s#*=_~:|•·▪■►>\[\]()-]+|[\s#*=_~:|•·▪■►<\[\]()-]+$")
NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+")
LETTER_SPACED = re.compile(r"^(?:\w ){2,}\w$")
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
    if LETTER_SPACED.match(core):
        core = core.replace(" ", "")
    return core


def _known_section(core: str, *, formatted: bool) -> str | None:
    vocab = heading_vocabulary()
    key = normalise_heading(core)
    if not key:
        return None
    name = vocab.section_by_heading.get(key) or vocab.section_by_squashed_heading.get(key.replace(" ", ""))
    if name is not None:
        return name if formatted or key not in vocab.weak_headings else None
    # A known heading among other words: "Relevant Professional Experience", "Education & Registration",
    # "Classroom Experience". Set out as a heading, or a short title-case line that names no job.
    words = key.split()
    significant = [word for word in words if word not in HEADING_FILLERS]
    if not significant or len(words) > MAX_HEADING_WORDS:
        return None
    if not formatted and not (len(words) <= MAX_TITLE_CASE_HEADING_WORDS and _is_title_case(core)):
        return None
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
    return _known_section(core, formatted=formatted)


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


def split_sections(lines: list[Line]) -> list[Section]:
    """The resume's sections in order; the first is the contact block (possibly empty)."""
    sections: list[Section] = []
    name: str = CONTACT_SECTION
    heading: str | None = None
    body: list[Line] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        found = _heading_of(line, previous, following)
        inline = None if found else _inline_heading(line)
        if found and name == "skills" and found == "languages" and not line.text.strip().isupper():
            found = None  # "Languages:" above "Python, Go" labels a list of skills
        if inline and not (previous is None or previous.is_blank) and _is_sublabel(name, inline[0]):
            inline = None  # "Skills: Python, Django" under a job labels that job's tools
        if found or inline:
            sections.append(Section(name, heading, tuple(body)))
            if found:
                name, heading, body = found, line.text.strip(), []
            elif inline:
                name, heading, body = inline[0], line.text.strip(), [inline[1]]
        elif RULE.match(line.text):
            body.append(Line(line.number, line.start, ""))
        else:
            body.append(line)
        previous = line
    sections.append(Section(name, heading, tuple(body)))
    return [section for index, section in enumerate(sections) if index == 0 or section.heading is not None]


def sections_text(sections: list[Section]) -> dict[str, str]:
    """Canonical section name -> its text; a section that appears twice has both texts joined."""
    texts: dict[str, list[str]] = {}
    for section in sections:
        text = section.text
        if text.strip():
            texts.setdefault(section.name, []).append(text)
    return {name: "\n".join(parts) for name, parts in texts.items()}
