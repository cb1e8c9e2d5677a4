"""Skills taxonomy: find the canonical skills named in a resume or a job description.

The taxonomy is data, in `data/skills.json`: a list of skills, each with a canonical `name`, a `category`
and up to three kinds of alias:

- `aliases`: matched whatever their case. The name itself is one, unless it is listed in one of the
  two lists below.
- `case_sensitive_aliases`: matched only with the exact casing, because the lower-case word means
  something else ("Excel" but not "excel at", "SAP" but not "sap").
- `context_aliases`: short ambiguous tokens ("Go", "R", "C") matched with the exact casing and only in a
  skills-like context: listed next to another skill ("Python, Go and Rust"), followed by a word such as
  "programming" or "developer", or preceded by "in", "using" or "with".
- `list_aliases`: activity words in lower case ("scheduling", "interviewing"), matched in that same context only:
  "recruiting, interviewing and onboarding" names three skills, "interviewing a witness" none.

A suite may list what it `includes` ("Microsoft Office": Word, Excel, Outlook, PowerPoint): a resume naming the
suite evidences its parts, and one naming two or more parts evidences the suite (`implied_skills`).

An entry may also list `not_within`: longer phrases in which its alias means something else ("change
management systems", "bug triage", "nursing home"). They are matched like aliases, so the longest match
wins, and a match on one of them yields no skill.

Matching is longest-alias-first, so "React Native" is not also read as "React", and respects word
boundaries that keep the punctuation of "C++", "C#", ".NET" and "Node.js" ("Java" does not match inside
"JavaScript"). A mention in a negated clause ("no exposure to Java", "not familiar with Go") is ignored.
"""

import bisect
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from recruitment_core.text import LINK_OR_EMAIL_TOKEN, TOKEN

TAXONOMY_PATH = Path(__file__).parent / "data" / "skills.json"

# An alias must not continue a word or a token such as "C++", ".NET" or "www.python.org" ...
ALIAS_START = r"(?<![\w.#+])"
# ... nor run into one: "Java" in "JavaScript", "C" in "C++", "R" in "R&D", "node" in "node.js".
ALIAS_END = r"(?![\w+#]|[.&]\w)"

# What may separate two items of a skills list: "Python, Go", "C/C++", "R and SQL", "- Go\n- Rust".
LIST_GAP = re.compile(r"(?:[\s,/|;&()•·*+-]|\band\b|\bor\b)*", re.IGNORECASE)
LIST_GAP_MAX_CHARS = 12
CONTEXT_WORD_AFTER = re.compile(
    r"\s+(?:programming|programmer|language|developer|development|engineer|code|framework|scripts?"
    r"|packages?|libraries)\b",
    re.IGNORECASE,
)
CONTEXT_WORD_BEFORE = re.compile(r"\b(?:in|using|with)\s+$", re.IGNORECASE)
CONTEXT_WORD_BEFORE_WINDOW = 8
# "Go-getter", "C-suite", "Spring 2021", "R's" are not skills.
NOT_A_SKILL_AFTER = re.compile(r"[-'’]\w|\s*\d")

# Clauses end at sentence punctuation, line breaks and bullets, and at words that turn the meaning
# around ("no Java but strong Python"). A full stop counts only before a space, so "Node.js" stays whole.
CLAUSE_BREAK = re.compile(r"\.(?=\s|$)|[!?;\n•]|\b(?:but|however|although|though|whereas|except)\b", re.IGNORECASE)
NEGATION_CUE = re.compile(
    r"\b(?:no(?![-.])|not(?!\s+only)|never|none|neither|nor|lack|lacks|lacking|unfamiliar|cannot)\b"
    r"|\b\w+n['’]t\b",
    re.IGNORECASE,
)


# Punctuation around a token that names a product like a domain: "(Bill.com)", "Bill.com,".
LINK_EDGES = "()[]{}.,;:!?\"'“”‘’"


class TaxonomyError(ValueError):
    """The skills taxonomy file is inconsistent (for example one alias names two skills)."""


@dataclass(frozen=True)
class SkillTaxonomy:
    """The loaded taxonomy: one regular expression over every alias and the tables to resolve a match."""

    pattern: re.Pattern[str]
    skill_by_alias: dict[str, str]  # lower-cased alias -> name, matched whatever its case
    skill_by_exact_alias: dict[str, str]  # alias -> name, exact case
    skill_by_context_alias: dict[str, str]  # alias -> name, exact case and a skills-like context
    category_by_skill: dict[str, str]
    not_a_skill: frozenset[str] = frozenset()  # lower-cased phrases in which an alias means something else
    includes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a suite -> the skills it is made of


