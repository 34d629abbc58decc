"""The tracker's exports count what each force owes once for all their rows
(obligations.owed_counts) while its page counts per row in SQL (with_finding_counts): random
reports (hypothesis) with every way of addressing a finding show the two agree, and agree with
forces_owing(), the rule that opens the status rows."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations.models import Finding, ForceScope, Response
from recommendations.obligations import forces_owing, owed_counts
from recommendations.selectors import tracker_queryset
from recommendations.services import inspection_open_tracking
from recommendations.tracker import EXPORT_COLUMNS, export_rows
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
)

pytestmark = pytest.mark.django_db

FORCES = 3
TODAY = datetime.date(2024, 6, 1)
HEADERS = [column.header for column in EXPORT_COLUMNS]
OWED, EXPLAINED, AFIS = (
    HEADERS.index(header)
    for header in ("Recommendations owed", "Recommendations explained", "AFIs")
)

findings = st.lists(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(Finding.Kind.values),
            "owed_by_forces": st.sampled_from(ForceScope.values),
            "is_for_policing_bodies": st.booleans(),
            "named": st.sets(st.integers(0, FORCES - 1)),
            # Which forces' responses explain it (an explanation of a finding the force does
            # not owe, or of an AFI, is not counted as a recommendation explained).
            "explained_by": st.sets(st.integers(0, FORCES - 1)),
        }
    ),
    max_size=8,
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(findings)
def test_the_exports_counts_equal_the_pages_and_the_rule(specs):
    forces = ForceFactory.create_batch(FORCES)
    report = InspectionFactory(national=True, kind="thematic", published_on=TODAY)
    report.applies_to.set(forces)
    made = []
    for spec in specs:
        finding = FindingFactory(
            inspection=report,
            kind=spec["kind"],
            area=None,
            owed_by_forces=spec["owed_by_forces"],
            is_for_policing_bodies=spec["is_for_policing_bodies"],
        )
        finding.named_forces.set([forces[i] for i in spec["named"]])
        made.append((finding, spec))
    inspection_open_tracking(inspection=report)
    responses = {r.force_id: r for r in Response.objects.filter(inspection=report)}
    assert set(responses) == {force.pk for force in forces}
    for finding, spec in made:
        for i in spec["explained_by"]:
            FindingExplanationFactory(response=responses[forces[i].pk], finding=finding)

    expected = {}
    for force in forces:
        owing = [
            (finding, spec)
            for finding, spec in made
            if force.pk
            in forces_owing(
                owed_by_forces=spec["owed_by_forces"],
                is_for_policing_bodies=spec["is_for_policing_bodies"],
                report_force_ids=[f.pk for f in forces],
                named_force_ids=[forces[i].pk for i in spec["named"]],
            )
        ]
        recommendations = [(f, s) for f, s in owing if f.kind == Finding.Kind.RECOMMENDATION]
        explained = [s for f, s in recommendations if forces.index(force) in s["explained_by"]]
        expected[force.name] = (
            len(recommendations),
            len(explained),
            sum(f.kind == Finding.Kind.AFI for f, s in owing),
        )

    rows = tracker_queryset(TODAY).filter(inspection=report)
    page = {
        r.force.name: (r.recommendations_owed, r.recommendations_explained, r.afi_count)
        for r in rows
    }
    export = {row[0]: (row[OWED], row[EXPLAINED], row[AFIS]) for row in export_rows(rows, TODAY)}
    assert page == expected
    assert export == expected


def test_owed_counts_reads_only_the_reports_given():
    force = ForceFactory()
    wanted, other = InspectionFactory.create_batch(2, force=force)
    FindingFactory(inspection=wanted, recommendation=True)
    FindingFactory.create_batch(2, inspection=other)

    counts = owed_counts([wanted.pk])

    assert counts.owed(wanted.pk, force.pk) == (1, 0)
    assert counts.owed(other.pk, force.pk) == (0, 0)
