"""Shared model of the layout corpus: spec loading, validation, the printed view every producer uses.

Every producer prints the same `View` (header lines, sections, job and degree lines), so the words in text/ are the
same whatever the producer; producers differ in how they place them. Only decorations (bullet glyphs, icons,
separators) are producer-specific, and those are not words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SPECS = ROOT / "specs"
PRESENT = (2026, 11)

PROFESSIONS = {
    "healthcare",
    "hr_recruiting",
    "sales",
    "finance_banking",
    "accounting",
    "legal",
    "design_ux",
    "marketing",
    "it_software",
    "hospitality",
    "operations_logistics",
    "education",
    "engineering",
    "office_admin",
    "customer_service",
    "construction_trades",
}
PRODUCERS = {"pdflatex", "groff", "wkhtmltopdf", "chromium", "libreoffice_docx", "libreoffice_odt", "reportlab", "docx"}
LAYOUTS = {"single", "two_column", "sidebar_left", "sidebar_right", "headings_left", "table"}
KINDS = {"paragraph", "grid", "bullets", "jobs", "education"}
LEVELS = {"associate", "bachelor", "master", "phd", "diploma", "certificate"}
SIDE_KINDS = {"grid", "bullets", "education"}

DEFAULT_STYLE: dict[str, Any] = {
    "font": "sans",  # sans | serif
    "size": 10,  # base size in points
    "justify": False,  # justified paragraphs
    "heading": "upper",  # upper | title | smallcaps | spaced (upper-case, letter-spaced) | rule
    "bullet": "•",  # bullet glyph: • ▪ – ✓ ■ ◦ ➢ *
    "icons": False,  # symbol glyphs beside contact lines
    "accent": "#1F3A5F",
    "dates": "right",  # right (right-aligned dates) | inline
    "contact_sep": " | ",  # separator between contact items on one line (single-column headers)
    "page_numbers": False,  # "Page N of M" footers
    "running_header": False,  # name repeated at the top of pages 2+
    "side_sections": None,  # headings placed in the side column (sidebar/two_column); default by kind
}


def load_specs(only: list[str] | None = None) -> list[dict]:
    specs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SPECS.glob("*.json"))]
    if only:
        specs = [s for s in specs if s.get("id") in set(only)]
    return specs


def style(spec: dict) -> dict[str, Any]:
    out = dict(DEFAULT_STYLE)
    out.update(spec.get("style") or {})
    return out


# --- dates and experience -----------------------------------------------------------------------


def _month(value: str) -> tuple[int, int]:
    if value == "present":
        return PRESENT
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if not m:
        raise ValueError(f"bad month {value!r}")
    return int(m.group(1)), int(m.group(2))


def months_of(job: dict) -> set[int]:
    sy, sm = _month(job["start"])
    ey, em = _month(job["end"])
    start, end = sy * 12 + sm - 1, ey * 12 + em - 1
    if end < start:
        raise ValueError(f"end before start in {job.get('title')!r}")
    return set(range(start, end + 1))


def total_years(spec: dict) -> float:
    months: set[int] = set()
    for job in all_jobs(spec):
        months |= months_of(job)
    # one decimal, half up
    return int(len(months) * 10 / 12 + 0.5 + 1e-9) / 10


def all_jobs(spec: dict) -> list[dict]:
    return [j for s in spec["sections"] if s["kind"] == "jobs" for j in s["jobs"]]


# --- printed view --------------------------------------------------------------------------------


@dataclass
class Line:
    left: str
    right: str = ""  # right-aligned part (dates, location), may be empty
    strong: bool = False  # printed bold (title or employer line)


@dataclass
class Entry:
    """A job or a degree: one or two header lines, then bullets and/or a paragraph."""

    lines: list[Line]
    bullets: list[str] = field(default_factory=list)
    paragraph: str = ""


@dataclass
class Sect:
    heading: str  # as printed (case transform applied)
    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    columns: int = 1
    entries: list[Entry] = field(default_factory=list)
    side: bool = False  # placed in the side column in sidebar/two_column layouts


@dataclass
class View:
    name: str  # name with credentials ("" when anonymised)
    headline: str
    contact: list[str]
    sections: list[Sect]
    style: dict


def printed_heading(text: str, st: dict) -> str:
    return text.upper() if st["heading"] in ("upper", "spaced") else text


def job_entry(job: dict) -> Entry:
    place = job.get("location") or ""
    emp = job["employer"] + (f" \u2014 {place}" if place else "")
    order = job.get("order", "title_first")
    if order == "employer_first":
        lines = [Line(job["employer"], place, True), Line(job["title"], job["dates"])]
    elif order == "dates_first":
        lines = [Line(f"{job['dates']}  {job['title']}", "", True), Line(emp)]
    else:
        lines = [Line(job["title"], job["dates"], True), Line(emp)]
    return Entry(lines, list(job.get("bullets") or []), job.get("paragraph") or "")


def degree_text(e: dict) -> str:
    deg, fld = e["degree"], e.get("field") or ""
    if not fld:
        return deg
    return f"{deg}, {fld}" if (" " not in deg or deg.endswith(":")) else f"{deg} in {fld}"


def edu_entry(e: dict) -> Entry:
    inst = e.get("institution") or ""
    place = e.get("location") or ""
    second = inst + (f", {place}" if place and inst else place)
    lines = [Line(degree_text(e), e.get("dates") or "", True)]
    if second:
        lines.append(Line(second))
    extra = [e["detail"]] if e.get("detail") else []
    return Entry(lines, [], " ".join(extra))


def view(spec: dict) -> View:
    st = style(spec)
    h = spec["header"]
    name = h.get("name") or ""
    if name and h.get("credentials"):
        name = f"{name}, {h['credentials']}"
    side_names = st["side_sections"]
    sects = []
    for s in spec["sections"]:
        sect = Sect(printed_heading(s["heading"], st), s["kind"])
        if s["kind"] == "paragraph":
            sect.text = s["text"]
        elif s["kind"] in ("bullets", "grid"):
            sect.items = list(s["items"])
            sect.columns = int(s.get("columns", 2)) if s["kind"] == "grid" else 1
        elif s["kind"] == "jobs":
            sect.entries = [job_entry(j) for j in s["jobs"]]
        elif s["kind"] == "education":
            sect.entries = [edu_entry(e) for e in s["entries"]]
        if side_names is not None:
            sect.side = s["heading"] in side_names
        else:
            sect.side = s["kind"] in SIDE_KINDS and not (
                s["kind"] == "bullets" and max((len(i) for i in s["items"]), default=0) > 60
            )
        sects.append(sect)
    return View(name, h.get("headline") or "", list(h.get("contact") or []), sects, st)


def printed_lines(v: View) -> list[str]:
    """Every word printed (decorations excluded), one printed unit per line."""
    out = [x for x in (v.name, v.headline) if x] + list(v.contact)
    for s in v.sections:
        out.append(s.heading)
        if s.text:
            out.append(s.text)
        out += s.items
        for e in s.entries:
            out += [" ".join(x for x in (ln.left, ln.right) if x) for ln in e.lines]
            out += e.bullets
            if e.paragraph:
                out.append(e.paragraph)
    return out


def split_columns(v: View) -> tuple[list[Sect], list[Sect]]:
    """(main, side) sections for sidebar layouts; for two_column a balanced split in print order."""
    return [s for s in v.sections if not s.side], [s for s in v.sections if s.side]


def weight(s: Sect) -> int:
    n = len(s.text) + sum(len(i) + 30 for i in s.items) // max(1, s.columns)
    for e in s.entries:
        n += 80 * len(e.lines) + sum(len(b) + 20 for b in e.bullets) + len(e.paragraph)
    return n + 60


def balanced(v: View) -> tuple[list[Sect], list[Sect]]:
    """Two equal columns: jobs/paragraph sections left, the rest right, moved to balance the load."""
    left = [s for s in v.sections if s.kind in ("jobs", "paragraph")]
    right = [s for s in v.sections if s.kind not in ("jobs", "paragraph")]
    while len(left) > 1 and sum(map(weight, left)) - weight(left[-1]) > sum(map(weight, right)) + weight(left[-1]):
        right.insert(0, left.pop())
    return left, right


# --- validation ----------------------------------------------------------------------------------


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def validate(spec: dict) -> list[str]:
    errs: list[str] = []
    sid = spec.get("id", "?")
    for key in ("id", "profession", "producer", "layout", "notes", "header", "sections", "truth"):
        if key not in spec:
            errs.append(f"missing key {key}")
    if errs:
        return [f"{sid}: {e}" for e in errs]
    if not re.fullmatch(r"[a-z0-9_]+", sid):
        errs.append("id must be lower-case [a-z0-9_]")
    for key, allowed in (("profession", PROFESSIONS), ("producer", PRODUCERS), ("layout", LAYOUTS)):
        if spec[key] not in allowed:
            errs.append(f"bad {key} {spec[key]!r}")
    truth, header = spec["truth"], spec["header"]
    for key in (
        "name",
        "emails",
        "phone",
        "location",
        "skills",
        "soft_skills",
        "current_title",
        "employers",
        "education",
        "total_years_experience",
    ):
        if key not in truth:
            errs.append(f"truth missing {key}")
    for key in ("name", "contact"):
        if key not in header:
            errs.append(f"header missing {key}")
    if errs:
        return [f"{sid}: {e}" for e in errs]
    for s in spec["sections"]:
        if s.get("kind") not in KINDS or "heading" not in s:
            errs.append(f"bad section {s.get('heading')!r} kind {s.get('kind')!r}")
            continue
        need = {"paragraph": "text", "grid": "items", "bullets": "items", "jobs": "jobs", "education": "entries"}
        if need[s["kind"]] not in s:
            errs.append(f"section {s['heading']!r} lacks {need[s['kind']]}")
        for j in s.get("jobs", []):
            for k in ("title", "employer", "dates", "start", "end"):
                if k not in j:
                    errs.append(f"job {j.get('title')!r} lacks {k}")
            try:
                months_of(j)
            except (KeyError, ValueError) as exc:
                errs.append(f"job {j.get('title')!r}: {exc}")
        for e in s.get("entries", []):
            if e.get("level") not in LEVELS:
                errs.append(f"education {e.get('degree')!r} bad level {e.get('level')!r}")
    if errs:
        return [f"{sid}: {e}" for e in errs]
    text = "\n".join(printed_lines(view(spec)))
    if truth["name"] != (header.get("name") or None):
        errs.append(f"truth name {truth['name']!r} != header name {header.get('name')!r}")
    if truth["name"] and truth["name"] not in text:
        errs.append("name not printed")
    for email in truth["emails"]:
        if email not in text:
            errs.append(f"email {email} not printed")
    for c in header["contact"]:
        if "@" in c and not any(e in c for e in truth["emails"]):
            errs.append(f"printed email {c!r} missing from truth")
    contact_digits = [_digits(c) for c in header["contact"] if len(_digits(c)) >= 10 and "@" not in c]
    if truth["phone"]:
        if not re.fullmatch(r"\+\d{8,15}", truth["phone"]):
            errs.append("phone not E.164")
        elif not any(truth["phone"][1:].endswith(d) or d.endswith(truth["phone"][2:]) for d in contact_digits):
            errs.append(f"phone {truth['phone']} not printed in contact")
    elif contact_digits:
        errs.append("contact prints a phone but truth phone is null")
    jobs = all_jobs(spec)
    for emp in truth["employers"]:
        if emp not in text:
            errs.append(f"employer {emp!r} not printed")
    real = []
    for j in jobs:
        if j["employer"] not in real and not j["employer"].lower().startswith("company name"):
            real.append(j["employer"])
    if real != truth["employers"]:
        errs.append(f"employers {truth['employers']} != printed real employers {real}")
    years = total_years(spec)
    if abs(years - float(truth["total_years_experience"])) > 1e-9:
        errs.append(f"total_years_experience {truth['total_years_experience']} != computed {years}")
    ongoing = [j for j in jobs if j["end"] == "present"]
    if jobs:
        latest = ongoing[0] if ongoing else max(jobs, key=lambda j: (_month(j["end"]), _month(j["start"])))
        if truth["current_title"] != latest["title"]:
            errs.append(f"current_title {truth['current_title']!r} != {latest['title']!r}")
    elif truth["current_title"] is not None:
        errs.append("current_title set without jobs")
    degrees = [
        e for s in spec["sections"] if s["kind"] == "education" for e in s["entries"] if e["level"] != "certificate"
    ]
    if len(degrees) != len(truth["education"]):
        errs.append(f"truth education has {len(truth['education'])} entries, spec {len(degrees)} degrees")
    for d in truth["education"]:
        if d.get("degree_level") not in LEVELS - {"certificate"}:
            errs.append(f"bad degree_level {d.get('degree_level')!r}")
    if len(set(map(str.lower, truth["skills"]))) != len(truth["skills"]):
        errs.append("duplicate skills")
    return [f"{sid}: {e}" for e in errs]
