"""PDF resumes: opening the file, reading its pages in order, and warning about active content."""

from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from recruitment_core.extraction.common import Extraction, ExtractionError
from recruitment_core.extraction.pdf_layout import drop_running_lines, join_hyphenated_lines, reading_order
from recruitment_core.extraction.pdf_page import PDFIUM_LOCK, read_pdf_page
from recruitment_core.extraction.pdf_scans import recognise_scanned_pages
from recruitment_core.limits import pages_flag
from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools


def extract_pdf(data: bytes, max_pages: int | None = None, *, tools: ExternalTools = DEFAULT_TOOLS) -> Extraction:
    """The text of the first `max_pages` pages (all without a cap): later pages are never opened, so a file
    of thousands of pages costs no more than one of `max_pages`."""
    with PDFIUM_LOCK:
        document = _open_pdf(data)
    try:
        with PDFIUM_LOCK:
            total = len(document)
            read = total if max_pages is None else min(total, max_pages)
            pages = [read_pdf_page(document[index]) for index in range(read)]
            notes = _active_content_flags(document, data)
        if read < total:
            notes.append(pages_flag(read, total))
        footers = drop_running_lines(pages)
        hidden: Counter[str] = Counter()
        for page in pages:
            hidden.update(page.hidden)
        notes += recognise_scanned_pages(document, pages, tools)
    except (ExtractionError, MemoryError):
        raise
    # PDFium and its bindings fail in several ways (PdfiumError, ValueError...) on malformed content.
    except Exception as exc:
        raise _corrupt_pdf() from exc
    finally:
        with PDFIUM_LOCK:
            document.close()
    page_texts = [
        page.ocr_text
        if page.ocr_text is not None
        else "\n".join(join_hyphenated_lines(reading_order([], rows=page.rows)))
        for page in pages
    ]
    text = "\n\n".join(page_texts)
    if footers:
        text += "\n\n" + "\n".join(footers)  # like DOCX: footers last, once
    return Extraction(
        text=text,
        pages=total,
        has_text_layer=any(page.rows for page in pages),
        ocr_used=any(page.ocr_text is not None for page in pages),
        ocr_pages=sum(page.ocr_text is not None for page in pages),
        hidden=hidden,
        notes=notes,
    )


# Names of actions that run code or programs when a reader opens or clicks the file. They are never run here
# (PDFium runs no JavaScript without a form environment, which is never set up); a recruiter is warned
# because the original file may still run them in their own PDF reader.
_ACTIVE_CONTENT = re.compile(rb"/(?:JavaScript|JS|Launch)(?![A-Za-z0-9])")


def _active_content_flags(document: pdfium.PdfDocument, data: bytes) -> list[str]:
    # Document-level scripts through PDFium; actions (/OpenAction, links, form fields) from the raw objects.
    if pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0 or _ACTIVE_CONTENT.search(data):
        return [
            "active_content: this PDF holds scripts or commands meant to run when it is opened; they were not "
            "run here, but open the original file with care"
        ]
    return []


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        # No password: files that only restrict printing or copying (owner password) open as they are.
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise _encrypted_pdf() from exc
        raise _corrupt_pdf() from exc
    if len(document) == 0:
        document.close()
        raise _corrupt_pdf()
    return document


def _encrypted_pdf() -> ExtractionError:
    return ExtractionError(
        "encrypted",
        "This PDF is password-protected. Ask the candidate for a copy without a password, "
        "or open it and save an unprotected copy, then upload it again.",
    )


def _corrupt_pdf() -> ExtractionError:
    return ExtractionError(
        "corrupt",
        "This PDF is damaged or incomplete and cannot be read. "
        "Ask the candidate to export it again, then upload the new file.",
    )
