"""Contact details at the top of a resume: the person's name, e-mails, phone, location and links."""

import re
import unicodedata
from dataclasses import dataclass

from recruitment_core.phone import find_phone
from recruitment_core.sections import Line
from recruitment_core.skills import find_skill_mentions, load_taxonomy
from recruitment_core.vocabulary import (
    PARENTHETICAL,
    employer_score,
    is_bullet,
    is_place,
    region_of,
    split_strong,
    title_score,
    vocabulary,
)

# How far from the top the name and the location are looked for.
NAME_SEARCH_LINES = 8
CONTACT_SEARCH_LINES = 15
CONTACT_BLOCK_RADIUS = 3
# A sidebar printed before the main column puts the name this far down.
NAME_FALLBACK_LINES = 80

EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w-])", re.IGNORECASE)
# OCR and careless typing put a space next to the "@" ("jane.doe @gmail.com"); accepted only when the name part
# reads as a mailbox (a dot, digit or underscore in it), so "Engineer @ Acme.io" is not an address.
SPACED_EMAIL = re.compile(
    r"(?<![\w.+-])([\w%+-]*[._\d][\w.%+-]*) ?@ ?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,24})(?![\w-])", re.IGNORECASE
)
# "jane [at] example [dot] com", "jane(at)example.com"
OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.%+-]+)\s*[\[(]\s*at\s*[\])]\s*([\w-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[\w-]+)+)",
    re.IGNORECASE,
)
OBFUSCATED_DOT = re.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", re.IGNORECASE)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]{}|,;\"'`]+", re.IGNORECASE)
PROFILE_URL = re.compile(
    r"(?<![\w.@/-])(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|behance\.net|dribbble\.com"
    r"|medium\.com|stackoverflow\.com|kaggle\.com|twitter\.com|x\.com|instagram\.com|youtube\.com)"
    r"(?:/[^\s<>()\[\]{}|,;\"'`]*)?",
    re.IGNORECASE,
)
# A personal site written without "www" or a scheme: "janedoe.dev", "jane.io/blog". ".net" is left out
# because "ASP.NET" ends with it; such sites are found when written with "www." or "https://".
BARE_SITE = re.compile(
    r"(?<![\w.@/-])[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|io|dev|me|org|co|ai|app|tech|site|page|xyz|info|blog|design"
    r"|online|studio|codes|cc|us|uk|de)(?:/[^\s<>()\[\]{}|,;\"'`]*)?(?![\w@])",
)
TRAILING_PUNCTUATION = ".,;:)]}>'\""
LOCATION_LABEL = re.compile(
    r"\b(?:(?:location|address|city|residence|home)\s*[:\-–]|based in\b|lives in\b|located in\b)\s*", re.IGNORECASE
)
NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-–]\s*", re.IGNORECASE)
NAME_TOKEN = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_]+(?:['’`-][^\W\d_]+)*\.?)$")
COLUMN_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")
# Postcodes: US ZIP, UK ("EH9 1HY"), Canadian ("M5V 2T6"), and the four-to-six digit codes before or after a
# town in much of Europe and Asia ("10115 Berlin").
POSTCODE = re.compile(r"\b(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4,6})\b")
TOWN_AND_REGION = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}")
HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame)\.?\s+", re.IGNORECASE)
STREET_WORDS = frozenset(
    {
        "st",
        "street",
        "ave",
        "avenue",
        "rd",
        "road",
        "blvd",
        "boulevard",
        "dr",
        "drive",
        "lane",
        "ln",
        "way",
        "suite",
        "apt",
        "court",
        "ct",
        "place",
        "pl",
        "square",
        "sq",
        "floor",
        "unit",
        "hwy",
        "highway",
        "pkwy",
        "parkway",
    }
)


@dataclass(frozen=True)
class Contact:
    name: str | None
    name_line: int | None  # the line number the name was read from
    name_below_sidebar: bool  # the name was read below a sidebar printed before it, not at the top
    emails: list[str]
    phone: str | None
    location: str | None
    links: list[str]


def parse_contact(
    lines: list[Line],
    *,
    excluded_lines: set[int],
    name_lines: set[int],
    role_lines: set[int] | None = None,
    sidebar_name_lines: set[int] | None = None,
    default_region: str,
) -> Contact:
    """Read contact details; `excluded_lines` (e.g. a References section) hold other people's details, the
    name is read only from `name_lines` (the contact block, not a section's heading or contents), and the
    location not from `role_lines` (where a job or a school is, not where the person lives). Without a name
    there, one is looked for in `sidebar_name_lines`, below a sidebar printed first."""
    own_lines = [line for line in lines if line.number not in excluded_lines]
    text = "\n".join(line.text for line in own_lines)
    top = [line for line in own_lines if not line.is_blank][:CONTACT_SEARCH_LINES]
    name, name_line = find_name([line for line in top[:NAME_SEARCH_LINES] if line.number in name_lines])
    emails = find_emails(text)
    name_below_sidebar = False
    if name is None:
        fallback = [line for line in own_lines[:NAME_FALLBACK_LINES] if line.number in (sidebar_name_lines or ())]
        name, name_line = find_name_beside_title(fallback, emails)
        name_below_sidebar = name is not None
    top_places = [line for line in top if line.number not in (role_lines or ())]
    contact_block = _contact_block(own_lines, emails)
    location = find_location([*contact_block, *top_places], own_lines)
    return Contact(
        name=name,
        name_line=name_line,
        name_below_sidebar=name_below_sidebar,
        emails=emails,
        phone=find_phone([*top, *contact_block], own_lines, default_region=default_region, location=location),
        location=location,
        links=find_links(text),
    )


