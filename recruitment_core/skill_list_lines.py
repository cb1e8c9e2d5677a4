"""Which lines of a resume list skills, and what of each line names one.

A skills section lists skills on every line. Outside it, builders print lists under headings of their own
("Highlights", "Practice Areas", "Expertise" beside a summary): a run of short items there is a list too,
where a paragraph is not. A certifications section names one credential per line, followed by its issuer,
year or number ("CIPP/US, International Association of Privacy Professionals, 2021"): only the name counts,
and a credential still in progress ("CFA Level II Candidate") is not claimed.
"""

import re

from recruitment_core.sections import Line, Section
from recruitment_core.vocabulary import BULLET, title_score

LIST_SECTIONS = frozenset({"skills"})
# Sections whose runs of short items are read as lists; experience and education lines are accounts of work.
RUN_SECTIONS = frozenset({"summary"})
CREDENTIAL_SECTIONS = frozenset({"certifications"})
MIN_RUN_LINES = 3
# A certifications section longer than this holds more than credentials (a layout read out of order): its
# lines are read as prose, like any other section's.
MAX_CREDENTIAL_LINES = 12
MAX_CREDENTIAL_LINE_WORDS = 16
MAX_RUN_ITEM_WORDS = 5
SENTENCE_END = re.compile(r"[.!?]$")
# Cells of a printed grid: two or more spaces, a tab, a bullet or a pipe between them.
GRID_BREAK = re.compile(r"\s{2,}|\t|\s[|•·▪◦]\s")
# Where a credential's name ends: its issuer, place, date or number follows.
CREDENTIAL_END = re.compile(r"\s*(?:[,;|]|\s[-–—]\s|\b(?:19|20)\d\d\b|\b(?:issued|expires?|license\s+no|no\.|#))", re.I)
CREDENTIAL_WORDS = re.compile(r"\s+(?:certification|certificate|course|training|program|programme)$", re.IGNORECASE)
NOT_YET_HELD = re.compile(
    r"\b(?:candidate|in\s+progress|pending|pursuing|expected|anticipated|planned|coursework|studying|attendee)\b",
    re.IGNORECASE,
)
# A running header printed on every page ("Dana K. Whitfield – Resume", "Page 2 of 3") is no credential.
RUNNING_HEADER = re.compile(r"\b(?:resume|résumé|curriculum\s+vitae|cv|page\s+\d+)\b", re.IGNORECASE)
# Words that make a credential of a name that would otherwise be a job title ("Certified Nursing Assistant").
CREDENTIAL_WORD = re.compile(r"\b(?:certified|certificate|certification|licen[cs]ed?|registered|accredited)\b", re.I)


def list_lines(sections: list[Section]) -> list[Line]:
    """The lines that list skills: every line of a skills section, and runs of short items elsewhere."""
    found: list[Line] = []
    for section in sections:
        if section.name in LIST_SECTIONS:
            found.extend(section.lines)
        elif section.name in RUN_SECTIONS and section.heading is not None:
            found.extend(_runs_of_items(section.lines))
    return found


def credential_names(text: str, sections: list[Section]) -> tuple[str, list[Line]]:
    """`text` with everything but the credential's name blanked on each line of certifications sections (offsets
    kept), and those lines; lines naming a credential not yet held are left out."""
    lines: list[Line] = []
    for section in sections:
        filled = [line for line in section.lines if not line.is_blank]
        if section.name not in CREDENTIAL_SECTIONS or len(filled) > MAX_CREDENTIAL_LINES:
            continue
        bulleted = any(BULLET.match(line.text) for line in filled)
        kept = -2
        for line in filled:
            content = text[line.start : line.end]  # as blanked by the caller: the owner's name is not a credential
            words = content.split()
            if not words or len(words) > MAX_CREDENTIAL_LINE_WORDS or SENTENCE_END.search(content.strip()):
                continue
            if is_pending_credential(content) or RUNNING_HEADER.search(content):
                continue
            end = _credential_end(content)
            name = CREDENTIAL_WORDS.sub("", content[:end].rstrip())
            # In a bulleted list, a line without a bullet right after a kept one is that credential wrapped.
            wrapped = bulleted and line.number == kept + 1 and not BULLET.match(content)
            if title_score(name) and not CREDENTIAL_WORD.search(name) and not wrapped:
                continue  # "MANAGER", "Senior Information Technology": a title or headline out of place
            kept = line.number
            text = text[: line.start] + name + " " * (len(content) - len(name)) + text[line.end :]
            lines.append(line)
    return text, lines


def is_pending_credential(line: str) -> bool:
    """Whether a credential line names one still being worked towards ("CFA Level II Candidate")."""
    return len(line.split()) <= MAX_CREDENTIAL_LINE_WORDS and NOT_YET_HELD.search(line) is not None


def _credential_end(content: str) -> int:
    body = BULLET.sub("", content, count=1)
    offset = len(content) - len(body)
    match = CREDENTIAL_END.search(body)
    return offset + (match.start() if match and match.start() > 0 else len(body))


def _runs_of_items(lines: tuple[Line, ...]) -> list[Line]:
    """Lines in runs of at least MIN_RUN_LINES short items (blank lines do not break a run)."""
    found: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.is_blank:
            continue
        if line is not None and _is_item_line(line.text):
            run.append(line)
            continue
        if len(run) >= MIN_RUN_LINES:
            found.extend(run)
        run = []
    return found


def _is_item_line(text: str) -> bool:
    content = BULLET.sub("", text.strip(), count=1).strip()
    if not content or SENTENCE_END.search(content):
        return False
    cells = [cell for cell in GRID_BREAK.split(content) if cell.strip()]
    return all(len(cell.split()) <= MAX_RUN_ITEM_WORDS for cell in cells)
