"""System checks about the deployment of the record."""

from django.core.checks import Tags, Warning, register
from django.db import connections

from recommendations.database_role import history_privileges_held


@register(Tags.database, deploy=True)
def history_is_out_of_the_applications_reach(app_configs, databases=None, **kwargs):
    """`check --deploy --database default`: on PostgreSQL, warn when the application connects as
    a role that could change history (the tables' owner, a superuser): the triggers hold
    against the application's own code, but such a role can truncate a history table or
    disable its triggers."""
    if not databases or "default" not in databases:
        return []
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        user, is_superuser = cursor.fetchone()
    problems = ["it is a superuser"] if is_superuser else history_privileges_held(user)
    if not problems:
        return []
    return [
        Warning(
            f"The application connects to PostgreSQL as “{user}”, which can change history: "
            + "; ".join(problems[:3])
            + ("…" if len(problems) > 3 else "")
            + ".",
            hint="Connect as a role of its own, named in DJANGO_DB_APP_ROLE when migrate runs "
            "as the owner (docs/deploy.md, 'The database roles').",
            id="peel_tracker.W001",
        )
    ]
