"""On PostgreSQL, the database itself keeps the records that are evidence:
- the change-history tables (django-simple-history) refuse UPDATE and DELETE;
- a published response's publication record (published, and its date once known) cannot be
  withdrawn, re-dated or deleted.
The application enforces the same rules on every database (admin permissions, model
validation, the append-only StatusChange); these triggers also stop raw SQL and other clients.
"""

from django.db import migrations

HISTORY_TABLES = [
    "inspections_historicalinspection",
    "inspections_historicalinspection_applies_to",
    "inspections_historicaljudgment",
    "recommendations_historicalfinding",
    "recommendations_historicalfinding_themes",
    "recommendations_historicalfindingexplanation",
    "recommendations_historicalresponse",
]

CREATE = """
CREATE FUNCTION peel_refuse_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'History is permanent: %% on %% is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION recommendations_response_keep_publication() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.is_published THEN
            RAISE EXCEPTION 'Publication record is permanent: a published response cannot be deleted'
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.is_published AND (
        NOT NEW.is_published
        OR (OLD.published_on IS NOT NULL AND NEW.published_on IS DISTINCT FROM OLD.published_on)
    ) THEN
        RAISE EXCEPTION 'Publication record is permanent: a published response cannot be withdrawn or re-dated'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER recommendations_response_publication_permanent
    BEFORE UPDATE OR DELETE ON recommendations_response
    FOR EACH ROW EXECUTE FUNCTION recommendations_response_keep_publication();
"""

DROP = """
DROP TRIGGER IF EXISTS recommendations_response_publication_permanent ON recommendations_response;
DROP FUNCTION IF EXISTS recommendations_response_keep_publication();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    for table in HISTORY_TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION peel_refuse_history_change()"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in HISTORY_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS peel_refuse_history_change()")
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0005_change_history"),
        ("inspections", "0003_change_history"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
