"""Scanned PDF pages: rendered to images and read through OCR."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
from PIL import Image

from recruitment_core import ocr
from recruitment_core.extraction.images import recognise, require_ocr
from recruitment_core.extraction.pdf_layout import PageContent
from recruitment_core.extraction.pdf_page import PDFIUM_LOCK
from recruitment_core.tools import ExternalTools

# Enough pages for any resume; a 300-page scan would otherwise hold a worker for many minutes.
_MAX_OCR_PAGES = 10
# A page image larger than this (pixels) is rendered at a lower resolution: ~A3 at 300 dpi.
_MAX_RENDER_PIXELS = 40_000_000


def recognise_scanned_pages(document: pdfium.PdfDocument, pages: list[PageContent], tools: ExternalTools) -> list[str]:
    scanned = [index for index, page in enumerate(pages) if page.needs_ocr]
    if not scanned:
        return []
    require_ocr(tools)
    for index in scanned[:_MAX_OCR_PAGES]:
        with PDFIUM_LOCK:
            image = _render_page(document[index])
        pages[index].ocr_text = recognise(image, tools)
    if len(scanned) > _MAX_OCR_PAGES:
        return [f"ocr_truncated: only the first {_MAX_OCR_PAGES} of {len(scanned)} scanned pages were read"]
    return []


def _render_page(page: pdfium.PdfPage) -> Image.Image:
    try:
        width, height = page.get_size()
        scale = ocr.OCR_DPI / 72
        if width * height * scale * scale > _MAX_RENDER_PIXELS:
            scale = math.sqrt(_MAX_RENDER_PIXELS / max(width * height, 1.0))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().convert("L")  # a copy: the bitmap's memory is freed below
        finally:
            bitmap.close()
    finally:
        page.close()
