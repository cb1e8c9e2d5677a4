"""Render a resume spec to PDF (text or scanned), DOCX or TXT bytes.

Every renderer works from the same list of blocks (see `blocks()`), so one spec can be printed in any kind and
the printed words are the same whatever the layout. Output is deterministic: reportlab runs in invariant mode,
DOCX packages get fixed ZIP timestamps and scanned PDFs fixed dates, so regenerating changes no byte.

Layouts by kind (option keys in `Resume.options` in brackets):
- pdf: `single`, `two_column` (sidebar on the left or right [sidebar_side], optionally white on a dark panel
  [dark_sidebar]), `running_header` (2+ pages with a running header, footer and "Page N of M");
  [font] Helvetica, Times-Roman or DejaVu; [hidden_style] white or tiny keyword stuffing.
- scan: any pdf layout rasterised and embedded as an image (no text layer) [scan] g4 (1-bit fax) or jpeg.
- docx: `plain`, `header_contact` (contact lines in the page header), `layout_table` (a two-column table);
  [heading_style] word (built-in Heading styles) or bold; [hidden_style] white or vanish.
- txt: [heading_style] caps, underline, markdown, colon or title; [bullet]; [newline] lf or crlf; [encoding].
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from corpus.model import (
    Education,
    Experience,
    Lines,
    Projects,
    Resume,
    Section,
    Skills,
    Summary,
    job_header,
    visible,
)

_DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FIXED_ZIP_TIME = (2026, 11, 1, 0, 0, 0)
_SCAN_DATE = "20261101000000Z"


@dataclass(frozen=True)
class Block:
    """One printed unit. `kind`: name, headline, contact, heading, para, bullet, job, jobsub, degree, detail,
    skillrow (label + items), line."""

    kind: str
    text: str
    right: str | None = None  # job dates aligned right, or the items of a skill row


@dataclass(frozen=True)
class Group:
    """The blocks of one section (or of the top of the page when `heading` is None)."""

    heading: str | None
    blocks: tuple[Block, ...]


def _section_blocks(section: Section) -> list[Block]:
    out: list[Block] = []
    if section.heading:
        out.append(Block("heading", section.heading))
    if isinstance(section, Summary):
        out += [Block("para", visible(paragraph)) for paragraph in section.text.split("\n\n")]
    elif isinstance(section, Experience):
        for job in section.jobs:
            header = job_header(job, section.style)
            out.append(Block("job", header[0][0], header[0][1]))
            out += [Block("jobsub", left, right) for left, right in header[1:]]
            out += [Block("bullet", visible(bullet)) for bullet in job.bullets]
    elif isinstance(section, Education):
        for degree in section.degrees:
            out.append(Block("degree", visible(degree.text)))
            if degree.detail:
                out.append(Block("detail", visible(degree.detail)))
    elif isinstance(section, Skills):
        for line in section.lines:
            label, colon, items = visible(line).partition(": ")
            out.append(Block("skillrow", label, items) if colon else Block("line", label))
    elif isinstance(section, Projects):
        for project in section.projects:
            out.append(Block("degree", visible(project.name)))
            out += [Block("bullet", visible(bullet)) for bullet in project.bullets]
    elif isinstance(section, Lines):
        out += [Block("bullet" if section.bulleted else "line", visible(line)) for line in section.lines]
    return out


def groups(resume: Resume) -> list[Group]:
    """The resume as printed: a top group (name, headline, contact), then one group per section."""
    top = [Block("name", resume.printed_name or resume.name)]
    if resume.headline:
        top.append(Block("headline", visible(resume.headline)))
    top += [Block("contact", line) for line in resume.contact]
    return [Group(None, tuple(top))] + [
        Group(section.heading, tuple(_section_blocks(section))) for section in resume.sections
    ]


def printed_text(resume: Resume) -> str:
    """All visible words, one block per line (what a careful reader sees, hidden text excluded)."""
    lines = []
    for group in groups(resume):
        for block in group.blocks:
            lines.append(block.text + (f" {block.right}" if block.right else ""))
    return "\n".join(lines)


def render(resume: Resume) -> bytes:
    renderers = {"pdf": render_pdf, "scan": render_scan, "docx": render_docx, "txt": render_txt}
    return renderers[resume.kind](resume)


# --- PDF -----------------------------------------------------------------------------------------


def _pdf_fonts(resume: Resume) -> tuple[str, str, str]:
    """(regular, bold, italic) font names for the resume's [font] option."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = resume.options.get("font", "Helvetica")
    if family == "DejaVu":
        for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                           ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf")):  # fmt: skip
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(_DEJAVU_DIR / file)))
        return "DejaVu", "DejaVu-Bold", "DejaVu-Oblique"
    if family == "Times-Roman":
        return "Times-Roman", "Times-Bold", "Times-Italic"
    return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


