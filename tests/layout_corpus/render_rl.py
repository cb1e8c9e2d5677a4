"""reportlab producer: words placed on a canvas by hand (drawString / drawRightString for headers and dates,
Paragraph.drawOn for wrapped text), DejaVu TrueType fonts, invariant output, grids and table cells drawn with
explicit rules, letter-spaced headings via charSpace, "Page N of M" footers and a running header."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from common import Entry, Sect, View, balanced, split_columns
from render_html import ICONS, contact_kind

_FONTS = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 612.0, 792.0
MARGIN = 42.0


def _fonts(serif: bool) -> tuple[str, str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = "DejaVuSerif" if serif else "DejaVuSans"
    names = (base, base + "-Bold", base + ("-Italic" if serif else "-Oblique"))
    for n in names:
        if n not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(n, str(_FONTS / f"{n}.ttf")))
    return names


class Writer:
    def __init__(self, spec: dict, v: View, total_pages: int):
        from reportlab.lib import colors
        from reportlab.pdfgen import canvas

        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=0)
        title = spec["header"].get("name") or spec["header"].get("headline") or "Resume"
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.c.setCreator("reportlab")
        self.v, self.st, self.title, self.total = v, v.style, title, total_pages
        self.reg, self.bold, self.ital = _fonts(v.style["font"] == "serif")
        self.size = float(v.style["size"])
        self.accent = colors.HexColor(v.style["accent"])
        self.page = 1
        self.x, self.w, self.y = MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - MARGIN
        self.extra: list[str] = []

    # --- page handling
    def footer(self) -> None:
        if self.st["page_numbers"] and self.total:
            text = f"Page {self.page} of {self.total}"
            self.c.setFont(self.reg, self.size - 1.5)
            self.c.drawCentredString(PAGE_W / 2, MARGIN / 2, text)
            self.extra.append(text)

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN
        if self.st["running_header"]:
            text = f"{self.title} \u2014 Resume \u2014 page {self.page}"
            self.c.setFont(self.ital, self.size - 1)
            self.c.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN / 2 - 4, text)
            self.extra.append(f"{self.title} Resume page {self.page}")

    def need(self, h: float) -> None:
        if self.y - h < MARGIN + 8:
            self.new_page()

    # --- primitives
    def style(self, font: str | None = None, size: float | None = None, indent: float = 0, align: int | None = None):
        from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        s = size or self.size
        al = align if align is not None else (TA_JUSTIFY if self.st["justify"] else TA_LEFT)
        return ParagraphStyle(
            "p",
            fontName=font or self.reg,
            fontSize=s,
            leading=s * 1.28,
            leftIndent=indent,
            bulletIndent=0,
            alignment=al,
            bulletFontName=self.reg,
        )

    def para(self, text: str, style=None, bullet: str | None = None, space: float = 1.5) -> None:
        from reportlab.platypus import Paragraph

        p = Paragraph(escape(text), style or self.style(indent=12 if bullet else 0), bulletText=bullet)
        _, h = p.wrap(self.w, PAGE_H)
        self.need(h)
        p.drawOn(self.c, self.x, self.y - h)
        self.y -= h + space

    def line(self, left: str, right: str, strong: bool) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font = self.bold if strong else self.reg
        rw = stringWidth(right, self.ital, self.size) + 8 if right else 0
        if right and self.st["dates"] != "right":
            left, right, rw = f"{left}, {right}", "", 0
        if stringWidth(left, font, self.size) > self.w - rw:
            self.para(left, self.style(font=font), space=0)
            if right:
                self.need(self.size * 1.3)
                self.c.setFont(self.ital, self.size)
                self.c.drawRightString(self.x + self.w, self.y - self.size, right)
                self.y -= self.size * 1.3
            return
        self.need(self.size * 1.3)
        self.c.setFont(font, self.size)
        self.c.drawString(self.x, self.y - self.size, left)
        if right:
            self.c.setFont(self.ital, self.size)
            self.c.drawRightString(self.x + self.w, self.y - self.size, right)
        self.y -= self.size * 1.3

    def heading(self, text: str) -> None:
        mode = self.st["heading"]
        size = self.size * (1.2 if mode in ("title", "smallcaps") else 1.1)
        self.y -= 6
        self.need(size * 3)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        if stringWidth(text, self.bold, size) + (1.6 * len(text) if mode == "spaced" else 0) > self.w:
            self.para(text, self.style(font=self.bold, size=size, align=0))
            return
        self.c.setFillColor(self.accent)
        t = self.c.beginText(self.x, self.y - size)
        t.setFont(self.bold, size)
        t.setCharSpace(1.6 if mode == "spaced" else 0)
        t.textOut(text)
        t.setCharSpace(0)  # Tc persists in the page's graphics state
        self.c.drawText(t)
        self.c.setFillColorRGB(0, 0, 0)
        self.y -= size * 1.35
        if mode in ("rule", "upper", "spaced"):
            self.c.setStrokeColor(self.accent)
            self.c.setLineWidth(0.7)
            self.c.line(self.x, self.y + 1, self.x + self.w, self.y + 1)
            self.y -= 3

    def grid(self, items: list[str], n: int) -> None:
        if n <= 1:
            for i in items:
                self.para(i, bullet=self.st["bullet"])
            return
        x0, w0 = self.x, self.w
        cw = w0 / n
        for r in range(0, len(items), n):
            y0, low = self.y, self.y
            for k, item in enumerate(items[r : r + n]):
                self.x, self.w, self.y = x0 + k * cw, cw - 6, y0
                self.para(item, bullet=self.st["bullet"])
                low = min(low, self.y)
            self.x, self.w, self.y = x0, w0, low

    def entry(self, e: Entry, drop_right: str = "") -> None:
        self.y -= 3
        for ln in e.lines:
            self.line(ln.left, "" if ln.right == drop_right else ln.right, ln.strong)
        if e.paragraph:
            self.para(e.paragraph)
        for b in e.bullets:
            self.para(b, bullet=self.st["bullet"])

    def body(self, s: Sect, narrow: bool = False) -> None:
        if s.kind == "paragraph":
            self.para(s.text)
        elif s.kind == "grid":
            self.grid(s.items, 1 if narrow else s.columns)
        elif s.kind == "bullets":
            for i in s.items:
                self.para(i, bullet=self.st["bullet"])
        else:
            for e in s.entries:
                self.entry(e)

    def top(self, contact: bool = True, stacked: bool = False) -> None:
        from reportlab.lib.enums import TA_LEFT

        big = self.v.name or self.v.headline
        self.para(big, self.style(font=self.bold, size=self.size * (2.1 if self.v.name else 1.6), align=TA_LEFT))
        if self.v.name and self.v.headline:
            self.para(self.v.headline, self.style(font=self.ital, size=self.size * 1.15, align=TA_LEFT))
        if contact and self.v.contact:
            self.contact(stacked)
        self.y -= 4

    def contact(self, stacked: bool) -> None:
        from reportlab.lib.enums import TA_LEFT

        icon = (lambda c: ICONS[contact_kind(c)] + " ") if self.st["icons"] else (lambda c: "")
        items = [icon(c) + c for c in self.v.contact]
        if stacked:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            for i in items:
                size = self.size * 0.9
                while size > 6 and stringWidth(i, self.reg, size) > self.w:
                    size -= 0.25
                self.para(i, self.style(align=TA_LEFT, size=size), space=2)
        else:
            self.para(self.st["contact_sep"].join(items), self.style(align=TA_LEFT))


def _columns(wr: Writer, first: tuple[float, list, bool], second: tuple[float, list, bool]) -> None:
    """Two columns drawn side by side from the same top: each a (width share, sections, narrow)."""
    y0, x0, w0 = wr.y, wr.x, wr.w
    gap = 16
    lows = []
    x = x0
    for share, sects, narrow in (first, second):
        wr.x, wr.w, wr.y = x, w0 * share - gap / 2, y0
        if callable(sects):
            sects(wr)
        else:
            for s in sects:
                wr.heading(s.heading)
                wr.body(s, narrow)
        lows.append(wr.y)
        x += w0 * share + gap / 2
    wr.x, wr.w, wr.y = x0, w0, min(lows)


def _table(wr: Writer, v: View) -> None:
    x0, w0 = wr.x, wr.w
    dw = 0.22 * w0

    def row(draw_left, draw_right) -> None:
        top = wr.y
        wr.need(40)
        top = wr.y
        lows = []
        if draw_left:
            wr.x, wr.w, wr.y = x0 + 4, dw - 8, top - 4
            draw_left()
            lows.append(wr.y)
        wr.x, wr.w, wr.y = (x0 + dw + 4, w0 - dw - 8, top - 4) if draw_left else (x0 + 4, w0 - 8, top - 4)
        draw_right()
        lows.append(wr.y)
        low = min(lows) - 3
        wr.c.setLineWidth(0.5)
        wr.c.setStrokeColorRGB(0.5, 0.5, 0.5)
        wr.c.rect(x0, low, w0, top - low)
        if draw_left:
            wr.c.line(x0 + dw, low, x0 + dw, top)
        wr.x, wr.w, wr.y = x0, w0, low

    row(None, lambda: wr.top())
    for s in v.sections:
        row(None, lambda s=s: wr.heading(s.heading))
        if s.kind in ("jobs", "education"):
            for e in s.entries:
                dates = " ".join(ln.right for ln in e.lines if ln.right and any(c.isdigit() for c in ln.right))
                row(lambda d=dates: wr.para(d), lambda e=e, d=dates: wr.entry(e, drop_right=d))
        else:
            row(None, lambda s=s: wr.body(s))


def _draw(spec: dict, v: View, total: int) -> tuple[bytes, list[str]]:
    wr = Writer(spec, v, total)
    layout = spec["layout"]
    if layout == "single":
        wr.top()
        for s in v.sections:
            wr.heading(s.heading)
            wr.body(s)
    elif layout == "two_column":
        wr.top()
        left, right = balanced(v)
        _columns(wr, (0.5, left, False), (0.5, right, True))
    elif layout in ("sidebar_left", "sidebar_right"):
        main, side = split_columns(v)

        def side_fn(w: Writer) -> None:
            w.contact(stacked=True)
            for s in side:
                w.heading(s.heading)
                w.body(s, True)

        def main_fn(w: Writer) -> None:
            w.top(contact=False)
            for s in main:
                w.heading(s.heading)
                w.body(s)

        wr.c.setFillColorRGB(0.93, 0.95, 0.97)
        sx = 0 if layout == "sidebar_left" else PAGE_W * 0.69
        wr.c.rect(sx, 0, PAGE_W * 0.31, PAGE_H, stroke=0, fill=1)
        wr.c.setFillColorRGB(0, 0, 0)
        if layout == "sidebar_left":
            _columns(wr, (0.3, side_fn, True), (0.7, main_fn, False))
        else:
            _columns(wr, (0.7, main_fn, False), (0.3, side_fn, True))
    elif layout == "headings_left":
        wr.top()
        x0, w0 = wr.x, wr.w
        for s in v.sections:
            wr.need(50)
            wr.c.setStrokeColorRGB(0.7, 0.7, 0.7)
            wr.c.line(x0, wr.y - 2, x0 + w0, wr.y - 2)
            y0 = wr.y
            wr.x, wr.w = x0, 0.22 * w0
            wr.heading(s.heading)
            wr.x, wr.w, wr.y = x0 + 0.25 * w0, 0.75 * w0, y0 - 8
            wr.body(s)
            wr.x, wr.w = x0, w0
    else:
        _table(wr, v)
    wr.footer()
    wr.c.save()
    return wr.buf.getvalue(), wr.extra


def render_reportlab(spec: dict, v: View) -> tuple[bytes, list[str]]:
    pdf, extra = _draw(spec, v, 0)
    if v.style["page_numbers"]:
        from render_groff import page_count

        pdf, extra = _draw(spec, v, page_count(pdf))
    return pdf, extra
