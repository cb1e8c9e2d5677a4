"""Resume builders' template words ("Company Name", "City , State"), blanked before a resume is read.

The words are data, the `placeholders` of `data/resume_vocabulary.json`.
"""

import functools
import json
import re

from recruitment_core.vocabulary import VOCABULARY_PATH


@functools.cache
def _placeholder_pattern() -> re.Pattern[str]:
    data = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    variants = [variant for pattern in data["placeholders"] for variant in (pattern, _upper_letters(pattern))]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(variants)})(?![\w-])")


def _upper_letters(pattern: str) -> str:
    """A regular expression's letters in capitals, its escapes ("\\s") kept."""
    return re.sub(
        r"\\.|[a-z]", lambda match: match.group() if len(match.group()) > 1 else match.group().upper(), pattern
    )


def blank_placeholders(text: str) -> str:
    """Resume builders' template words ("Company Name", "City , State") turned into spaces: they name nothing,
    and blanking them keeps every offset in the text."""
    pattern = _placeholder_pattern()
    if not pattern.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        blanked = pattern.sub(lambda match: " " * len(match.group()), line)
        if blanked != line and not any(character.isalnum() for character in blanked):
            blanked = " " * len(line)  # "Company Name — City , State": the dash between them goes too
        lines.append(blanked)
    return "\n".join(lines)
