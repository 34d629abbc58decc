"""The data migration that brings an existing record under "obligations follow addressees":
every force status on a finding not addressed to that force goes (when it is only the automatic
opening entry), national bodies get their own rows, and responses get their regime and body."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from recommendations.models import FindingStatus, Response, StatusChange

BEFORE = [
    ("inspections", "0003_change_history"),
    ("recommendations", "0008_findings_sorted_by_status_date"),
]
AFTER = [("recommendations", "0010_obligations_follow_addressees")]
NOTE = "New finding: awaiting review (set on publication of the report)."


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migrated_record_owes_only_what_the_addressees_say():
    apps = migrate(BEFORE)
    Force = apps.get_model("inspections", "Force")
    Inspection = apps.get_model("inspections", "Inspection")
    Finding = apps.get_model("recommendations", "Finding")
    OldStatus = apps.get_model("recommendations", "FindingStatus")
    OldChange = apps.get_model("recommendations", "StatusChange")
    OldResponse = apps.get_model("recommendations", "Response")
    forces = [
        Force.objects.create(
            slug=f"force-{n}", name=f"Force {n}", local_policing_body=f"PCC {n}", body_kind="pcc"
        )
        for n in range(3)
    ]
    report = Inspection.objects.create(
        slug="thematic",
        title="A thematic report",
        kind="thematic",
        published_on=datetime.date(2016, 6, 1),
    )
    report.applies_to.set(forces)
    to_home_office = Finding.objects.create(
        inspection=report,
        position=1,
        kind="recommendation",
        text="Amend the code.",
        addressees=["the Home Office"],
    )
    to_forces = Finding.objects.create(
        inspection=report,
        position=2,
        kind="recommendation",
        text="Train officers.",
        addressees=["chief constables"],
    )
    for finding in (to_home_office, to_forces):
        for force in forces:
            row = OldStatus.objects.create(
                finding=finding, force=force, status="awaiting_review", last_note=NOTE
            )
            OldChange.objects.create(finding_status=row, status="awaiting_review", note=NOTE)
    # Someone recorded progress on one wrongly fanned-out row: that evidence is kept.
    kept = OldStatus.objects.get(finding=to_home_office, force=forces[0])
    OldChange.objects.create(finding_status=kept, status="being_progressed", note="Asked.")
    for force in forces:
        OldResponse.objects.create(inspection=report, force=force)

    try:
        migrate(AFTER)

        home_office_rows = FindingStatus.objects.filter(finding_id=to_home_office.pk)
        assert list(home_office_rows.filter(force__isnull=False).values_list("pk", flat=True)) == [
            kept.pk
        ]
        # Only the columns of that time are read (a national body's version came later).
        body = home_office_rows.filter(national_body__isnull=False)
        assert body.values_list("national_body__slug", flat=True).get() == "home-office"
        assert FindingStatus.objects.filter(finding_id=to_forces.pk).count() == 3
        assert StatusChange.objects.filter(finding_status=kept.pk).count() == 2
        response = Response.objects.filter(inspection_id=report.pk).first()
        # Published in June 2016: before s.55(5A), no statutory deadline.
        assert (response.regime, response.due_on) == ("no_statutory_deadline", None)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
