"""Skills written in a resume's skills section, whether the taxonomy knows them or not.

A skills section lists its items in many ways: comma lists, bullets, two-column grids ("Fixture design    Lean"),
"Label: a, b, c" lines. Each item that reads as the name of a skill becomes one: the taxonomy's name when the
taxonomy knows it (an alias, even an ambiguous one such as "Onboarding" that prose would need context for, or a
mention covering the item), else the item as written ("Covenant monitoring"), its case tidied. An item holding a
taxonomy skill among generic words ("HIPAA compliance", "Advanced Excel") yields the taxonomy skill alone.

What is not a skill name is left out: sentences ("Strong ability to work under pressure"), dates, numbers,
places, contact details, headings and proficiency levels on their own ("Fluent"). Free-form skills are capped
per resume, so a keyword dump cannot flood a profile.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from recruitment_core.limits import ResumeLimits
from recruitment_core.sections import RULE, Line
from recruitment_core.skill_item_names import (
    CATEGORY_WORDS,
    FRAGMENT_EDGES,
    ITEM_BREAK,
    PROFICIENCY_WORDS,
    is_prose,
    reads_as_name,
    tidy_case,
    word_set,
)
from recruitment_core.skills import NEGATION_CUE, SkillMention, find_skill_mentions, load_taxonomy
from recruitment_core.vocabulary import BULLET, is_place

TAXONOMY_SOURCE = "taxonomy"
LIST_SOURCE = "skills_list"
# Free-form skills kept per resume: a share of the evidence cap (50 of the default 200 mentions).
FREE_SKILLS_SHARE_OF_EVIDENCE = 4
# An item is read as the taxonomy skills it mentions when they make up this share of it, or when the rest are
# generic words; otherwise it names a skill of its own ("Banquet service" beside "banquet" for catering).
MIN_TAXONOMY_SHARE = 0.6
GENERIC_SKILL_WORDS = word_set(
    "compliance charting documentation management skills skill systems system software tools tool certification"
    " certified certificate certificates experience knowledge proficiency proficient expert advanced basic"
    " intermediate strong excellent working use usage operation operations applications application suite programs"
    " program platform platforms principles techniques procedures regulations standards basics fundamentals"
    " development practices methods methodology concepts environment ms green yellow black belt safety plans"
    " processes process controls"
)
# Aliases this short must keep their case to count ("R", "Go"); longer ones count in any case in a list.
MIN_CASELESS_ALIAS_CHARS = 3

# A bulleted list wraps a long item onto a line of its own without a bullet: the item before it is then one
# of the widest of the list.
MIN_BULLETED_ITEMS = 2
WRAPPED_WIDTH_SHARE = 0.75
# Between grid cells, bullets and pipes: the parts of a line that never share an item.
SEGMENT_BREAK = re.compile(r"\s*(?:[|•·◦▪●■►✓✔➢➤◆♦∙\t]|(?<=\S)\s{2,}(?=\S)|\s/\s)\s*")
SHARED_PHRASE_SLASH = re.compile(r"(?<=[a-z])\s/\s(?=[a-z][\w-]*(?:\s*$|\s*[|•·,;]|\s{2,}))")
# "Kaizen and 5S – Capital budgeting": a spaced dash before a capital, between two items of a dash-bulleted grid.
ITEM_DASH = re.compile(r"\s[-–—]\s(?=[A-Z0-9])")
BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
# "Languages: Python, Go", "Clinical - IV therapy, wound care": a label of a few words before the items.
LABEL = re.compile(r"^([A-Za-z][A-Za-z &/+'’()-]{0,40}?)\s*(?:[:：]|\s[-–—]\s)\s*(\S.*)$")
MAX_LABEL_WORDS = 5
# Words that open a list in a sentence: "Proficient in AutoCAD, fixture design".
LEAD_IN = re.compile(
    r"^(?:(?:highly|very|well)\s+)?(?:proficient|skilled|experienced|trained|certified|versed|competent|expert"
    r"|expertise|experience|knowledge|working\s+knowledge|familiar|proficiency)\s+(?:in|with|of|at|on)\b\s*:?\s*",
    re.IGNORECASE,
)
# The issuer's part of a credential's name, before the credential itself: "AWS Certified:", "Google Cloud Certified -".
CREDENTIAL_HEAD = re.compile(r"\b(?:certified|certification|certificate|licensed)$", re.IGNORECASE)
AMPERSAND = re.compile(r"\s+&\s+")
CONNECTOR = re.compile(r"\s+(?:and|&|/)\s+|/", re.IGNORECASE)
_LEVEL = "|".join(sorted(PROFICIENCY_WORDS, key=len, reverse=True))
# "Spanish - professional working proficiency", "Excel: advanced", "Fixture design (expert)", "Excel 90%".
TRAILING_LEVEL = re.compile(
    rf"\s*(?:[-–—:]\s*(?:(?:{_LEVEL})\b\s*){{1,4}}"
    r"|\b(?:expert|advanced|intermediate|beginner|basic|proficient|fluent|native|novice)"
    r"|\d{1,3}\s*%|\d(?:\.\d)?\s*/\s*(?:5|10)|[●○◐★☆■□▪▫]+(?:\s*[●○◐★☆■□▪▫]+)*)\s*$",
    re.IGNORECASE,
)
# "Typing 85 WPM", "OSHA 30 (renewed": a speed or an aside cut by the line's end, not part of the name.
MEASURE = re.compile(r"\s*[-–—:,]?\s*\d[\d,.]*\s*(?:wpm|words\s+per\s+minute|kph|keystrokes)\b.*$", re.IGNORECASE)
UNCLOSED_BRACKET = re.compile(r"\s*[(\[][^)\]]*$")
TRAILING_SKILLS_WORD = re.compile(r"\s+(?:skills?|abilities)$", re.IGNORECASE)
ETC = re.compile(r",?\s*\betc\b\.?|\s*(?:\.\.\.|…)\s*$", re.IGNORECASE)
EDGE_PUNCTUATION = " \t.,;:*-–—_\"'“”‘’()[]"


@dataclass(frozen=True)
class ListedSkill:
    """One skill a skills section lists: its name, whether the taxonomy knows it, and the line it is on."""

    name: str
    source: str  # TAXONOMY_SOURCE | LIST_SOURCE
    line: int  # the resume line's number


def max_free_skills(limits: ResumeLimits) -> int:
    """Free-form skills kept for one resume: a share of its skill evidence cap."""
    return max(1, limits.max_skill_evidence // FREE_SKILLS_SHARE_OF_EVIDENCE)


def listed_skills(text: str, lines: Iterable[Line], max_free: int) -> list[ListedSkill]:
    """The skills listed on `lines` of a skills section, in order; each line's text is read from `text` (which
    may have parts blanked out), by the line's offsets. At most `max_free` distinct free-form skills are kept."""
    found: list[ListedSkill] = []
    seen: set[tuple[str, int]] = set()
    free_names: dict[str, str] = {}  # case-folded -> the spelling kept first
    for number, content in _logical_lines(text, lines):
        for name, source in _line_skills(content):
            if source == LIST_SOURCE:
                key = name.casefold()
                if key not in free_names:
                    if len(free_names) >= max_free:
                        continue
                    free_names[key] = name
                name = free_names[key]
            if (name, number) not in seen:
                seen.add((name, number))
                found.append(ListedSkill(name, source, number))
    return found


