from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class RecommendationsConfig(AppConfig):
    name = "recommendations"

    def ready(self) -> None:
        from recommendations import checks  # noqa: F401  (registers the system checks)
        from recommendations.database_role import grant_application_role
        from recommendations.history_guard import ensure_sqlite_triggers, register_history_lock

        connection_created.connect(register_history_lock, dispatch_uid="peel_history_lock")
        # After every migrate, whichever tables it remade (see history_guard).
        post_migrate.connect(ensure_sqlite_triggers, sender=self, dispatch_uid="peel_triggers")
        post_migrate.connect(grant_application_role, sender=self, dispatch_uid="peel_app_role")