def _pdf_styles(resume: Resume, *, size: float, light: bool = False) -> dict[str, object]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold, italic = _pdf_fonts(resume)
    ink = colors.white if light else colors.black
    accent = colors.white if light else colors.HexColor(resume.options.get("accent", "#1F3A5F"))
    base = ParagraphStyle("base", fontName=regular, fontSize=size, leading=size * 1.25, textColor=ink)
    return {
        "name": ParagraphStyle("name", base, fontName=bold, fontSize=size * 2, leading=size * 2.4, textColor=accent),
        "headline": ParagraphStyle("headline", base, fontName=italic, fontSize=size * 1.15, leading=size * 1.5),
        "contact": ParagraphStyle("contact", base, fontSize=size * 0.92),
        "heading": ParagraphStyle("heading", base, fontName=bold, fontSize=size * 1.15, leading=size * 1.5,
                                  spaceBefore=size * 0.9, spaceAfter=size * 0.3, textColor=accent),
        "para": ParagraphStyle("para", base, spaceAfter=size * 0.3),
        "bullet": ParagraphStyle("bullet", base, leftIndent=size * 1.3, bulletIndent=size * 0.3),
        "job": ParagraphStyle("job", base, fontName=bold, spaceBefore=size * 0.5),
        "jobsub": ParagraphStyle("jobsub", base, fontName=italic),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "degree": ParagraphStyle("degree", base, fontName=bold, spaceBefore=size * 0.3),
        "detail": ParagraphStyle("detail", base, fontName=italic),
        "line": base,
        "skillrow": base,
    }  # fmt: skip


def _pdf_flowables(blocks: tuple[Block, ...], styles: dict[str, object], width: float, resume: Resume) -> list[object]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    upper = resume.options.get("heading_case") == "upper"
    out: list[object] = []
    for block in blocks:
        text = escape(block.text)
        style = styles[block.kind]
        if block.kind == "heading" and upper:
            text = text.upper()
        if block.kind == "bullet":
            out.append(Paragraph(text, style, bulletText="•"))
        elif block.kind == "skillrow":
            out.append(Paragraph(f"<b>{text}:</b> {escape(block.right or '')}", style))
        elif block.right:  # a job line with its dates on the right margin, as a borderless two-cell table
            cells = [[Paragraph(text, style), Paragraph(escape(block.right), styles["right"])]]
            table = Table(cells, colWidths=[width * 0.66, width * 0.34])
            table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))  # fmt: skip
            out.append(table)
        else:
            out.append(Paragraph(text, style))
    return out


def _draw_hidden(canvas: Any, resume: Resume) -> None:
    """Keyword stuffing a reader cannot see: white on white, or 1-point text in the bottom margin."""
    from reportlab.lib import colors

    if not resume.hidden:
        return
    canvas.saveState()
    if resume.options.get("hidden_style", "white") == "white":
        canvas.setFillColor(colors.white)
        canvas.setFont("Helvetica", 6)
    else:
        canvas.setFillColor(colors.HexColor("#F4F4F4"))
        canvas.setFont("Helvetica", 1)
    text = canvas.beginText(36, 14)
    words = resume.hidden.split()
    per_line = 18
    for start in range(0, len(words), per_line):
        text.textLine(" ".join(words[start : start + per_line]))
    canvas.drawText(text)
    canvas.restoreState()


