"""Quote verification: what counts as the same words of a resume, and what does not."""

import pytest

from ai_service.quotes import QuotedText, bare_quote, long_enough, normalise, occurs

RESUME = (
    "Jane Roe — Senior Data Engineer\n"
    "•  Led a team of 5 engineers building\n   Airflow pipelines on GCP.\n"
    "“Cut warehouse costs by 40%” (2021–2023), working with the finance team's analysts.\n"
    "Skills: Python, SQL, dbt, C++\n"
    "Certified\u00a0Kubernetes Administrator; ﬁnance reporting\n"
)


@pytest.fixture(scope="module")
def resume() -> QuotedText:
    return QuotedText(RESUME)


@pytest.mark.parametrize(
    "quote",
    [
        "Led a team of 5 engineers building Airflow pipelines on GCP.",  # across a line break and its indent
        "led a TEAM of 5 Engineers",  # case
        "Led  a team\tof 5\n engineers",  # whitespace runs
        '"Cut warehouse costs by 40%"',  # straight quotes for curly ones
        "(2021-2023), working with",  # a hyphen for an en dash
        "(2021 - 2023), working with",  # ... spaced
        "the finance team’s analysts",  # a curly apostrophe for a straight one
        "Jane Roe - Senior Data Engineer",  # a hyphen for an em dash
        "Certified Kubernetes Administrator",  # a plain space for a no-break space
        "Administrator; finance reporting",  # no ligature for the "ﬁ" ligature
        "…a team of 5 engineers…",  # ellipses around a quote are not part of it
        "“Led a team of 5 engineers.”",  # nor quote marks and a closing full stop
        "- Led a team of 5 engineers",  # nor a list bullet of another kind
        "Python, SQL, dbt, C++",  # punctuation ending a token
        "team of 5",  # a part of a sentence, on word boundaries, three words long
    ],
)
def test_quotes_found_in_the_resume(resume, quote):
    assert resume.contains(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "Led a team of 50 engineers",  # forged: a number changed
        "Led a team of 5 senior engineers",  # forged: a word added
        "Cut warehouse costs by 60%",  # forged
        "Led a team ... Airflow pipelines",  # pieces joined with an ellipsis are not verbatim
        "a team of 5 engineer",  # a word cut short at the end
        "ed a team of 5",  # ... and at the start
        "Kubernetes Administrator with 10 years",  # a true start, an invented end
        "Senior Data Engineer at Google",
        "Senior Backend Engineer",
        "Kubernetes",  # in the resume, but one or two words show nothing about a claim
        "Airflow pipelines",
        "C++",
        "",
        "   ",
        "...",
        '""',
    ],
)
def test_partial_forged_and_empty_quotes_are_not_found(resume, quote):
    assert not resume.contains(quote)


def test_normalise_folds_case_space_quotes_and_dashes():
    assert normalise("  “Ｃlean”\u00a0ROOMS —\n fast‑moving   ") == '"clean" rooms-fast-moving'
    assert normalise("STRASSE Straße") == "strasse strasse"
    assert normalise("soft\u00adhyphen zero\u200bwidth") == "softhyphen zerowidth"


@pytest.mark.parametrize(
    ("quote", "bare"),
    [
        ("“Led a team.”", "led a team"),
        ("...Led a team...", "led a team"),
        ("• Led a team;", "led a team"),
        ("'Python'", "python"),
        ("--", ""),
        ("“…”", ""),
    ],
)
def test_bare_quote_drops_what_wraps_it(quote, bare):
    assert bare_quote(quote) == bare


def test_long_enough_counts_words_not_characters():
    assert long_enough("led a team") and long_enough("C++, Go and R")
    assert not long_enough("Kubernetes Administrator") and not long_enough("—")


def test_occurs_respects_word_boundaries():
    assert occurs("java", "java and python")
    assert not occurs("java", "javascript and python")
    assert occurs("java", "javascript, java")  # a later occurrence on boundaries counts
    assert occurs(".net", "c# and .net")
    assert not occurs("", "anything")
