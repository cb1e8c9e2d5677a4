"""Caps per resume: what extraction reads, what the parser keeps, and the red flag each cut leaves."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures.make_resumes import make_docx, make_text_pdf
from security import hostile_files

from recruitment_core.extraction import ExtractionError, check_upload, detect_resume_type, extract_text
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits, cut_text, profile_preview
from recruitment_core.resume_parser import parse_resume
from recruitment_core.sandbox import extract_text_limited

TODAY = date(2026, 1, 1)
DANA = """Dana Cap
dana@example.com | dana.cap@work.example | linkedin.com/in/danacap | github.com/danacap

Experience
Staff Engineer, Orbit, Jan 2022 - Present
- Python and Go services; Python tooling
Senior Engineer, Nimbus, Jan 2019 - Dec 2021
- Python, Kubernetes
Engineer, Quartz, Jan 2016 - Dec 2018
- Python, SQL
Junior Engineer, Pebble, Jan 2014 - Dec 2015
- SQL reports

Education
M.S. Computer Science, Stanford University, 2014
B.S. Mathematics, University of Texas, 2012
"""
SMALL = ResumeLimits(
    max_work_entries=2,
    max_education_entries=1,
    max_emails=1,
    max_links=1,
    max_skill_evidence=4,
    max_evidence_per_skill=2,
)


def pages_pdf(pages: int) -> bytes:
    return make_text_pdf([f"Page {page} line {line}" for page in range(1, pages + 1) for line in range(50)])


# --- text ---------------------------------------------------------------------------------------------


def test_text_within_the_cap_is_kept_whole():
    assert cut_text("Dana Cap\nPython", 100) == ("Dana Cap\nPython", None)


def test_text_over_the_cap_is_cut_at_a_line_end_near_it():
    text = "a" * 95 + "\n" + "b" * 50

    assert cut_text(text, 100) == ("a" * 95, "text_truncated: only the first 95 of 146 characters of text were kept")


def test_one_huge_line_is_cut_inside_the_line():
    assert cut_text("x" * 500, 100) == (
        "x" * 100,
        "text_truncated: only the first 100 of 500 characters of text were kept",
    )


def test_extraction_keeps_at_most_max_chars_and_flags_it():
    data = "\n".join(f"Line {number:04d} of a long resume" for number in range(1000)).encode()

    result = extract_text(data, "txt", limits=ResumeLimits(max_chars=200))

    assert result.text == "\n".join(f"Line {number:04d} of a long resume" for number in range(7))
    assert result.red_flags == ("text_truncated: only the first 188 of 26,999 characters of text were kept",)


# --- pages ----------------------------------------------------------------------------------------------


def test_pdf_pages_past_the_cap_are_not_read_and_flagged():
    result = extract_text(pages_pdf(5), "pdf", limits=ResumeLimits(max_pages=3))

    assert result.pages == 5
    assert "Page 3 line 49" in result.text
    assert "Page 4" not in result.text
    assert result.red_flags == ("pages_truncated: only the first 3 of 5 pages were read",)


def test_pdf_within_the_page_cap_has_no_flag():
    result = extract_text(pages_pdf(3), "pdf", limits=ResumeLimits(max_pages=3))

    assert (result.pages, result.red_flags) == (3, ())
    assert "Page 3 line 49" in result.text


def test_the_sandbox_applies_the_caps_in_the_child():
    result = extract_text_limited(pages_pdf(4), "pdf", timeout_seconds=30, limits=ResumeLimits(max_pages=1))

    assert "Page 2" not in result.text
    assert result.red_flags == ("pages_truncated: only the first 1 of 4 pages were read",)


def test_pdf_with_an_open_action_script_is_flagged():
    result = extract_text(hostile_files.javascript_pdf(), "pdf")

    assert result.red_flags == (
        "active_content: this PDF holds scripts or commands meant to run when it is opened; they were not run here, "
        "but open the original file with care",
    )


# --- types refused before anything is read ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "format_name"),
    [
        pytest.param(b"<!DOCTYPE html><html><body>Dana</body></html>", "web page (HTML)", id="html"),
        pytest.param(b"\n  <html lang='en'><p>Dana</p></html>", "web page (HTML)", id="html-no-doctype"),
        pytest.param("<html><body>Dana</body></html>".encode("utf-16"), "web page (HTML)", id="html-utf16"),
        pytest.param(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "vector image (SVG)", id="svg"),
        pytest.param(b"\xef\xbb\xbf<?xml version='1.0'?><resume>Dana</resume>", "markup file (XML)", id="xml-bom"),
        pytest.param(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "markup file (XML)", id="entities"),
    ],
)
def test_markup_is_refused_as_an_unsupported_type(data, format_name):
    with pytest.raises(ExtractionError) as error:
        detect_resume_type(data, "resume.pdf")

    assert error.value.code == "unsupported_type"
    assert error.value.message.startswith(f"This file is a {format_name}, not a resume document we can read.")


def test_text_that_only_mentions_a_tag_is_still_a_resume():
    assert detect_resume_type(b"Dana Cap <dana@example.com>\nPython engineer\n") == "txt"


def test_document_expanding_past_the_limit_is_refused():
    with pytest.raises(ExtractionError) as error:
        check_upload(hostile_files.docx_zip_bomb(101 * 1024 * 1024), max_bytes=10 * 1024 * 1024)

    assert error.value.code == "too_complex"
    assert error.value.message.startswith(
        "This file expands to 101.8 MB when opened; documents can expand to at most 100 MB."
    )


def test_ordinary_docx_is_within_the_expansion_limit():
    assert check_upload(make_docx(["Dana Cap", "Python"]), max_bytes=1024 * 1024) == "docx"


# --- the parser's lists -----------------------------------------------------------------------------------


def test_an_ordinary_resume_is_not_cut():
    parsed = parse_resume(DANA, today=TODAY)

    assert parsed.red_flags == []
    assert (len(parsed.emails), len(parsed.links), len(parsed.work_history), len(parsed.education)) == (2, 2, 4, 2)
    assert len(parsed.skills) == 8


def test_parser_keeps_each_list_within_its_cap_and_says_what_it_cut():
    parsed = parse_resume(DANA, today=TODAY, limits=SMALL)

    assert parsed.emails == ["dana@example.com"]
    assert parsed.links == ["linkedin.com/in/danacap"]
    assert [(entry.title, entry.employer) for entry in parsed.work_history] == [
        ("Staff Engineer", "Orbit"),
        ("Senior Engineer", "Nimbus"),
    ]
    assert parsed.employers == ["Orbit", "Nimbus"]
    assert parsed.total_years_experience == 12.1  # every role counts, kept or not
    assert [entry.institution for entry in parsed.education] == ["Stanford University"]
    assert parsed.red_flags == [
        "emails_truncated: only the first 1 of 2 email addresses were kept",
        "links_truncated: only the first 1 of 2 links were kept",
        "work_history_truncated: only the most recent 2 of 4 roles were kept",
        "education_truncated: only the first 1 of 2 education entries were kept",
        "skill_evidence_truncated: only 4 of 8 skill mentions were kept as evidence (at most 2 per skill)",
    ]


def test_evidence_cap_keeps_every_skill_before_a_second_mention_of_any():
    parsed = parse_resume(DANA, today=TODAY, limits=SMALL)

    assert [(item.name, item.context) for item in parsed.skills] == [
        ("Python", "Python and Go services; Python tooling"),
        ("Go", "Python and Go services; Python tooling"),
        ("Kubernetes", "Python, Kubernetes"),
        ("SQL", "Python, SQL"),
    ]


def test_evidence_per_skill_cap_keeps_the_first_mentions():
    parsed = parse_resume(DANA, today=TODAY, limits=ResumeLimits(max_evidence_per_skill=2))

    assert [(item.name, item.context) for item in parsed.skills] == [
        ("Python", "Python and Go services; Python tooling"),
        ("Go", "Python and Go services; Python tooling"),
        ("Python", "Python, Kubernetes"),
        ("Kubernetes", "Python, Kubernetes"),
        ("SQL", "Python, SQL"),
        ("SQL", "SQL reports"),
    ]
    assert parsed.red_flags == [
        "skill_evidence_truncated: only 6 of 8 skill mentions were kept as evidence (at most 2 per skill)"
    ]


def test_evidence_quotes_at_most_max_evidence_chars_of_a_line():
    line = "Python " + "x" * 1000
    parsed = parse_resume(f"Dana Cap\n\nSkills\n{line}\n", today=TODAY, limits=ResumeLimits(max_evidence_chars=50))

    assert [item.context for item in parsed.skills] == [line[:50]]


def test_parser_cuts_overlong_text_too():
    parsed = parse_resume("Dana Cap\n" + "Python developer\n" * 100, today=TODAY, limits=ResumeLimits(max_chars=100))

    assert parsed.red_flags == ["text_truncated: only the first 93 of 1,709 characters of text were kept"]


# --- what a response shows ---------------------------------------------------------------------------------


def test_profile_preview_shows_a_few_evidence_items_per_skill():
    profile = {
        "name": "Dana Cap",
        "skills": [{"name": "Python", "context": str(n)} for n in range(7)] + [{"name": "Go", "context": "g"}],
    }

    shown, omitted = profile_preview(profile, 5)

    assert omitted == 2
    assert shown == {"name": "Dana Cap", "skills": [*profile["skills"][:5], {"name": "Go", "context": "g"}]}
    assert profile_preview({"name": "Dana Cap"}, 5) == ({"name": "Dana Cap"}, 0)


def test_default_limits_are_the_documented_figures():
    assert (DEFAULT_LIMITS.max_pages, DEFAULT_LIMITS.max_chars, DEFAULT_LIMITS.max_work_entries) == (50, 100_000, 50)
    assert (DEFAULT_LIMITS.max_skill_evidence, DEFAULT_LIMITS.max_evidence_per_skill) == (200, 20)
