"""Where and how the work is done: the location, remote/hybrid/onsite and the kind of employment."""

import re
from collections.abc import Iterable

from recruitment_core.job_sections import Block
from recruitment_core.job_vocabulary import ABOUT, BENEFITS, IGNORED, LEGAL, UNKNOWN, job_vocabulary
from recruitment_core.vocabulary import is_place

# Words around a place in a location value: "US only", "EU time zones".
PLACE_NOISE = re.compile(r"\b(?:only|based|preferred|required|time\s*zones?)\b", re.IGNORECASE)
TITLE_PLACE_PART = re.compile(r"\(([^()]+)\)|\s[-–—|]\s+(.+)$|,\s*(.+)$")
CAPITALISED_PLACE = re.compile(
    r"(?:(?:our|the)\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?)"
)
# " or " only in lower case: "Portland, OR" is Oregon.
LOCATION_SPLIT = re.compile(r"\s*(?:\bor\b|/|\||;|\(|\)|\[|\]|\s[-–—]\s|[–—]|•)\s*")
NOT_A_PLACE = re.compile(
    r"\b(?:(?:fully|100%|partly|partially)\s+)?(?:remote|hybrid|on[- ]?site|in[- ]office|wfh|work\s+from\s+home"
    r"|anywhere|worldwide|flexible)(?:[- ](?:first|only|friendly|ok|possible))?\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------------------
# Work arrangement, employment type, location


def _remote_from_value(value: str) -> str | None:
    vocab = job_vocabulary()
    key = " ".join(value.lower().replace("_", " ").split())
    if key in vocab.remote_values:
        return vocab.remote_values[key]
    return _remote_from_text([value])


def _remote_from_text(texts: Iterable[str]) -> str | None:
    texts = list(texts)
    for policy, pattern in job_vocabulary().remote_text:
        if any(pattern.search(text) for text in texts):
            return policy
    return None


def _explicit_remote(remote: bool | str | None) -> str | None:
    if isinstance(remote, bool):
        return "remote" if remote else "onsite"
    if isinstance(remote, str) and remote.strip():
        return _remote_from_value(remote)
    return None


def _employment_from_value(value: str) -> str | None:
    vocab = job_vocabulary()
    key = " ".join(value.lower().replace("_", " ").split())
    if key in vocab.employment_values:
        return vocab.employment_values[key]
    if key.replace(" ", "_") in vocab.employment_values:
        return vocab.employment_values[key.replace(" ", "_")]
    return _employment_from_text([value])


def _employment_from_text(texts: Iterable[str]) -> str | None:
    texts = list(texts)
    for kind, pattern in job_vocabulary().employment_text:
        if any(pattern.search(text) for text in texts):
            return kind
    return None


def _place_from(value: str) -> str | None:
    """The place in a location value: "Berlin, Germany (Hybrid)" -> "Berlin, Germany"; "Remote" -> None."""
    for part in LOCATION_SPLIT.split(value):
        part = " ".join(PLACE_NOISE.sub("", NOT_A_PLACE.sub("", part)).split()).strip(" ,.:-")
        if re.search(r"[^\W\d_]", part):
            return part
    return None


def _place_in_title(title: str) -> str | None:
    for match in TITLE_PLACE_PART.finditer(title):
        candidate = next(group for group in match.groups() if group is not None).strip()
        place = _place_from(candidate)
        if place and is_place(place):
            return place
    return None


def _place_after_phrase(text: str) -> str | None:
    for match in job_vocabulary().location_phrase.finditer(text):
        candidate = CAPITALISED_PLACE.match(text, match.end())
        if not candidate:
            continue
        words = candidate.group(1).split(" ")
        for size in range(len(words), 0, -1):
            place = " ".join(words[:size]).rstrip(",.")
            if is_place(place) and not NOT_A_PLACE.fullmatch(place):
                return place
    return None


def read_location(given: str, title: str, text: str, blocks: list[Block], labelled: dict[str, str]) -> str | None:
    """The place of work: the value given with the job, a "Location:" line, the title, or "based in X"."""
    if given.strip():
        return _place_from(given)
    vocab = job_vocabulary()
    for label, value in labelled.items():
        if label in vocab.location_labels and (place := _place_from(value.split("\n", 1)[0])):
            return place
    if place := _place_in_title(title):
        return place
    read = (text[block.start : block.end] for block in blocks if vocab.strength_by_kind.get(block.kind) != IGNORED)
    return _place_after_phrase("\n".join(read))


def read_remote_policy(
    given: bool | str | None, location: str, title: str, text: str, blocks: list[Block], labelled: dict[str, str]
) -> str:
    """Remote, hybrid or onsite: from the value given, the location given, a labelled line, then the text."""
    vocab = job_vocabulary()
    # Benefits may say it too ("Fully remote." closing the posting); legal text does not.
    said = [title, *(text[block.start : block.end] for block in blocks if block.kind != LEGAL)]
    policy = _explicit_remote(given)
    if policy == "onsite" and given is False and _remote_from_text(said) == "hybrid":
        return "hybrid"  # "remote": false with the job and "hybrid" in its text agree
    if policy is None and location.strip():
        policy = _remote_from_text([location])
    if policy is None:
        values = (value for label, value in labelled.items() if label in vocab.remote_labels)
        policy = next(filter(None, map(_remote_from_value, values)), None)
    return policy or _remote_from_text(said) or UNKNOWN


def read_employment_type(given: str, title: str, text: str, blocks: list[Block], labelled: dict[str, str]) -> str:
    """The kind of employment: the value given, the title and labelled lines (most specific first), the text."""
    vocab = job_vocabulary()
    if given.strip() and (kind := _employment_from_value(given)):
        return kind
    values = [value for label, value in labelled.items() if label in vocab.employment_labels]
    named = [kind for kind in (_employment_from_text([title]), *map(_employment_from_value, values)) if kind]
    if named:
        priority = [name for name, _ in vocab.employment_text]
        return min(named, key=priority.index)
    read = (text[block.start : block.end] for block in blocks if block.kind not in (BENEFITS, LEGAL, ABOUT))
    return _employment_from_text(read) or UNKNOWN
