from django.urls import path

from recommendations import saved_view_views as views

app_name = "saved_views"

urlpatterns = [
    path("views/", views.saved_view_list, name="list"),
    path("views/new/<str:page>/", views.saved_view_new, name="new"),
    path("views/<int:pk>/", views.saved_view_open, name="open"),
    path("views/<int:pk>/change/", views.saved_view_change, name="change"),
    path("views/<int:pk>/delete/", views.saved_view_delete, name="delete"),
    path("views/<int:pk>/export.csv", views.saved_view_export, {"fmt": "csv"}, name="export_csv"),
    path(
        "views/<int:pk>/export.xlsx",
        views.saved_view_export,
        {"fmt": "xlsx"},
        name="export_xlsx",
    ),
]
