"""RTF resumes: a tokenizer that keeps the visible text and counts text hidden with \\v."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from recruitment_core.extraction.common import Extraction

_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
# Groups that hold no readable text: tables of fonts, colours and styles, metadata, pictures, fields'
# instructions, and anything marked \* that we do not know.
_RTF_SKIPPED = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"fldinst", b"themedata",
    b"colorschememapping", b"datastore", b"latentstyles", b"listtable", b"listoverridetable", b"revtbl",
    b"rsidtbl", b"generator", b"xmlnstbl", b"mmathPr", b"filetbl", b"pgdsctbl", b"bkmkstart", b"bkmkend",
    b"shpinst", b"nonshppict", b"falt", b"datafield", b"template", b"docvar", b"background",
}  # fmt: skip
_RTF_SYMBOLS = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"tab": "\t", b"cell": "\x1f",
    b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’", b"ldblquote": "“",
    b"rdblquote": "”", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}  # fmt: skip
_RTF_CONTROL_SYMBOLS = {
    b"~": "\u00a0",
    b"_": "-",
    b"-": "",
    b"\\": "\\",
    b"{": "{",
    b"}": "}",
    b"\n": "\n",
    b"\r": "\n",
}
_RTF_CELL = "\x1f"


@dataclass
class _RtfGroup:
    skip: bool = False
    hidden: bool = False
    unicode_skip: int = 1  # \ucN: how many fallback characters follow each \uN


def extract_rtf(data: bytes) -> Extraction:
    text, hidden_words = _rtf_text(data)
    hidden: Counter[str] = Counter({"invisible": hidden_words} if hidden_words else {})
    lines = []
    for line in text.split("\n"):
        if _RTF_CELL in line:  # a table row: cells joined as in DOCX
            line = " | ".join(cell.strip() for cell in line.split(_RTF_CELL) if cell.strip())
        lines.append(line)
    return Extraction(text="\n".join(lines), hidden=hidden)


def _rtf_text(data: bytes) -> tuple[str, int]:
    """The visible text of an RTF document and the number of words hidden with \\v."""
    codepage = "cp1252"
    stack = [_RtfGroup()]
    out: list[str] = []
    hidden_out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together so multi-byte code pages work
    to_skip = 0  # fallback characters still to drop after a \uN

    def emit(text: str) -> None:
        if not stack[-1].skip:
            (hidden_out if stack[-1].hidden else out).append(text)

    position = 0
    while position < len(data):
        match = _RTF_TOKEN.match(data, position)
        if match is None:  # a lone backslash, or a control word too long to be real: skip a byte
            position += 1
            continue
        position = match.end()
        word, argument, hex_byte, symbol, brace, plain = match.groups()
        if word == b"bin" and argument:  # raw binary data (pictures) that may hold any byte, braces too
            position += max(int(argument), 0)
            continue
        if hex_byte is not None:
            if to_skip:
                to_skip -= 1
            else:
                pending.append(int(hex_byte, 16))
            continue
        if pending:
            emit(pending.decode(codepage, errors="replace"))
            pending.clear()
        group = stack[-1]
        if brace == b"{":
            stack.append(_RtfGroup(group.skip, group.hidden, group.unicode_skip))
        elif brace == b"}":
            if len(stack) > 1:
                stack.pop()
            to_skip = 0
        elif symbol == b"*":
            group.skip = True  # \* marks a destination readers may ignore when they do not know it
        elif symbol is not None:
            emit(_RTF_CONTROL_SYMBOLS.get(symbol, ""))
        elif word is not None:
            to_skip = _rtf_control(word, argument, group, emit)
            if word == b"ansicpg" and argument:
                codepage = _rtf_codepage(argument.decode())
        elif plain is not None:
            if to_skip:
                dropped = min(to_skip, len(plain))
                plain, to_skip = plain[dropped:], to_skip - dropped
            if plain:
                emit(plain.decode(codepage, errors="replace"))
    if pending:
        emit(pending.decode(codepage, errors="replace"))
    return "".join(out), len("".join(hidden_out).split())


def _rtf_control(word: bytes, argument: bytes | None, group: _RtfGroup, emit: Callable[[str], None]) -> int:
    """Apply one control word; returns how many fallback characters to skip next (after \\uN)."""
    if word in _RTF_SKIPPED:
        group.skip = True
    elif word == b"uc" and argument is not None:
        group.unicode_skip = max(int(argument), 0)
    elif word == b"u" and argument is not None:
        code = int(argument)
        code = code + 65536 if code < 0 else code  # RTF writes code points above 32767 as negative numbers
        emit(chr(code) if 0 < code < 0x110000 else "\ufffd")
        return group.unicode_skip
    elif word == b"v":
        group.hidden = argument != b"0"
    elif word == b"plain":
        group.hidden = False
    elif word in _RTF_SYMBOLS:
        emit(_RTF_SYMBOLS[word])
    return 0


def _rtf_codepage(number: str) -> str:
    name = f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name
