"""On PostgreSQL, make the status history append-only in the database itself: a trigger refuses
UPDATE and DELETE on every row, whatever client or raw SQL tries it. (TRUNCATE, used only by test
teardown and full restores, is a separate statement the trigger does not cover.) On SQLite the
application layer (StatusChange and its queryset) enforces the rule."""

from django.db import migrations

CREATE = """
CREATE FUNCTION recommendations_statuschange_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Status history is permanent: %% on recommendations_statuschange is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER recommendations_statuschange_append_only
    BEFORE UPDATE OR DELETE ON recommendations_statuschange
    FOR EACH ROW EXECUTE FUNCTION recommendations_statuschange_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS recommendations_statuschange_append_only ON recommendations_statuschange;
DROP FUNCTION IF EXISTS recommendations_statuschange_refuse_change();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0002_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
