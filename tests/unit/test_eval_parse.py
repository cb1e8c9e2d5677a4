"""Tests for the parser evaluation (scripts/eval_parse.py) and the corpus truth it relies on.

The metrics are checked on small hand-made examples with exact expected values; no subprocess is run. The
corpus tests read the committed files only (the generator's renderers are not imported).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus.model import Job, claimed_skills, current_title, format_dates, total_years, visible

from scripts.bench_common import percentile
from scripts.bench_parse import replicate
from scripts.eval_parse import (
    Counts,
    evaluate,
    format_table,
    parse_jsonl,
    report_json,
    years_within,
)
from scripts.eval_parse_fields import location_matches, normalise_employer, normalise_title, score_set, score_single

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TRUTH_KEYS = {"file", "name", "emails", "phone", "location", "skills", "total_years_experience", "current_title",
              "employers", "education"}  # fmt: skip


def _truth(**overrides: object) -> dict[str, object]:
    record: dict[str, object] = {
        "file": "a.pdf",
        "name": "Jane Doe",
        "emails": ["jane@example.com"],
        "phone": "+14155550100",
        "location": "Austin, TX",
        "skills": ["Python", "SQL", "Docker"],
        "total_years_experience": 5.0,
        "current_title": "Data Engineer",
        "employers": ["Acme, Inc.", "Globex LLC"],
        "education": [{"degree_level": "bachelor", "field": "CS", "institution": "UT", "year": 2015}],
    }
    record.update(overrides)
    return record


# --- counts ----------------------------------------------------------------------------------------


def test_counts_precision_recall_f1() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == 0.75
    assert counts.recall == 0.6
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_with_nothing_predicted_or_expected() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=2).precision, Counts(fn=2).recall, Counts(fn=2).f1) == (0.0, 0.0, 0.0)
    assert (Counts(fp=2).precision, Counts(fp=2).recall) == (0.0, 0.0)


def test_counts_add_up() -> None:
    assert Counts(1, 2, 3) + Counts(10, 20, 30) == Counts(11, 22, 33)


# --- set and single-value scoring ------------------------------------------------------------------


def test_score_set_counts_normalised_items_once() -> None:
    result = score_set(["Python", "SQL", "Docker"], ["python", "PYTHON", "Go", ""], str.casefold)
    assert result.counts == Counts(tp=1, fp=1, fn=2)
    assert result.missing == ["docker", "sql"]
    assert result.extra == ["go"]


def test_score_single_cases() -> None:
    def same(a: str, b: str) -> bool:
        return a == b

    assert score_single("x", "x", same).counts == Counts(tp=1)
    assert score_single("x", "y", same).counts == Counts(fp=1, fn=1)
    assert score_single("x", None, same).counts == Counts(fn=1)
    assert score_single("x", "  ", same).counts == Counts(fn=1)
    assert score_single(None, "y", same).counts == Counts(fp=1)
    assert score_single(None, None, same).counts == Counts()


# --- normalisation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Brightwave Payments, Inc.", "brightwave payments"),
        ("Parcelly LLC", "parcelly"),
        ("Kranich Mobility GmbH", "kranich mobility"),
        ("Maasvlakte Freight B.V.", "maasvlakte freight"),
        ("Wawel Creative Sp. z o.o.", "wawel creative"),
        ("Vistara Cloud Solutions Pvt. Ltd.", "vistara cloud solutions"),
        ("Caldwell & Finch LLP", "caldwell and finch"),
        ("The Home Depot", "home depot"),
        ("U.S. Army", "us army"),
        ("Co.", "co"),  # a name that is only a suffix is kept
    ],
)
def test_normalise_employer(raw: str, expected: str) -> None:
    assert normalise_employer(raw) == expected


def test_normalise_title_ignores_case_spacing_and_punctuation() -> None:
    assert normalise_title("  Senior  Backend Engineer ") == normalise_title("senior backend engineer")
    assert normalise_title("UX/UI Designer") == "ux ui designer"
    assert normalise_title("Account Executive, Mid-Market") == "account executive mid market"
    assert normalise_title("Senior Engineer") != normalise_title("Engineer")


@pytest.mark.parametrize(
    ("predicted", "truth", "expected"),
    [
        ("Austin, TX", "Austin, TX", True),
        ("austin tx", "Austin, TX", True),
        ("Austin", "Austin, TX", True),
        ("14 Marchmont Road, Edinburgh EH9 1HY", "Edinburgh", True),
        ("Austin, TX, USA", "Austin, TX", True),
        ("Boston", "Austin, TX", False),
        ("TX", "Austin, TX", True),
        ("Aus", "Austin, TX", False),  # whole words only
        ("", "Austin, TX", False),
    ],
)
def test_location_matches(predicted: str, truth: str, expected: bool) -> None:
    assert location_matches(predicted, truth) is expected


def test_years_within_one_year() -> None:
    assert years_within(5.0, 6.0)
    assert years_within(5.0, 4)
    assert not years_within(5.0, 6.1)
    assert not years_within(5.0, None)
    assert not years_within(5.0, "5")
    assert not years_within(1.0, True)


# --- whole evaluation ------------------------------------------------------------------------------


def test_evaluate_micro_averages_and_records_errors() -> None:
    truths = {
        "a.pdf": _truth(),
        "b.docx": _truth(file="b.docx", emails=["b@x.org", "b2@x.org"], phone=None, skills=["Java"], education=[]),
        "c.txt": _truth(file="c.txt"),
    }
    outputs = {
        "a.pdf": _truth(
            emails=["JANE@example.com"],
            phone="+14155550100",
            name="jane  doe",
            location="Austin",
            skills=["Python", "SQL", "Kubernetes"],
            total_years_experience=6.2,
            current_title="data engineer",
            employers=["ACME", "Initech"],
            education=[{"degree_level": "bachelor"}, {"degree_level": "master"}],
        ),
        "b.docx": _truth(
            file="b.docx", emails=["b@x.org"], phone="+1555", skills=["Java"], education=[], total_years_experience=4.0
        ),
        "c.txt": {"file": "c.txt", "error": "corrupt: broken"},
        "z.pdf": _truth(file="z.pdf"),
    }
    report = evaluate(truths, outputs)
    totals = report.totals
    assert totals["emails"] == Counts(tp=2, fp=0, fn=2)  # c.txt's address counts as missed
    assert totals["phone"] == Counts(tp=1, fp=1, fn=1)  # b has no phone but one was predicted
    assert totals["name"] == Counts(tp=2, fp=0, fn=1)
    assert totals["location"] == Counts(tp=2, fp=0, fn=1)
    assert totals["skills"] == Counts(tp=3, fp=1, fn=4)
    assert totals["current_title"] == Counts(tp=2, fp=0, fn=1)
    assert totals["employers"] == Counts(tp=3, fp=1, fn=3)
    assert totals["degree_level"] == Counts(tp=1, fp=1, fn=1)
    assert (report.years_within, report.years_total) == (1, 3)  # a: off by 1.2; b: exact; c: failed
    assert report.errors == {"c.txt": "corrupt: broken"}
    assert report.unexpected == ["z.pdf"]
    assert report.per_file["a.pdf"]["skills"] == {"missing": ["docker"], "extra": ["kubernetes"]}
    assert not report.passed


def test_evaluate_perfect_output_passes_every_target() -> None:
    truths = {"a.pdf": _truth(), "b.pdf": _truth(file="b.pdf", location=None, current_title=None)}
    report = evaluate(truths, {name: dict(record) for name, record in truths.items()})
    assert report.passed
    assert all(report.totals[name].f1 == 1.0 for name in report.totals)
    data = report_json(report, warnings=[])
    assert data["passed"] is True
    assert data["fields"]["skills"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 6, "fp": 0, "fn": 0,
                                        "target_f1": 0.85, "passed": True}  # fmt: skip
    assert data["total_years"]["rate"] == 1.0
    table = format_table(report)
    assert "skills           1.000  1.000  1.000     6     0     0   F1 >= 0.85  PASS" in table
    assert "total years within 1 year: 2/2 (100.0%)   target >= 85%   PASS" in table


def test_evaluate_missing_file_uses_the_given_reason() -> None:
    report = evaluate({"a.pdf": _truth()}, {}, missing="parse_resume exited with 1")
    assert report.errors == {"a.pdf": "parse_resume exited with 1"}
    assert report.totals["skills"] == Counts(fn=3)


def test_parse_jsonl_keys_by_file_name_and_skips_noise() -> None:
    text = '{"file": "tests/corpus/resumes/a.pdf", "name": "A"}\nWARNING something\n\n[1, 2]\n{"name": "no file"}\n'
    outputs, ignored = parse_jsonl(text)
    assert outputs == {"a.pdf": {"file": "tests/corpus/resumes/a.pdf", "name": "A"}}
    assert ignored == ["WARNING something", "[1, 2]", '{"name": "no file"}']


# --- the truth model and the committed corpus -----------------------------------------------------


def test_total_years_unions_overlapping_intervals() -> None:
    jobs = [
        Job("A", "X", (2019, 1), (2019, 12)),  # 12 months
        Job("B", "Y", (2019, 7), (2020, 6)),  # overlaps by 6 months: adds 6
        Job("C", "Z", (2026, 1), None),  # Present = 2026-11: 11 months
    ]
    assert total_years(jobs) == round((12 + 6 + 11) / 12, 1) == 2.4
    assert total_years([Job("Intern", "X", (2025, 6), (2025, 8))]) == 0.3  # 3 months = 0.25, rounded half up


def test_current_title_prefers_the_ongoing_role() -> None:
    older = Job("Old", "X", (2010, 1), (2015, 1))
    latest_ended = Job("Latest", "Y", (2016, 1), (2020, 1))
    ongoing = Job("[Python] Developer", "Z", (2012, 1), None)
    assert current_title([older, latest_ended, ongoing]) == "Python Developer"
    assert current_title([older, latest_ended]) == "Latest"
    assert current_title([]) is None


def test_skills_markup() -> None:
    text = "Built [ETL] jobs with [Airflow|Apache Airflow]; no exposure to Java; [ETL] again"
    assert visible(text) == "Built ETL jobs with Airflow; no exposure to Java; ETL again"
    assert claimed_skills(text) == ["ETL", "Apache Airflow"]


@pytest.mark.parametrize(
    ("style", "start", "end", "expected"),
    [
        ("mon", (2019, 1), None, "Jan 2019 – Present"),
        ("iso_slash", (2019, 1), (2022, 3), "2019-01 to 03/2022"),
        ("slash", (2019, 1), (2022, 3), "01/2019 - 03/2022"),
        ("year", (2017, 7), (2020, 6), "2017–2020"),
        ("season", (2021, 6), (2021, 8), "Summer 2021"),
        ("mon_dot", (2018, 9), (2019, 6), "Sep. 2018 – Jun. 2019"),
        ("mon_dot", (2018, 5), (2019, 6), "May 2018 – Jun. 2019"),
        ("month", (2019, 4), None, "April 2019 to Present"),
        ("apostrophe", (2019, 1), (2022, 3), "Jan '19 – Mar '22"),
    ],
)
def test_format_dates(style: str, start: tuple[int, int], end: tuple[int, int] | None, expected: str) -> None:
    assert format_dates(start, end, style) == expected


def test_committed_corpus_is_complete_and_consistent() -> None:
    taxonomy = {entry["name"] for entry in json.loads((CORPUS.parents[1] / "recruitment_core" / "data" /
                                                        "skills.json").read_text(encoding="utf-8"))}  # fmt: skip
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    truths = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((CORPUS / "truth").glob("*.json"))]
    files = sorted(path.name for path in (CORPUS / "resumes").iterdir())
    assert len(truths) >= 32
    assert sorted(truth["file"] for truth in truths) == files == sorted(entry["file"] for entry in manifest)
    for truth in truths:
        assert set(truth) == TRUTH_KEYS, truth["file"]
        assert set(truth["skills"]) <= taxonomy, truth["file"]
        assert truth["phone"] is None or truth["phone"].startswith("+"), truth["file"]
        assert {entry["degree_level"] for entry in truth["education"]} <= {"associate", "bachelor", "master", "phd",
                                                                            "diploma"}  # fmt: skip
        assert (CORPUS / "resumes" / truth["file"]).stat().st_size < 200 * 1024
    kinds = [(entry["format"], entry["has_text_layer"], entry["layout"]) for entry in manifest]
    assert sum(1 for fmt, text, _ in kinds if fmt == "pdf" and text) >= 6
    assert sum(1 for fmt, text, _ in kinds if fmt == "pdf" and not text) >= 1
    assert sum(1 for fmt, _, _ in kinds if fmt == "docx") >= 4
    assert sum(1 for fmt, _, _ in kinds if fmt == "txt") >= 4
    assert sum(1 for _, _, layout in kinds if layout in ("two_column", "layout_table")) >= 3


def test_hidden_keywords_are_not_claimed() -> None:
    """The white/tiny keyword stuffing in these files names skills that the truth must not contain."""
    never = {
        "09_frontend_hidden_white_text.json": {"Kubernetes", "Terraform", "Java", "Machine Learning", "Salesforce"},
        "19_ml_engineer_tiny_text.json": {"Salesforce", "SAP", "Java", "Angular", "Tableau", "COBOL"},
        "21_frontend_docx_hidden_text.json": {"Python", "Django", "Kubernetes", "AWS", "Java", "Go"},
        "10_python_developer_negation.json": {"Java", "Kotlin", "Kubernetes"},
    }
    for name, skills in never.items():
        truth = json.loads((CORPUS / "truth" / name).read_text(encoding="utf-8"))
        assert not skills & set(truth["skills"]), name


# --- benchmark helpers -----------------------------------------------------------------------------


def test_percentile_is_nearest_rank() -> None:
    values = [5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    assert percentile(values, 0.5) == 5.0
    assert percentile(values, 0.95) == 10.0
    assert percentile([3.0], 0.95) == 3.0


def test_replicate_gives_whole_copies_of_at_least_the_count() -> None:
    assert replicate([b"a", b"b", b"c"], 7) == [b"a", b"b", b"c"] * 3
    assert replicate([b"a", b"b"], 4) == [b"a", b"b", b"a", b"b"]
