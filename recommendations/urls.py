from django.urls import path

from recommendations import views

app_name = "recommendations"

urlpatterns = [
    path("findings/", views.finding_list, name="list"),
    path("findings/reports/", views.finding_list_report_choices, name="report_choices"),
    path("findings/export.csv", views.finding_export_csv, name="export_csv"),
    path("findings/export.xlsx", views.finding_export_xlsx, name="export_xlsx"),
    path("findings/<int:pk>/", views.finding_detail, name="detail"),
]