def _contact_block(lines: list[Line], emails: list[str]) -> list[Line]:
    """The lines around the first e-mail address: where a sidebar or a footer keeps the contact details."""
    if not emails:
        return []
    for index, line in enumerate(lines):
        if "@" in line.text and emails[0].split("@")[0] in line.text.lower():
            window = lines[max(0, index - CONTACT_BLOCK_RADIUS) : index + CONTACT_BLOCK_RADIUS + 1]
            return [other for other in window if not other.is_blank]
    return []


def find_emails(text: str) -> list[str]:
    """Every e-mail address, lower-cased, in order, without duplicates."""
    found = [match.group().lower() for match in EMAIL.finditer(text)]
    found += [
        f"{match.group(1)}@{match.group(2)}".lower() for match in SPACED_EMAIL.finditer(text) if " " in match.group()
    ]
    for match in OBFUSCATED_EMAIL.finditer(text):
        found.append(f"{match.group(1)}@{OBFUSCATED_DOT.sub('.', match.group(2))}".lower())
    return list(dict.fromkeys(email.strip(".") for email in found))


def find_links(text: str) -> list[str]:
    """URLs, profile links (LinkedIn, GitHub, ...) and personal sites, as written, without duplicates."""
    found: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    email_spans = [match.span() for match in EMAIL.finditer(text)]
    skill_aliases = load_taxonomy().skill_by_alias
    for pattern in (URL, PROFILE_URL, BARE_SITE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in [*covered, *email_spans]):
                continue
            link = match.group().rstrip(TRAILING_PUNCTUATION)
            if pattern is BARE_SITE and link.lower() in skill_aliases:
                continue  # "socket.io" is a library, not a website
            covered.append((start, end))
            found.append((start, link))
    return list(dict.fromkeys(link for _, link in sorted(found)))


def _columns(text: str) -> str:
    """Columns set apart by wide gaps ("Jane Doe      jane@example.com") written as "|"-separated parts."""
    return COLUMN_GAP.sub(" | ", text)


def find_name(top: list[Line]) -> tuple[str | None, int | None]:
    """The person's name: the first line near the top that reads as one ("Jane Doe, MBA" -> "Jane Doe").

    A name broken over two lines of one word each ("Priyanka" / "Deshpande") is read as one."""
    for index, line in enumerate(top):
        following = top[index + 1].text.strip() if index + 1 < len(top) else ""
        name = _name_on_line(line.text, following)
        if name is None and _is_single_word(line.text) and _is_single_word(following):
            name = clean_name(f"{line.text.strip()} {following}")
        if name:
            return name, line.number
    return None, None


def find_name_beside_title(lines: list[Line], emails: list[str]) -> tuple[str | None, int | None]:
    """A name printed below a sidebar rather than at the top: a line that reads as a name and is confirmed by
    the job title on the line below it or by the e-mail address it matches ("Maya Okafor" / "Senior UX Designer")."""
    text_lines = [line for line in lines if not line.is_blank and not is_bullet(line.text)]
    for index, line in enumerate(text_lines):
        following = text_lines[index + 1].text if index + 1 < len(text_lines) else ""
        name = _name_on_line(line.text, following)
        if name is None or employer_score(name):
            continue
        if line.text.rstrip().endswith("-"):
            following = text_lines[index + 2].text if index + 2 < len(text_lines) else ""
        title = split_strong(following)[:1]
        if (title and title_score(title[0]) >= 3 and clean_name(title[0]) is None) or _matches_email(name, emails):
            return name, line.number
    return None, None


def _name_on_line(text: str, following: str) -> str | None:
    if text.rstrip().endswith("-") and following.strip():
        text = text.rstrip() + following.strip()  # "Thảo Nguyễn, MSN, RN, NE-" / "BC"
    text = _columns(text.strip())
    if NAME_LABEL.match(text):
        text = NAME_LABEL.sub("", text)
    if "@" in text or "://" in text:
        # "Jane Doe | jane@example.com | (415) 555-0100": the name is the first part
        parts = split_strong(text)
        text = parts[0] if parts and "@" not in parts[0] else ""
    parts = split_strong(text)
    return clean_name(parts[0]) if parts else None


def _is_single_word(text: str) -> bool:
    stripped = text.strip()
    return " " not in stripped and NAME_TOKEN.match(stripped) is not None and stripped[:1].isupper()


