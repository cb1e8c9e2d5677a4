"""Words the resume parser reads resumes with, loaded once from `data/resume_vocabulary.json`, and the
small text tests built on them: is this a job title, an employer, a place?"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

VOCABULARY_PATH = Path(__file__).parent / "data" / "resume_vocabulary.json"

# Separators between the parts of a header line: "Senior Engineer | Acme | 2017–2020",
# "Acme Corp — Senior Engineer", "Engineer • Acme". A hyphen counts only with spaces around it.
STRONG_SEPARATOR = re.compile(r"\s*(?:[|•·◦▪●■►\t]|\s[-–—]+\s|[–—]+|\s/\s)\s*")
BULLET = re.compile(r"^\s*(?:[-*•·◦▪●○■□➢➤►▶✓✔❖◆◇♦→⁃‣∙]+|\d{1,2}[.)]|[a-z][.)])\s*(?=\S)")
WORD = re.compile(r"[^\W_][\w'’.&+-]*")
PARENTHETICAL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
COMPANY_SUFFIX = re.compile(
    r"^(?:inc|llc|l\.l\.c|ltd|limited|corp|co|gmbh|ag|plc|s\.a|llp|lp|pte|pvt|bv|b\.v|nv|sa|se)\.?$", re.IGNORECASE
)
BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@dataclass(frozen=True)
class Vocabulary:
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    employer_words: frozenset[str]
    employment_noise: frozenset[str]
    region_codes: dict[str, str]  # "CA" -> "California", "ON" -> "Ontario"
    region_names: frozenset[str]  # lower-cased state, province and country names
    country_regions: dict[str, str]  # lower-cased country name -> ISO region ("uk" -> "GB")
    cities: frozenset[str]
    location_words: frozenset[str]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    credentials: frozenset[str]


@functools.cache
def vocabulary() -> Vocabulary:
    """Read `data/resume_vocabulary.json` (once per process)."""
    data = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    region_codes = {**data["us_states"], **data["ca_provinces"]}
    return Vocabulary(
        title_heads=frozenset(word.replace(".", "") for word in data["title_heads"]),
        title_modifiers=frozenset(word.replace(".", "") for word in data["title_modifiers"]),
        employer_words=frozenset(word.replace(".", "").rstrip(",") for word in data["employer_words"]),
        employment_noise=frozenset(data["employment_noise"]),
        region_codes=region_codes,
        region_names=frozenset(
            name.lower() for name in [*region_codes.values(), *data["countries"], *data["other_regions"]]
        ),
        country_regions=data["countries"],
        cities=frozenset(data["cities"]),
        location_words=frozenset(data["location_words"]),
        not_name_words=frozenset(data["not_name_words"]),
        name_particles=frozenset(data["name_particles"]),
        credentials=frozenset(data["credentials"]),
    )


def words(text: str) -> list[str]:
    return WORD.findall(text)


def lower_words(text: str) -> list[str]:
    """Lower-cased words without dots: "B.V." and "Sr." compare as "bv" and "sr"."""
    return [word.lower().strip(",'’").replace(".", "") for word in WORD.findall(text)]


def is_bullet(line: str) -> bool:
    return BULLET.match(line) is not None


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def split_strong(text: str) -> list[str]:
    """The parts of a header line between strong separators, without empty ones; a separator inside
    brackets does not split ("Class Teacher (P5–P7)")."""
    brackets = [match.span() for match in BRACKETS.finditer(text)]
    parts = []
    start = 0
    for match in STRONG_SEPARATOR.finditer(text):
        if any(left < match.start() < right for left, right in brackets):
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return [part.strip(" ,;:") for part in parts if part.strip(" ,;:")]


def title_score(text: str) -> int:
    """How much `text` reads as a job title: 3 for a title noun at its end, 1 more for any title word."""
    tokens = lower_words(text)
    if not tokens:
        return 0
    vocab = vocabulary()
    score = 0
    if tokens[-1] in vocab.title_heads or " ".join(tokens[-2:]) in vocab.title_heads:
        score += 3
    elif any(token in vocab.title_heads for token in tokens):
        score += 2
    if any(token in vocab.title_modifiers for token in tokens[:-1]):
        score += 1
    return score


def employer_score(text: str) -> int:
    """How much `text` reads as an organisation's name: 3 when it ends with a company word ("Acme Corp",
    "St. Mary's Hospital"), 2 when one stands elsewhere ("Bank of America"), 1 more for "&" or a domain."""
    tokens = lower_words(text)
    if not tokens:
        return 0
    vocab = vocabulary()
    score = 0
    if len(tokens) > 1 and tokens[-1] in vocab.employer_words:
        score += 3
    elif any(token in vocab.employer_words for token in tokens[1:]) or (
        len(tokens) > 1 and tokens[0] in vocab.employer_words and tokens[0] not in vocab.title_modifiers
    ):
        score += 2
    if "&" in text or re.search(r"\.(?:com|io|ai|co)\b", text, re.IGNORECASE):
        score += 1
    return score


def region_of(text: str) -> str | None:
    """The state, province or country `text` names exactly ("CA", "Texas", "UK", "Germany"), else None."""
    stripped = text.strip(" .")
    vocab = vocabulary()
    code = re.sub(r"\s+\d{5}(?:-\d{4})?$", "", stripped)  # "IL 62704"
    if code in vocab.region_codes:
        return code
    lowered = stripped.lower()
    if lowered in vocab.region_names and (len(stripped) > 3 or stripped.isupper() or "." in stripped):
        return stripped
    return None


def is_place(text: str) -> bool:
    """Whether `text` is only a place: "Remote", "Berlin", "San Francisco, CA", "London, UK"."""
    stripped = PARENTHETICAL.sub("", text).strip(" ,.()")
    if not stripped:
        return False
    lowered = stripped.lower()
    vocab = vocabulary()
    if lowered in vocab.location_words or lowered in vocab.cities or region_of(stripped):
        return True
    parts = [part.strip() for part in stripped.split(",")]
    if len(parts) >= 2 and all(region_of(part) for part in parts[1:]):
        return _place_name(parts[0])
    return False


def _place_name(text: str) -> bool:
    tokens = text.split()
    if not 0 < len(tokens) <= 4 or any(word in vocabulary().employer_words for word in lower_words(text)):
        return False
    return all(token[:1].isupper() or token.lower() in {"de", "la", "of"} for token in tokens)


def strip_place(text: str) -> str:
    """`text` without a place at its end: "Acme Corp, Austin, TX" and "Acme Corp Austin, TX" -> "Acme Corp"."""
    text = PARENTHETICAL.sub(lambda match: "" if is_place(match.group().strip(" ()[]")) else match.group(), text)
    if is_place(text):
        return ""
    parts = [part.strip() for part in text.split(",")]
    vocab = vocabulary()
    for index in range(1, len(parts)):
        if not all(region_of(part) or part.lower() in vocab.location_words for part in parts[index:]):
            continue
        head = parts[:index]
        last = head[-1]
        if len(head) > 1 and (
            is_place(last) or (_place_name(last) and not employer_score(last) and not title_score(last))
        ):
            head = head[:-1]
        else:
            head[-1] = _strip_trailing_city(last)
        return ", ".join(part for part in head if part).strip()
    if len(parts) > 1 and is_place(parts[-1]):
        return ", ".join(parts[:-1]).strip()
    # "Sunrise Care Homes Ltd, Bolton": a short name after a company word is where the company is.
    if (
        len(parts) == 2
        and employer_score(parts[0]) >= 3
        and _place_name(parts[1])
        and len(parts[1].split()) <= 2
        and not title_score(parts[1])
        and not COMPANY_SUFFIX.match(parts[1])
    ):
        return parts[0]
    return text.strip()


def _strip_trailing_city(text: str) -> str:
    """ "Acme Corp San Francisco" -> "Acme Corp": a known city, or the words after a company word."""
    tokens = text.split()
    vocab = vocabulary()
    for size in (3, 2, 1):
        if len(tokens) > size and " ".join(tokens[-size:]).lower() in vocab.cities:
            return " ".join(tokens[:-size])
    for index in range(len(tokens) - 2, 0, -1):
        if any(word in vocab.employer_words for word in lower_words(tokens[index])):
            return " ".join(tokens[: index + 1])
    return text
