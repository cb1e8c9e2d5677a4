"""Small text helpers shared by the skills extractor and the scorer."""

import re

# Links and e-mail addresses carry words ("github.com/jane/react-app") that are not claims of skill.
# Bare domains are recognised only by common endings, as ".net", ".js" and ".io" also end skill names.
# The check runs per whitespace-separated token, which keeps it linear on long untrusted input.
LINK_OR_EMAIL_TOKEN = re.compile(r"://|^www\.|@[\w-]+\.|[\w-]\.(?:com|org|dev|me)\b", re.IGNORECASE)
TOKEN = re.compile(r"\S+")

# A word may keep the "+" and "#" of C++ and C#.
WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")

# Function words that say nothing about a job or a candidate; kept small on purpose.
# fmt: off
STOPWORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "etc", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
    "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "ourselves", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "via", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours", "yourself", "yourselves",
})
# fmt: on


def strip_links(text: str) -> str:
    """Replace URLs and e-mail addresses with a space."""
    return TOKEN.sub(lambda token: " " if LINK_OR_EMAIL_TOKEN.search(token.group()) else token.group(), text)


def content_words(text: str) -> list[str]:
    """Lower-cased words of `text` without links, stopwords, single characters and bare numbers."""
    words = WORD.findall(strip_links(text).lower())
    return [word for word in words if len(word) > 1 and not word.isdigit() and word not in STOPWORDS]
