"""Render a layout-corpus spec through its producer; normalise dates in the output; check printed words.

`render(spec)` returns (bytes, extension, extra printed lines such as running headers and "Page N of M").
Producers live in render_tex.py (pdflatex), render_groff.py (groff -ms + tbl), render_html.py (Chromium and
wkhtmltopdf), render_docx.py (python-docx, LibreOffice from DOCX or ODT) and render_rl.py (reportlab).
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import unicodedata

from common import View, view


def _fix_pdf(pdf: bytes, seed: str) -> bytes:
    """Replace creation/modification times, document IDs and UUIDs with fixed values of the same length, so the
    file's byte offsets (and so its xref table) stay valid."""
    pdf = re.sub(rb"D:\d{14}", b"D:20261101000000", pdf)
    pdf = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", b"2026-11-01T00:00:00", pdf)
    digest = hashlib.sha256(seed.encode()).hexdigest() * 4

    def _id(m: re.Match) -> bytes:
        return b"<" + digest[: len(m.group(1))].encode() + b">"

    pdf = re.sub(
        rb"(?<=/ID)(\s*\[\s*)<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
        lambda m: (
            m.group(1) + b"<" + digest[: len(m.group(2))].encode() + b"><" + digest[: len(m.group(3))].encode() + b">"
        ),
        pdf,
    )
    pdf = re.sub(
        rb"uuid:[0-9a-fA-F-]{36}",
        b"uuid:" + f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}".encode(),
        pdf,
    )
    pdf = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + digest[:32].upper().encode(), pdf)
    tags: dict[bytes, bytes] = {}  # font subset prefixes (random in QtWebKit) -> fixed, same length

    def _tag(m: re.Match) -> bytes:
        n = tags.setdefault(m.group(1), bytes([65 + len(tags) // 26, 65 + len(tags) % 26]))
        return b"/FXSB" + n + b"+"

    return re.sub(rb"/([A-Z]{6})\+", _tag, pdf)


def page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _tex_extras(spec: dict, v: View, pdf: bytes) -> list[str]:
    n, out = page_count(pdf), []
    name = spec["header"].get("name") or spec["header"].get("headline") or ""
    for p in range(1, n + 1):
        if v.style["page_numbers"]:
            out.append(f"Page {p} of {n}")
        if v.style["running_header"] and p > 1:
            out.append(f"{name} Resume")
    return out


def _groff_extras(spec: dict, v: View, pdf: bytes) -> list[str]:
    return _tex_extras(spec, v, pdf)


def render(spec: dict) -> tuple[bytes, str, list[str]]:
    v = view(spec)
    prod = spec["producer"]
    extras: list[str] = []
    if prod == "pdflatex":
        from render_tex import render_pdflatex

        pdf = render_pdflatex(spec, v)
        extras = _tex_extras(spec, v, pdf)
    elif prod == "groff":
        from render_groff import render_groff

        pdf = render_groff(spec, v)
        extras = _groff_extras(spec, v, pdf)
    elif prod in ("chromium", "wkhtmltopdf"):
        from render_html import render_html_pdf

        pdf = render_html_pdf(spec, v, prod)
    elif prod in ("libreoffice_docx", "libreoffice_odt"):
        from render_docx import render_office

        pdf = render_office(spec, v, via_odt=prod == "libreoffice_odt")
    elif prod == "reportlab":
        from render_rl import render_reportlab

        pdf, extras = render_reportlab(spec, v)
    elif prod == "docx":
        from render_docx import build_docx

        return build_docx(spec, v, office=False), "docx", []
    else:
        raise ValueError(f"unknown producer {prod}")
    return _fix_pdf(pdf, spec["id"]), "pdf", extras


# --- checking printed words -------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def extracted_text(data: bytes, ext: str) -> str:
    if ext == "pdf":
        return subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
        ).stdout.decode("utf-8", "replace")
    from docx import Document

    doc = Document(io.BytesIO(data))
    out: list[str] = []

    def walk(container) -> None:
        for p in container.paragraphs:
            out.append(p.text)
        for t in container.tables:
            for row in t.rows:
                for cell in row.cells:
                    walk(cell)

    walk(doc)
    return "\n".join(out)


def missing_words(lines: list[str], data: bytes, ext: str) -> tuple[list[str], list[str]]:
    """(missing, hyphenated): printed words not found whole in the extracted text, and those found only split
    by a line-end hyphen."""
    text = extracted_text(data, ext)
    have = set(words(text))
    prefixes = {w.casefold() for w in re.findall(r"(\w+)-(?:\s|$)", unicodedata.normalize("NFKC", text))}
    missing, hyph = [], []
    for w in dict.fromkeys(words("\n".join(lines))):
        if w in have:
            continue
        if any(w[:i] in prefixes and w[i:] in have for i in range(2, len(w) - 1)):
            hyph.append(w)
        else:
            missing.append(w)
    return missing, hyph
