"""The skills a posting asks for: required or preferred by where and how they are named, and the groups of
skills any one of which meets a requirement ("Java or Python", "Workday/SAP", "one of A, B or C",
"experience with A, B, or similar"). A group of preferred skills leaves out those required elsewhere; a group
of required skills one of which is also required on its own is no choice and is left out.

A skill named inside a longer noun phrase is not asked for: in "bug/change management systems" the posting
asks for a kind of system, not for change management as a skill.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from recruitment_core.job_reading import Reading
from recruitment_core.job_vocabulary import PREFERRED, REQUIRED, STACK
from recruitment_core.skills import SkillMention, find_skill_mentions, load_taxonomy

# "bug/" before a skill: the skill's words are the end of a longer name shared by both sides of the slash.
SLASHED_MODIFIER = re.compile(r"(?<![\w/])[A-Za-z][\w-]*/$")
# Between two skills any one of which will do: "Java or Python", "Java and/or Python", "Workday/SAP",
# "Java (or Kotlin)".
EITHER_JOIN = re.compile(r"\s*(?:,\s*)?\(?\s*(?:or|and/or)\s+", re.IGNORECASE)
SLASH_JOIN = re.compile(r"\s*/\s*")
# "Bilingual English/Spanish" asks for both languages.
BOTH_WHEN_SLASHED = frozenset({"spoken_languages"})
COMMA_JOIN = re.compile(r"\s*,\s*")
# Words that make a list one of alternatives however it is joined.
EITHER_BEFORE = re.compile(
    r"\b(?:(?:at\s+least\s+)?one\s+of|any\s+(?:one\s+)?of|either)\s+(?:the\s+following\s*:?\s*)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
SIMILAR_AFTER = re.compile(
    r"\s*,?\s*(?:or|and/or)\s+(?:an?\s+|any\s+|another\s+|other\s+)?"
    r"(?:similar|equivalent|comparable|alternative|related|other|another)\b",
    re.IGNORECASE,
)
# How far back "one of" may stand from the first skill of its list.
EITHER_LOOKBACK = 40


@dataclass(frozen=True)
class AskedSkills:
    required: list[str]
    preferred: list[str]  # never also in required
    alternatives: list[list[str]]  # each: names any one of which meets one requirement


def ordered_unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def standalone_mentions(text: str, mentions: list[SkillMention]) -> list[SkillMention]:
    """The mentions that name a skill themselves, not the last words of a longer name ("bug/change management")."""
    ends = {mention.end for mention in mentions}
    kept = []
    for mention in mentions:
        modifier = SLASHED_MODIFIER.search(text, max(0, mention.start - 30), mention.start)
        if modifier and mention.start - 1 not in ends:
            continue
        kept.append(mention)
    return kept


def asked_skills(text: str, title: str, mentions: list[SkillMention], reading: Reading) -> AskedSkills:
    """Required and preferred skills, and the alternatives among them.

    The title's skills count as required ("Python Developer"); a list of tools in use ("Our stack") is required
    only when nothing else names a required skill.
    """
    title_skills = [mention.name for mention in find_skill_mentions(title)]
    required = list(title_skills)
    preferred: list[str] = []
    stack: list[str] = []
    strengths: list[str | None] = []
    for mention in mentions:
        strength = reading.strength(mention.start, mention.end)
        strengths.append(strength)
        if strength == REQUIRED:
            required.append(mention.name)
        elif strength == PREFERRED:
            preferred.append(mention.name)
        elif strength == STACK:
            stack.append(mention.name)
    required_strength = REQUIRED if required else STACK
    if required:
        preferred.extend(stack)
    else:
        required = stack
    required_skills = ordered_unique(required)
    preferred_skills = [name for name in ordered_unique(preferred) if name not in required_skills]

    either_lists = _either_lists(text, mentions)
    in_a_list = {index for group in either_lists for index in group}
    # Required on its own as well ("services in Go" and "Go or Java"): the choice is already made.
    required_outright = set(title_skills) | {
        mention.name
        for index, mention in enumerate(mentions)
        if strengths[index] == required_strength and index not in in_a_list
    }
    alternatives = []
    for group in either_lists:
        group_strengths = {strengths[index] for index in group}
        if len(group_strengths) != 1 or None in group_strengths:
            continue  # "Python is required, Go a plus": two requirements, not one
        names = ordered_unique(mentions[index].name for index in group)
        if all(name in required_skills for name in names):
            if required_outright.intersection(names):
                continue
        else:
            names = [name for name in names if name not in required_skills]  # required elsewhere, so not optional
        if len(names) > 1 and names not in alternatives:
            alternatives.append(names)
    return AskedSkills(required_skills, preferred_skills, alternatives)


def _either_lists(text: str, mentions: list[SkillMention]) -> list[list[int]]:
    """Indexes of the mentions in each list of alternatives, in order.

    A list joined by commas is one of alternatives when "or" joins it, "one of" opens it or "or similar" closes
    it; a slash makes alternatives of the two skills it joins ("Workday/SAP"), not of the list around them
    ("pivot tables, Power BI/Tableau").
    """
    groups = []
    run = [0] if mentions else []
    slashed: list[list[int]] = [[0]] if mentions else []  # the run cut at every join but a slash
    worded = False  # "or" or "and/or" joins the run
    for index in range(1, len(mentions) + 1):
        if index < len(mentions):
            previous, current = mentions[index - 1], mentions[index]
            between = (previous.end, current.start)
            if SLASH_JOIN.fullmatch(text, *between) and not _both_asked(previous, current):
                run.append(index)
                slashed[-1].append(index)
                continue
            if EITHER_JOIN.fullmatch(text, *between) or COMMA_JOIN.fullmatch(text, *between):
                worded = worded or EITHER_JOIN.fullmatch(text, *between) is not None
                run.append(index)
                slashed.append([index])
                continue
        first, last = mentions[run[0]], mentions[run[-1]]
        either = (
            worded
            or EITHER_BEFORE.search(text, max(0, first.start - EITHER_LOOKBACK), first.start) is not None
            or SIMILAR_AFTER.match(text, last.end) is not None
        )
        groups.extend([run] if either else slashed)
        run, slashed, worded = [index], [[index]], False
    return [group for group in groups if len(group) > 1]


def _both_asked(first: SkillMention, second: SkillMention) -> bool:
    """Whether a slash between these two skills asks for both ("English/Spanish")."""
    categories = load_taxonomy().category_by_skill
    return {categories.get(first.name), categories.get(second.name)} <= BOTH_WHEN_SLASHED
