"""The wording helpers every message uses: counts that agree with their noun, sentences joined
without doubled full stops."""

import pytest

from peel_tracker.text import counted, plural, sentence, sentences


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 findings"), (1, "1 finding"), (2, "2 findings")]
)
def test_counted_agrees_with_the_count(count, expected):
    assert counted(count, "finding") == expected


def test_counted_and_plural_take_an_irregular_plural():
    assert counted(1, "finding status", "finding statuses") == "1 finding status"
    assert counted(3, "finding status", "finding statuses") == "3 finding statuses"
    assert plural(1, "has", "have") == "has" and plural(2, "has", "have") == "have"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan agreed", "Plan agreed."),
        ("Plan agreed.", "Plan agreed."),
        ("  Done!  ", "Done!"),
        ("Is it?", "Is it?"),
        ("He said “done.”", "He said “done.”"),
        ("See (note 2)", "See (note 2)."),
        ("And so on…", "And so on…"),
        ("", ""),
    ],
)
def test_a_sentence_ends_with_exactly_one_end_mark(text, expected):
    assert sentence(text) == expected


def test_sentences_are_joined_with_one_full_stop_each_and_empty_parts_dropped():
    assert sentences(["First.", "second", "", "  ", "Third!"]) == "First. second. Third!"


def test_no_message_pluralises_by_hand():
    """Issue 16: counts in messages go through counted()/plural() (Python) or `pluralize`
    (templates): no "(s)" and no hand-made "'s' if n != 1" left in the apps."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for folder in ("inspections", "recommendations", "peel_tracker", "templates"):
        for path in (root / folder).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "report_reader" in path.parts:
                continue
            text = path.read_text()
            if re.search(r"\w\(s\)|'s' if \w+ != 1|\"s\" if \w+ != 1", text):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
