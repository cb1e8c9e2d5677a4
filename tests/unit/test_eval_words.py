"""The word-recovery and reading-order measures of text extraction and the mapping of written skill names to the
taxonomy."""

from __future__ import annotations

from scripts import skill_names
from scripts.eval_words import Recovery, recovery, sections, word_counts


def test_words_are_folded_runs_of_letters_and_digits() -> None:
    assert word_counts("Self-motivated NURSE, 02/2012 ﬁle José") == {
        "self": 1, "motivated": 1, "nurse": 1, "02": 1, "2012": 1, "file": 1, "josé": 1,
    }  # fmt: skip


def test_run_together_words_are_lost_and_split_words_too() -> None:
    result = recovery("I am a nurse executive\nWorld", "Iama nurseexecutive\nWor ld")
    assert (result.printed, result.whole) == (6, 0)
    assert result.lost == {"i": 1, "am": 1, "a": 1, "nurse": 1, "executive": 1, "world": 1}


def test_a_word_printed_twice_must_come_back_twice() -> None:
    result = recovery("care care plan", "care plan")
    assert (result.printed, result.whole, dict(result.lost)) == (3, 2, {"care": 1})
    assert round(result.share, 3) == 0.667


def test_recoveries_add_up_by_producer() -> None:
    group = Recovery(files=0)
    group.add(recovery("a b", "a b"))
    group.add(recovery("c d", "cd"))
    assert (group.files, group.printed, group.whole, group.share) == (2, 4, 2, 0.5)


PRINTED = "Jane Doe\nSummary\nData engineer with eight years\nExperience\nSenior Engineer 2021\nBuilt the pipelines\n"
HEADINGS = ["Summary", "Experience"]


def test_printed_units_split_into_sections_at_their_headings() -> None:
    assert sections(PRINTED.splitlines(), ["SUMMARY", "Experience"]) == [
        ["Jane Doe"],
        ["Summary", "Data engineer with eight years"],
        ["Experience", "Senior Engineer 2021", "Built the pipelines"],
    ]


def test_units_in_print_order_are_in_sequence_whatever_the_line_breaks_and_bullets() -> None:
    extracted = (
        "Jane Doe\nSummary Data engineer\nwith eight years\nExperience\nSenior Engineer\n2021\n• Built the pipelines"
    )
    result = recovery(PRINTED, extracted, HEADINGS)
    assert (result.pairs, result.in_sequence, result.order) == (3, 3, 1.0)


def test_headings_read_before_every_section_are_out_of_sequence() -> None:
    extracted = (
        "Jane Doe\nSummary\nExperience\nData engineer with eight years\nSenior Engineer 2021\nBuilt the pipelines"
    )
    result = recovery(PRINTED, extracted, HEADINGS)
    assert (result.pairs, result.in_sequence) == (3, 1)
    assert result.out_of_sequence == [
        ("Summary", "Data engineer with eight years"),
        ("Experience", "Senior Engineer 2021"),
    ]


def test_sections_may_come_in_any_order_and_a_lost_unit_is_not_counted() -> None:
    # The experience section is read first (a column read before another), "Summary" comes back twice (its pair
    # is located by the unit that comes back once) and "Built the pipelines" is lost (its pair is not counted).
    extracted = "Experience\nSenior Engineer 2021\nJane Doe\nSummary\nSummary\nData engineer with eight years"
    result = recovery(PRINTED, extracted, HEADINGS)
    assert (result.pairs, result.in_sequence) == (2, 2)
    assert recovery(PRINTED, extracted).pairs == 4  # without headings the file is one section


def test_written_skill_names_map_to_taxonomy_names() -> None:
    hard, soft = skill_names.split(["python", "Leadership", "Underwater basket weaving"])
    assert hard == ["Python", "Underwater basket weaving"]
    assert soft == ["Leadership"]
