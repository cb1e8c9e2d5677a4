"""Tests for the ranking evaluation (scripts/eval_rank.py) and the graded set it reads (tests/ranking_corpus/).

Metrics and baselines are checked on small hand-made examples with values worked out by hand; no subprocess is
run and no model is loaded. The set tests read the committed files and the specs only (no renderers).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from ranking_corpus.generate import qrels_text
from ranking_corpus.model import CATEGORIES
from ranking_corpus.postings import JOBS
from ranking_corpus.specs import CANDIDATES

from scripts import eval_rank_views as views
from scripts.eval_rank import (
    BM25,
    EMBEDDING,
    PRODUCT,
    EvaluationError,
    OkapiBM25,
    Report,
    SystemResult,
    check_coverage,
    cosine_matrix,
    evaluate,
    format_details,
    format_scores,
    format_table,
    parse_qrels,
    parse_scores,
    rank,
    report_json,
    tokenize,
)
from scripts.eval_rank_metrics import average_precision, dcg, mean, ndcg_at_k

SET_DIR = Path(__file__).resolve().parents[1] / "ranking_corpus"
LOG2_3 = math.log2(3)

# --- ranking --------------------------------------------------------------------------------------


def test_rank_orders_by_score_then_resume_id() -> None:
    assert rank({"b": 1.0, "a": 1.0, "c": 2.0, "d": -1.0}) == ["c", "a", "b", "d"]


def test_rank_does_not_depend_on_input_order() -> None:
    assert rank({"z": 0.5, "y": 0.5, "x": 0.5}) == rank({"x": 0.5, "y": 0.5, "z": 0.5}) == ["x", "y", "z"]


# --- NDCG -----------------------------------------------------------------------------------------


def test_dcg_uses_exponential_gains_and_log2_discount() -> None:
    # (2^3 - 1)/log2(2) + (2^2 - 1)/log2(3) + 0 + (2^1 - 1)/log2(5)
    assert dcg([3, 2, 0, 1]) == pytest.approx(7 + 3 / LOG2_3 + 1 / math.log2(5))


def test_dcg_of_nothing_is_zero() -> None:
    assert dcg([]) == 0


def test_ndcg_of_the_ideal_ranking_is_one() -> None:
    assert ndcg_at_k(["a", "b", "c"], {"a": 3, "b": 1, "c": 0}) == pytest.approx(1.0)


def test_ndcg_of_a_swapped_pair() -> None:
    # DCG = 1/1 + 7/log2(3); ideal = 7/1 + 1/log2(3)
    assert ndcg_at_k(["b", "a"], {"a": 3, "b": 1}) == pytest.approx((1 + 7 / LOG2_3) / (7 + 1 / LOG2_3))


def test_ndcg_ideal_counts_graded_resumes_the_system_left_out() -> None:
    # Only "a" (grade 1) was ranked; the ideal puts "b" (grade 3) first.
    assert ndcg_at_k(["a"], {"a": 1, "b": 3}) == pytest.approx(1 / (7 + 1 / LOG2_3))


def test_ndcg_ignores_ungraded_resumes_in_the_ranking() -> None:
    # "x" is not graded: it gains nothing but still takes rank 1.
    assert ndcg_at_k(["x", "a"], {"a": 2}) == pytest.approx((3 / LOG2_3) / 3)


def test_ndcg_cuts_at_k() -> None:
    ranking = [f"r{i:02d}" for i in range(12)]
    grades = dict.fromkeys(ranking, 0) | {"r10": 3, "r00": 1}
    # Within the top 2 only r00 counts; the ideal top 2 is r10 (3) then r00 (1).
    assert ndcg_at_k(ranking, grades, k=2) == pytest.approx(1 / (7 + 1 / LOG2_3))
    # At k=10 the grade-3 resume at rank 11 still counts for nothing.
    assert ndcg_at_k(ranking, grades, k=10) == pytest.approx(1 / (7 + 1 / LOG2_3))


def test_ndcg_is_undefined_without_any_positive_grade() -> None:
    assert ndcg_at_k(["a", "b"], {"a": 0, "b": 0}) is None


# --- average precision ----------------------------------------------------------------------------


def test_average_precision_counts_grade_two_and_up_as_relevant() -> None:
    # Relevant: a (2) at rank 2 and b (3) at rank 4; x (grade 1) is not relevant. (1/2 + 2/4) / 2
    ranking = ["x", "a", "y", "b"]
    assert average_precision(ranking, {"x": 1, "a": 2, "y": 0, "b": 3}) == pytest.approx(0.5)


def test_average_precision_of_a_perfect_ranking_is_one() -> None:
    assert average_precision(["a", "b", "c"], {"a": 3, "b": 2, "c": 1}) == pytest.approx(1.0)


def test_average_precision_divides_by_every_relevant_resume_even_unranked_ones() -> None:
    assert average_precision(["a", "c"], {"a": 3, "b": 2, "c": 0}) == pytest.approx(0.5)


def test_average_precision_is_undefined_without_relevant_resumes() -> None:
    assert average_precision(["a"], {"a": 1, "b": 0}) is None


def test_average_precision_threshold_can_change() -> None:
    # With threshold 1, x counts too: (1/1 + 2/2 + 3/4) / 3
    grades = {"x": 1, "a": 2, "y": 0, "b": 3}
    assert average_precision(["x", "a", "y", "b"], grades, threshold=1) == pytest.approx((1 + 1 + 0.75) / 3)


def test_mean_skips_undefined_values() -> None:
    assert mean([0.5, None, 1.0]) == pytest.approx(0.75)
    assert mean([None]) == 0.0


# --- a system against the grades ------------------------------------------------------------------

GRADES = {"job1": {"a": 3, "b": 0, "c": 2}, "job2": {"a": 0, "b": 1, "c": 0}}


def test_evaluate_per_job_and_macro_average() -> None:
    scores = {"job1": {"a": 0.9, "b": 0.8, "c": 0.1}, "job2": {"a": 0.5, "b": 0.5, "c": 0.9}}
    result = evaluate("sys", scores, GRADES)
    # job1: a, b, c -> DCG 7 + 0 + 3/log2(4); ideal 7 + 3/log2(3). AP = (1/1 + 2/3) / 2.
    assert result.ndcg["job1"] == pytest.approx((7 + 3 / 2) / (7 + 3 / LOG2_3))
    assert result.ap["job1"] == pytest.approx((1 + 2 / 3) / 2)
    # job2: c, then a and b tie at 0.5 and a comes first by id -> b at rank 3. No relevant resume: AP undefined.
    assert result.ndcg["job2"] == pytest.approx(0.5)
    assert result.ap["job2"] is None
    assert result.mean_ndcg == pytest.approx((result.ndcg["job1"] + 0.5) / 2)
    assert result.map == pytest.approx((1 + 2 / 3) / 2)
    assert result.unscored == 0
    assert result.unexpected == []


def test_evaluate_ranks_unscored_pairs_as_not_retrieved_and_reports_extras() -> None:
    scores = {"job1": {"c": 1.0, "zed": 5.0}, "job9": {"a": 1.0}}
    result = evaluate("sys", scores, GRADES)
    assert result.ndcg["job1"] == pytest.approx(3 / (7 + 3 / LOG2_3))
    assert result.ap["job1"] == pytest.approx(0.5)  # c at rank 1, a never retrieved
    assert result.ndcg["job2"] == 0.0  # b (grade 1) was never scored
    assert result.unscored == 2 + 3
    assert result.unexpected == ["job job9", "job1/zed"]


# --- reading --------------------------------------------------------------------------------------


def test_parse_qrels() -> None:
    text = "job_id\tresume_id\tgrade\njob1\ta\t3\n\njob1\tb\t0\njob2\ta\t1\n"
    assert parse_qrels(text) == {"job1": {"a": 3, "b": 0}, "job2": {"a": 1}}


@pytest.mark.parametrize("line", ["job1\ta\t4", "job1\ta", "job1\ta\thigh", "job1 a 3"])
def test_parse_qrels_refuses_malformed_lines(line: str) -> None:
    with pytest.raises(EvaluationError, match="line 1"):
        parse_qrels(line + "\n")


def test_parse_qrels_refuses_a_pair_graded_twice() -> None:
    with pytest.raises(EvaluationError, match="graded twice"):
        parse_qrels("job1\ta\t3\njob1\ta\t2\n")


def test_parse_scores_keeps_numbers_and_reports_the_rest() -> None:
    text = "job1\ta\t0.5\njob1\tb\t-2\njunk\njob1\tc\tnan\njob1\td\tabc\njob2\ta\t1e-3\njob1\ta\t0.7\n"
    scores, ignored = parse_scores(text)
    assert scores == {"job1": {"a": 0.7, "b": -2.0}, "job2": {"a": 0.001}}
    assert ignored == ["junk", "job1\tc\tnan", "job1\td\tabc", "job1\ta\t0.7"]


def test_format_scores_round_trips() -> None:
    scores = {"job2": {"b": 1.5}, "job1": {"b": 0.25, "a": 2.0}}
    assert format_scores(scores) == "job1\ta\t2.000000\njob1\tb\t0.250000\njob2\tb\t1.500000\n"
    assert parse_scores(format_scores(scores)) == (scores, [])


def test_check_coverage_accepts_a_complete_matrix() -> None:
    check_coverage({"j": {"a": 1, "b": 0}}, {"j": "text"}, {"a": "x", "b": "y"})


def test_check_coverage_names_what_is_missing() -> None:
    with pytest.raises(EvaluationError) as error:
        check_coverage({"j": {"a": 1, "old": 0}, "gone": {}}, {"j": "t", "new_job": "t"}, {"a": "x", "b": "y"})
    message = str(error.value)
    assert "jobs without grades: ['new_job']" in message
    assert "grades for jobs without a file: ['gone']" in message
    assert "j: resumes without a grade: ['b']" in message
    assert "j: grades for resumes without a file: ['old']" in message


# --- baselines ------------------------------------------------------------------------------------


def test_tokenize_lower_cases_words_and_drops_punctuation() -> None:
    assert tokenize("Built K8s clusters, CI/CD & on-call!") == ["built", "k8s", "clusters", "ci", "cd", "on", "call"]


def test_bm25_exact_scores() -> None:
    index = OkapiBM25({"d1": ["a", "b"], "d2": ["b", "c", "c"]})
    # N = 2, df(c) = 1: idf = ln(1 + 1.5/1.5) = ln 2. Average length 2.5; d2 has length 3 and tf(c) = 2:
    # K = 1.5 * (0.25 + 0.75 * 3 / 2.5) = 1.725; score = ln 2 * 2 * 2.5 / (2 + 1.725).
    scores = index.scores(["c"])
    assert scores["d1"] == 0
    assert scores["d2"] == pytest.approx(math.log(2) * 5 / 3.725)


def test_bm25_counts_repeated_query_words_and_ignores_unknown_ones() -> None:
    index = OkapiBM25({"d1": ["a", "b"], "d2": ["b", "c", "c"]})
    single = index.scores(["c"])["d2"]
    assert index.scores(["c", "c", "zzz"])["d2"] == pytest.approx(2 * single)


def test_bm25_words_in_every_document_still_add_a_little() -> None:
    index = OkapiBM25({"d1": ["a", "b"], "d2": ["b", "c", "c"]})
    # df(b) = 2 = N: idf = ln(1 + 0.5/2.5) = ln 1.2 > 0. d1: K = 1.5 * (0.25 + 0.75 * 2/2.5) = 1.275.
    assert index.scores(["b"])["d1"] == pytest.approx(math.log(1.2) * 2.5 / (1 + 1.275))


def test_bm25_prefers_the_shorter_document_for_the_same_term_frequency() -> None:
    index = OkapiBM25({"short": ["x", "y"], "long": ["x", "y", "z", "z", "z", "z"], "other": ["q"]})
    scores = index.scores(["x"])
    assert scores["short"] > scores["long"] > scores["other"] == 0


def test_cosine_matrix_normalises_rows() -> None:
    scores = cosine_matrix([[1.0, 0.0], [0.0, 2.0]], [[3.0, 0.0], [1.0, 1.0]], ["j1", "j2"], ["r1", "r2"])
    assert scores["j1"]["r1"] == pytest.approx(1.0)
    assert scores["j1"]["r2"] == pytest.approx(1 / math.sqrt(2))
    assert scores["j2"]["r1"] == pytest.approx(0.0)
    assert scores["j2"]["r2"] == pytest.approx(1 / math.sqrt(2))


# --- the report -----------------------------------------------------------------------------------


def _system(name: str, ndcg: float, ap: float) -> SystemResult:
    return SystemResult(name, {"job1": ndcg}, {"job1": ap})


def _report(product: tuple[float, float] | None, bm25: tuple[float, float], embedding: tuple[float, float]) -> Report:
    systems = {} if product is None else {PRODUCT: _system(PRODUCT, *product)}
    systems |= {BM25: _system(BM25, *bm25), EMBEDDING: _system(EMBEDDING, *embedding)}
    return Report(jobs=1, resumes=3, grade_counts={3: 1, 0: 2}, systems=systems, warnings=[])


def test_report_passes_only_when_the_product_beats_both_baselines_on_both_metrics() -> None:
    assert _report((0.9, 0.8), (0.7, 0.6), (0.8, 0.7)).passed
    assert not _report((0.85, 0.8), (0.7, 0.6), (0.8, 0.7)).passed  # NDCG@10 only 0.05 over the better baseline
    assert not _report((0.9, 0.6), (0.7, 0.6), (0.8, 0.5)).passed  # a tie with BM25 on MAP is not a win
    assert not _report((0.75, 0.8), (0.7, 0.6), (0.8, 0.7)).passed  # behind the embedding on NDCG
    assert not _report(None, (0.7, 0.6), (0.8, 0.7)).passed


def test_report_margins() -> None:
    report = _report((0.9, 0.8), (0.7, 0.6), (0.8, 0.5))
    margin_bm25, margin_embedding = report.margin(BM25), report.margin(EMBEDDING)
    assert margin_bm25 == pytest.approx((0.2, 0.2))
    assert margin_embedding == pytest.approx((0.1, 0.3))
    assert _report(None, (0.7, 0.6), (0.8, 0.7)).margin(BM25) is None


def test_format_table_and_details() -> None:
    report = _report((0.9, 0.8), (0.7, 0.6), (0.8, 0.5))
    table = format_table(report)
    assert "product         0.900    0.800" in table
    assert "product over bm25       NDCG@10 +0.200   MAP +0.200" in table
    assert "product over embedding  NDCG@10 +0.100   MAP +0.300" in table
    assert table.endswith("PASS")
    assert "job1" in format_details(report)


def test_report_json() -> None:
    data = report_json(_report((0.9, 0.8), (0.7, 0.6), (0.8, 0.5)))
    assert data["systems"]["product"]["ndcg_at_10"] == 0.9
    assert data["systems"]["bm25"]["per_job"] == {"job1": {"ndcg_at_10": 0.7, "ap": 0.6}}
    assert data["product_margin"] == {"bm25": {"ndcg_at_10": 0.2, "map": 0.2},
                                      "embedding": {"ndcg_at_10": 0.1, "map": 0.3}}  # fmt: skip
    assert data["grade_counts"] == {"3": 1, "2": 0, "1": 0, "0": 2}
    assert data["passed"] is True
    assert json.loads(json.dumps(data)) == data


# --- the committed evaluation set -----------------------------------------------------------------


def test_committed_qrels_grade_every_job_and_resume_file_once() -> None:
    grades = parse_qrels((SET_DIR / "qrels.tsv").read_text(encoding="utf-8"))
    jobs = {path.stem: "" for path in (SET_DIR / "jobs").glob("*.json")}
    resumes = {path.stem: "" for path in (SET_DIR / "resumes").iterdir()}
    check_coverage(grades, jobs, resumes)
    assert len(jobs) >= 12
    assert len(resumes) >= 60


def test_committed_qrels_are_what_the_specs_give() -> None:
    assert (SET_DIR / "qrels.tsv").read_text(encoding="utf-8") == qrels_text(JOBS, CANDIDATES)


def test_committed_jobs_are_what_the_specs_give() -> None:
    for job in JOBS:
        record = json.loads((SET_DIR / "jobs" / f"{job.job_id}.json").read_text(encoding="utf-8"))
        assert record == job.as_json()
        assert set(record) == {"title", "company", "location", "remote", "employment_type", "description"}


def test_every_job_has_strong_and_relevant_candidates() -> None:
    for job in JOBS:
        grades = [item.grade(job.job_id) for item in CANDIDATES]
        assert grades.count(3) >= 2, job.job_id
        assert sum(grade >= 2 for grade in grades) >= 3, job.job_id


def test_the_set_has_the_adversarial_cases() -> None:
    categories = {item.category for item in CANDIDATES}
    assert categories == set(CATEGORIES)
    families = {job.family for job in JOBS}
    assert len(families) >= 6
    assert {"nursing", "accounting", "sales", "education", "logistics"} <= families
    formats = {item.resume.extension for item in CANDIDATES}
    assert formats == {"txt", "pdf", "docx"}


def test_keyword_stuffed_resumes_never_grade_above_one() -> None:
    stuffed = [item for item in CANDIDATES if item.category == "keyword_stuffed"]
    assert len(stuffed) >= 5
    assert all(grade <= 1 for item in stuffed for grade in item.grades.values())


def test_paraphrased_resumes_are_strong_for_their_job() -> None:
    paraphrased = [item for item in CANDIDATES if item.category == "paraphrased"]
    assert len(paraphrased) >= 6
    assert all(3 in item.grades.values() for item in paraphrased)


def test_professions_and_traps_decide_the_report() -> None:
    report = _report((0.9, 0.8), (0.7, 0.6), (0.8, 0.7))
    report.family_of = {"job1": "nursing"}
    assert report.passed and report.below_cosine == []
    report.systems[EMBEDDING] = _system(EMBEDDING, 0.95, 0.7)
    assert report.below_cosine == ["nursing"] and not report.passed


def test_a_trap_holds_only_below_every_better_resume_and_stuffing_outside_the_top_k() -> None:
    grades = {"strong": 3, "good": 2, "stuffed": 0, "other": 0}
    stuffed = views.Trap("stuffed", "keyword_stuffed", "job1")
    negated = views.Trap("good", "negated_skill", "job1")
    assert views.check_trap(stuffed, ["strong", "good", "other", "stuffed"], grades, k=2).held
    assert not views.check_trap(stuffed, ["strong", "good", "stuffed", "other"], grades, k=3).held  # in the top 3
    result = views.check_trap(stuffed, ["strong", "stuffed", "good"], grades, k=1)
    assert (result.position, result.outranked_better, result.held) == (2, ["good"], False)
    assert views.check_trap(negated, ["strong", "good"], grades, k=10).held
    assert not views.check_trap(negated, ["good", "strong"], grades, k=10).held