def _logical_lines(text: str, lines: Iterable[Line]) -> list[tuple[int, str]]:
    """(line number, text) per line; a line going on in lower case after an unfinished one joins it, and so
    does a line without a bullet after a full-width bulleted item in a bulleted list (a wrapped item)."""
    contents = [(line.number, text[line.start : line.start + len(line.text)].strip()) for line in lines]
    bulleted = sum(1 for _, content in contents if BULLET.match(content))
    widest = _widest_of_runs(contents)
    joined: list[tuple[int, str]] = []
    last_number, last_width = -2, 0
    for number, content in contents:
        if not content or RULE.match(content):
            joined.append((number, ""))
            continue
        previous = joined[-1][1] if joined else ""
        wrapped = (
            bulleted >= MIN_BULLETED_ITEMS
            and number == last_number + 1
            and BULLET.match(previous) is not None
            and BULLET.match(content) is None
            and last_width >= WRAPPED_WIDTH_SHARE * widest[number]
            and not content.endswith((":", "："))
        )
        unbulleted = BULLET.sub("", previous, count=1)
        continued = content[:1].islower() and BULLET.match(content) is None
        if (
            (previous and continued and _is_unfinished(unbulleted))
            or UNCLOSED_BRACKET.search(unbulleted)
            or (wrapped and (_is_unfinished(unbulleted) or previous.endswith(",")))
        ):
            joined[-1] = (joined[-1][0], f"{previous} {content}")
        elif previous and continued and SEGMENT_BREAK.search(unbulleted) and not SEGMENT_BREAK.search(content):
            pass  # the end of one cell of the grid row above, wrapped: which cell is not known, and alone it is no item
        else:
            joined.append((number, content))
        last_number, last_width = number, len(content)
    return [(number, content) for number, content in joined if content]


