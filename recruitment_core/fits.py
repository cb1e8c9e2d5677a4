"""How a candidate's years, degrees and place compare with what a job asks: each a 0-1 fit, or None when the
job gives nothing to compare with."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recruitment_core.geography import coordinates, distance_km
from recruitment_core.relocation import ANYWHERE
from recruitment_core.scoring_weights import ScoringWeights
from recruitment_core.vocabulary import VOCABULARY_PATH, vocabulary

if TYPE_CHECKING:
    from recruitment_core.job_parser import JobRequirements

POSTCODE = re.compile(r"\b\d{4,6}(?:-\d{4})?\b")
LOCATION_SEPARATOR = re.compile(r"\s*(?:[,|/;•·()]|\s[-–—]\s)\s*")
ONSITE_POLICIES = frozenset({"onsite", "hybrid", "unknown"})


@dataclass(frozen=True)
class Place:
    city: str | None
    region: str | None
    country: str | None


@functools.cache
def _place_tables() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], dict[str, str], frozenset[str]]:
    """(region code -> (region, country), lower-cased region name -> (region, country), country name -> ISO,
    words that are not a place such as "remote")."""
    data = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    codes: dict[str, tuple[str, str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for key, country in (("us_states", "US"), ("ca_provinces", "CA")):
        for code, name in data[key].items():
            codes[code] = (name.lower(), country)
            names[name.lower()] = (name.lower(), country)
    for name in data["other_regions"]:
        names.setdefault(name.lower(), (name.lower(), ""))
    countries = {name.lower(): iso for name, iso in data["countries"].items()}
    return codes, names, countries, frozenset(word.lower() for word in data["location_words"])


@functools.lru_cache(maxsize=8192)
def place_of(text: str, aliases: tuple[tuple[str, str], ...]) -> Place:
    """ "San Francisco, CA 94105" -> city "san francisco", region "california", country "US"."""
    codes, names, countries, not_places = _place_tables()
    aliases_map = dict(aliases)
    cities = vocabulary().cities | aliases_map.keys()
    city = region = country = None
    for part in LOCATION_SEPARATOR.split(POSTCODE.sub(" ", text)):
        part = " ".join(part.split()).strip(" .")
        lowered = part.lower()
        if not part or lowered in not_places:
            continue
        if city is None and lowered in cities:
            # "New York, NY": a city first, even when a state has the same name.
            city = aliases_map.get(lowered, lowered)
        elif part in codes or lowered in names:
            found_region, found_country = codes.get(part) or names[lowered]
            region = region or found_region
            country = country or found_country or None
        elif lowered in countries:
            country = country or countries[lowered]
        elif city is None:
            city = aliases_map.get(lowered, lowered)
    return Place(city, region, country)


def experience_fit(min_years: float | None, max_years: float | None, years: float, w: ScoringWeights) -> float | None:
    if not min_years and not max_years:
        return None
    if min_years and years < min_years:
        return years / min_years
    if max_years and years > max_years + w.over_grace_years:
        return max(w.over_floor, 1.0 - w.over_penalty_per_year * (years - max_years - w.over_grace_years))
    return 1.0


def education_fit(level: str | None, equivalent: bool, levels: list[str], w: ScoringWeights) -> float | None:
    if not level or level not in w.degree_levels:
        return None
    needed = w.degree_levels.index(level) + 1
    highest = max((w.degree_levels.index(have) + 1 for have in levels if have in w.degree_levels), default=0)
    shortfall = max(0.0, min(1.0, w.penalty_per_level_short * (needed - highest)))
    if equivalent:
        shortfall *= w.or_equivalent_softening
    return 1.0 - shortfall


def location_fit(
    requirements: JobRequirements, location: str | None, w: ScoringWeights, relocation: str | None = None
) -> tuple[float | None, str | None]:
    """(fit, which credit applied); fit None when the job states no place to compare with. `relocation` is
    where the resume says its owner is moving, or "anywhere" (`relocation.ANYWHERE`)."""
    if requirements.remote_policy == "remote":
        return 1.0, "remote"
    if requirements.remote_policy not in ONSITE_POLICIES or not requirements.location:
        return None, None
    if not location and not relocation:
        return w.location_credit["unknown"], "unknown"
    job = place_of(requirements.location, w.alias_key)
    reason = _place_reason(job, place_of(location, w.alias_key) if location else None, w)
    if reason in MISSED_PLACES and relocation:
        moving_to = None if relocation == ANYWHERE else place_of(relocation, w.alias_key)
        if moving_to is None or _place_reason(job, moving_to, w) not in MISSED_PLACES:
            reason = "relocating"
    elif reason == "far" and requirements.relocation_offered:
        reason = "relocating"  # the employer moves people within its country
    return w.location_credit[reason], reason


# Credits of a candidate who cannot commute to an onsite or hybrid job.
MISSED_PLACES = frozenset({"far", "different"})


def _place_reason(job: Place, candidate: Place | None, w: ScoringWeights) -> str:
    if candidate is None:
        return "unknown"
    job_point = coordinates(job.city, job.region, job.country)
    candidate_point = coordinates(candidate.city, candidate.region, candidate.country)
    if job_point and candidate_point:
        if distance_km(job_point, candidate_point) <= w.commute_km:
            return "same_city"
        same_country = not (job.country and candidate.country) or job.country == candidate.country
        return "far" if same_country else "different"
    if job.city and job.city == candidate.city:
        return "same_city"
    if job.region and job.region == candidate.region:
        return "same_region"
    if job.country and candidate.country:
        return "same_country" if job.country == candidate.country else "different"
    if job.city and candidate.city:
        return "different"
    return "unknown"


# "5 years", "5+ years", "3-5 yrs", "five years"; not "5 years ago" nor "20 years old".
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUMBER = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
YEARS_PATTERN = re.compile(
    rf"\b(?P<years>{_NUMBER})(?:\s*(?:-|–|to)\s*(?:{_NUMBER}))?\s*\+?\s*(?:years?|yrs?)\b(?!\s+(?:ago|old)\b)",
    re.IGNORECASE,
)
MAX_CREDIBLE_YEARS = 50


def stated_years(text: str) -> int | None:
    """The largest number of years stated in `text` ("5+ years of Python"), or None."""
    found = []
    for match in YEARS_PATTERN.finditer(text):
        value = match.group("years").lower()
        years = NUMBER_WORDS[value] if value in NUMBER_WORDS else int(value)
        if years <= MAX_CREDIBLE_YEARS:
            found.append(years)
    return max(found, default=None)
