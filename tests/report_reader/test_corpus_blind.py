"""The reader on the third corpus (tests/report_reader/corpus_blind, see its README): real
documents gathered and annotated blind, first used to measure the reader on texts it was not
written against, then (their shapes described in words) to improve it. The floors are the level
reached; raise them as the reader improves, never lower them to make a change pass."""

from pathlib import Path

import pytest

from inspections.report_reader.score import Score, score_corpus, total

CORPUS = Path(__file__).resolve().parent / "corpus_blind"

FLOORS = {
    "found": 5,  # of 6 required findings, with the right kind
    "addressees_right": 3,
    "judgments_found": 12,  # of 12 grades
    "dates_right": 15,
    "titles_right": 12,
    "kinds_right": 13,
    "forces_right": 14,
}
CEILINGS = {"invented": 0, "invented_complete": 0, "kind_errors": 1, "judgments_extra": 1}


@pytest.fixture(scope="module")
def summed() -> Score:
    return total(score_corpus(CORPUS))


def test_the_blind_corpus_is_all_there(summed):
    assert (summed.documents, summed.required, summed.judgments) == (15, 6, 12)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_reader_reaches_its_floor_on_the_blind_corpus(summed, name):
    assert getattr(summed, name) >= FLOORS[name], (name, getattr(summed, name))


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_the_reader_stays_under_its_ceiling_on_the_blind_corpus(summed, name):
    assert getattr(summed, name) <= CEILINGS[name], (name, getattr(summed, name))