def _widest_of_runs(contents: list[tuple[int, str]]) -> dict[int, int]:
    """Line number -> the width of the widest line in its run of consecutive lines (one section or column)."""
    widest: dict[int, int] = {}
    run: list[tuple[int, str]] = []
    for index, (number, content) in enumerate(contents):
        run.append((number, content))
        if index + 1 == len(contents) or contents[index + 1][0] != number + 1:
            width = max(len(text) for _, text in run)
            widest.update((line, width) for line, _ in run)
            run = []
    return widest


def _is_unfinished(line: str) -> bool:
    return line[-1:].isalpha() and not SEGMENT_BREAK.search(line)


def _line_skills(line: str) -> list[tuple[str, str]]:
    content = BULLET.sub("", line, count=1).strip()
    if content.endswith((":", "：")):
        return []  # a sub-heading with its items below it
    skills: list[tuple[str, str]] = []
    label = LABEL.match(content)
    if (
        label
        and len(label.group(1).split()) <= MAX_LABEL_WORDS
        and (":" in content[: label.start(2)] or "：" in content[: label.start(2)] or ITEM_BREAK.search(label.group(2)))
    ):
        head, rest = label.group(1).strip(), label.group(2)
        if NEGATION_CUE.search(head):
            return []  # "Not yet: Java, Kotlin": what the owner does not have
        if _describes_head(head, rest):
            return list(_item_skills(head))  # "Fixture design: jigs and gauges for weld cells" names one skill
        # Mostly a category of skills ("Languages: ..."), sometimes a skill with its parts ("Excel: pivots").
        known = _taxonomy_name(head)
        skills += [(known, TAXONOMY_SOURCE)] if known else []
        content = label.group(2)
    # "Accounts payable / receivable": the word after the slash finishes the phrase before it, not a new item.
    content = SHARED_PHRASE_SLASH.sub("/", content)
    segments = _split_outside_brackets(content, SEGMENT_BREAK)
    if _is_row_label(segments):
        # "Clinical | IV therapy, wound care": a table row whose first cell names the kind of skills after it.
        known = _taxonomy_name(segments[0])
        skills += [(known, TAXONOMY_SOURCE)] if known else []
        segments = segments[1:]
    for cell in [cell for segment in segments for cell in _cells(segment)]:
        segment = LEAD_IN.sub("", BULLET.sub("", cell, count=1).strip())
        if not segment or is_prose(segment) or is_place(segment):
            continue
        for item in _split_outside_brackets(segment, ITEM_BREAK):
            for part in _bracket_parts(item):
                skills.extend(_item_skills(part))
    return skills


def _cells(segment: str) -> list[str]:
    """The items of one segment that a grid printed without wide gaps: "Capital budgeting – Labor planning" (a dash
    between items, as between bullets), "Fire alarm wiring Aerial lifts" (two cells a single space apart, read
    from a too-long item where a lower-case word meets a capital). Each part must read as a name on its own."""
    candidates = [_split_outside_brackets(segment, ITEM_DASH)]
    if not ITEM_BREAK.search(segment) and is_prose(segment):
        candidates.append(_cells_a_space_apart(segment))
    for parts in candidates:
        if len(parts) > 1 and all(reads_as_name(_clean(part)) for part in parts):
            return parts
    return [segment]


