"""The reader on the fourth blind corpus (tests/report_reader/corpus_blind4, see its README):
real documents with grades in prose and in press releases, findings quoted in trackers, force
pages and improvement plans, and near misses from other inspectorates, gathered and annotated
blind, first used to measure the reader on texts it was not written against, then (their
shapes described in words) to improve it. The floors are the level reached; raise them as the
reader improves, never lower them to make a change pass."""

from pathlib import Path

import pytest

from inspections.report_reader.score import Score, score_corpus, total

CORPUS = Path(__file__).resolve().parent / "corpus_blind4"

FLOORS = {
    "found": 8,  # of 8 required findings, with the right kind
    "parents_right": 3,  # of 3 cause-of-concern links
    "addressees_right": 5,
    "deadlines_right": 1,
    "judgments_found": 10,  # of 15 grades
    "dates_right": 30,
    "titles_right": 19,
    "kinds_right": 24,
    "forces_right": 26,
}
CEILINGS = {"invented": 0, "invented_complete": 0, "kind_errors": 0, "judgments_extra": 6}


@pytest.fixture(scope="module")
def summed() -> Score:
    return total(score_corpus(CORPUS))


def test_the_fourth_blind_corpus_is_all_there(summed):
    assert (summed.documents, summed.required, summed.judgments) == (32, 8, 15)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_reader_reaches_its_floor_on_the_fourth_blind_corpus(summed, name):
    assert getattr(summed, name) >= FLOORS[name], (name, getattr(summed, name))


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_the_reader_stays_under_its_ceiling_on_the_fourth_blind_corpus(summed, name):
    assert getattr(summed, name) <= CEILINGS[name], (name, getattr(summed, name))
