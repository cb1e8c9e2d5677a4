"""The phone number on a resume: read near the top or on a labelled line, in the region the resume points to."""

import re

import phonenumbers

from recruitment_core.dates import find_date_ranges
from recruitment_core.sections import Line
from recruitment_core.vocabulary import vocabulary

PHONE_LABEL = re.compile(r"\b(?:phone|tel|mobile|cell|mob|ph|contact)\b|\+\d", re.IGNORECASE)
MIN_PHONE_DIGITS = 10


def find_phone(top: list[Line], lines: list[Line], *, default_region: str, location: str | None) -> str | None:
    """The first phone number near the top or beside the e-mail address (else on a line that labels one), in E.164.

    Numbers are read in `default_region` unless written with a country code; when none is found that way,
    the region of the resume's location is tried ("020 7946 0958" under "London, UK"). Numbers that are
    well formed but not assigned (the 555 numbers of examples) are accepted at the top of the resume only.
    """
    regions = [default_region]
    location_region = _location_region(location)
    if location_region and location_region not in regions:
        regions.append(location_region)
    top_text = "\n".join(_without_date_ranges(line.text) for line in top)
    labelled_text = "\n".join(_without_date_ranges(line.text) for line in lines if PHONE_LABEL.search(line.text))
    for region in regions:
        for text in (top_text, labelled_text):
            for match in phonenumbers.PhoneNumberMatcher(text, region):
                return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(top_text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            digits = sum(character.isdigit() for character in match.raw_string)
            if digits >= MIN_PHONE_DIGITS or (match.raw_string.startswith("+") and digits >= MIN_PHONE_DIGITS - 2):
                return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _without_date_ranges(text: str) -> str:
    """ "02/2012 - 05/2014" blanked: the digits of a date range read as a phone number."""
    for date_range in find_date_ranges(text):
        start, end = date_range.span
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _location_region(location: str | None) -> str | None:
    if not location:
        return None
    countries = vocabulary().country_regions
    for part in reversed(location.split(",")):
        region = countries.get(part.strip().lower())
        if region:
            return region
    return None