def render_pdf(resume: Resume, *, expect_pages: int | None = None) -> bytes:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random document id: the bytes are reproducible
    if resume.layout == "two_column":
        data = _pdf_two_column(resume)
    elif resume.layout == "running_header":
        data = _pdf_running_header(resume)
    elif resume.layout == "single":
        data = _pdf_single(resume)
    else:
        raise ValueError(f"{resume.stem}: unknown pdf layout {resume.layout!r}")
    pages = _page_count(data)
    wanted = expect_pages or (2 if resume.layout == "running_header" else 1)
    if pages != wanted:
        raise ValueError(f"{resume.stem}: {resume.layout} rendered to {pages} pages, wanted {wanted}")
    return data


def _page_count(data: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def _pdf_single(resume: Resume) -> bytes:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.platypus import SimpleDocTemplate

    page = A4 if resume.options.get("paper") == "a4" else LETTER
    size = float(resume.options.get("size", "10"))
    margin = 48
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=resume.name, author=resume.name)  # fmt: skip
    styles = _pdf_styles(resume, size=size)
    story = [item for group in groups(resume) for item in _pdf_flowables(group.blocks, styles, doc.width, resume)]

    def on_page(canvas: Any, _doc: Any) -> None:
        _draw_hidden(canvas, resume)

    doc.build(story, onFirstPage=on_page, onLaterPages=lambda canvas, doc: None)
    return buffer.getvalue()


def _pdf_running_header(resume: Resume) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.platypus import SimpleDocTemplate

    page = A4 if resume.options.get("paper") == "a4" else LETTER
    size = float(resume.options.get("size", "10.5"))
    regular, _bold, italic = _pdf_fonts(resume)
    header_left = resume.options.get("header", f"{resume.name} — Curriculum Vitae")
    header_right = resume.options.get("header_right", resume.emails[0] if resume.emails else "")
    footer = resume.options.get("footer", "Page {page} of {pages}")

    def build(total_pages: int) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=54, rightMargin=54, topMargin=72, bottomMargin=64,
                                title=resume.name, author=resume.name)  # fmt: skip
        styles = _pdf_styles(resume, size=size)
        story = [item for group in groups(resume) for item in _pdf_flowables(group.blocks, styles, doc.width, resume)]

        def decorate(canvas: Any, doc: Any) -> None:
            number = doc.page
            canvas.saveState()
            canvas.setFont(italic, 8.5)
            canvas.setFillColor(colors.HexColor("#555555"))
            canvas.drawString(54, page[1] - 40, header_left)
            canvas.drawRightString(page[0] - 54, page[1] - 40, header_right)
            canvas.line(54, page[1] - 46, page[0] - 54, page[1] - 46)
            canvas.setFont(regular, 8.5)
            canvas.drawCentredString(page[0] / 2, 36, footer.format(page=number, pages=total_pages))
            canvas.restoreState()
            if number == 1:
                _draw_hidden(canvas, resume)

        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
        return buffer.getvalue()

    return build(_page_count(build(0)))


def _pdf_two_column(resume: Resume) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate

    page = A4 if resume.options.get("paper") == "a4" else LETTER
    size = float(resume.options.get("size", "9.5"))
    dark = resume.options.get("dark_sidebar") == "1"
    side = resume.options.get("sidebar_side", "left")
    sidebar_first = resume.options.get("sidebar_first", "1") == "1"
    width, height = page
    margin, gap, sidebar_width, top_height = 36, 20, 170, 66
    body_top = height - margin - top_height
    body_height = body_top - margin
    sidebar_x = margin if side == "left" else width - margin - sidebar_width
    main_x = margin + sidebar_width + gap if side == "left" else margin
    main_width = width - 2 * margin - sidebar_width - gap
    top = Frame(margin, body_top, width - 2 * margin, top_height, id="top", showBoundary=0)
    sidebar = Frame(sidebar_x, margin, sidebar_width, body_height, id="sidebar", leftPadding=8, rightPadding=8)
    main = Frame(main_x, margin, main_width, body_height, id="main")
    later = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="later")

    def first_page(canvas: Any, _doc: Any) -> None:
        if dark:
            canvas.saveState()
            canvas.setFillColor(colors.HexColor("#22313F"))
            canvas.rect(sidebar_x - 6, 0, sidebar_width + 12, body_top, stroke=0, fill=1)
            canvas.restoreState()
        _draw_hidden(canvas, resume)

    columns = [sidebar, main] if sidebar_first else [main, sidebar]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=page, title=resume.name, author=resume.name)
    doc.addPageTemplates([PageTemplate("first", [top, *columns], onPage=first_page), PageTemplate("later", [later])])
    styles = _pdf_styles(resume, size=size)
    side_styles = _pdf_styles(resume, size=size, light=dark)
    all_groups = groups(resume)
    top_group, sections = all_groups[0], all_groups[1:]
    # Contact lines go to the sidebar with the sidebar sections; the name and headline stay on top.
    head = tuple(block for block in top_group.blocks if block.kind in ("name", "headline"))
    contact = tuple(block for block in top_group.blocks if block.kind == "contact")
    side_groups = [Group(None, contact)] + [group for group in sections if group.heading in resume.sidebar]
    main_groups = [group for group in sections if group.heading not in resume.sidebar]
    side_story = [x for g in side_groups for x in _pdf_flowables(g.blocks, side_styles, sidebar_width - 16, resume)]
    main_story = [x for g in main_groups for x in _pdf_flowables(g.blocks, styles, main_width - 12, resume)]
    story = [NextPageTemplate("later"), *_pdf_flowables(head, styles, width, resume), FrameBreak()]
    story += [*side_story, FrameBreak(), *main_story] if sidebar_first else [*main_story, FrameBreak(), *side_story]
    doc.build(story)
    return buffer.getvalue()


