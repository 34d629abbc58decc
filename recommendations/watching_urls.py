from django.urls import path

from recommendations.views import watching

app_name = "watching"

urlpatterns = [
    path("watching/", watching.watching_list, name="list"),
    path("findings/<int:pk>/watch/", watching.finding_watch, name="finding_watch"),
    path("findings/<int:pk>/unwatch/", watching.finding_unwatch, name="finding_unwatch"),
    path("views/<int:pk>/watch/", watching.view_watch, name="view_watch"),
    path("views/<int:pk>/unwatch/", watching.view_unwatch, name="view_unwatch"),
]
