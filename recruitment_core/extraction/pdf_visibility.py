"""Whether a reader can see a PDF text run: its colour, size and render mode, against what the page draws
beneath it."""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from recruitment_core.extraction.common import BACKGROUND_TOLERANCE, PAPER

# Text smaller than this (points, after scaling) cannot be read on paper: a keyword-stuffing trick.
_MIN_READABLE_FONT_SIZE = 4.0
_INVISIBLE_RENDER_MODES = {3, 7}  # 3: neither filled nor stroked; 7: only added to the clipping path
_STROKE_ONLY_RENDER_MODES = {1, 5}
_PICTURE = None  # an image (or shading) lies beneath: its colour is unknown, so text on it counts as seen
# Bounds on walking a page's drawing (forms nest): enough for any resume, finite for hostile files.
_MAX_SCENE_OBJECTS = 20_000
_MAX_FORM_DEPTH = 8


@dataclass(frozen=True)
class RunStyle:
    """How one text object is drawn: enough to tell whether a reader can see it."""

    colour: tuple[int, int, int]
    alpha: int
    render_mode: int
    size: float  # effective font size in points (font size times the text and page scaling)

    @property
    def invisible(self) -> bool:
        return self.render_mode in _INVISIBLE_RENDER_MODES or self.alpha == 0

    @property
    def light(self) -> bool:
        return min(self.colour) >= 255 - BACKGROUND_TOLERANCE

    @property
    def concern(self) -> str | None:
        """What may hide this text: "tiny" (unreadably small), "scene" (depends on what lies beneath) or None."""
        if 0 < self.size < _MIN_READABLE_FONT_SIZE:
            return "tiny"
        if self.invisible or self.light:
            return "scene"
        return None


_DEFAULT_STYLE = RunStyle(colour=(0, 0, 0), alpha=255, render_mode=0, size=12.0)


def run_style(textpage: Any, address: int, index: int) -> RunStyle:
    if not address:
        return _DEFAULT_STYLE
    text_object = ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    get_colour = (
        pdfium_c.FPDFPageObj_GetStrokeColor if mode in _STROKE_ONLY_RENDER_MODES else pdfium_c.FPDFPageObj_GetFillColor
    )
    if not get_colour(text_object, red, green, blue, alpha):
        red.value, green.value, blue.value, alpha.value = 0, 0, 0, 255
    matrix = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return RunStyle(
        colour=(red.value, green.value, blue.value),
        alpha=alpha.value,
        render_mode=mode,
        size=pdfium_c.FPDFText_GetFontSize(textpage, index) * scale,
    )


class PageScene:
    """The page's drawing order and filled areas, to judge light or invisible text against what lies
    beneath it. Built only for pages that have such text."""

    def __init__(self, page: Any) -> None:
        self.order: dict[int, int] = {}  # text object address -> position in the drawing order
        self.backdrops: list[tuple[int, float, float, float, float, tuple[int, int, int] | None]] = []
        count = min(pdfium_c.FPDFPage_CountObjects(page), _MAX_SCENE_OBJECTS)
        self._walk((pdfium_c.FPDFPage_GetObject(page, index) for index in range(count)), depth=0)

    def _walk(self, objects: Iterable[Any], depth: int) -> None:
        for handle in objects:
            if len(self.order) + len(self.backdrops) >= _MAX_SCENE_OBJECTS:
                return
            kind = pdfium_c.FPDFPageObj_GetType(handle)
            position = len(self.order) + len(self.backdrops)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                self.order[ctypes.cast(handle, ctypes.c_void_p).value or 0] = position
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                count = pdfium_c.FPDFFormObj_CountObjects(handle)
                self._walk((pdfium_c.FPDFFormObj_GetObject(handle, index) for index in range(count)), depth + 1)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                colour = _path_fill(handle)
                if colour is not None:
                    self.backdrops.append((position, *_bounds(handle), colour))
            elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
                self.backdrops.append((position, *_bounds(handle), _PICTURE))

    def hidden_reason(self, address: int, style: RunStyle, x: float, y: float) -> str | None:
        drawn_at = self.order.get(address, len(self.order) + len(self.backdrops))
        beneath: tuple[int, int, int] | None = PAPER
        for position, left, bottom, right, top, colour in self.backdrops:
            if position > drawn_at:
                break  # backdrops are in drawing order; later ones are on top of the text
            if left <= x <= right and bottom <= y <= top:
                beneath = colour
        if beneath is _PICTURE:
            return None  # on a picture: white text on a photo, or the invisible text layer of a scan
        if style.invisible:
            return "invisible"
        assert beneath is not None
        if max(abs(a - b) for a, b in zip(style.colour, beneath, strict=True)) <= BACKGROUND_TOLERANCE:
            return "white"
        return None  # e.g. white text on a dark sidebar


def _path_fill(path: Any) -> tuple[int, int, int] | None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) or fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return None
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(path, red, green, blue, alpha) or alpha.value == 0:
        return None
    return (red.value, green.value, blue.value)


def _bounds(handle: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    return (left.value, bottom.value, right.value, top.value)


def has_image(page: Any) -> bool:
    count = min(pdfium_c.FPDFPage_CountObjects(page), _MAX_SCENE_OBJECTS)
    pending = [(pdfium_c.FPDFPage_GetObject(page, i), 0) for i in range(count)]
    seen = 0
    while pending and seen < _MAX_SCENE_OBJECTS:
        handle, depth = pending.pop()
        seen += 1
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(handle)
            pending += [(pdfium_c.FPDFFormObj_GetObject(handle, i), depth + 1) for i in range(count)]
    return False
