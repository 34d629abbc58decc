"""The reader on the second blind corpus (tests/report_reader/corpus_blind2, see its README):
real documents gathered and annotated blind, first used to measure the reader on texts it was
not written against, then (their shapes described in words) to improve it. The floors are the
level reached; raise them as the reader improves, never lower them to make a change pass."""

from pathlib import Path

import pytest

from inspections.report_reader.score import Score, score_corpus, total

CORPUS = Path(__file__).resolve().parent / "corpus_blind2"

FLOORS = {
    "found": 3,  # of 3 required findings, with the right kind
    "addressees_right": 1,
    "judgments_found": 12,  # of 12 grades
    "dates_right": 18,
    "titles_right": 13,
    "kinds_right": 18,
    "forces_right": 17,
}
CEILINGS = {"invented": 0, "invented_complete": 0, "kind_errors": 0, "judgments_extra": 0}


@pytest.fixture(scope="module")
def summed() -> Score:
    return total(score_corpus(CORPUS))


def test_the_second_blind_corpus_is_all_there(summed):
    assert (summed.documents, summed.required, summed.judgments) == (18, 3, 12)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_reader_reaches_its_floor_on_the_second_blind_corpus(summed, name):
    assert getattr(summed, name) >= FLOORS[name], (name, getattr(summed, name))


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_the_reader_stays_under_its_ceiling_on_the_second_blind_corpus(summed, name):
    assert getattr(summed, name) <= CEILINGS[name], (name, getattr(summed, name))
