"""Whether a quote stands in a text: the check behind every strength and concern a screening keeps.

Both sides are compared after the same normalisation: Unicode compatibility forms (no-break spaces, ligatures,
"…"), typographic quotes and dashes as their ASCII forms, whitespace runs as one space, spaces around a dash
dropped, and case folded. A quote must then appear whole, starting and ending on word boundaries, so "a team of
5" is not found in "a team of 50". Ellipses, quote marks and list bullets around a quote, and a closing full
stop, are not part of what it quotes. A quote joining pieces with "..." is not verbatim and is not found, and
neither is one of fewer than three words: "Python" stands in most resumes and shows nothing about a claim.
"""

import re
import unicodedata

TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        # Soft hyphens, zero-width characters and byte order marks: invisible, so not part of what was written.
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
SPACED_DASH = re.compile(r" ?- ?")
WORD = re.compile(r"\w+")
MIN_QUOTE_WORDS = 3
# What may wrap a quote without being quoted: space, quote marks, ellipses, bullets; a closing .,;: too.
LEADING_WRAP = re.compile(r"""^(?:[\s"'*•·▪>-]|\.\.\.)+""")
TRAILING_WRAP = re.compile(r"""(?:[\s"',;:.]|\.\.\.)+$""")


def normalise(text: str) -> str:
    """`text` in the form quotes are compared in."""
    folded = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC).casefold()
    return SPACED_DASH.sub("-", " ".join(folded.split()))


def bare_quote(quote: str) -> str:
    """A quote normalised, without the marks and ellipses around it; "" when nothing is left to look for."""
    bare = TRAILING_WRAP.sub("", LEADING_WRAP.sub("", normalise(quote)))
    return bare if any(char.isalnum() for char in bare) else ""


def occurs(needle: str, haystack: str) -> bool:
    """Whether normalised `needle` stands in normalised `haystack` without cutting a word at either end."""
    if not needle:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        cuts_before = start > 0 and needle[0].isalnum() and haystack[start - 1].isalnum()
        cuts_after = end < len(haystack) and needle[-1].isalnum() and haystack[end].isalnum()
        if not (cuts_before or cuts_after):
            return True
        start = haystack.find(needle, start + 1)
    return False


class QuotedText:
    """A text, normalised once, to look many quotes up in."""

    def __init__(self, text: str) -> None:
        self.normalised = normalise(text)

    def contains(self, quote: str) -> bool:
        bare = bare_quote(quote)
        return long_enough(bare) and occurs(bare, self.normalised)


def long_enough(quote: str) -> bool:
    """Whether a quote has the words to show something (MIN_QUOTE_WORDS)."""
    return len(WORD.findall(quote)) >= MIN_QUOTE_WORDS