# --- scanned PDF ---------------------------------------------------------------------------------


def render_scan(resume: Resume) -> bytes:
    """Print the resume as a text PDF, rasterise it as a scanner would, and keep only the image."""
    import pypdfium2
    from PIL import Image

    text_pdf = render_pdf(resume)
    mode = resume.options.get("scan", "g4")
    dpi = 300 if mode == "g4" else 150
    document = pypdfium2.PdfDocument(text_pdf)
    images = []
    for index in range(len(document)):
        bitmap = document[index].render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil().convert("L")
        # A slightly skewed page, as from a flatbed scanner.
        image = image.rotate(float(resume.options.get("skew", "0.4")), resample=Image.Resampling.BICUBIC, fillcolor=255)
        if mode == "g4":
            image = image.point(lambda value: 255 if value > 150 else 0).convert("1", dither=Image.Dither.NONE)
        images.append(image)
    document.close()
    buffer = io.BytesIO()
    first, rest = images[0], images[1:]
    options: dict[str, object] = {"resolution": dpi, "creationDate": _SCAN_DATE, "modDate": _SCAN_DATE}
    if mode == "jpeg":
        options["quality"] = 55
    first.save(buffer, "PDF", save_all=bool(rest), append_images=rest, title="Scan", **options)
    return buffer.getvalue()


# --- DOCX ----------------------------------------------------------------------------------------


