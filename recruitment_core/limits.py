"""How much of one resume is read and kept: caps that hold for any file, however large or hostile.

A resume is a few pages. A 2000-page PDF (or a document repeating one line a million times) must not become a
profile of megabytes, an embedding that takes minutes, or text the AI service refuses. Each cap that is hit
leaves a red flag in words a recruiter understands ("code: message", like the other red flags), and what is
kept is still a usable resume: parsed, embedded, ranked and analysable.

These defaults are the one place of the figures: the Django settings read overrides from the environment and
pass a ResumeLimits in; nothing here reads configuration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ResumeLimits:
    """Caps per resume. The defaults sit far above any real resume (the test corpora peak at 2 pages, 2,100
    characters, 4 roles, 47 skill mentions and 9 mentions of one skill), so only outsized files are cut."""

    max_pages: int = 50  # pages of a PDF read; later pages are never opened
    max_chars: int = 100_000  # characters of extracted text kept (about 40 dense pages)
    max_work_entries: int = 50  # roles kept, most recent first
    max_education_entries: int = 20
    max_skill_evidence: int = 200  # skill mentions kept as evidence, all skills together
    max_evidence_per_skill: int = 20  # mentions kept for one skill
    max_evidence_chars: int = 300  # of the line quoted as evidence (ranking shows at most 200)
    max_emails: int = 10
    max_links: int = 20


DEFAULT_LIMITS = ResumeLimits()


def cut_text(text: str, max_chars: int) -> tuple[str, str | None]:
    """The text within `max_chars`, cut at a line end when one is near, and the red flag saying so (or None)."""
    if len(text) <= max_chars:
        return text, None
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut < max_chars * 0.9:  # no line end near the cap (one huge line): cut inside the line
        cut = max_chars
    kept = text[:cut].rstrip()
    return kept, f"text_truncated: only the first {len(kept):,} of {len(text):,} characters of text were kept"


def pages_flag(read: int, total: int) -> str:
    return f"pages_truncated: only the first {read:,} of {total:,} pages were read"


def kept_flag(code: str, kept: int, total: int, what: str, which: str = "first") -> str:
    """E.g. kept_flag("links_truncated", 20, 85, "links") -> "links_truncated: only the first 20 of 85 links
    were kept"."""
    return f"{code}: only the {which} {kept:,} of {total:,} {what} were kept"


def profile_preview(profile: Mapping[str, Any], evidence_per_skill: int) -> tuple[dict[str, Any], int]:
    """A stored profile (`ParsedResume` as JSON) with at most `evidence_per_skill` evidence items per skill, for
    responses that must stay small; returns it and the number of items left out."""
    shown: Counter[str] = Counter()
    skills = []
    for item in profile.get("skills") or ():
        name = str(item.get("name") if isinstance(item, Mapping) else item)
        shown[name] += 1
        if shown[name] <= evidence_per_skill:
            skills.append(item)
    omitted = sum(shown.values()) - len(skills)
    return ({**profile, "skills": skills} if omitted else dict(profile)), omitted
