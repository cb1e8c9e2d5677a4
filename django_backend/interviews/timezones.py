"""Interview times: given as wall-clock times in the interview's IANA time zone, stored in UTC.

Local times that a daylight-saving change makes nonexistent (the hour skipped in spring) or ambiguous (the hour
repeated in autumn) are refused with an error naming the zone and the time, never guessed: an interview an hour
off is worse than a form asking again. A caller that means one of the two ambiguous times sends the time with its
UTC offset (`2026-11-01T01:30:00-04:00`), which names exactly one instant and is converted as given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError


@lru_cache(maxsize=256)
def zone_named(name: str) -> ZoneInfo:
    """The IANA zone `name` (e.g. `America/New_York`); a ValidationError for a name zoneinfo does not know."""
    try:
        if not name or name != name.strip():
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as error:
        raise ValidationError(
            f"{name!r} is not an IANA time zone name; use one such as 'Europe/Berlin' or 'America/New_York'.",
            code="unknown_timezone",
        ) from error


def validate_timezone(name: str) -> None:
    zone_named(name)


def local_to_utc(value: datetime, zone_name: str) -> datetime:
    """`value` as a UTC instant: a naive value is a wall-clock time in the zone, an aware one is converted."""
    try:
        return _local_to_utc(value, zone_name)
    except OverflowError as error:  # year 1 or 9999 moved past the calendar's ends by the offset
        raise ValidationError("The time is outside the supported calendar range.", code="out_of_range") from error


def _local_to_utc(value: datetime, zone_name: str) -> datetime:
    zone = zone_named(zone_name)
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(UTC)
    wall = value.replace(tzinfo=None)
    earlier, later = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    if earlier.utcoffset() != later.utcoffset():
        shown = wall.strftime("%Y-%m-%d %H:%M")
        if earlier.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
            raise ValidationError(
                f"{shown} does not exist in {zone_name}: the clocks skip that hour for daylight saving time. "
                "Choose a time outside the change.",
                code="nonexistent_local_time",
            )
        raise ValidationError(
            f"{shown} happens twice in {zone_name}: the clocks repeat that hour when daylight saving time ends. "
            "Choose another time, or send it with its UTC offset to say which one.",
            code="ambiguous_local_time",
        )
    return earlier.astimezone(UTC)


def utc_to_local(value: datetime, zone_name: str) -> datetime:
    return value.astimezone(zone_named(zone_name))
