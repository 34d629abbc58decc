from django.apps import AppConfig
from django.db.backends.signals import connection_created


class RecommendationsConfig(AppConfig):
    name = "recommendations"

    def ready(self) -> None:
        from recommendations.history_guard import register_history_lock

        connection_created.connect(register_history_lock, dispatch_uid="peel_history_lock")
