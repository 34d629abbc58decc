from django.urls import path

from recommendations import tracker_views

app_name = "tracker"

urlpatterns = [
    path("tracker/", tracker_views.tracker_list, name="list"),
    path("tracker/export.csv", tracker_views.tracker_export_csv, name="export_csv"),
    path("tracker/export.xlsx", tracker_views.tracker_export_xlsx, name="export_xlsx"),
]