def _cells_a_space_apart(segment: str) -> list[str]:
    """Split where a lower-case word, or a closing bracket, meets a capitalised one, outside brackets, unless the
    word joins the words of one name ("Avaya CMS and Genesys Cloud")."""
    tokens = segment.split()
    parts: list[list[str]] = [[]]
    depth = 0
    for index, token in enumerate(tokens):
        parts[-1].append(token)
        depth += token.count("(") - token.count(")")
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        ends_cell = token.endswith(")") or (token.islower() and token.lower() not in FRAGMENT_EDGES)
        if depth == 0 and ends_cell and following[:1].isupper():
            parts.append([])
    return [" ".join(part) for part in parts if part]


def _describes_head(head: str, rest: str) -> bool:
    """Whether a labelled line is one skill and a description of it rather than a category and its items."""
    if ITEM_BREAK.search(rest) or len(rest.split()) < 3 or not reads_as_name(head):
        return False
    if CREDENTIAL_HEAD.search(head):
        return False  # "Microsoft Certified: Azure Administrator Associate" is one credential's name
    return not all(word in CATEGORY_WORDS for word in TRAILING_SKILLS_WORD.sub("", head).lower().split())


def _is_row_label(segments: list[str]) -> bool:
    return (
        len(segments) >= 2
        and len(segments[0].split()) <= MAX_LABEL_WORDS - 1
        and not ITEM_BREAK.search(segments[0])
        and any(len(_split_outside_brackets(segment, ITEM_BREAK)) > 1 for segment in segments[1:])
    )  # a comma inside brackets lists the parts of one item ("Root cause (8D, Ishikawa)"), not the row's items


def _split_outside_brackets(text: str, separator: re.Pattern[str]) -> list[str]:
    brackets = [match.span() for match in BRACKETED.finditer(text)]
    parts, start = [], 0
    for match in separator.finditer(text):
        if any(left < match.start() < right for left, right in brackets):
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _bracket_parts(item: str) -> list[str]:
    """ "Microsoft Office (Word, Excel)" -> the item and each listed part; "Python (advanced)" -> "Python"."""
    parts = [BRACKETED.sub(" ", item)]
    for match in BRACKETED.finditer(item):
        inner = match.group(1) or match.group(2) or ""
        if ITEM_BREAK.search(inner):
            # Short codes in brackets are parts of the item ("SAP (SD, MM, LE)"), not skills of their own.
            # Only the parts the taxonomy knows: the rest qualify the item ("Forklift (sit-down, reach)").
            parts.extend(part for part in ITEM_BREAK.split(inner) if _taxonomy_name(part.strip()))
    return [" ".join(part.split()) for part in parts if part.strip()]


def _clean(item: str) -> str:
    item = UNCLOSED_BRACKET.sub("", MEASURE.sub("", ETC.sub("", item)))
    item = re.sub(r"^(?:and|&|or)\s+", "", item.strip(EDGE_PUNCTUATION), flags=re.IGNORECASE)
    item = TRAILING_LEVEL.sub("", item).strip(EDGE_PUNCTUATION)
    return " ".join(item.split())


