"""The reader on the third blind corpus (tests/report_reader/corpus_blind3, see its README):
real documents rich in findings (register pages, a tracker listing, PCC responses, panel
minutes) and near misses, gathered and annotated blind, first used to measure the reader on
texts it was not written against, then (their shapes described in words) to improve it. The
floors are the level reached; raise them as the reader improves, never lower them to make a
change pass."""

from pathlib import Path

import pytest

from inspections.report_reader.score import Score, score_corpus, total

CORPUS = Path(__file__).resolve().parent / "corpus_blind3"

FLOORS = {
    "found": 16,  # of 17 required findings, with the right kind
    "parents_right": 3,  # of 3 cause-of-concern links
    "addressees_right": 14,
    "deadlines_right": 1,
    "judgments_found": 1,  # of 1 grade
    "dates_right": 18,
    "titles_right": 10,
    "kinds_right": 17,
    "forces_right": 15,
}
CEILINGS = {"invented": 0, "invented_complete": 0, "kind_errors": 0, "judgments_extra": 0}


@pytest.fixture(scope="module")
def summed() -> Score:
    return total(score_corpus(CORPUS))


def test_the_third_blind_corpus_is_all_there(summed):
    assert (summed.documents, summed.required, summed.judgments) == (18, 17, 1)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_reader_reaches_its_floor_on_the_third_blind_corpus(summed, name):
    assert getattr(summed, name) >= FLOORS[name], (name, getattr(summed, name))


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_the_reader_stays_under_its_ceiling_on_the_third_blind_corpus(summed, name):
    assert getattr(summed, name) <= CEILINGS[name], (name, getattr(summed, name))
