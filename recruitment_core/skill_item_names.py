"""Whether an item of a skills list reads as the name of a skill: a few words, not a sentence, a date, a place,
a contact detail, a heading or a proficiency level on its own; and how its case is tidied."""

import re

from recruitment_core.sections import heading_vocabulary, normalise_heading
from recruitment_core.skills import NEGATION_CUE
from recruitment_core.vocabulary import is_place


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_ITEM_WORDS = 5
MIN_CAPITAL_HEADING_WORDS = 4
MAX_ITEM_CHARS = 60
ITEM_BREAK = re.compile(r"\s*[,;]\s*")
PROFICIENCY_WORDS = word_set(
    "fluent fluency native bilingual conversational intermediate advanced beginner basic proficient proficiency"
    " expert elementary limited working professional full mother tongue speaker level business good excellent"
    " strong fair c1 c2 b1 b2 a1 a2 native-level near-native native-like"
)
# Signs of prose rather than a name: pronouns, finite verbs, "ability to".
PROSE_WORDS = word_set(
    "i me my we our us you your he she they their am is are was were be been being have has had will would can"
    " could shall should may might must do does did"
)
PROSE_PHRASE = re.compile(
    r"\b(?:ability|abilities|able|capable|willing|eager|desire|commitment|track\s+record|responsible\s+for"
    r"|years?\s+of|passion\s+for|proven)\b",
    re.IGNORECASE,
)
# "Managed a team of 5", "Leading the audit": a verb and its object, not a name.
VERB_AND_OBJECT = re.compile(
    r"^\S+\s+(?:a|an|the|all|our|my|their|his|her|every|each|over|multiple|several|numerous|up\s+to|\d)\b",
    re.IGNORECASE,
)
PAST_TENSE_OPENERS = word_set("led built oversaw ran grew drove made won took wrote taught sold")
# Words in "-ed" that open the names of skills ("Advanced wound care"), not an account of work done.
ADJECTIVES_IN_ED = word_set(
    "advanced applied automated certified computerized computerised distributed embedded integrated licensed"
    " registered specialized specialised supervised unsupervised detailed animated assisted based related"
    " accelerated blended guided structured"
)
PREPOSITIONS = word_set("for to with at on in across over from into per by within")
# "Works well under pressure", "Learns quickly": how someone works, not what they can do.
PROSE_ADVERBS = word_set(
    "well quickly effectively efficiently independently successfully closely accurately proactively consistently"
    " easily productively"
)
# Words that name a kind of skill, not a skill: "Clinical", "Technical", "Software" set out as sub-headings.
CATEGORY_WORDS = word_set(
    "technical clinical administrative computer software hardware tools systems platforms frameworks languages"
    " programming databases technologies methodologies methods certifications licenses licensure equipment"
    " office professional personal soft hard core key other additional general industry business digital"
    " applications environments operating interpersonal transferable relevant skills skill abilities competencies"
    " expertise knowledge proficiencies strengths areas specialties"
)
FRAGMENT_EDGES = word_set("and or of in to with for the a an on at by from as but including such via")
GENERIC_ITEMS = word_set(
    "skills skill other others etc various misc miscellaneous including more and more tools software languages"
    " technologies certifications strengths abilities"
)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_OR_NUMBER = re.compile(
    rf"\b(?:19|20)\d\d\b|^\s*{MONTH}\s*$|\b{MONTH}\s+\d|\bpresent\b|\b\d+\+?\s*(?:years?|yrs?|months?)\b"
    r"|^[\d\s.,%$€£+/:-]+$",
    re.IGNORECASE,
)
CONTACT = re.compile(r"@|https?:|www\.|\.(?:com|org|net|io)\b|\+?\d[\d\s().-]{7,}\d", re.IGNORECASE)
SMALL_WORDS = word_set("and or of the for in on to with per a an at by vs")


