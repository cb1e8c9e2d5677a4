"""Word producers: python-docx builds the document (Heading styles, right tab stops for dates, continuous
section breaks with two text columns, borderless layout tables with a shaded side cell, a "Table Grid" table);
the .docx is the resume itself (`docx`) or LibreOffice prints it to PDF directly (`libreoffice_docx`) or after a
round trip through ODT (`libreoffice_odt`)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

from common import Entry, Sect, View, balanced, split_columns
from render_html import ICONS, contact_kind

FIXED = dt.datetime(2026, 11, 1, 0, 0, 0)


def _xml(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, val in attrs.items():
        el.set(qn(f"w:{k}"), val)
    return el


class Builder:
    def __init__(self, spec: dict, v: View, office: bool):
        from docx import Document
        from docx.shared import Inches, Pt, RGBColor

        self.doc = Document()
        self.v, self.st, self.layout = v, v.style, spec["layout"]
        serif = v.style["font"] == "serif"
        self.font = (
            ("Liberation Serif" if serif else "Liberation Sans") if office else ("Cambria" if serif else "Calibri")
        )
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = self.font, Pt(v.style["size"])
        normal.paragraph_format.space_after = Pt(1)
        normal.paragraph_format.space_before = Pt(0)
        for sec in self.doc.sections:
            sec.page_width, sec.page_height = Inches(8.5), Inches(11)
            sec.left_margin = sec.right_margin = Inches(0.65)
            sec.top_margin = sec.bottom_margin = Inches(0.6)
        self.width = 7.2
        self.accent = RGBColor.from_string(v.style["accent"].lstrip("#").upper())
        cp = self.doc.core_properties
        cp.author, cp.title, cp.last_modified_by = "", spec["header"].get("name") or "Resume", ""
        cp.created = cp.modified = FIXED
        cp.revision = 1

    # --- paragraphs
    def par(
        self,
        box,
        text: str = "",
        *,
        bold=False,
        italic=False,
        size=None,
        color=None,
        right: str = "",
        width: float | None = None,
        indent: float = 0,
        style: str | None = None,
        after: float = 1,
        before: float = 0,
        center=False,
        justify=None,
    ):
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Inches, Pt

        if hasattr(box, "_tc") and len(box.paragraphs) == 1 and not box.paragraphs[0].runs:
            p = box.paragraphs[0]  # a new table cell's own empty paragraph
            if style:
                p.style = self.doc.styles[style]
        else:
            p = box.add_paragraph(style=style)
        pf = p.paragraph_format
        pf.space_after, pf.space_before = Pt(after), Pt(before)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif justify if justify is not None else self.st["justify"]:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            pf.left_indent, pf.first_line_indent = Inches(indent), Inches(-indent)
            pf.tab_stops.add_tab_stop(Inches(indent))
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        if right:
            if self.st["dates"] == "right":
                pf.tab_stops.add_tab_stop(Inches((width or self.width) - 0.02), WD_TAB_ALIGNMENT.RIGHT)
                r2 = p.add_run("\t" + right)
            else:
                r2 = p.add_run(", " + right)
            r2.italic = True
        return p

    def heading(self, box, text: str) -> None:
        mode = self.st["heading"]
        p = self.par(box, "", before=7, after=2, justify=False)
        run = p.add_run(text)
        run.bold = mode != "smallcaps"
        run.font.color.rgb = self.accent
        from docx.shared import Pt

        run.font.size = Pt(self.st["size"] * (1.25 if mode in ("title", "smallcaps") else 1.1))
        run.font.name = self.font
        if mode == "smallcaps":
            run.font.small_caps = True
        if mode == "spaced":
            run._r.get_or_add_rPr().append(_xml("w:spacing", val="40"))
        if mode in ("rule", "upper", "spaced"):
            pbdr = _xml("w:pBdr")
            pbdr.append(_xml("w:bottom", val="single", sz="6", space="1", color=self.st["accent"].lstrip("#")))
            p._p.get_or_add_pPr().append(pbdr)

    def bullet(self, box, text: str) -> None:
        self.par(box, f"{self.st['bullet']}\t{text}", indent=0.2)

    def entry(self, box, e: Entry, width: float, drop_right: str = "") -> None:
        for i, ln in enumerate(e.lines):
            self.par(
                box,
                ln.left,
                bold=ln.strong,
                right="" if ln.right == drop_right else ln.right,
                width=width,
                before=4 if i == 0 else 0,
                justify=False,
            )
        if e.paragraph:
            self.par(box, e.paragraph)
        for b in e.bullets:
            self.bullet(box, b)

    def grid(self, box, items: list[str], n: int, width: float) -> None:
        from docx.shared import Inches

        if n <= 1:
            for i in items:
                self.bullet(box, i)
            return
        rows = [items[i : i + n] for i in range(0, len(items), n)]
        t = box.add_table(rows=len(rows), cols=n)
        for r, row in enumerate(rows):
            for k, item in enumerate(row):
                cell = t.cell(r, k)
                cell.width = Inches(width / n)
                self.bullet(cell, item)

    def body(self, box, s: Sect, width: float, narrow: bool = False) -> None:
        if s.kind == "paragraph":
            self.par(box, s.text)
        elif s.kind == "grid":
            self.grid(box, s.items, 1 if narrow else s.columns, width)
        elif s.kind == "bullets":
            for i in s.items:
                self.bullet(box, i)
        else:
            for e in s.entries:
                self.entry(box, e, width)

    def section(self, box, s: Sect, width: float, narrow: bool = False) -> None:
        self.heading(box, s.heading)
        self.body(box, s, width, narrow)

    def contact(self, box, stacked: bool, center: bool = False) -> None:
        icon = (lambda c: ICONS[contact_kind(c)] + " ") if self.st["icons"] else (lambda c: "")
        items = [icon(c) + c for c in self.v.contact]
        if stacked:
            for i in items:
                self.par(box, i, after=2, justify=False)
        elif items:
            self.par(box, self.st["contact_sep"].join(items), center=center, after=4)

    def top(self, box, contact: bool = True, center: bool = False) -> None:
        v, size = self.v, self.st["size"]
        if v.name:
            self.par(box, v.name, bold=True, size=size * 2.1, color=self.accent, center=center, after=0)
            if v.headline:
                self.par(box, v.headline, italic=True, size=size * 1.2, center=center, after=2)
        elif v.headline:
            self.par(box, v.headline, bold=True, size=size * 1.6, color=self.accent, center=center, after=2)
        if contact:
            self.contact(box, stacked=False, center=center)

    # --- tables
    def table(self, rows: int, widths: list[float], grid: bool = False, shade: int | None = None):
        from docx.shared import Inches

        t = self.doc.add_table(rows=rows, cols=len(widths))
        if grid:
            t.style = self.doc.styles["Table Grid"]
        t.autofit = False
        for k, w in enumerate(widths):
            t.columns[k].width = Inches(w)  # w:gridCol, which LibreOffice follows
        for row in t.rows:
            for k, w in enumerate(widths):
                row.cells[k].width = Inches(w)
                if shade == k:
                    tcpr = row.cells[k]._tc.get_or_add_tcPr()
                    tcpr.append(_xml("w:shd", val="clear", color="auto", fill="EEF2F6"))
        return t

    def build(self) -> None:
        v, lay = self.v, self.layout
        if lay == "single":
            self.top(self.doc, center=True)
            for s in v.sections:
                self.section(self.doc, s, self.width)
        elif lay == "two_column":
            from docx.enum.section import WD_SECTION
            from docx.enum.text import WD_BREAK

            self.top(self.doc)
            sec = self.doc.add_section(WD_SECTION.CONTINUOUS)
            sec._sectPr.append(_xml("w:cols", num="2", space="432"))
            left, right = balanced(v)
            for s in left:
                self.section(self.doc, s, 3.4)
            self.doc.paragraphs[-1].add_run().add_break(WD_BREAK.COLUMN)
            for s in right:
                self.section(self.doc, s, 3.4, narrow=True)
        elif lay in ("sidebar_left", "sidebar_right"):
            main, side = split_columns(v)
            left_side = lay == "sidebar_left"
            t = self.table(1, [2.25, 4.95] if left_side else [4.95, 2.25], shade=0 if left_side else 1)
            sc, mc = (t.cell(0, 0), t.cell(0, 1)) if left_side else (t.cell(0, 1), t.cell(0, 0))
            self.contact(sc, stacked=True)
            for s in side:
                self.section(sc, s, 2.0, narrow=True)
            self.top(mc, contact=False)
            for s in main:
                self.section(mc, s, 4.75)
        elif lay == "headings_left":
            self.top(self.doc)
            t = self.table(len(v.sections), [1.55, 5.65])
            for i, s in enumerate(v.sections):
                self.heading(t.cell(i, 0), s.heading)
                self.par(t.cell(i, 1), "", after=0, before=4)
                self.body(t.cell(i, 1), s, 5.45)
        else:
            rows: list[tuple] = [("top",)]
            for s in v.sections:
                rows.append(("head", s))
                if s.kind in ("jobs", "education"):
                    rows += [("entry", e) for e in s.entries]
                else:
                    rows.append(("body", s))
            t = self.table(len(rows), [1.6, 5.6], grid=True)
            for i, r in enumerate(rows):
                a, b = t.cell(i, 0), t.cell(i, 1)
                if r[0] == "entry":
                    e = r[1]
                    dates = " ".join(ln.right for ln in e.lines if ln.right and any(c.isdigit() for c in ln.right))
                    self.par(a, dates, justify=False)
                    self.entry(b, e, 5.4, drop_right=dates)
                    continue
                cell = a.merge(b)
                if r[0] == "top":
                    self.top(cell)
                elif r[0] == "head":
                    self.heading(cell, r[1].heading)
                else:
                    self.body(cell, r[1], 7.0)

    def save(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return fixed_zip(raw.getvalue())


def fixed_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_docx(spec: dict, v: View, office: bool) -> bytes:
    b = Builder(spec, v, office)
    b.build()
    return b.save()


def _soffice(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        str(src),
    ]
    subprocess.run(
        cmd, check=True, capture_output=True, timeout=240, env=dict(os.environ, SOURCE_DATE_EPOCH="1793491200")
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"soffice produced no {out.name}")
    return out


def render_office(spec: dict, v: View, via_odt: bool) -> bytes:
    data = build_docx(spec, v, office=True)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        src = t / "resume.docx"
        src.write_bytes(data)
        profile = t / "profile"
        if via_odt:
            (t / "odt").mkdir()
            src = _soffice(src, "odt", t / "odt", profile)
        (t / "pdf").mkdir()
        return _soffice(src, "pdf", t / "pdf", profile).read_bytes()
