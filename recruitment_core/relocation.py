"""Moving for a job: a resume that says where its owner is moving or that they will relocate, and a posting
that offers relocation. Both change what "too far to commute" means for an onsite or hybrid job."""

from __future__ import annotations

import re

ANYWHERE = "anywhere"
# "Relocating to Chicago, IL in June", "moving to Denver", "relocation to Austin, TX".
MOVING_TO = re.compile(
    r"\b(?i:relocating|relocation|moving|will\s+be\s+based)\s+(?i:to|in)\s+"
    r"(?P<place>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)"
)
# "Open to relocation", "willing to relocate", "available for relocation".
WILL_RELOCATE = re.compile(
    r"\b(?:(?:willing|open|able|happy|ready|glad|prepared)\s+to\s+(?:relocate|relocation|move)"
    r"|open\s+to\s+relocation|available\s+(?:for|to)\s+relocat\w*|will\s+relocate|can\s+relocate)\b",
    re.IGNORECASE,
)
NOT_RELOCATING = re.compile(r"\b(?:not|unable|no|cannot|can't|won't)\b[^.\n]{0,20}\brelocat", re.IGNORECASE)
# "Relocation assistance", "relocation package available", "we offer relocation", "relocation support".
OFFERS_RELOCATION = re.compile(
    r"\brelocation\s+(?:assistance|package|support|bonus|stipend|allowance|benefits?|is\s+(?:available|offered|"
    r"provided|supported)|available|offered|provided)\b"
    r"|\b(?:offer|offers|provide|provides|cover|covers|support|supports|pay|pays)\s+(?:for\s+)?(?:full\s+|paid\s+)?"
    r"relocation\b|\bwill\s+relocate\s+(?:you|the\s+right\s+candidate)\b",
    re.IGNORECASE,
)
NO_RELOCATION = re.compile(
    r"\b(?:no|without)\s+relocation\b|\brelocation\b[^.\n]{0,30}\b(?:not|unavailable)\b"
    r"|\bnot\s+(?:offer|provide|cover|support|pay)\w*\s+(?:for\s+)?relocation\b",
    re.IGNORECASE,
)


def resume_relocation(text: str) -> str | None:
    """Where a resume says its owner is moving (the place as written), ANYWHERE when it says they will relocate,
    else None. A sentence saying they will not relocate says nothing of the kind."""
    if NOT_RELOCATING.search(text):
        return None
    if match := MOVING_TO.search(text):
        return match.group("place").strip(" .,")
    return ANYWHERE if WILL_RELOCATE.search(text) else None


def offers_relocation(text: str) -> bool:
    """Whether a posting offers to relocate the person it hires."""
    return bool(OFFERS_RELOCATION.search(text)) and not NO_RELOCATION.search(text)
