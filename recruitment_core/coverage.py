"""Statement coverage: how much of what a posting describes the resume describes too, in its own words.

Each statement of the posting (a line of its description: a duty, a requirement) is matched with the closest
statement of the resume (a line of its experience, summary or education, not of a skills list), by cosine of
their sentence embeddings; the coverage is the mean of those best matches. A duty written in other words
("Investigate employee relations complaints" / "Look into workplace complaints, interview witnesses") still
finds its counterpart, where a skill taxonomy or a whole-document embedding, diluted by everything else the
documents say, does not. Skills lists are left out so that a list of the posting's keywords cannot stand in
for work described; sentences addressed to automated screeners are left out as everywhere else.

Vectors are stored packed (`pack`/`unpack`: float16, row after row) beside the documents' own embeddings.
"""

from __future__ import annotations

import math
import re

import numpy as np

from recruitment_core.injection import without_instructions
from recruitment_core.sections import evidence_section, normalise_text, split_lines, split_sections

DIMENSIONS = 384
MIN_WORDS = 4  # a shorter line is a heading, a name or a date, not a statement
MAX_RESUME_STATEMENTS = 80  # a bounded cost per candidate, whatever the length of the resume
MAX_JOB_STATEMENTS = 40
# A line of at least this many separated items, none longer than LIST_ITEM_WORDS words, is a list (of keywords,
# of contact details), not a statement: "RN, ICU, critical care, ECMO, CRRT"; "Chicago, IL | (312) 555-0101 | ...".
LIST_MIN_ITEMS = 4
LIST_ITEM_WORDS = 4
_BULLET = re.compile(r"^[\s•\-\*·▪●◦–—>]+")
_SEPARATOR = re.compile(r"[,;|•·/]")


def _statement(line: str) -> str | None:
    text = " ".join(_BULLET.sub("", line).split())
    if len(text.split()) < MIN_WORDS:
        return None
    items = [item.split() for item in _SEPARATOR.split(text) if item.strip()]
    if len(items) >= LIST_MIN_ITEMS and max(len(item) for item in items) <= LIST_ITEM_WORDS:
        return None
    return text


def resume_statements(text: str) -> list[str]:
    """The resume's statements: its lines of at least MIN_WORDS words outside skills lists, in order."""
    cleaned = without_instructions(normalise_text(text))
    found: list[str] = []
    for section in split_sections(split_lines(cleaned)):
        if evidence_section(section.name) == "skills":
            continue
        for line in section.lines:
            statement = _statement(line.text)
            if statement:
                found.append(statement)
    return list(dict.fromkeys(found))[:MAX_RESUME_STATEMENTS]


def job_statements(description: str) -> list[str]:
    """The posting's statements: the lines of its description of at least MIN_WORDS words, in order."""
    found = (_statement(line) for line in normalise_text(description).split("\n"))
    return list(dict.fromkeys(statement for statement in found if statement))[:MAX_JOB_STATEMENTS]


def pack(vectors: np.ndarray) -> bytes:
    """Unit vectors (n x DIMENSIONS) as float16 bytes: half the size, and far more precision than cosine needs."""
    array = np.asarray(vectors, dtype=np.float32).reshape(-1, DIMENSIONS)
    return array.astype("<f2").tobytes()


def unpack(data: bytes | memoryview | None) -> np.ndarray | None:
    """`pack`'s bytes back as a float32 array (n x DIMENSIONS); None for no statements."""
    if not data:
        return None
    array = np.frombuffer(bytes(data), dtype="<f2")
    if array.size % DIMENSIONS:
        raise ValueError("packed statement vectors are not a whole number of vectors")
    return array.reshape(-1, DIMENSIONS).astype(np.float32)


def coverage(job: np.ndarray | None, resume: np.ndarray | None) -> float | None:
    """The mean over the posting's statements of the best cosine with a resume statement (-1 to 1); None when
    either side has no statement."""
    if job is None or resume is None or not len(job) or not len(resume):
        return None
    best = (job @ resume.T).max(axis=1)
    value = float(best.mean())
    return value if math.isfinite(value) else None


# A posting statement and its closest resume statement are worth showing from this cosine up: below it, the
# lines share a topic more than a duty.
SHOWN_MIN_COSINE = 0.5
SHOWN_PAIRS = 2
SHOWN_CHARS = 90


def closest_pairs(
    job_statements: list[str],
    job_vectors: np.ndarray | None,
    resume_statements: list[str],
    resume_vectors: np.ndarray | None,
    limit: int = SHOWN_PAIRS,
) -> list[tuple[str, str, float]]:
    """The posting's statements best described by the resume, closest first, each with its resume statement and
    their cosine (at least SHOWN_MIN_COSINE). Empty when the texts do not match the vectors (read by other code)."""
    if job_vectors is None or resume_vectors is None or not len(job_vectors) or not len(resume_vectors):
        return []
    if len(job_statements) != len(job_vectors) or len(resume_statements) != len(resume_vectors):
        return []
    similarities = job_vectors @ resume_vectors.T
    best = similarities.argmax(axis=1)
    found = [(float(similarities[row, best[row]]), row, int(best[row])) for row in range(len(job_vectors))]
    found = sorted((item for item in found if item[0] >= SHOWN_MIN_COSINE), key=lambda item: (-item[0], item[1]))
    return [(job_statements[row], resume_statements[column], round(cos, 3)) for cos, row, column in found[:limit]]


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


def coverage_sentence(pairs: list[tuple[str, str, float]]) -> str:
    """'Duties of the posting the resume describes in its own words: "…" as "…"; "…" as "…".' or ''."""
    if not pairs:
        return ""
    shown = "; ".join(f'"{_short(job)}" as "{_short(resume)}"' for job, resume, _ in pairs)
    return f"Duties of the posting the resume describes in its own words: {shown}."
