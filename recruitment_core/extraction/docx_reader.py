"""Word (.docx) resumes: body, tables, headers and footers, without text a reader cannot see."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruitment_core.extraction.common import (
    BACKGROUND_TOLERANCE,
    PAPER,
    Extraction,
    ExtractionError,
    non_blank_lines,
    row_lines,
)

# Formatting that can hide text (white or theme-background colour, "hidden", under 4 pt). Files without
# any of it, nearly all of them, take the fast path that reads paragraph text directly.
_DOCX_HIDING_MARKUP = re.compile(
    rb'<w:vanish\b|<w:color\b[^>]*w:(?:val="(?:[D-Fd-f][0-9A-Fa-f]){3}"|themeColor="(?:background|light)1")'
    rb'|<w:sz w:val="[1-7]"'
)
_DOCX_HIGHLIGHTS = {
    "black": (0, 0, 0), "blue": (0, 0, 255), "cyan": (0, 255, 255), "green": (0, 255, 0),
    "magenta": (255, 0, 255), "red": (255, 0, 0), "yellow": (255, 255, 0), "white": (255, 255, 255),
    "darkBlue": (0, 0, 128), "darkCyan": (0, 128, 128), "darkGreen": (0, 128, 0), "darkMagenta": (128, 0, 128),
    "darkRed": (128, 0, 0), "darkYellow": (128, 128, 0), "darkGray": (128, 128, 128), "lightGray": (192, 192, 192),
}  # fmt: skip


def extract_docx(data: bytes) -> Extraction:
    hidden: Counter[str] = Counter()
    try:
        document = docx.Document(io.BytesIO(data))
        visibility = _DocxVisibility(document, hidden) if _docx_may_hide_text(data) else None
        lines = list(_docx_lines(document, visibility))
    # python-docx surfaces broken packages as KeyError, BadZipFile, lxml syntax errors and more.
    except Exception as exc:
        raise ExtractionError(
            "corrupt",
            "This Word document is damaged and cannot be read. Open it, save it again "
            "(or export it as PDF), then upload it again.",
        ) from exc
    return Extraction(text="\n".join(lines), hidden=hidden)


def _docx_may_hide_text(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        return any(
            _DOCX_HIDING_MARKUP.search(archive.read(name))
            for name in ("word/document.xml", "word/styles.xml")
            if name in names
        )


class _DocxVisibility:
    """Decides which runs a reader can see: run formatting, then the run's character style, then the
    paragraph style, then the document defaults; compared with the shading or page colour beneath."""

    def __init__(self, document: DocxDocument, hidden: Counter[str]) -> None:
        self.hidden = hidden
        styles = document.styles.element
        self.styles = {style.get(qn("w:styleId")): style for style in styles.iterfind(qn("w:style"))}
        self.default_paragraph_style = next(
            (
                style.get(qn("w:styleId"))
                for style in self.styles.values()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = [defaults] if defaults is not None else []
        background = document.element.find(qn("w:background"))
        self.page = _hex_colour(background.get(qn("w:color")) if background is not None else None) or PAPER

    def paragraph_text(self, paragraph: Paragraph, beneath: tuple[int, int, int] | None) -> str:
        p = paragraph._p
        p_pr = p.find(qn("w:pPr"))
        style_id = _child_val(p_pr, "w:pStyle") or self.default_paragraph_style
        beneath = _shading(p_pr) or beneath or self.page
        parts = []
        for child in p.xpath("w:r | w:hyperlink"):
            for run in [child] if child.tag == qn("w:r") else child.xpath("w:r"):
                text = run.text
                reason = self._hidden_reason(run, style_id, beneath) if text.strip() else None
                if reason:
                    self.hidden[reason] += max(len(text.split()), 1)
                else:
                    parts.append(text)
        return "".join(parts)

    def _hidden_reason(self, run: Any, paragraph_style: str | None, beneath: tuple[int, int, int]) -> str | None:
        r_pr = run.find(qn("w:rPr"))
        chain = [r_pr] if r_pr is not None else []
        chain += self._style_chain(_child_val(r_pr, "w:rStyle"))
        chain += self._style_chain(paragraph_style) + self.defaults
        vanish = _first(chain, "w:vanish")
        if vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off"):
            return "invisible"
        size = _first(chain, "w:sz")
        if size is not None and (size.get(qn("w:val")) or "").isdigit() and int(size.get(qn("w:val"))) < 8:
            return "tiny"  # w:sz is in half-points
        colour_element = _first(chain, "w:color")
        colour = _hex_colour(colour_element.get(qn("w:val")) if colour_element is not None else None)
        if colour is None or min(colour) < 255 - BACKGROUND_TOLERANCE:
            return None
        highlight = _child_val(r_pr, "w:highlight")
        beneath = _shading(r_pr) or _DOCX_HIGHLIGHTS.get(highlight or "") or beneath
        if max(abs(a - b) for a, b in zip(colour, beneath, strict=True)) <= BACKGROUND_TOLERANCE:
            return "white"
        return None

    def _style_chain(self, style_id: str | None) -> list[Any]:
        chain = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            r_pr = style.find(qn("w:rPr"))
            if r_pr is not None:
                chain.append(r_pr)
            style_id = _child_val(style, "w:basedOn")
        return chain


def _first(chain: list[Any], tag: str) -> Any:
    for properties in chain:
        element = properties.find(qn(tag))
        if element is not None:
            return element
    return None


def _child_val(parent: Any, tag: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _shading(properties: Any) -> tuple[int, int, int] | None:
    if properties is None:
        return None
    shading = properties.find(qn("w:shd"))
    return _hex_colour(shading.get(qn("w:fill")) if shading is not None else None)


def _hex_colour(value: str | None) -> tuple[int, int, int] | None:
    if not value or len(value) != 6:
        return None  # "auto" or missing: the default (black text, white page)
    try:
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError:
        return None


def _docx_lines(document: DocxDocument, visibility: _DocxVisibility | None) -> Iterator[str]:
    # Contact details often sit in the page header, so headers come first and footers last.
    yield from _header_footer_lines(document, "header", visibility)
    yield from _block_lines(document.iter_inner_content(), visibility, None)
    yield from _header_footer_lines(document, "footer", visibility)


def _header_footer_lines(document: DocxDocument, part: str, visibility: _DocxVisibility | None) -> Iterator[str]:
    seen: set[str] = set()
    for section in document.sections:
        for variant in (f"first_page_{part}", part, f"even_page_{part}"):
            container = getattr(section, variant)
            if container.is_linked_to_previous:
                continue  # no own content; reading it would repeat the previous section's
            block = "\n".join(_block_lines(container.iter_inner_content(), visibility, None))
            if block.strip() and block not in seen:
                seen.add(block)
                yield block


def _block_lines(
    blocks: Iterator[Paragraph | Table], visibility: _DocxVisibility | None, beneath: tuple[int, int, int] | None
) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield visibility.paragraph_text(block, beneath) if visibility else block.text
        else:
            yield from _table_lines(block, visibility, beneath)


def _table_lines(
    table: Table, visibility: _DocxVisibility | None, beneath: tuple[int, int, int] | None
) -> Iterator[str]:
    """A row of one-line cells becomes "a | b | c"; cells with several lines (layout tables,
    common in two-column resumes) are emitted one after another so their lines stay intact."""
    seen_cells: set[CT_Tc] = set()  # holding the elements keeps their identity stable
    for row in table.rows:
        cell_blocks = []
        for cell in row.cells:
            # Merged cells are returned once per grid column/row they span: keep the first.
            if cell._tc in seen_cells:
                continue
            seen_cells.add(cell._tc)
            shading = _shading(cell._tc.tcPr) or beneath
            cell_lines = non_blank_lines(_block_lines(cell.iter_inner_content(), visibility, shading))
            if cell_lines:
                cell_blocks.append(cell_lines)
        yield from row_lines(cell_blocks)