def _matches_email(name: str, emails: list[str]) -> bool:
    """Whether a word of the name (three letters or more) is part of an e-mail address's mailbox."""
    mailboxes = [_ascii(email.split("@")[0]) for email in emails]
    tokens = [_ascii(token) for token in name.split()]
    return any(len(token) >= 3 and token in mailbox for token in tokens for mailbox in mailboxes)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(character for character in decomposed if character.isalnum() and character.isascii())


def clean_name(text: str) -> str | None:
    """`text` as a person's name without decorations and post-nominal letters, or None if it is not one."""
    vocab = vocabulary()
    text = PARENTHETICAL.sub("", text)
    text = HONORIFIC.sub("", text.strip(" *#_=~:-–—•|\"'"))
    # "Jane Doe, MBA, PMP" / "Jane Doe MBA" / "John Smith Jr."
    parts = [part.strip() for part in text.split(",")]
    while len(parts) > 1 and all(_is_credential(token) for token in parts[-1].split()):
        parts.pop()
    if len(parts) != 1:
        return None
    tokens = parts[0].split()
    while len(tokens) > 2 and _is_credential(tokens[-1]) and tokens[-1].isupper():
        tokens.pop()
    if not 2 <= len(tokens) <= 5:
        return None
    lowered = [token.lower().strip(".") for token in tokens]
    if any(token in vocab.not_name_words for token in lowered):
        return None
    if lowered[-1] in vocab.title_heads or lowered[0] in vocab.title_modifiers:
        return None
    for token, low in zip(tokens, lowered, strict=True):
        if not NAME_TOKEN.match(token):
            return None
        if not token[0].isupper() and low not in vocab.name_particles:
            return None
    name = " ".join(tokens)
    skill_aliases = load_taxonomy().skill_by_alias
    if is_place(name) or sum(token in skill_aliases for token in lowered) * 2 >= len(tokens):
        return None  # "Tableau COBOL" is a line of keywords
    return name


def _is_credential(token: str) -> bool:
    return token.lower().strip(",") in vocabulary().credentials


def find_location(top: list[Line], lines: list[Line]) -> str | None:
    """A place near the top: "San Francisco, CA", "Berlin, Germany", "London, UK" or a labelled address.

    Known states, provinces, countries and cities are trusted first; failing those, a short "Town, Region"
    line of its own near the top ("Salford, Greater Manchester") is taken as the location.
    """
    labelled = [line for line in lines[:40] if LOCATION_LABEL.search(line.text)]
    candidates = [*labelled, *top]
    for line in candidates:
        for part in split_strong(LOCATION_LABEL.sub(" | ", _columns(line.text))):
            if "@" in part or "://" in part or "www." in part:
                continue
            location = _place_in(POSTCODE.sub("", part))
            if location:
                return location
    for line in candidates:
        for part in split_strong(LOCATION_LABEL.sub(" | ", _columns(line.text))):
            if TOWN_AND_REGION.fullmatch(part.strip()) and _reads_as_place(part):
                return part.strip()
    return None


def _reads_as_place(text: str) -> bool:
    if any(title_score(part) or employer_score(part) >= 2 for part in text.split(",")):
        return False
    return not find_skill_mentions(text) and clean_name(text.split(",")[0]) is None


def _place_in(text: str) -> str | None:
    """ "San Francisco, CA", "Berlin, Germany", "Toronto, ON, Canada", "Edinburgh" as written in `text`."""
    vocab = vocabulary()
    text = " ".join(text.split()).strip(" .,")
    if text.lower() in vocab.cities or (region_of(text) and len(text) > 3):
        return text
    parts = [part.strip() for part in text.split(",")]
    for index in range(1, len(parts)):
        region = region_of(parts[index])
        if not region:
            continue
        city = _city_words(parts[index - 1])
        if not city or (city.lower() not in vocab.cities and title_score(city)):
            continue  # "Principal Mechanical Engineer, PE": a title and a credential, not a town in a province
        place = [city, region]
        country = region_of(parts[index + 1]) if index + 1 < len(parts) else None
        if country and country != region:
            place.append(country)
        return ", ".join(place)
    if len(parts) > 1 and parts[-1].lower() in vocab.cities:
        return parts[-1]  # "14 Marchmont Road, Edinburgh"
    return None


def _city_words(text: str) -> str | None:
    """The place name at the end of `text`: "123 Main St Springfield" -> "Springfield"."""
    tokens = text.split()
    cities = vocabulary().cities
    for size in (4, 3, 2, 1):
        if len(tokens) >= size and " ".join(tokens[-size:]).lower() in cities:
            return " ".join(tokens[-size:])
    words: list[str] = []
    for token in reversed(tokens):
        if any(character.isdigit() for character in token) or not token[:1].isupper() or len(words) == 3:
            break
        if token.lower().rstrip(".,") in STREET_WORDS:
            break
        words.insert(0, token)
    return " ".join(words) or None
