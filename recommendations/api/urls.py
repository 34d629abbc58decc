"""/api/: the endpoints (v1), the OpenAPI schema and its documentation page."""

from django.contrib.auth.decorators import login_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from recommendations.api import saved_views, views

app_name = "api"


class SchemaView(SpectacularAPIView):
    http_method_names = ["get", "head", "options"]


class DocsView(views.ApiDocs):
    http_method_names = ["get", "head", "options"]


urlpatterns = [
    path("v1/findings/", views.FindingList.as_view(), name="findings"),
    path("v1/findings/export.csv", views.FindingExport.as_view(), name="findings_export"),
    path("v1/findings/<int:pk>/history/", views.FindingHistory.as_view(), name="finding_history"),
    path("v1/reports/", views.ReportList.as_view(), name="reports"),
    path("v1/responses/", views.ResponseList.as_view(), name="responses"),
    path("v1/forces/", views.ForceList.as_view(), name="forces"),
    path("v1/views/<int:pk>/", saved_views.SavedViewRows.as_view(), name="saved_view"),
    path("schema/", SchemaView.as_view(), name="schema"),
    # A page for people: signing in first, as every page (the schema itself also takes a token).
    path("docs/", login_required(DocsView.as_view()), name="docs"),
]
