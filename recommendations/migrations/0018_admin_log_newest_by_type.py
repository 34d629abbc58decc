"""An index on the admin's log by content type and id: the record's version reads the newest
entry of each content type but a status's (recommendations.freshness), one step down this
index each. On a table of Django's admin, so created by SQL (the same on SQLite and
PostgreSQL); `IF NOT EXISTS` makes it safe to run on a database restored with it."""

from django.db import migrations

INDEX = "peel_admin_log_type_newest"


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("recommendations", "0017_saved_views_and_watches"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON django_admin_log (content_type_id, id)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
