"""The word-recovery measure of text extraction and the mapping of written skill names to the taxonomy."""

from __future__ import annotations

from scripts import skill_names
from scripts.eval_words import Recovery, recovery, word_counts


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


def test_written_skill_names_map_to_taxonomy_names() -> None:
    hard, soft = skill_names.split(["python", "Leadership", "Underwater basket weaving"])
    assert hard == ["Python", "Underwater basket weaving"]
    assert soft == ["Leadership"]
