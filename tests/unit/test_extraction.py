"""Tests for recruitment_core.extraction: every file is generated in memory, nothing is mocked."""

from __future__ import annotations

import io
import random
import re
import shutil
import struct
import zipfile
import zlib

import docx
import pypdf
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from fixtures.make_resumes import (
    PdfText,
    join_pdfs,
    make_blank_pdf,
    make_doc,
    make_docx,
    make_hidden_text_pdf,
    make_layout_pdf,
    make_odt,
    make_positioned_words_pdf,
    make_rtf,
    make_running_header_pdf,
    make_scan_image,
    make_scanned_pdf,
    make_searchable_scan_pdf,
    make_sidebar_resume_pdf,
    make_text_pdf,
    make_two_column_pdf,
)

from recruitment_core.extraction import (
    ExtractedText,
    ExtractionError,
    check_upload,
    detect_resume_type,
    extract_text,
    normalise_text,
)
from recruitment_core.tools import ExternalTools

RESUME_LINES = ["Jane Doe", "Senior Python Engineer", "José Müller (Berlin) – C:\\dev"]
RESUME_TEXT = "Jane Doe\nSenior Python Engineer\nJosé Müller (Berlin) – C:\\dev"


def _png_bytes() -> bytes:
    """A valid 1x1 PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _zip_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _encrypt_pdf(data: bytes, *, user_password: str, owner_password: str | None = None) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _error(func, *args, **kwargs) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        func(*args, **kwargs)
    return caught.value


# --- PDF -----------------------------------------------------------------------------------------


def test_text_pdf_is_detected_and_extracted_exactly():
    data = make_text_pdf(RESUME_LINES)

    assert detect_resume_type(data, "resume.pdf") == "pdf"
    assert extract_text(data, "pdf") == ExtractedText(text=RESUME_TEXT, kind="pdf", pages=1, has_text_layer=True)


def test_pdf_named_txt_is_still_a_pdf():
    assert detect_resume_type(make_text_pdf(RESUME_LINES), "resume.txt") == "pdf"


def test_pdf_pages_are_counted_and_separated_by_one_blank_line():
    data = make_text_pdf([f"Line {number}" for number in range(1, 53)])  # 50 lines per page

    result = extract_text(data, "pdf")

    assert result.pages == 2
    assert result.text.endswith("Line 49\nLine 50\n\nLine 51\nLine 52")


def test_pdf_without_text_layer_returns_empty_text_not_a_placeholder():
    assert extract_text(make_blank_pdf(), "pdf") == ExtractedText(text="", kind="pdf", pages=1, has_text_layer=False)


def test_pdf_with_user_password_is_encrypted():
    data = _encrypt_pdf(make_text_pdf(RESUME_LINES), user_password="pw")

    assert detect_resume_type(data) == "pdf"
    error = _error(extract_text, data, "pdf")
    assert error.code == "encrypted"
    assert "password-protected" in str(error)


def test_pdf_with_only_owner_password_opens_with_empty_password():
    data = _encrypt_pdf(make_text_pdf(RESUME_LINES), user_password="", owner_password="owner")

    assert extract_text(data, "pdf").text == RESUME_TEXT


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(make_text_pdf(RESUME_LINES)[:300], id="truncated"),
        pytest.param(b"%PDF-1.7\n" + bytes(range(256)) * 4, id="garbage-after-header"),
    ],
)
def test_damaged_pdf_is_corrupt(data):
    assert detect_resume_type(data) == "pdf"
    error = _error(extract_text, data, "pdf")
    assert error.code == "corrupt"
    assert "damaged" in str(error)


# --- DOCX ----------------------------------------------------------------------------------------


def test_docx_paragraphs_then_table_rows():
    data = make_docx(["Jane Doe", "Skills"], table=[["Skill", "Years"], ["Python", "7"], ["SQL", "4"]])

    assert detect_resume_type(data, "resume.pdf") == "docx"
    assert extract_text(data, "docx") == ExtractedText(
        text="Jane Doe\nSkills\nSkill | Years\nPython | 7\nSQL | 4",
        kind="docx",
        pages=None,
        has_text_layer=True,
    )


def test_docx_keeps_document_order_merged_cells_layout_cells_and_header():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.com  |  +1 555 0100"
    document.add_paragraph("Jane Doe")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Experience"
    table.cell(1, 0).text = "2019-2024"
    table.cell(1, 1).text = "Acme Corp"
    table.cell(2, 0).text = "Contact"
    right = table.cell(2, 1)
    right.text = "Backend lead"
    right.add_paragraph("Built the   billing platform")
    document.add_paragraph("References on request")
    document.sections[0].footer.paragraphs[0].text = "Curriculum vitae"

    result = extract_text(_docx_bytes(document), "docx")

    assert result.text == (
        "jane@example.com | +1 555 0100\n"
        "Jane Doe\n"
        "Experience\n"
        "2019-2024 | Acme Corp\n"
        "Contact\n"
        "Backend lead\n"
        "Built the billing platform\n"
        "References on request\n"
        "Curriculum vitae"
    )


def test_docx_cell_with_manual_line_breaks_keeps_its_lines():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "English\nGerman"  # python-docx writes "\n" as a manual line break

    assert extract_text(_docx_bytes(document), "docx").text == "Languages\nEnglish\nGerman"


def test_docx_without_text_has_no_text_layer():
    assert extract_text(make_docx([]), "docx") == ExtractedText(text="", kind="docx", pages=None, has_text_layer=False)


def test_damaged_docx_is_corrupt_at_detection():
    data = make_docx(["Jane Doe"])[:200]

    error = _error(detect_resume_type, data, "resume.docx")
    assert error.code == "corrupt"


def test_docx_missing_parts_is_corrupt_at_extraction():
    data = _zip_bytes({"word/document.xml": "<not-really-word/>"})

    assert detect_resume_type(data) == "docx"
    assert _error(extract_text, data, "docx").code == "corrupt"


# --- TXT -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("Jane Doe\r\nPython  engineer \r\n\r\n\r\n\r\nBerlin – Zürich\r\n".encode(), id="utf-8"),
        pytest.param("\ufeffJane Doe\nPython engineer\n\nBerlin – Zürich".encode(), id="utf-8-bom"),
        pytest.param("Jane Doe\nPython engineer\n\nBerlin – Zürich".encode("utf-16"), id="utf-16-bom"),
        pytest.param("Jane Doe\nPython engineer\n\nBerlin – Zürich".encode("cp1252"), id="cp1252"),
    ],
)
def test_text_files_decode_and_normalise(data):
    assert detect_resume_type(data, "resume.docx") == "txt"
    assert extract_text(data, "txt") == ExtractedText(
        text="Jane Doe\nPython engineer\n\nBerlin – Zürich", kind="txt", pages=None, has_text_layer=True
    )


def test_utf16_little_endian_with_bom():
    data = b"\xff\xfe" + "Jane Doe\r\nData   Scientist".encode("utf-16-le")

    assert detect_resume_type(data) == "txt"
    assert extract_text(data, "txt").text == "Jane Doe\nData Scientist"


def test_utf16_without_bom_is_not_text():
    # Without a BOM the NUL bytes make it indistinguishable from binary data.
    error = _error(detect_resume_type, "Jane Doe".encode("utf-16-be"))

    assert error.code == "unsupported_type"
    assert "unrecognised binary file" in str(error)


@pytest.mark.parametrize("text", ["BMW service engineer", "MZ Logistics, driver", "ID3 Audio Ltd"])
def test_text_starting_with_binary_magic_is_still_text(text):
    assert detect_resume_type(text.encode()) == "txt"


def test_normalise_text_cleans_pdf_artefacts_and_keeps_lines():
    raw = "  \ufb01nance\u00a0\u00a0lead\x00 \t\n\n\n\nSoft\u00adware\fPage 2  \r\n"

    assert normalise_text(raw) == "finance lead\n\nSoftware\nPage 2"


# --- rejected uploads ----------------------------------------------------------------------------


def test_gif_renamed_pdf_is_unsupported_and_named():
    gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00"

    error = _error(detect_resume_type, gif, "resume.pdf")

    assert error.code == "unsupported_type"
    assert str(error) == (
        "This file is a GIF image, not a resume document we can read. "
        "Upload the resume as a PDF, a Word document (.docx or .doc), an OpenDocument (.odt) or RTF file, "
        "a plain-text file, or a PNG/JPEG scan."
    )


def test_zip_that_is_not_docx_is_unsupported():
    data = _zip_bytes({"resume.txt": "Jane Doe", "photo.jpg": "not really"})

    error = _error(detect_resume_type, data, "resume.docx")

    assert error.code == "unsupported_type"
    assert "a ZIP archive" in str(error)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 120, "Windows executable", id="exe"),
        pytest.param(b"\x7fELF\x02\x01\x01" + b"\x00" * 120, "Linux executable", id="elf"),
        pytest.param(random.Random(20240601).randbytes(4096), "unrecognised binary file", id="garbage"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "Workbook".encode("utf-16-le"),
            "legacy Microsoft Office file",
            id="ole-not-word",
        ),
        pytest.param(b"%!PS-Adobe-3.0\n%%Title: resume\n", "PostScript file", id="postscript"),
    ],
)
def test_other_formats_are_unsupported_and_named(data, name):
    error = _error(detect_resume_type, data, "resume.pdf")

    assert error.code == "unsupported_type"
    assert f" {name}, " in str(error)


def test_password_protected_office_file_is_encrypted():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le")

    error = _error(detect_resume_type, data, "resume.docx")

    assert error.code == "encrypted"
    assert "password-protected" in str(error)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", "  \n".encode("utf-16")])
def test_empty_or_blank_file_is_empty_file(data):
    error = _error(detect_resume_type, data)

    assert error.code == "empty_file"
    assert str(error) == "The file is empty. Check that the right file was chosen and upload it again."


def test_unknown_kind_is_rejected_by_extract_text():
    assert _error(extract_text, b"Jane Doe", "xls").code == "unsupported_type"


# --- check_upload ---------------------------------------------------------------------------------


def test_check_upload_rejects_files_over_the_limit_with_the_limit_in_mb():
    limit = 2 * 1024 * 1024

    error = _error(check_upload, b"x" * (limit + 1), max_bytes=limit)

    assert error.code == "too_large"
    assert str(error).startswith("The file is 2.1 MB; resumes can be at most 2 MB.")


def test_check_upload_size_check_comes_before_type_detection():
    assert _error(check_upload, _png_bytes(), max_bytes=10).code == "too_large"


def test_check_upload_accepts_every_readable_kind():
    uploads = {
        "doc": make_doc(["Jane Doe"]),
        "odt": make_odt(["Jane Doe"]),
        "rtf": make_rtf(["Jane Doe"]),
        "png": _png_bytes(),
        "jpeg": make_scan_image(["Jane Doe"], image_format="JPEG", dpi=50),
    }

    assert {kind: check_upload(data, max_bytes=5 * 1024 * 1024) for kind, data in uploads.items()} == {
        kind: kind for kind in uploads
    }


def test_check_upload_returns_detected_type_at_the_limit():
    pdf = make_text_pdf(RESUME_LINES)

    assert check_upload(pdf, max_bytes=len(pdf)) == "pdf"
    assert check_upload(make_docx(["Jane Doe"]), max_bytes=5 * 1024 * 1024) == "docx"
    assert check_upload(b"Jane Doe\nPython", max_bytes=100) == "txt"
    assert _error(check_upload, b"", max_bytes=100).code == "empty_file"


# --- PDF reading order ----------------------------------------------------------------------------


def test_two_column_pdf_reads_left_column_then_right_column():
    data = make_two_column_pdf(
        ["Skills", "Python", "PostgreSQL", "Languages", "English, German"],
        ["Experience", "Acme Corp - Senior Engineer", "Built the billing platform", "Beta GmbH - Engineer"],
        header=["Jane Doe", "jane@example.com | Berlin"],
        right_leading=15,
    )
    # The content stream alternates the columns line by line, so reading it in order interleaves them.
    naive = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert naive.index("Experience") < naive.index("Python")

    assert extract_text(data, "pdf") == ExtractedText(
        text="Jane Doe\n"
        "jane@example.com | Berlin\n"
        "Skills\nPython\nPostgreSQL\nLanguages\nEnglish, German\n"
        "Experience\nAcme Corp - Senior Engineer\nBuilt the billing platform\nBeta GmbH - Engineer",
        kind="pdf",
        pages=1,
        has_text_layer=True,
    )


def test_columns_with_lines_at_the_same_heights_are_still_columns():
    data = make_two_column_pdf(["Skills", "Python", "SQL"], ["Experience", "Acme Corp", "Beta GmbH"])

    assert extract_text(data, "pdf").text == "Skills\nPython\nSQL\nExperience\nAcme Corp\nBeta GmbH"


def test_full_width_heading_between_column_sections_keeps_its_place():
    items = [PdfText(50, 740, "Jane Doe - Data Engineer, Berlin and remote", size=14)]
    items += [PdfText(50, 700 - 14 * i, text) for i, text in enumerate(["Python", "Spark", "Airflow"])]
    items += [PdfText(320, 700 - 14 * i, text) for i, text in enumerate(["Acme Corp", "2019 - 2024", "Pipelines"])]
    items.append(PdfText(50, 620, "Education and certificates, listed by the year they were completed", size=12))
    items += [PdfText(50, 590 - 14 * i, text) for i, text in enumerate(["TU Berlin", "MSc Informatics"])]
    items += [PdfText(320, 590 - 14 * i, text) for i, text in enumerate(["AWS Certified", "2022"])]

    assert extract_text(make_layout_pdf([items]), "pdf").text == (
        "Jane Doe - Data Engineer, Berlin and remote\n"
        "Python\nSpark\nAirflow\nAcme Corp\n2019 - 2024\nPipelines\n"
        "Education and certificates, listed by the year they were completed\n"
        "TU Berlin\nMSc Informatics\nAWS Certified\n2022"
    )


def test_dates_beside_entries_are_read_before_each_entry_not_as_a_column():
    items = [
        PdfText(50, 700, "2019 - 2024"),
        PdfText(160, 700, "Senior Engineer, Acme Corp"),
        PdfText(160, 686, "Built the billing platform"),
        PdfText(160, 672, "Led a team of five"),
        PdfText(50, 650, "2016 - 2019"),
        PdfText(160, 650, "Engineer, Beta GmbH"),
        PdfText(160, 636, "Wrote the first API"),
    ]

    assert extract_text(make_layout_pdf([items]), "pdf").text == (
        "2019 - 2024\nSenior Engineer, Acme Corp\nBuilt the billing platform\nLed a team of five\n"
        "2016 - 2019\nEngineer, Beta GmbH\nWrote the first API"
    )


def test_word_hyphenated_at_a_line_end_is_joined_without_its_hyphen():
    assert extract_text(make_text_pdf(["Built the billing plat-", "form for Acme"]), "pdf").text == (
        "Built the billing platform\nfor Acme"
    )


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_page_rotated_by_its_rotate_entry_reads_in_the_text_direction(degrees):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_text_pdf(RESUME_LINES))))
    writer.pages[0].rotate(degrees)
    out = io.BytesIO()
    writer.write(out)

    assert extract_text(out.getvalue(), "pdf").text == RESUME_TEXT


@pytest.mark.parametrize(
    "items",
    [
        pytest.param([PdfText(100 + 14 * i, 100, line, turn=90) for i, line in enumerate(RESUME_LINES)], id="up"),
        pytest.param([PdfText(500 - 14 * i, 700, line, turn=270) for i, line in enumerate(RESUME_LINES)], id="down"),
    ],
)
def test_sideways_text_reads_line_by_line(items):
    assert extract_text(make_layout_pdf([items]), "pdf").text == RESUME_TEXT


# --- PDF running headers, footers and page numbers -------------------------------------------------


def test_running_header_footer_and_page_numbers_are_removed_and_kept_once():
    data = make_running_header_pdf([["Experience", "Acme Corp"], ["Education", "TU Berlin"], ["Skills", "Python"]])

    result = extract_text(data, "pdf")

    # The header's first occurrence stays where it is, the footer's moves to the end (like DOCX): both
    # often hold the name and contact details, which must not be lost.
    assert result.text == (
        "Jane Doe - Curriculum Vitae\nExperience\nAcme Corp\n\nEducation\nTU Berlin\n\nSkills\nPython\n\n"
        "jane.doe@example.com | +1 555 0100"
    )
    assert result.pages == 3


@pytest.mark.parametrize(
    "page_number", ["{page}", "- {page} -", "Page {page}", "{page}/{pages}", "Seite {page} von {pages}"]
)
def test_page_numbers_alone_on_a_line_are_removed(page_number):
    data = make_running_header_pdf(
        [["Experience", "Acme Corp"], ["Education", "TU Berlin"]], header=None, footer=None, page_number=page_number
    )

    assert extract_text(data, "pdf").text == "Experience\nAcme Corp\n\nEducation\nTU Berlin"


def test_page_number_of_a_single_page_resume_is_removed():
    data = make_running_header_pdf([["Jane Doe", "Python"]], header=None, footer=None)

    assert extract_text(data, "pdf").text == "Jane Doe\nPython"


def test_header_with_the_page_number_is_kept_once_without_it():
    data = make_layout_pdf(
        [
            [PdfText(72, 760, f"Jane Doe - Page {n} of 2", size=9), PdfText(72, 720, body)]
            for n, body in ((1, "Experience"), (2, "Education"))
        ]
    )

    assert extract_text(data, "pdf").text == "Jane Doe\nExperience\n\nEducation"


def test_lines_repeated_in_the_body_are_kept():
    pages = [["Acme Corp", "Python", "Python", "Team lead"], ["Beta GmbH", "Python", "Python", "Engineer"]]
    data = make_running_header_pdf(pages, header=None, footer=None, page_number=None)

    assert extract_text(data, "pdf").text == (
        "Acme Corp\nPython\nPython\nTeam lead\n\nBeta GmbH\nPython\nPython\nEngineer"
    )


# --- hidden text ---------------------------------------------------------------------------------


def test_hidden_pdf_text_is_left_out_and_flagged():
    data = make_hidden_text_pdf(
        ["Jane Doe", "Python Engineer"],
        white=["Kubernetes expert at Google"],
        tiny=["Harvard MIT"],
        scaled_tiny=["Rust"],
        off_page=["Stanford PhD"],
        invisible=["ten years AWS"],
        white_on_dark=["Contact", "Berlin"],
    )

    assert extract_text(data, "pdf") == ExtractedText(
        text="Jane Doe\nPython Engineer\nContact\nBerlin",  # white on a dark sidebar is readable: kept
        kind="pdf",
        pages=1,
        has_text_layer=True,
        red_flags=(
            "hidden_text: 12 words in white, tiny or off-page text were ignored "
            "(white 4, tiny 3, off-page 2, invisible 3)",
        ),
    )


def test_one_hidden_word_is_flagged_in_the_singular():
    result = extract_text(make_hidden_text_pdf(["Jane Doe"], white=["Kubernetes"]), "pdf")

    assert result.red_flags == ("hidden_text: 1 word in white, tiny or off-page text was ignored (white 1)",)


def test_invisible_text_layer_over_a_page_image_is_content():
    # Searchable scans: OCR software puts invisible text over the page picture.
    assert extract_text(make_searchable_scan_pdf(["Jane Doe", "Python Engineer"]), "pdf") == ExtractedText(
        text="Jane Doe\nPython Engineer", kind="pdf", pages=1, has_text_layer=True
    )


def test_hidden_docx_runs_are_left_out_and_flagged():
    document = docx.Document()
    paragraph = document.add_paragraph("Jane Doe ")
    paragraph.add_run("Kubernetes Google").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    paragraph.add_run(" Engineer")
    skills = document.add_paragraph("Skills: Python")
    skills.add_run(" Rust Haskell").font.size = Pt(2)
    skills.add_run(" Stanford").font.hidden = True
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Contact: Berlin").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "1F3864")  # a dark sidebar cell: its white text is readable
    cell._tc.get_or_add_tcPr().append(shading)

    result = extract_text(_docx_bytes(document), "docx")

    assert result.text == "Jane Doe Engineer\nSkills: Python\nContact: Berlin"
    assert result.red_flags == (
        "hidden_text: 5 words in white, tiny or off-page text were ignored (white 2, tiny 2, invisible 1)",
    )


# --- OCR -----------------------------------------------------------------------------------------

SCAN_LINES = ["Jane Doe", "Senior Python Engineer", "Skills: Django, PostgreSQL, Kubernetes"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.casefold()))


def test_scanned_pdf_is_read_with_ocr():
    result = extract_text(make_scanned_pdf(SCAN_LINES), "pdf")

    assert (result.kind, result.pages, result.has_text_layer, result.ocr_used) == ("pdf", 1, False, True)
    assert {"jane", "doe", "senior", "python", "engineer", "django", "postgresql", "kubernetes"} <= _words(result.text)


def test_only_pages_without_a_text_layer_are_read_with_ocr():
    data = join_pdfs(make_text_pdf(["Jane Doe", "Page one, from the text layer"]), make_scanned_pdf(SCAN_LINES[1:]))

    result = extract_text(data, "pdf")

    first_page, second_page = result.text.split("\n\n")
    assert first_page == "Jane Doe\nPage one, from the text layer"
    assert {"senior", "python", "engineer", "kubernetes"} <= _words(second_page)
    assert (result.pages, result.has_text_layer, result.ocr_used) == (2, True, True)
    assert result.ocr_pages == 1, "the text layer's page is not counted as recognised"


@pytest.mark.parametrize(("image_format", "kind"), [("PNG", "png"), ("JPEG", "jpeg")])
def test_scanned_images_are_detected_and_read_with_ocr(image_format, kind):
    data = make_scan_image(SCAN_LINES, image_format=image_format)

    assert detect_resume_type(data, "resume.pdf") == kind
    result = extract_text(data, kind)
    assert (result.kind, result.pages, result.has_text_layer, result.ocr_used) == (kind, 1, False, True)
    assert result.ocr_pages == 1
    assert {"jane", "doe", "python", "engineer", "kubernetes"} <= _words(result.text)


def test_low_resolution_scan_is_upscaled_before_ocr():
    result = extract_text(make_scan_image(SCAN_LINES[:2], dpi=100), "png")

    assert {"jane", "doe", "python", "engineer"} <= _words(result.text)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(make_scanned_pdf(SCAN_LINES), "pdf", id="scanned-pdf"),
        pytest.param(make_scan_image(SCAN_LINES), "png", id="png"),
    ],
)
def test_ocr_is_unavailable_without_tesseract(monkeypatch, tmp_path, data, kind):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract binary anywhere on PATH

    error = _error(extract_text, data, kind)

    assert error.code == "ocr_unavailable"
    assert str(error) == (
        "This resume is a scanned image and text recognition (OCR) is not available on this server "
        "(the tesseract program is not installed). Ask the candidate for a PDF or Word file with selectable "
        "text, or ask an administrator to install tesseract-ocr."
    )


def test_text_pdfs_and_pages_without_images_need_no_tesseract(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))

    assert extract_text(make_text_pdf(RESUME_LINES), "pdf").text == RESUME_TEXT
    assert extract_text(make_blank_pdf(), "pdf").ocr_used is False


def test_missing_tesseract_language_is_ocr_unavailable():
    tools = ExternalTools(tesseract_languages="xxx")

    error = _error(extract_text, make_scan_image(SCAN_LINES[:1]), "png", tools=tools)

    assert error.code == "ocr_unavailable"
    assert "no language data for 'xxx'" in str(error)


def test_configured_programs_are_run_when_they_are_not_on_path(monkeypatch, tmp_path):
    tools = ExternalTools(tesseract_cmd=str(shutil.which("tesseract")), antiword_cmd=str(shutil.which("antiword")))
    monkeypatch.setenv("PATH", str(tmp_path))

    assert {"jane", "doe"} <= _words(extract_text(make_scan_image(SCAN_LINES[:1]), "png", tools=tools).text)
    assert extract_text(make_doc(["Jane Doe"]), "doc", tools=tools).text == "Jane Doe"
    assert _error(extract_text, make_doc(["Jane Doe"]), "doc").code == "doc_unavailable"


def test_damaged_image_is_corrupt():
    data = make_scan_image(SCAN_LINES, dpi=50)[:400]  # the header is intact, the pixels are cut off

    assert detect_resume_type(data) == "png"
    assert _error(extract_text, data, "png").code == "corrupt"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, id="png-without-header"),
        pytest.param(b"\xff\xd8\xff\xe0" + b"\x00" * 32, id="jpeg-without-frame"),
    ],
)
def test_image_without_a_readable_header_is_refused_at_detection(data):
    error = _error(detect_resume_type, data)

    assert error.code == "corrupt"
    assert str(error) == "This image is damaged or incomplete and cannot be read. Scan or export it again."


# --- RTF, ODT, DOC -------------------------------------------------------------------------------


def test_rtf_text_tables_and_escapes():
    data = make_rtf(
        ["Jane Doe", "José Müller – Zürich ✓ 日本", "C:\\dev {braces}"],
        table=[["Python", "7"], ["SQL", "4"]],
    )

    assert detect_resume_type(data, "resume.pdf") == "rtf"
    assert extract_text(data, "rtf") == ExtractedText(
        text="Jane Doe\nJosé Müller – Zürich ✓ 日本\nC:\\dev {braces}\nPython | 7\nSQL | 4",
        kind="rtf",
        pages=None,
        has_text_layer=True,
    )


def test_rtf_hidden_text_is_left_out_and_flagged():
    result = extract_text(make_rtf(["Jane Doe"], hidden=["Kubernetes Google Stanford"]), "rtf")

    assert result.text == "Jane Doe"
    assert result.red_flags == ("hidden_text: 3 words in white, tiny or off-page text were ignored (invisible 3)",)


def test_minimal_rtf_and_unicode_fallbacks():
    data = b"{\\rtf1\\ansi\\uc1 Jane\\~Doe\\par Caf\\'e9 \\u8364? \\u-3913\\'3f{\\*\\unknown skipped}\\line end}"

    assert extract_text(data, "rtf").text == "Jane Doe\nCafé € \uf0b7\nend"


def test_odt_text_table_header_and_footer():
    data = make_odt(
        ["Jane Doe", "Python   engineer\twith tabs", "José & <Müller>"],
        table=[["Skill", "Years"], ["Python", "7"]],
        header="jane@example.com",
        footer="Curriculum vitae",
    )

    assert detect_resume_type(data, "resume.docx") == "odt"
    assert extract_text(data, "odt") == ExtractedText(
        text="jane@example.com\nJane Doe\nPython engineer with tabs\nJosé & <Müller>\nSkill | Years\nPython | 7\n"
        "Curriculum vitae",
        kind="odt",
        pages=None,
        has_text_layer=True,
    )


def test_opendocument_spreadsheet_is_unsupported():
    data = _zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})

    error = _error(detect_resume_type, data)

    assert error.code == "unsupported_type"


def test_damaged_odt_is_corrupt():
    data = _zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document"})

    assert detect_resume_type(data) == "odt"
    assert _error(extract_text, data, "odt").code == "corrupt"


def test_odt_with_entities_is_not_expanded():
    content = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "Injected">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>Jane &x;</text:p></office:text></office:body></office:document-content>"
    )
    data = _zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})

    assert extract_text(data, "odt").text == "Jane"


def test_legacy_word_doc_is_read_with_antiword():
    data = make_doc(["Jane Doe", "Senior Python Engineer", "José Müller – Zürich"])

    assert detect_resume_type(data, "resume.pdf") == "doc"
    assert extract_text(data, "doc") == ExtractedText(
        text="Jane Doe\nSenior Python Engineer\nJosé Müller – Zürich", kind="doc", pages=None, has_text_layer=True
    )


def test_damaged_doc_is_corrupt():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"\xec\xa5\xc1\x00" + b"\x00" * 64

    assert detect_resume_type(data) == "doc"
    assert _error(extract_text, data, "doc").code == "corrupt"


def test_doc_without_antiword_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))

    error = _error(extract_text, make_doc(["Jane Doe"]), "doc")

    assert error.code == "doc_unavailable"
    assert "antiword program is not installed" in str(error)


# --- words placed by position, without space characters ------------------------------------------

POSITIONED_LINES = [
    "I am a self-motivated and patient focused nurse executive with a strong history",
    "Company Name City State Charge Nurse 02/2012 to 05/2014",
]


@pytest.mark.parametrize("word_gap", [150, 180, 250, 333])
def test_words_placed_apart_without_spaces_come_back_as_words(word_gap):
    text = extract_text(make_positioned_words_pdf(POSITIONED_LINES, word_gap=word_gap), "pdf").text

    assert text == "\n".join(POSITIONED_LINES)


def test_kerning_inside_a_word_does_not_split_it():
    # 40 thousandths of an em: more than any kerning pair, well below a space.
    text = extract_text(make_positioned_words_pdf(["Registered Nurse"], word_gap=40), "pdf").text

    assert text == "RegisteredNurse"


def test_letter_spaced_heading_reads_as_words():
    text = extract_text(make_positioned_words_pdf(["SKILL HIGHLIGHTS"], word_gap=600, letter_spacing=3), "pdf").text

    assert text == "SKILL HIGHLIGHTS"


def test_short_words_at_word_gaps_are_not_joined_as_letter_spacing():
    text = extract_text(make_positioned_words_pdf(["I am a a to be"], word_gap=250), "pdf").text

    assert text == "I am a a to be"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Managed construc-", "tion administration"], "Managed construction\nadministration"),
        (["Retail and multi-", "family projects"], "Retail and multifamily\nprojects"),
        (["A self-", "motivated nurse"], "A self-motivated\nnurse"),
        (["Crew change-", "outs on site"], "Crew change-outs\non site"),
        (["Dates 2019-", "2020 and more"], "Dates 2019-\n2020 and more"),
        (["Skills:", "- Python"], "Skills:\n- Python"),
    ],
)
def test_words_hyphenated_at_a_line_end_are_joined_on_the_first_line(lines, expected):
    assert extract_text(make_text_pdf(lines), "pdf").text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Company Name\u00ef\u00bc\u009a City , State", "Company Name: City , State"),
        ("Jos\u00c3\u00a9 Garc\u00c3\u00ada", "José García"),
        ("José Zoë naïve café – “quoted”", "José Zoë naïve café – “quoted”"),
    ],
)
def test_text_decoded_in_the_wrong_encoding_is_repaired_and_good_text_kept(raw, expected):
    assert normalise_text(raw) == expected


# --- PDF sidebar layouts ---------------------------------------------------------------------------

SIDEBAR_HEADER = [
    "Dana Whitfield",
    "Corporate Recruiter",
    "Atlanta, GA | 404-555-0100 | dana.whitfield@example.org | linkedin.com/in/danawhitfield",
]
SIDEBAR_MAIN = [
    "Professional Experience",
    ("Senior Corporate Recruiter", "Mar 2021 - Present"),
    "Cox Enterprises - Atlanta, GA",
    "• Manage full-cycle recruiting for 25 open requisitions in finance, IT and operations at a time.",
    "• Source passive candidates on LinkedIn Recruiter and Boolean searches; 42% of hires sourced directly.",
    "• Run onboarding for 60 new hires a quarter, from offer letters to day-one orientation.",
    ("Recruiter", "Jun 2017 - Feb 2021"),
    "Piedmont Healthcare - Atlanta, GA",
    "• Recruited nurses, allied health and support staff for five hospitals; cut time-to-fill from 52 to 34 days.",
    "• Organized 14 career fairs and campus recruiting events with nursing schools.",
    ("HR Assistant", "Aug 2015 - May 2017"),
    "Georgia-Pacific - Atlanta, GA",
    "• Scheduled interviews, processed new hire paperwork and kept HRIS records current.",
]
SIDEBAR_SIDE = [
    "Skills",
    "• Full-cycle recruiting",
    "• Sourcing",
    "• LinkedIn Recruiter",
    "• Workday",
    "• Taleo",
    "• Behavioral interviewing",
    "• Microsoft Excel",
    "Education",
    "Bachelor of Arts in Psychology, 2015",
    "Georgia State University",
    "Certifications",
    "• SHRM Certified Professional (SHRM-CP), 2019",
]


def _printed_words(lines: list[str | tuple[str, str]]) -> list[str]:
    return [word for line in lines for word in (" ".join(line) if isinstance(line, tuple) else line).split()]


@pytest.mark.parametrize("gap", [2, 5, 9, 20])
@pytest.mark.parametrize("sidebar", ["right", "left"])
def test_sidebar_column_is_read_after_the_main_column_however_close_it_sits(sidebar, gap):
    # The sidebar starts beside the first heading, a word space or more from the main column's right-aligned
    # dates and wrapped bullets; the columns are read one after the other, left to right.
    data = make_sidebar_resume_pdf(SIDEBAR_HEADER, SIDEBAR_MAIN, SIDEBAR_SIDE, sidebar=sidebar, gap=gap)
    columns = [SIDEBAR_MAIN, SIDEBAR_SIDE] if sidebar == "right" else [SIDEBAR_SIDE, SIDEBAR_MAIN]

    text = extract_text(data, "pdf").text

    assert text.split() == _printed_words([*SIDEBAR_HEADER, *columns[0], *columns[1]])
    assert "Senior Corporate Recruiter Mar 2021 - Present" in text.splitlines()
    assert "Bachelor of Arts in Psychology, 2015" in text.splitlines()


def test_single_column_with_right_aligned_dates_and_bullets_reads_line_by_line():
    data = make_sidebar_resume_pdf(SIDEBAR_HEADER, SIDEBAR_MAIN, [], gap=0)

    lines = extract_text(data, "pdf").text.splitlines()

    assert lines[:5] == [*SIDEBAR_HEADER, "Professional Experience", "Senior Corporate Recruiter Mar 2021 - Present"]
    assert "Recruiter Jun 2017 - Feb 2021" in lines
    assert " ".join(lines).split() == _printed_words([*SIDEBAR_HEADER, *SIDEBAR_MAIN])


def test_justified_paragraph_that_breaks_where_a_list_column_starts_stays_whole():
    # Justified lines whose word breaks happen to line up with the second column of a list below: no gutter.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def justified(text: str, y: float, x0: float, x1: float) -> list[PdfText]:
        words = text.split()
        space = (x1 - x0 - sum(stringWidth(word, "Helvetica", 10) for word in words)) / (len(words) - 1)
        placed, x = [], x0
        for word in words:
            placed.append(PdfText(x, y, word, size=10))
            x += stringWidth(word, "Helvetica", 10) + space
        return placed

    items = [PdfText(50, 740, "Jane Doe", size=16), PdfText(50, 720, "Summary")]
    paragraph = [
        ("Principal of a large elementary school with", "21 years in public education as a teacher"),
        ("and instructional coach. Moved the school from", "a D to a B on the state report card in"),
        ("four years through a focus on literacy, and", "teacher teams and family partnership."),
    ]
    for row, (left, right) in enumerate(paragraph):
        items += justified(left, 704 - 12 * row, 50, 259) + justified(right, 704 - 12 * row, 262, 560)
    grid = [("• Instructional leadership", "• School improvement"), ("• Budget management", "• Teacher evaluation")]
    for row, (left, right) in enumerate(grid):
        items += [PdfText(50, 660 - 12 * row, left, size=10), PdfText(262, 660 - 12 * row, right, size=10)]

    lines = extract_text(make_layout_pdf([items]), "pdf").text.splitlines()

    assert lines[2:5] == [" ".join(pair) for pair in paragraph]


def test_repeated_lines_whose_word_spaces_line_up_stay_one_column():
    lines = ["Engineer 100, Company 100, Jan 1960 - Dec 1961"] + [
        f"- Built Python, Django and PostgreSQL services on Kubernetes, task {n}" for n in range(101, 110)
    ]
    pages = [lines * 5]

    text = extract_text(make_text_pdf(pages[0]), "pdf").text

    assert text.split("\n") == pages[0]
