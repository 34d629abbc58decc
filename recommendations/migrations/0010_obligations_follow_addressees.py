"""Bring the existing record under the rules of obligation (recommendations.obligations) and of
the deadline (inspections.deadlines):

1. national bodies: the reference list (fixtures/national_bodies.json) is loaded if absent, so
   the addressees below can be read;
2. every finding's addressees as worded are read into structured addressees;
3. a force status on a finding not addressed to that force is removed when its history is only
   the automatic opening entry (a product artefact, not evidence). A row on which a person has
   recorded progress is kept and listed, so nobody's evidence is lost: correct its finding's
   addressees by hand;
4. each national body a finding is addressed to gets its own status row, opened like a force's;
5. every response's regime, deadline window and owing body are recomputed.
The new change-history tables get the same append-only trigger as the others on PostgreSQL.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils import timezone

from inspections.deadlines import response_deadline
from recommendations.obligations import addressing_from_words, forces_owing

OPENING_NOTE = "New finding: awaiting review (set on publication of the report)."
BODIES_FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "national_bodies.json"
NEW_HISTORY_TABLES = [
    "recommendations_historicalfinding_named_forces",
    "recommendations_historicalfinding_national_bodies",
]
TRACKABLE = ("cause_of_concern", "recommendation", "afi")


def load_national_bodies(NationalBody) -> None:
    if NationalBody.objects.exists() or not BODIES_FIXTURE.exists():
        return
    for row in json.loads(BODIES_FIXTURE.read_text(encoding="utf-8")):
        fields = row["fields"]
        NationalBody.objects.create(
            slug=fields["slug"],
            name=fields["name"],
            aliases=fields.get("aliases", []),
            source_url=fields.get("source_url", ""),
        )


def remove_statuses(schema_editor, StatusChange, FindingStatus, ids: list[int]) -> None:
    """Delete status rows (and their automatic opening entry) that no obligation supports.
    On PostgreSQL the history trigger is lifted for this statement only."""
    if not ids:
        return
    postgres = schema_editor.connection.vendor == "postgresql"
    table = "recommendations_statuschange"
    trigger = "recommendations_statuschange_append_only"
    if postgres:
        # ALTER TABLE refuses to run while deferred foreign-key checks of this transaction are
        # pending: run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # The queryset refuses deletes (history is permanent): go through the raw delete.
        StatusChange.objects.filter(finding_status_id__in=chunk)._raw_delete(
            schema_editor.connection.alias
        )
        FindingStatus.objects.filter(pk__in=chunk).delete()
    if postgres:
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def grant_roles(apps) -> None:
    """Every role reads the new reference tables; administrators manage them (as for forces)."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("inspections")
    app_config.models_module = getattr(app_config, "models_module", None) or True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    models = ["policingbody", "nationalbody"]
    everything = Permission.objects.filter(
        content_type__app_label="inspections", content_type__model__in=models
    )
    for group in Group.objects.filter(name__in=["opcc_editor", "analyst", "administrator"]):
        wanted = everything if group.name == "administrator" else everything.filter(
            codename__startswith="view_"
        )
        group.permissions.add(*wanted)


def forwards(apps, schema_editor):
    grant_roles(apps)
    NationalBody = apps.get_model("inspections", "NationalBody")
    PolicingBody = apps.get_model("inspections", "PolicingBody")
    Finding = apps.get_model("recommendations", "Finding")
    FindingStatus = apps.get_model("recommendations", "FindingStatus")
    StatusChange = apps.get_model("recommendations", "StatusChange")
    Response = apps.get_model("recommendations", "Response")
    Inspection = apps.get_model("inspections", "Inspection")

    load_national_bodies(NationalBody)
    bodies = list(NationalBody.objects.all())

    report_forces = {}
    for inspection in Inspection.objects.all():
        ids = [inspection.force_id] if inspection.force_id else []
        if not ids:
            ids = list(inspection.applies_to.values_list("pk", flat=True))
        report_forces[inspection.pk] = ids

    unowed, kept = [], []
    now = timezone.now()
    for finding in Finding.objects.all().iterator():
        addressing = addressing_from_words(finding.addressees or [], national_bodies=bodies)
        finding.owed_by_forces = addressing.owed_by_forces
        finding.is_for_policing_bodies = addressing.is_for_policing_bodies
        finding.save(update_fields=["owed_by_forces", "is_for_policing_bodies"])
        finding.national_bodies.set([body.pk for body in addressing.national_bodies])
        if finding.kind not in TRACKABLE:
            continue
        owing = forces_owing(
            owed_by_forces=addressing.owed_by_forces,
            is_for_policing_bodies=addressing.is_for_policing_bodies,
            report_force_ids=report_forces[finding.inspection_id],
        )
        for row in FindingStatus.objects.filter(finding=finding, force__isnull=False):
            if row.force_id in owing:
                continue
            entries = list(StatusChange.objects.filter(finding_status=row))
            automatic = len(entries) == 1 and entries[0].recorded_by_id is None
            (unowed if automatic else kept).append(row.pk)
        for body in addressing.national_bodies:
            row, created = FindingStatus.objects.get_or_create(
                finding=finding,
                national_body=body,
                defaults={
                    "status": "awaiting_review",
                    "last_note": OPENING_NOTE,
                    "updated_at": now,
                },
            )
            if created:
                StatusChange.objects.create(
                    finding_status=row,
                    status="awaiting_review",
                    note=OPENING_NOTE,
                    source_kind="report",
                    recorded_at=now,
                )
    remove_statuses(schema_editor, StatusChange, FindingStatus, unowed)
    if kept:
        print(
            f"\n  {len(kept)} force statuses on findings not addressed to that force were kept "
            f"because people recorded progress on them (FindingStatus ids {kept[:20]}…): "
            "correct their findings' addressees in the admin."
        )

    for response in Response.objects.select_related("inspection").iterator():
        inspection = response.inspection
        deadline = response_deadline(
            inspection.published_on, inspection.published_precision, inspection.response_rule
        )
        response.regime = deadline.regime
        response.due_earliest_on = deadline.earliest_on
        response.due_on = deadline.latest_on
        body = None
        if inspection.published_on:
            # In office that day: an open start or end covers every day (as in_office_on()).
            body = (
                PolicingBody.objects.filter(force_id=response.force_id)
                .exclude(starts_on__gt=inspection.published_on)
                .exclude(ends_on__lt=inspection.published_on)
                .first()
            )
        response.policing_body = body
        # Only the derived copies change; the publication trigger allows that.
        response.save(update_fields=["regime", "due_earliest_on", "due_on", "policing_body"])

    if schema_editor.connection.vendor == "postgresql":
        for table in NEW_HISTORY_TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION peel_refuse_history_change()"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in NEW_HISTORY_TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("inspections", "0004_bodies_sources_response_rule"),
        ("recommendations", "0009_addressees_bodies_regime_provenance"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
