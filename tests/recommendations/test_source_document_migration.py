"""The data migration that keeps only the file name of each record's source document (issue
16: a finding's page showed "../shared/seeds/…" as its source)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("inspections", "0004_bodies_sources_response_rule"),
    ("recommendations", "0012_status_not_owed"),
]
AFTER = [("recommendations", "0013_source_document_is_a_file_name")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_stored_paths_become_file_names():
    apps = migrate(BEFORE)
    Force = apps.get_model("inspections", "Force")
    OldInspection = apps.get_model("inspections", "Inspection")
    OldFinding = apps.get_model("recommendations", "Finding")
    OldResponse = apps.get_model("recommendations", "Response")
    force = Force.objects.create(
        slug="kent", name="Kent Police", local_policing_body="Kent PCC", body_kind="pcc"
    )
    report = OldInspection.objects.create(
        slug="kent-peel",
        title="PEEL: Kent",
        kind="peel_force",
        force=force,
        source_document="../shared/seeds/000_7ef010a0f97d3f66.txt",
    )
    finding = OldFinding.objects.create(
        inspection=report,
        position=1,
        kind="afi",
        text="Improve.",
        source_document="/work/main/uploads/kent-peel.pdf",
    )
    kept = OldFinding.objects.create(
        inspection=report, position=2, kind="afi", text="Also.", source_document="kent.pdf"
    )
    response = OldResponse.objects.create(
        inspection=report, force=force, source_document="C:\\Reports\\kent-response.docx"
    )

    try:
        # The models as they were just after the migration (later ones add columns).
        after = migrate(AFTER)
        Inspection = after.get_model("inspections", "Inspection")
        Finding = after.get_model("recommendations", "Finding")
        Response = after.get_model("recommendations", "Response")

        assert Inspection.objects.get(pk=report.pk).source_document == "000_7ef010a0f97d3f66.txt"
        assert Finding.objects.get(pk=finding.pk).source_document == "kent-peel.pdf"
        assert Finding.objects.get(pk=kept.pk).source_document == "kent.pdf"
        assert Response.objects.get(pk=response.pk).source_document == "kent-response.docx"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