@dataclass(frozen=True)
class SkillMention:
    """One mention of a skill: its canonical name and where it stands in the text searched."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    skill: str
    needs_context: bool


def _alias_rest(alias: str, ignore_case: bool, consumed: int) -> str:
    """The regex for `alias` after its first `consumed` characters, which the group heads have matched in either
    case; a case-sensitive alias checks them again behind it. Any run of whitespace may separate the words of a
    multi-word alias ("React\nNative")."""
    rest = alias[consumed:]
    body = r"\s+".join(re.escape(word) for word in rest.split())
    if rest[:1].isspace():
        body = rf"\s+{body}"
    if ignore_case:
        return f"(?i:{body})" if body else ""
    return f"(?<={re.escape(alias[:consumed])}){body}" if consumed else body


# Aliases are grouped on their first letters while a group holds more than GROUP_MIN_ALIASES of them.
GROUP_MAX_DEPTH = 3
GROUP_MIN_ALIASES = 4


def _char_class(char: str) -> str:
    """A regex for one character of an alias, whatever its case ("ß" has no one-letter capital)."""
    variants = sorted({form for form in (char, char.lower(), char.upper()) if len(form) == 1})
    return f"[{re.escape(''.join(variants))}]"


def _alternation(aliases: list[tuple[str, bool]], depth: int = 0) -> str:
    """One regex alternative per (alias, ignore_case), grouped by their first letters, longest first.

    The regex engine tries alternatives in order and keeps the first that matches, so longest-first
    makes "React Native" win over "React". Each group starts by matching its letter, which lets the engine
    skip every other group at a position after one character comparison; matching long texts is many times
    faster than trying each alias. Grouping stops at whitespace, whose run may have any length.
    """
    groups: dict[str, list[tuple[str, bool]]] = {}
    for alias, ignore_case in aliases:
        key = alias[depth].lower() if len(alias) > depth else ""
        groups.setdefault(" " if key.isspace() else key, []).append((alias, ignore_case))
    branches = []
    # An alias that ends here ("C" beside "C++" and "CSS") is the shortest of its group: it goes last.
    for key, members in sorted(groups.items(), key=lambda item: (item[0] == "", item[0])):
        if not key or key == " ":
            members.sort(key=lambda item: (-len(item[0]), item[0]))
            branches.append("|".join(_alias_rest(alias, ignore_case, depth) for alias, ignore_case in members))
            continue
        if len(members) > GROUP_MIN_ALIASES and depth < GROUP_MAX_DEPTH:
            body = _alternation(members, depth + 1)
        else:
            members.sort(key=lambda item: (-len(item[0]), item[0]))
            body = "|".join(_alias_rest(alias, ignore_case, depth + 1) for alias, ignore_case in members)
        branches.append(f"{_char_class(key)}(?:{body})")
    return "|".join(branches)


# Parts of a suite a resume must name for the suite to count as named ("Word and Excel" -> Microsoft Office).
MIN_PARTS_OF_SUITE = 2
PLURAL_LAST_WORD = re.compile(r"[a-z]{3,}")
# Mass nouns ("analytics", "software") have no plural; people ("designers", "analysts") are who the work was
# done with, not a skill the resume claims.
NO_PLURAL_ENDINGS = (
    "s",
    "ness",
    "ship",
    "ics",
    "ware",
    "ology",
    "craft",
    "ed",
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "yst",
)
NAMES_WITHOUT_PLURAL = frozenset(
    [
        "programming_languages",
        "web_backend",
        "web_frontend",
        "databases",
        "cloud_devops",
        "data_ml",
        "mobile",
        "office_tools",
        "soft_skills",
        "spoken_languages",
        "software_practices",
        "testing_qa",
        "security",
        "design",
    ]
)


def plural_form(alias: str) -> str | None:
    """The plural of a lower-cased alias whose last word is a countable-looking noun, else None."""
    last = alias.rsplit(" ", 1)[-1]
    if not PLURAL_LAST_WORD.fullmatch(last) or last.endswith(NO_PLURAL_ENDINGS):
        return None
    if last.endswith("y") and last[-2] not in "aeiou":
        return alias[:-1] + "ies"
    if last.endswith(("x", "z", "ch", "sh")):
        return alias + "es"
    return alias + "s"


@functools.cache
def load_taxonomy() -> SkillTaxonomy:
    """Read and index `data/skills.json` (once per process)."""
    entries = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    skill_by_alias: dict[str, str] = {}
    skill_by_exact_alias: dict[str, str] = {}
    skill_by_context_alias: dict[str, str] = {}
    category_by_skill: dict[str, str] = {}
    owner_by_lowered_alias: dict[str, str] = {}

    def register(alias: str, skill: str, table: dict[str, str], key: str) -> None:
        owner = owner_by_lowered_alias.setdefault(alias.lower(), skill)
        if owner != skill:
            raise TaxonomyError(f"Alias {alias!r} names both {owner!r} and {skill!r}")
        table[key] = skill

    for entry in entries:
        name = entry["name"]
        if name in category_by_skill:
            raise TaxonomyError(f"Skill {name!r} is listed twice")
        category_by_skill[name] = entry["category"]
        exact_aliases = entry.get("case_sensitive_aliases", [])
        context_aliases = entry.get("context_aliases", [])
        loose_aliases = list(entry["aliases"])
        if name not in exact_aliases and name not in context_aliases:
            loose_aliases.append(name)
        for alias in exact_aliases:
            register(alias, name, skill_by_exact_alias, alias)
        for alias in [*context_aliases, *entry.get("list_aliases", [])]:
            register(alias, name, skill_by_context_alias, alias)
        for alias in loose_aliases:
            register(alias, name, skill_by_alias, alias.lower())

    strict_lowered = {alias.lower() for alias in [*skill_by_exact_alias, *skill_by_context_alias]}
    if clash := strict_lowered & skill_by_alias.keys():
        raise TaxonomyError(f"Aliases both case-sensitive and case-insensitive: {sorted(clash)}")
    not_a_skill = frozenset(phrase.lower() for entry in entries for phrase in entry.get("not_within", []))
    if both := not_a_skill & owner_by_lowered_alias.keys():
        raise TaxonomyError(f"Phrases both an alias and not a skill: {sorted(both)}")
    _add_plurals(skill_by_alias, category_by_skill, owner_by_lowered_alias, not_a_skill)

    includes = {entry["name"]: tuple(entry["includes"]) for entry in entries if entry.get("includes")}
    if unknown := {part for parts in includes.values() for part in parts} - category_by_skill.keys():
        raise TaxonomyError(f"Suites include skills the taxonomy does not list: {sorted(unknown)}")

    alternatives = [(alias, True) for alias in [*skill_by_alias, *not_a_skill]]
    alternatives += [(alias, False) for alias in [*skill_by_exact_alias, *skill_by_context_alias]]
    return SkillTaxonomy(
        pattern=re.compile(f"{ALIAS_START}(?:{_alternation(alternatives)}){ALIAS_END}"),
        skill_by_alias=skill_by_alias,
        skill_by_exact_alias=skill_by_exact_alias,
        skill_by_context_alias=skill_by_context_alias,
        category_by_skill=category_by_skill,
        not_a_skill=not_a_skill,
        includes=includes,
    )


def _add_plurals(
    skill_by_alias: dict[str, str],
    category_by_skill: dict[str, str],
    owner_by_lowered_alias: dict[str, str],
    not_a_skill: frozenset[str],
) -> None:
    """A plural names the same skill ("risk ratings", "case studies", "immunizations"), unless it is taken."""
    for alias, skill in list(skill_by_alias.items()):
        plural = plural_form(alias)
        if " " not in alias and category_by_skill[skill] in NAMES_WITHOUT_PLURAL:
            continue  # "Reacts", "Javas", "Figmas": a tool's or a language's name is not counted
        if plural and plural not in owner_by_lowered_alias and plural not in not_a_skill:
            skill_by_alias[plural] = skill


def _find_mentions(text: str, taxonomy: SkillTaxonomy) -> list[_Mention]:
    mentions = []
    for match in taxonomy.pattern.finditer(text):
        surface = " ".join(match.group().split())
        if surface.lower() in taxonomy.not_a_skill:
            continue  # "change management systems": the alias inside means something else here
        if surface in taxonomy.skill_by_exact_alias:
            skill, needs_context = taxonomy.skill_by_exact_alias[surface], False
        elif surface in taxonomy.skill_by_context_alias:
            skill, needs_context = taxonomy.skill_by_context_alias[surface], True
        else:
            skill, needs_context = taxonomy.skill_by_alias[surface.lower()], False
        mentions.append(_Mention(match.start(), match.end(), skill, needs_context))
    return mentions


def _is_list_gap(text: str, start: int, end: int) -> bool:
    return end - start <= LIST_GAP_MAX_CHARS and LIST_GAP.fullmatch(text, start, end) is not None


def _in_skills_context(text: str, mentions: list[_Mention], index: int, previous_kept: bool = False) -> bool:
    """Whether an ambiguous mention ("Go", "R", "C") reads as a skill where it stands; `previous_kept` says the
    mention before it was read as a skill, so a list of ambiguous ones ("interviewing and onboarding") chains."""
    mention = mentions[index]
    if NOT_A_SKILL_AFTER.match(text, mention.end):
        return False
    if CONTEXT_WORD_AFTER.match(text, mention.end):
        return True
    if CONTEXT_WORD_BEFORE.search(text, max(0, mention.start - CONTEXT_WORD_BEFORE_WINDOW), mention.start):
        return True
    # A neighbour in a list counts only if it is itself an unambiguous skill.
    before = mentions[index - 1] if index > 0 else None
    after = mentions[index + 1] if index + 1 < len(mentions) else None
    return bool(
        (before and (previous_kept or not before.needs_context) and _is_list_gap(text, before.end, mention.start))
        or (after and not after.needs_context and _is_list_gap(text, mention.end, after.start))
    )


def _is_negated(clause_starts: list[int], negation_ends: list[int], position: int) -> bool:
    """Whether a negation cue ends between the start of the clause holding `position` and `position`."""
    clause_start = clause_starts[bisect.bisect_right(clause_starts, position) - 1]
    last_cue = bisect.bisect_right(negation_ends, position) - 1
    return last_cue >= 0 and negation_ends[last_cue] > clause_start


def blank_links(text: str) -> str:
    """`text` with URLs and e-mail addresses overwritten by spaces, so that offsets stay the same. A product named
    like a domain ("Bill.com", "Monday.com") is a skill, not a link."""
    aliases = load_taxonomy().skill_by_alias

    def blank(token: str) -> str:
        if not LINK_OR_EMAIL_TOKEN.search(token) or token.strip(LINK_EDGES).lower() in aliases:
            return token
        return " " * len(token)

    return TOKEN.sub(lambda token: blank(token.group()), text)


def find_skill_mentions(text: str) -> list[SkillMention]:
    """Every mention of a skill in `text`, in order, with its offsets; negated mentions are left out."""
    taxonomy = load_taxonomy()
    text = blank_links(text)
    mentions = _find_mentions(text, taxonomy)
    # Positions are found once for the whole text, so long texts cost linear time.
    clause_starts = [0, *(match.end() for match in CLAUSE_BREAK.finditer(text))]
    negation_ends = [match.end() for match in NEGATION_CUE.finditer(text)]
    found = []
    kept = -1
    for index, mention in enumerate(mentions):
        if mention.needs_context and not _in_skills_context(text, mentions, index, kept == index - 1):
            continue
        kept = index
        if _is_negated(clause_starts, negation_ends, mention.start):
            continue
        found.append(SkillMention(mention.skill, mention.start, mention.end))
    return found


def implied_skills(names: Iterable[str]) -> dict[str, str]:
    """Skills a resume evidences through others: each part of a suite it names, and a suite two or more of whose
    parts it names; implied skill -> the skill that implies it. Skills named outright are not repeated."""
    named = set(names)
    implied: dict[str, str] = {}
    for suite, parts in load_taxonomy().includes.items():
        if suite in named:
            implied.update({part: suite for part in parts if part not in named and part not in implied})
        elif suite not in implied and len(present := [part for part in parts if part in named]) >= MIN_PARTS_OF_SUITE:
            implied[suite] = present[0]
    return implied


def extract_skills(text: str) -> list[str]:
    """Canonical names of the skills `text` claims, in order of first mention, without duplicates."""
    return list(dict.fromkeys(mention.name for mention in find_skill_mentions(text)))
