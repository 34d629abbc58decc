"""FindingFilter on its own (FindingFilter(data, queryset=finding_rows()).qs): each filter,
the sorts, and what invalid values do. The view is tested once with filters in
test_findings_views.py."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from recommendations.filters import FindingFilter, search_terms
from recommendations.selectors import finding_rows
from tests.recommendations.findings_world import build_world, labels

pytestmark = pytest.mark.django_db

ALL_ROWS = {
    "afi_avon18@avon",
    "afi_avon21@avon",
    "gp_avon21@-",
    "cause_kent@kent",
    "rec_kent@kent",
    "nat_rec@avon",
    "nat_rec@kent",
    "nat_gp@-",
    "afi_wilts@wilts",
}


@pytest.fixture
def world():
    return build_world()


def filtered(params, world=None):
    """The FilterSet bound to a query string built from params (a dict or pairs)."""
    pairs = params.items() if isinstance(params, dict) else params
    return FindingFilter(QueryDict(urlencode(list(pairs))), queryset=finding_rows())


def rows(world, params=()) -> list[str]:
    filterset = filtered(params)
    assert filterset.is_valid(), filterset.errors
    return labels(filterset.qs, world)


def errors(params) -> dict:
    filterset = filtered(params)
    assert not filterset.is_valid()
    return {name: list(messages) for name, messages in filterset.errors.items()}


def test_without_filters_every_status_row_and_one_row_per_good_practice_finding(world):
    result = rows(world)
    assert len(result) == len(ALL_ROWS)
    assert set(result) == ALL_ROWS


def test_force_matches_status_rows_and_good_practice_of_its_reports(world):
    assert set(rows(world, {"force": "avon"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
        "gp_avon21@-",  # good practice in Avon's own report
        "nat_rec@avon",
        "nat_gp@-",  # good practice in a national report that applies to Avon
    }
    assert set(rows(world, {"force": "wilts"})) == {"afi_wilts@wilts"}


def test_force_is_repeatable_and_a_national_row_appears_once(world):
    result = rows(world, [("force", "avon"), ("force", "kent")])
    assert sorted(result) == sorted(ALL_ROWS - {"afi_wilts@wilts"})


def test_unknown_or_malformed_force_is_an_error_naming_it(world):
    assert errors({"force": "atlantis"}) == {"force": ["There is no force “atlantis”."]}
    assert errors({"force": "not a slug\x00"}) == {"force": ["There is no force “not a slug\x00”."]}


def test_kind_single_and_repeated(world):
    assert set(rows(world, {"kind": "afi"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
        "afi_wilts@wilts",
    }
    assert set(rows(world, [("kind", "innovative_practice"), ("kind", "promising_practice")])) == {
        "gp_avon21@-",
        "nat_gp@-",
    }
    assert errors({"kind": "afis"}) == {"kind": ["There is no kind of finding “afis”."]}


def test_status_open_closed_and_exact_leave_good_practice_out(world):
    assert set(rows(world, {"status": "open"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
        "cause_kent@kent",
        "nat_rec@kent",
    }
    assert set(rows(world, {"status": "closed"})) == {
        "rec_kent@kent",
        "nat_rec@avon",
        "afi_wilts@wilts",
    }
    assert rows(world, {"status": "complete"}) == ["rec_kent@kent"]
    assert rows(world, {"status": "no_further_action"}) == ["nat_rec@avon"]
    assert errors({"status": "opened"}) == {"status": ["There is no status “opened”."]}


def test_area_by_id_or_by_name_in_every_framework(world):
    assert rows(world, {"area": str(world.legit21.pk)}) == ["afi_avon21@avon"]
    assert set(rows(world, {"area": "legitimacy"})) == {"afi_avon18@avon", "afi_avon21@avon"}
    assert errors({"area": "Policing the moon"}) == {
        "area": ["There is no area with the id or name “Policing the moon”."]
    }
    assert "area" in errors({"area": "999999"})


def test_theme(world):
    assert set(rows(world, {"theme": "external-scrutiny"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
    }
    assert set(rows(world, {"theme": "stop-and-search"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
        "gp_avon21@-",
    }
    assert errors({"theme": "knife-crime"}) == {"theme": ["There is no theme “knife-crime”."]}


def test_inspection(world):
    assert rows(world, {"inspection": world.avon21.pk}) == ["afi_avon21@avon", "gp_avon21@-"]
    assert errors({"inspection": "12x"}) == {
        "inspection": ["There is no report with the id “12x”."]
    }
    assert "inspection" in errors({"inspection": "9" * 30})
    assert "inspection" in errors({"inspection": "999999"})


def test_published_after_and_before_are_inclusive_and_skip_undated_reports(world):
    assert set(rows(world, {"published_after": "2022-04-01"})) == {
        "afi_avon21@avon",
        "gp_avon21@-",
        "cause_kent@kent",
        "rec_kent@kent",
    }
    assert rows(world, {"published_before": "2019-05-02"}) == ["afi_avon18@avon"]
    between = {"published_after": "2019-05-03", "published_before": "2021-12-31"}
    assert set(rows(world, between)) == {"nat_rec@avon", "nat_rec@kent", "nat_gp@-"}


def test_dates_must_be_iso_and_in_order(world):
    message = "Enter a real date as year-month-day, for example 2019-05-02."
    assert errors({"published_after": "02/05/2019"}) == {"published_after": [message]}
    assert errors({"published_before": "2019-02-30"}) == {"published_before": [message]}
    assert errors({"published_after": "2022-01-01", "published_before": "2021-01-01"}) == {
        "published_before": [
            "“Published on or before” must be the same as or later than “Published on or after”."
        ]
    }


def test_carried_forward(world):
    assert rows(world, {"carried_forward": "yes"}) == ["afi_avon21@avon"]
    assert set(rows(world, {"carried_forward": "no"})) == ALL_ROWS - {"afi_avon21@avon"}
    assert errors({"carried_forward": "maybe"}) == {"carried_forward": ["Choose yes or no."]}


def test_q_needs_every_word_in_any_case_and_order(world):
    stop_search = {"afi_avon18@avon", "afi_avon21@avon", "gp_avon21@-"}
    assert set(rows(world, {"q": "stop search"})) == stop_search
    assert set(rows(world, {"q": "SEARCH Stop"})) == stop_search
    assert set(rows(world, {"q": "stop scrutiny"})) == {"afi_avon18@avon", "afi_avon21@avon"}
    assert rows(world, {"q": "stop knives"}) == []


def test_q_quoted_phrase_and_wildcards_taken_literally(world):
    assert set(rows(world, {"q": '"search powers" scrutin'})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
    }
    assert rows(world, {"q": '"search stop"'}) == []
    assert rows(world, {"q": "100%"}) == []
    assert rows(world, {"q": "stop_and"}) == []
    assert len(rows(world, {"q": '  "" '})) == len(ALL_ROWS)


def test_q_words_match_the_finding_text_or_its_reports_title(world):
    national = {"nat_rec@avon", "nat_rec@kent", "nat_gp@-"}
    # "Spotlight 2020": in the report's title only, never in its findings' text.
    assert set(rows(world, {"q": "spotlight"})) == national
    assert set(rows(world, {"q": '"SPOTLIGHT 2020"'})) == national
    # One word in the title, the other in the text: both must match, each in either place.
    assert set(rows(world, {"q": "kent ethnicity"})) == {"cause_kent@kent", "rec_kent@kent"}
    assert rows(world, {"q": '"Kent PEEL" "three months"'}) == ["rec_kent@kent"]
    assert set(rows(world, {"q": "avon stop"})) == {
        "afi_avon18@avon",
        "afi_avon21@avon",
        "gp_avon21@-",
    }
    # Every word must still match: no finding is in both a Kent and a spotlight report.
    assert rows(world, {"q": "kent spotlight"}) == []
    assert rows(world, {"q": '"PEEL 2020"'}) == []


def test_q_too_long_is_an_error(world):
    assert errors({"q": "x" * 201}) == {
        "q": ["Enter 200 characters or fewer to search for (you entered 201)."]
    }


def test_search_terms():
    assert search_terms('stop "use of force"  Scrutiny "') == ["stop", "use of force", "Scrutiny"]
    assert search_terms('"unclosed phrase') == ["unclosed", "phrase"]


def test_default_sort_is_newest_report_first_then_report_order_then_force(world):
    assert rows(world) == [
        "afi_avon21@avon",  # Avon 2021/22 and Kent 2021/22 share a date: by title
        "gp_avon21@-",
        "cause_kent@kent",
        "rec_kent@kent",
        "nat_rec@avon",  # national, July 2020: one row per force, by force
        "nat_rec@kent",
        "nat_gp@-",
        "afi_avon18@avon",
        "afi_wilts@wilts",  # publication date not stated: last
    ]
    assert rows(world, {"sort": "-published"}) == rows(world)


def test_sort_oldest_report_first_keeps_undated_last(world):
    result = rows(world, {"sort": "published"})
    assert result[0] == "afi_avon18@avon"
    assert result[-1] == "afi_wilts@wilts"


def test_sort_by_force_puts_national_good_practice_last(world):
    result = rows(world, {"sort": "force"})
    assert result == [
        "afi_avon21@avon",
        "gp_avon21@-",
        "nat_rec@avon",
        "afi_avon18@avon",
        "cause_kent@kent",
        "rec_kent@kent",
        "nat_rec@kent",
        "afi_wilts@wilts",
        "nat_gp@-",
    ]


def test_sort_by_status_follows_the_status_order(world):
    result = rows(world, {"sort": "status"})
    assert result == [
        "afi_avon21@avon",  # awaiting review, newest report first
        "afi_avon18@avon",
        "cause_kent@kent",  # being progressed
        "nat_rec@kent",
        "rec_kent@kent",  # complete
        "afi_wilts@wilts",  # superseded
        "nat_rec@avon",  # no further action
        "gp_avon21@-",  # no status: last
        "nat_gp@-",
    ]


def test_sort_by_age_is_oldest_status_first_undated_statuses_then_rows_without_status(world):
    assert rows(world, {"sort": "age"}) == [
        "afi_avon18@avon",  # since 2 May 2019
        "nat_rec@kent",  # 1 September 2020
        "nat_rec@avon",  # 1 August 2021
        "cause_kent@kent",  # 1 June 2022
        "rec_kent@kent",  # 10 January 2023
        "afi_avon21@avon",  # a status whose date is not stated: oldest report first
        "afi_wilts@wilts",  # (this report's date is not stated either)
        "nat_gp@-",  # no status at all: last, oldest report first
        "gp_avon21@-",
    ]


def test_sort_by_kind_follows_the_kind_order(world):
    result = rows(world, {"sort": "kind"})
    kinds = [r.split("@")[0].split("_")[0] for r in result]
    assert kinds == ["cause", "rec", "nat", "nat", "afi", "afi", "afi", "gp", "nat"]


def test_unknown_sort_is_an_error(world):
    assert errors({"sort": "title"}) == {"sort": ["There is no sort order “title”."]}


def test_filters_combine(world):
    params = [("force", "avon"), ("kind", "afi"), ("status", "open"), ("q", "stop and search")]
    assert rows(world, params) == ["afi_avon21@avon", "afi_avon18@avon"]
