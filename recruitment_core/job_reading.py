"""How strongly each position of a posting asks for what stands there: its section, the clause it is in and
the cues ("is a plus", "required", "ideally") that claim it."""

import bisect
import re
from dataclasses import dataclass

from recruitment_core.job_sections import Block
from recruitment_core.job_vocabulary import (
    ABOUT,
    COMPANY_VOICE_KINDS,
    IGNORED,
    NOT_ASKED,
    PREFERRED,
    REQUIRED,
    STACK,
    job_vocabulary,
)
from recruitment_core.skills import SkillMention, find_skill_mentions
from recruitment_core.vocabulary import is_bullet, strip_bullet

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


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    strength: str  # REQUIRED | PREFERRED | NOT_ASKED
    either: bool  # may claim what precedes it


# ---------------------------------------------------------------------------------------------------------
# Clauses and cues: how strongly each position of the text asks for what it names


class Reading:
    """The description with its blocks, clause boundaries, cues and mentions, to ask how strongly any
    position of it asks for what stands there."""

    def __init__(self, text: str, blocks: list[Block], skills: list[SkillMention], anchors: list[int]) -> None:
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

    def clause_start(self, position: int, block: Block) -> int:
        """Where the clause holding `position` starts, for what a cue there may claim backwards."""
        candidates = [block.start]
        for breaks in (self.hard, self.strong, self.weak):
            index = bisect.bisect_left(breaks, position) - 1
            if index >= 0:
                candidates.append(breaks[index] + 1)
        return max(candidates)

    def _clause_end(self, position: int, block: Block) -> int:
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

    def block_at(self, position: int) -> Block | None:
        index = self._block_index(position)
        return None if index is None else self.blocks[index]

    def _is_company_sentence(self, position: int, block: Block) -> bool:
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