def render_docx(resume: Resume) -> bytes:
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    heading_style = resume.options.get("heading_style", "word")
    normal = document.styles["Normal"]
    normal.font.name = resume.options.get("font", "Calibri")
    normal.font.size = Pt(10.5)

    def add_blocks(container: Any, blocks: tuple[Block, ...], tab_width: int) -> None:
        for block in blocks:
            kind = block.kind
            if kind == "heading":
                if heading_style == "word":
                    paragraph = container.add_paragraph(block.text, style="Heading 2")
                else:
                    paragraph = container.add_paragraph()
                    run = paragraph.add_run(block.text.upper())
                    run.bold = True
                    run.font.size = Pt(12)
                continue
            if kind == "name":
                if heading_style == "word":
                    container.add_paragraph(block.text, style="Title")
                else:
                    run = container.add_paragraph().add_run(block.text)
                    run.bold = True
                    run.font.size = Pt(20)
                continue
            style = "List Bullet" if kind == "bullet" else None
            paragraph = container.add_paragraph(style=style)
            if kind == "skillrow":
                paragraph.add_run(block.text + ": ").bold = True
                paragraph.add_run(block.right or "")
                continue
            run = paragraph.add_run(block.text)
            run.bold = kind in ("job", "degree")
            run.italic = kind in ("jobsub", "detail", "headline")
            if block.right:
                paragraph.paragraph_format.tab_stops.add_tab_stop(tab_width, WD_TAB_ALIGNMENT.RIGHT)
                paragraph.add_run("\t" + block.right)

    def add_group(container: Any, group: Group, tab_width: int) -> None:
        skills_table = next(
            (s for s in resume.sections if isinstance(s, Skills) and s.as_table and s.heading == group.heading), None
        )
        if skills_table is None:
            add_blocks(container, group.blocks, tab_width)
            return
        add_blocks(container, group.blocks[:1], tab_width)  # the heading
        rows = list(group.blocks[1:])
        table = container.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, block in zip(table.rows, rows, strict=True):
            row.cells[0].text = block.text
            row.cells[1].text = block.right or ""

    all_groups = groups(resume)
    top_group, sections = all_groups[0], all_groups[1:]
    if resume.layout == "header_contact":
        header = section.header
        header.paragraphs[0].text = resume.contact[0]
        for line in resume.contact[1:]:
            header.add_paragraph(line)
        add_blocks(document, tuple(b for b in top_group.blocks if b.kind != "contact"), text_width)
        for group in sections:
            add_group(document, group, text_width)
    elif resume.layout == "layout_table":
        add_blocks(document, tuple(b for b in top_group.blocks if b.kind in ("name", "headline")), text_width)
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        side_cell, main_cell = (left, right) if resume.options.get("sidebar_side", "left") == "left" else (right, left)
        side_width = int(text_width * 0.34)
        left.width, right.width = (side_width, text_width - side_width) if side_cell is left else (
            text_width - side_width, side_width)  # fmt: skip
        contact = tuple(b for b in top_group.blocks if b.kind == "contact")
        add_blocks(side_cell, contact, side_width)
        for group in sections:
            target = side_cell if group.heading in resume.sidebar else main_cell
            add_group(target, group, side_width if target is side_cell else text_width - side_width)
        for cell in (left, right):  # a new cell starts with one empty paragraph: drop it
            first = cell.paragraphs[0]
            if not first.text:
                first._element.getparent().remove(first._element)
    elif resume.layout == "plain":
        add_blocks(document, top_group.blocks, text_width)
        for group in sections:
            add_group(document, group, text_width)
    else:
        raise ValueError(f"{resume.stem}: unknown docx layout {resume.layout!r}")

    if resume.hidden:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(resume.hidden)
        if resume.options.get("hidden_style", "white") == "vanish":
            run.font.hidden = True
        else:
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            run.font.size = Pt(2)
    core = document.core_properties
    core.author = resume.name
    core.title = "Resume"
    core.last_modified_by = resume.name
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a ZIP package with fixed timestamps so the same document always gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# --- TXT -----------------------------------------------------------------------------------------


def render_txt(resume: Resume) -> bytes:
    heading_style = resume.options.get("heading_style", "caps")
    bullet = resume.options.get("bullet", "-")
    width = int(resume.options.get("width", "78"))
    lines: list[str] = []
    previous = ""
    for group in groups(resume):
        for block in group.blocks:
            after_heading, previous = previous == "heading", block.kind
            kind, text = block.kind, block.text
            if kind == "heading":
                lines.append("")
                if heading_style == "caps":
                    lines.append(text.upper())
                elif heading_style == "underline":
                    lines += [text, "=" * len(text)]
                elif heading_style == "markdown":
                    lines.append(f"## {text}")
                elif heading_style == "colon":
                    lines.append(f"{text.upper()}:")
                else:
                    lines.append(text)
            elif kind == "name":
                lines.append(f"# {text}" if heading_style == "markdown" else text)
            elif kind == "bullet":
                lines.append(f"{bullet} {text}")
            elif kind == "skillrow":
                lines.append(f"{text}: {block.right}")
            elif block.right:
                padding = max(2, width - len(text) - len(block.right))
                lines.append(text + " " * padding + block.right)
            else:
                if (
                    kind in ("job", "degree")
                    and lines[-1:] != [""]
                    and not after_heading
                    and heading_style != "markdown"
                ):
                    lines.append("")
                lines.append(f"**{text}**" if kind == "job" and heading_style == "markdown" else text)
    newline = "\r\n" if resume.options.get("newline") == "crlf" else "\n"
    return (newline.join(lines) + newline).encode(resume.options.get("encoding", "utf-8"))
