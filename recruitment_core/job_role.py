"""The seniority and the role family of a posting, from its title first."""

from recruitment_core.job_vocabulary import UNKNOWN, job_vocabulary, title_key
from recruitment_core.skills import load_taxonomy

# ---------------------------------------------------------------------------------------------------------
# Seniority and role family


def _title_ngrams(key: str, max_words: int = 4) -> list[tuple[int, int, str]]:
    tokens = key.split()
    grams = []
    for size in range(1, max_words + 1):
        for first in range(len(tokens) - size + 1):
            grams.append((first, first + size, " ".join(tokens[first : first + size])))
    return grams


def title_seniority(title: str) -> str:
    """Seniority named by the title alone: "entry" | "mid" | "senior" | "lead", or "unknown"."""
    vocab = job_vocabulary()
    key = title_key(title)
    tokens = key.split()
    grams = _title_ngrams(key)
    found = {phrase: (first, last) for first, last, phrase in reversed(grams)}  # first occurrence of each
    for level, phrases in vocab.seniority_phrases:
        for phrase in phrases:
            if phrase not in found:
                continue
            first, last = found[phrase]
            exceptions = vocab.seniority_exceptions.get(phrase, ())
            excused = any(
                exception_first <= first and last <= exception_last
                for exception_first, exception_last, gram in grams
                if gram in exceptions
            )
            if excused or (phrase in vocab.seniority_first_word_only and first != 0):
                continue
            return level
    if len(tokens) > 1 and tokens[-1] in vocab.seniority_numerals:
        return vocab.seniority_numerals[tokens[-1]]
    return UNKNOWN


def read_seniority(title: str, text: str, min_years: float | None, max_years: float | None) -> str:
    vocab = job_vocabulary()
    named = title_seniority(title)
    if named != UNKNOWN:
        return named
    for level, pattern in vocab.seniority_text:
        if pattern.search(text):
            return level
    if min_years is not None:
        if min_years < vocab.entry_below_years:
            return "entry"
        return "senior" if min_years >= vocab.senior_from_years else "mid"
    if max_years is not None and max_years <= vocab.entry_below_years:
        return "entry"
    return UNKNOWN


def read_role_family(title: str, skills: list[str]) -> str | None:
    vocab = job_vocabulary()
    points: dict[str, int] = {}
    for _, _, phrase in _title_ngrams(title_key(title)):
        for family, score in vocab.family_phrases.get(phrase, ()):
            points[family] = points.get(family, 0) + score
    title_points = dict(points)
    category_by_skill = load_taxonomy().category_by_skill
    for skill in skills:
        skill_family = vocab.family_by_skill.get(skill) or vocab.family_by_category.get(
            category_by_skill.get(skill, "")
        )
        if skill_family:
            points[skill_family] = points.get(skill_family, 0) + 1
    if not points:
        return None
    best = max(points.values())
    if not title_points and best < vocab.min_skill_points:
        return None
    return next(family for family in vocab.family_order if points.get(family) == best)
