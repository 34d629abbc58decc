"""The force filter joins only the chosen forces' statuses (FindingFilter.filter_force, built by
rows_with_statuses(forces=...)): the same rows, in the same order and with the same columns, as
the general condition on every row (the OR across the LEFT JOIN it replaces)."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from recommendations.filters import SORTS, FindingFilter
from recommendations.selectors import finding_rows
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

COLUMNS = (
    "pk",
    "row_status_pk",
    "row_status",
    "row_status_since",
    "row_last_note",
    "row_force_pk",
    "row_force_name",
    "row_force_slug",
    "inspection__title",
)


@pytest.fixture
def world():
    w = build_world()
    # A finding of Avon's report whose only status is Kent's (addressees corrected): neither
    # Avon's row (no status of Avon's) nor a row without status (it has one).
    w.odd = FindingFactory(inspection=w.avon21, position=3, area=None)
    FindingStatusFactory(finding=w.odd, force=w.kent, status="awaiting_review")
    # A national report applying to Wiltshire alone, its recommendation tracked by Wiltshire
    # and Kent, its good practice without status.
    report = InspectionFactory(national=True, title="Wiltshire spotlight")
    report.applies_to.set([w.wilts])
    w.spot_rec = FindingFactory(inspection=report, position=1, area=None)
    for force in (w.wilts, w.kent):
        FindingStatusFactory(finding=w.spot_rec, force=force, status="complete")
    w.spot_gp = FindingFactory(inspection=report, position=2, area=None, good_practice=True)
    return w


def rows(pairs, queryset) -> list[tuple]:
    filterset = FindingFilter(QueryDict(urlencode(pairs)), queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs.values_list(*COLUMNS))


@pytest.mark.parametrize("sort", ["", *SORTS, "force,status"])
@pytest.mark.parametrize(
    "forces", [["avon"], ["kent"], ["wilts"], ["avon", "kent"], ["avon", "kent", "wilts"]]
)
@pytest.mark.parametrize("other", [[], [("status", "open")], [("kind", "afi")]])
def test_joining_the_chosen_forces_statuses_gives_the_same_rows(world, sort, forces, other):
    pairs = [*(("force", slug) for slug in forces), *other, ("sort", sort)]
    joined = rows(pairs, finding_rows())
    # Filtered before the force filter runs: the general condition on every row.
    general = rows(pairs, finding_rows().filter(pk__isnull=False))
    assert joined == general


def test_the_force_filter_joins_only_the_chosen_forces_statuses(world):
    filterset = FindingFilter(QueryDict("force=avon&force=kent"), queryset=finding_rows())
    assert filterset.is_valid()
    sql = str(filterset.qs.query)
    assert f'AND (current."force_id" IN ({world.avon.pk}, {world.kent.pk})))' in sql
    # The rows: Avon's and Kent's statuses, their good practice, no row for Kent's status of
    # Wiltshire's spotlight, none without status for the finding with Kent's status only.
    labels = {(pk, slug) for pk, _, _, _, _, _, _, slug, _ in filterset.qs.values_list(*COLUMNS)}
    assert (world.odd.pk, "kent") in labels
    assert (world.spot_rec.pk, "kent") in labels
    assert not {label for label in labels if label[0] == world.spot_gp.pk}
    assert (world.odd.pk, "avon") not in labels
