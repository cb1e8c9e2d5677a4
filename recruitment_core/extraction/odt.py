"""OpenDocument text (.odt) resumes, read from the XML of the package with a hardened parser."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from recruitment_core.extraction.common import BYTES_PER_MB, Extraction, ExtractionError, non_blank_lines, row_lines

_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def _odf(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_ODF[prefix]}}}{local}"


_ODT_PARAGRAPHS = {_odf("text:p"), _odf("text:h")}
_ODT_TABLE = _odf("table:table")
_ODT_ROW = _odf("table:table-row")
_ODT_CELL = _odf("table:table-cell")
_ODT_TEXT_BOX = _odf("draw:text-box")
# Not resume content: comments, tracked deletions, declarations and the footnote markers.
_ODT_SKIPPED = {
    _odf(name)
    for name in (
        "office:annotation", "office:annotation-end", "text:tracked-changes", "text:sequence-decls",
        "text:variable-decls", "text:user-field-decls", "text:note-citation", "office:forms",
        "table:covered-table-cell",
    )
}  # fmt: skip
_ODT_SPACE, _ODT_TAB, _ODT_BREAK = _odf("text:s"), _odf("text:tab"), _odf("text:line-break")
_ODT_MAX_SPACES = 100  # a hostile <text:s text:c="1000000000"/> must not allocate gigabytes
_ODT_MAX_PART_BYTES = 50 * BYTES_PER_MB


def extract_odt(data: bytes) -> Extraction:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = _xml_root(_read_member(archive, "content.xml"))
            names = set(archive.namelist())
            styles = _xml_root(_read_member(archive, "styles.xml")) if "styles.xml" in names else None
        body = content.find("office:body/office:text", _ODF)
        if body is None:
            raise ValueError("content.xml has no office:text body")
        header = _odt_page_parts(styles, ("style:header-first", "style:header", "style:header-left"))
        footer = _odt_page_parts(styles, ("style:footer-first", "style:footer", "style:footer-left"))
        lines = [*header, *_odt_blocks(body), *footer]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise ExtractionError(
            "corrupt",
            "This OpenDocument file is damaged and cannot be read. Open it, save it again "
            "(or export it as PDF), then upload it again.",
        ) from exc
    return Extraction(text="\n".join(lines))


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        content = member.read(_ODT_MAX_PART_BYTES + 1)
    if len(content) > _ODT_MAX_PART_BYTES:
        raise ExtractionError(
            "too_complex", f"This document's {name} is larger than {_ODT_MAX_PART_BYTES // BYTES_PER_MB} MB."
        )
    return content


def _xml_root(content: bytes) -> Any:
    # No entities, no network, no huge trees: these files come from strangers.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    return etree.fromstring(content, parser=parser)


def _odt_page_parts(styles: Any, tags: tuple[str, ...]) -> list[str]:
    if styles is None:
        return []
    blocks: list[str] = []
    for page in styles.iterfind("office:master-styles/style:master-page", _ODF):
        for tag in tags:
            for part in page.iterfind(tag, _ODF):
                block = "\n".join(_odt_blocks(part))
                if block.strip() and block not in blocks:
                    blocks.append(block)
    return blocks


def _odt_blocks(element: Any) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _ODT_SKIPPED:
            continue
        if tag in _ODT_PARAGRAPHS:
            boxes: list[Any] = []
            yield _odt_inline(child, boxes)
            for box in boxes:  # text boxes anchored in the paragraph, read after it
                yield from _odt_blocks(box)
        elif tag == _ODT_TABLE:
            yield from _odt_table(child)
        else:
            yield from _odt_blocks(child)  # lists, sections, frames and other containers


def _odt_inline(element: Any, boxes: list[Any]) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _ODT_SPACE:
            count = child.get(_odf("text:c"), "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, _ODT_MAX_SPACES))
        elif tag == _ODT_TAB:
            parts.append("\t")
        elif tag == _ODT_BREAK:
            parts.append("\n")
        elif tag == _ODT_TEXT_BOX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _ODT_SKIPPED and tag != _odf("text:note"):
            parts.append(_odt_inline(child, boxes))  # spans, links, fields, frames
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table: Any) -> Iterator[str]:
    for row in table.iter(_ODT_ROW):
        if row.getparent() is not table and row.getparent().getparent() is not table:
            continue  # rows of a nested table are read with their cell
        cell_blocks = []
        for cell in row.iterfind("table:table-cell", _ODF):
            cell_lines = non_blank_lines(_odt_blocks(cell))
            if cell_lines:
                cell_blocks.append(cell_lines)
        yield from row_lines(cell_blocks)