def is_prose(segment: str) -> bool:
    """Whether a part of a line reads as a sentence, not a list of names."""
    tokens = segment.split()
    if len(tokens) <= MAX_ITEM_WORDS and not segment.endswith("."):
        return False
    has_list = ITEM_BREAK.search(segment) is not None
    if not has_list:
        return len(tokens) >= 3  # a long phrase, or one ending with a full stop
    lowered = set(prose_forms(tokens))
    longest = max(len(part.split()) for part in ITEM_BREAK.split(segment))
    return bool(lowered & PROSE_WORDS) or PROSE_PHRASE.search(segment) is not None or longest > MAX_ITEM_WORDS


def prose_forms(tokens: list[str]) -> list[str]:
    """Tokens lower-cased for the prose test; acronyms ("AM", "US", "IS") are not the words they spell."""
    stripped = [token.strip(".,;:()!?") for token in tokens]
    return [word.lower() for word in stripped if word == "I" or not word.isupper() or len(word) == 1]


def reads_as_name(item: str) -> bool:
    """Whether an item reads as the name of a skill: a few words, not a sentence, date, place or heading."""
    tokens = item.split()
    lowered = [token.strip(".,;:()!?").lower() for token in tokens]
    if not tokens or len(tokens) > MAX_ITEM_WORDS or len(item) > MAX_ITEM_CHARS or "%" in item:
        return False  # a share ("42% of hires") is an achievement, not a skill
    if not re.search(r"[^\W\d_]{2}", item) and not re.fullmatch(r"[A-Z]", item):
        return False
    if item.endswith((".", "!", "?")) and len(tokens) >= 3:
        return False
    if set(prose_forms(tokens)) & PROSE_WORDS or PROSE_PHRASE.search(item) or NEGATION_CUE.search(item):
        return False
    if lowered[0] in FRAGMENT_EDGES or lowered[-1] in FRAGMENT_EDGES:
        return False
    if (lowered[0] in PAST_TENSE_OPENERS and len(tokens) > 1) or (VERB_AND_OBJECT.match(item) and len(tokens) > 2):
        return False
    if is_account_of_work(lowered) or set(lowered) & PROSE_ADVERBS or all(word in CATEGORY_WORDS for word in lowered):
        return False
    if all(word in PROFICIENCY_WORDS for word in lowered) or " ".join(lowered) in GENERIC_ITEMS:
        return False
    if DATE_OR_NUMBER.search(item) or CONTACT.search(item) or is_place(item):
        return False
    if len(tokens) >= MIN_CAPITAL_HEADING_WORDS and item.isupper():
        return False  # "PRO BONO AND PROFESSIONAL ACTIVITIES": a heading the vocabulary does not know
    return normalise_heading(item) not in heading_vocabulary().section_by_heading


def is_account_of_work(lowered: list[str]) -> bool:
    """ "Managed inventory for 3 stores", "Trained staff on new POS system": a verb in "-ed" and what it did."""
    first = lowered[0]
    if not first.endswith("ed") or len(first) < 5 or first in ADJECTIVES_IN_ED or len(lowered) < 2:
        return False
    return len(lowered) >= 3 or any(word in PREPOSITIONS or word.isdigit() for word in lowered[1:])


def tidy_case(item: str) -> str:
    """First letter capitalised, unless the item opens with a mixed-case brand ("iOS", "eBay"); several words
    all in capitals are set in sentence case, short ones kept as acronyms ("CNC MACHINING" -> "CNC machining")."""
    letters = [character for character in item if character.isalpha()]
    words = item.split()
    if all(character.isupper() for character in letters) and len(words) > 1:
        words = [word if len(word) <= 3 and word.lower() not in SMALL_WORDS else word.lower() for word in words]
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words)
    first = words[0]
    if first[:1].islower() and not any(character.isupper() for character in first[1:]):
        words[0] = first[:1].upper() + first[1:]
    return " ".join(words)
