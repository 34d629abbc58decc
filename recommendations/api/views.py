"""The API's endpoints. Each reads through the selectors the pages call and asks the
permission the page asks; the lists take the page's query string (same filters, same sort,
same rows). Read-only: GET, HEAD and OPTIONS; anything else is 405."""

from django.http import Http404, QueryDict
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers as drf_serializers
from rest_framework.generics import ListAPIView
from rest_framework.renderers import JSONRenderer

from inspections import selectors as inspection_selectors
from peel_tracker.exports import csv_response
from recommendations import selectors
from recommendations.api import schema  # noqa: F401 - registers the token's security scheme
from recommendations.api.filtering import PageFilterBackend
from recommendations.api.pagination import KeysetCursorPagination
from recommendations.api.permissions import MayOpenThePage
from recommendations.api.renderers import CSVRenderer
from recommendations.api.serializers import (
    FindingRowSerializer,
    ForceSerializer,
    ReportSerializer,
    ResponseRowSerializer,
    StatusHistoryEntrySerializer,
)
from recommendations.api.whole_csv import finding_csv_columns, finding_csv_rows
from recommendations.filters import FindingFilter
from recommendations.tracker_filters import ResponseTrackerFilter
from recommendations.views.exports import finding_link_maker


def csv_columns(serializer: drf_serializers.Serializer, prefix: str = "") -> list[str]:
    """The CSV's header: the serializer's fields in order, nested objects' fields dotted."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, drf_serializers.Serializer):
            columns += csv_columns(field, f"{prefix}{name}.")
        else:
            columns.append(f"{prefix}{name}")
    return columns


class ReadOnlyListView(ListAPIView):
    """A list endpoint: JSON or CSV (`?format=csv`), cursor-paginated, read-only."""

    http_method_names = ["get", "head", "options"]
    permission_classes = [MayOpenThePage]
    pagination_class = KeysetCursorPagination
    renderer_classes = [JSONRenderer, CSVRenderer]
    page_permission: str

    def get_renderer_context(self) -> dict:
        context = super().get_renderer_context()
        context["csv_header"] = csv_columns(self.get_serializer_class()())
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors (400 for refused parameters, 401, 429 …) are JSON whatever format was asked:
        # a CSV of an error message would be read as data.
        if response.status_code >= 400 and isinstance(response.accepted_renderer, CSVRenderer):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response


@extend_schema_view(
    get=extend_schema(
        summary="Findings with each force's status",
        description="The rows of the findings list (/findings/): one per finding and force "
        "status, in the list's order. Takes the list's query parameters (filters and `sort`): "
        "the same query string gives the same rows as the page and its exports.",
    )
)
class FindingList(ReadOnlyListView):
    serializer_class = FindingRowSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = FindingFilter
    page_permission = "recommendations.view_finding"

    def get_queryset(self):
        return selectors.finding_rows()

    def page_filterset(self, params: QueryDict) -> FindingFilter:
        return selectors.finding_filter(params)

    def paginate_queryset(self, queryset):
        rows = super().paginate_queryset(queryset)
        # The page's themes: one query for the whole page.
        themes = selectors.finding_theme_lists({row.pk for row in rows})
        for row in rows:
            row.theme_list = themes.get(row.pk, [])
        return rows


@extend_schema_view(
    get=extend_schema(
        summary="Every finding row as one CSV file",
        description="The rows of /api/v1/findings/ for the same query parameters (filters and "
        "`sort`), all of them, in one streamed CSV with the columns of "
        "`/api/v1/findings/?format=csv`: for Power BI or Excel refreshing a whole table "
        "without following `next` page by page.",
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="CSV, UTF-8 with a byte order mark."
            )
        },
    )
)
class FindingExport(FindingList):
    pagination_class = None

    def list(self, request, *args, **kwargs):
        rows = self.filter_queryset(self.get_queryset())
        return csv_response(
            filename=f"findings-{timezone.localdate():%Y-%m-%d}.csv",
            columns=finding_csv_columns(),
            rows=finding_csv_rows(rows, finding_url=finding_link_maker(request)),
            guarded=True,
        )


@extend_schema_view(
    get=extend_schema(
        summary="A finding's status history",
        description="Every entry of the finding's status history, holder by holder (forces A "
        "to Z, then national bodies), each holder's entries newest first: as the finding's "
        "page lists them. 404 if there is no such finding.",
    )
)
class FindingHistory(ReadOnlyListView):
    serializer_class = StatusHistoryEntrySerializer
    page_permission = "recommendations.view_finding"

    def get_queryset(self):
        finding_id = self.kwargs["pk"]
        if getattr(self, "swagger_fake_view", False):  # the schema's look at the view
            return selectors.finding_history_rows(finding_id=0)
        if not selectors.finding_visible(finding_id=finding_id, user=self.request.user):
            raise Http404
        return selectors.finding_history_rows(finding_id=finding_id)


@extend_schema_view(
    get=extend_schema(
        summary="Reports with their grades",
        description="Every report, newest first (undated last), with its grades.",
    )
)
class ReportList(ReadOnlyListView):
    serializer_class = ReportSerializer
    page_permission = "inspections.view_inspection"

    def get_queryset(self):
        return inspection_selectors.reports_with_judgments()


@extend_schema_view(
    get=extend_schema(
        summary="Responses owed and their statutory state",
        description="The rows of the 56-day tracker (/tracker/): one per response owed, with "
        "its deadline, regime and state as of today, in the tracker's order. Takes the "
        "tracker's query parameters (filters and `sort`). Dates and states only: never a "
        "draft's text.",
    )
)
class ResponseList(ReadOnlyListView):
    serializer_class = ResponseRowSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = ResponseTrackerFilter
    page_permission = "recommendations.view_response"

    def initial(self, request, *args, **kwargs):
        # One "today" for the rows' states and their timing.
        self.today = timezone.localdate()
        super().initial(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.tracker_queryset(timezone.localdate())

    def page_filterset(self, params: QueryDict) -> ResponseTrackerFilter:
        return selectors.tracker_filter(params, today=self.today)

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "today": getattr(self, "today", None)}


@extend_schema_view(
    get=extend_schema(
        summary="Forces and their local policing bodies",
        description="The 43 forces, A to Z, each with its local policing bodies through time.",
    )
)
class ForceList(ReadOnlyListView):
    serializer_class = ForceSerializer
    page_permission = "inspections.view_inspection"  # the force's page asks this

    def get_queryset(self):
        return inspection_selectors.forces_with_bodies()


class ApiDocs(SpectacularSwaggerSplitView):
    """Swagger UI for the schema, every file from our own static files and its start-up script
    served as a file (the CSP allows no inline script or style)."""

    template_name = "recommendations/api_docs.html"
    url_name = "api:schema"
