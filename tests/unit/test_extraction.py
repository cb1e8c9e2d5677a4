"""Tests for recruitment_core.extraction: every file is generated in memory, nothing is mocked."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import docx
import pypdf
import pytest
from fixtures.make_resumes import make_blank_pdf, make_docx, make_text_pdf

from recruitment_core.extraction import (
    ExtractedText,
    ExtractionError,
    check_upload,
    detect_resume_type,
    extract_text,
    normalise_text,
)

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


def test_png_renamed_pdf_is_unsupported_and_named():
    error = _error(detect_resume_type, _png_bytes(), "resume.pdf")

    assert error.code == "unsupported_type"
    assert str(error) == (
        "This file is a PNG image, not a resume document we can read. "
        "Upload the resume as a PDF, a Word document (.docx) or a plain-text file."
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
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"\xec\xa5\xc1\x00" + b"\x00" * 64,
            "legacy Word document (.doc)",
            id="doc",
        ),
        pytest.param(b"{\\rtf1\\ansi Jane Doe}", "RTF document", id="rtf"),
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
    assert _error(extract_text, b"Jane Doe", "odt").code == "unsupported_type"


# --- check_upload ---------------------------------------------------------------------------------


def test_check_upload_rejects_files_over_the_limit_with_the_limit_in_mb():
    limit = 2 * 1024 * 1024

    error = _error(check_upload, b"x" * (limit + 1), max_bytes=limit)

    assert error.code == "too_large"
    assert str(error).startswith("The file is 2.1 MB; resumes can be at most 2 MB.")


def test_check_upload_size_check_comes_before_type_detection():
    assert _error(check_upload, _png_bytes(), max_bytes=10).code == "too_large"


def test_check_upload_returns_detected_type_at_the_limit():
    pdf = make_text_pdf(RESUME_LINES)

    assert check_upload(pdf, max_bytes=len(pdf)) == "pdf"
    assert check_upload(make_docx(["Jane Doe"]), max_bytes=5 * 1024 * 1024) == "docx"
    assert check_upload(b"Jane Doe\nPython", max_bytes=100) == "txt"
    assert _error(check_upload, b"", max_bytes=100).code == "empty_file"