@functools.lru_cache(maxsize=8192)
def _item_skills(raw: str) -> tuple[tuple[str, str], ...]:
    """(name, source) of the skills one list item names: a taxonomy name, the item as written, or nothing."""
    item = _clean(raw)
    if not item or not reads_as_name(item):
        return ()
    known = _taxonomy_name(item)
    if known:
        return ((known, TAXONOMY_SOURCE),)
    mentions = find_skill_mentions(item)
    joins_known = CONNECTOR.search(item) is not None and any(
        _taxonomy_name(_clean(part)) for part in CONNECTOR.split(item)
    )
    if not joins_known and (not mentions or not (CONNECTOR.search(item) or _mostly_taxonomy(item, mentions))):
        # "Banquet service": a skill of its own, though a taxonomy word stands in it; those words are read
        # as taxonomy mentions of the line all the same.
        name = TRAILING_SKILLS_WORD.sub("", item) if len(item.split()) > 1 else item
        free = ((tidy_case(name), LIST_SOURCE),) if reads_as_name(name) and not _is_generic(name) else ()
        return free + tuple((mention.name, TAXONOMY_SOURCE) for mention in mentions)
    # Taxonomy skills among other words: each part joined by "and", "&" or "/" on its own, so a part the
    # taxonomy does not know is not lost ("Fixture design and GD&T"), but generic words are ("HIPAA compliance").
    parts = [_clean(part) for part in CONNECTOR.split(item)] if CONNECTOR.search(item) else [item]
    skills: list[tuple[str, str]] = []
    for index, part in enumerate(parts):
        if shared := _shared_phrase(parts, index):
            skills.append((shared, TAXONOMY_SOURCE))
            continue
        if len(parts) > 1 and (known := _taxonomy_name(part)):
            skills.append((known, TAXONOMY_SOURCE))  # "Hiring and retention": a list word named whole, as in a list
            continue
        part_mentions = find_skill_mentions(part) if part else []
        # A lone word left by the split is half of a shared phrase ("Power and hand tools", "Accounts payable /
        # receivable", "Mergers and acquisitions integration"), not a skill of its own.
        if len(parts) > 1 and len(part.split()) > 1 and not part_mentions and reads_as_name(part):
            skills.extend(_item_skills(part))
        skills.extend((mention.name, TAXONOMY_SOURCE) for mention in part_mentions)
    return tuple(skills)


def _shared_phrase(parts: list[str], index: int) -> str | None:
    """The skill a lone word names with the phrase beside it: "Accounts payable / receivable" -> "Accounts
    receivable", "Power and hand tools" -> "Power tools"; None unless the taxonomy knows the phrase so made."""
    words = parts[index].split()
    if len(words) != 1 or len(parts) < 2:
        return None
    if index > 0 and len(before := parts[index - 1].split()) > 1:
        return _taxonomy_name(" ".join([*before[:-1], words[0]]))
    if index + 1 < len(parts) and len(after := parts[index + 1].split()) > 1:
        return _taxonomy_name(" ".join([words[0], *after[1:]]))
    return None


def _mostly_taxonomy(item: str, mentions: list[SkillMention]) -> bool:
    """Whether taxonomy mentions make up most of an item, the rest being generic words ("Epic EMR charting")."""
    covered = sum(mention.end - mention.start for mention in mentions)
    if covered >= MIN_TAXONOMY_SHARE * len(item):
        return True
    rest = item
    for mention in sorted(mentions, key=lambda found: -found.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    return _is_generic(rest)


def _is_generic(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return all(word in GENERIC_SKILL_WORDS or word in FRAGMENT_EDGES or word in PROFICIENCY_WORDS for word in words)


def _taxonomy_name(item: str) -> str | None:
    """The taxonomy skill an item names whole, by any alias; ambiguous aliases count here, in a list."""
    taxonomy = load_taxonomy()
    if item in taxonomy.category_by_skill:
        return item
    lowered = item.lower()
    if lowered in taxonomy.skill_by_alias:
        return taxonomy.skill_by_alias[lowered]
    for table in (taxonomy.skill_by_exact_alias, taxonomy.skill_by_context_alias):
        if item in table:
            return table[item]
    if lowered in _caseless_strict_aliases():
        return _caseless_strict_aliases()[lowered]
    mentions = find_skill_mentions(item)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(item):
        return mentions[0].name
    if AMPERSAND.search(item):
        return _taxonomy_name(AMPERSAND.sub(" and ", item))  # "Sales & operations planning"
    return None


@functools.cache
def _caseless_strict_aliases() -> dict[str, str]:
    """Case-sensitive and context-only aliases, lower-cased: in a list, "excel" and "onboarding" name skills."""
    taxonomy = load_taxonomy()
    tables = (taxonomy.skill_by_exact_alias, taxonomy.skill_by_context_alias)
    return {
        alias.lower(): name
        for table in tables
        for alias, name in table.items()
        if len(alias) >= MIN_CASELESS_ALIAS_CHARS
    }
