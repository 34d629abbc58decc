"""/api/v1/views/{id}/: a saved view's rows, for Power BI and Excel to refresh from. The rows
are those of /api/v1/findings/ or /api/v1/responses/ (as the view is of the findings list or
the tracker) for the view's stored query string; the address stays when the view is renamed or
re-shared. A token reads a view only if its user may open it (SavedView.objects.visible_to):
anyone else gets 404, as on the pages."""

from django.http import QueryDict
from django.utils import timezone
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound, ValidationError

from recommendations import selectors
from recommendations.api.filtering import PageFilterBackend
from recommendations.api.serializers import FindingRowSerializer, ResponseRowSerializer
from recommendations.api.views import ReadOnlyListView
from recommendations.models import SavedView

# What a view's address takes from the caller: the rest of its query is the view's own.
OWN_PARAMETERS = {"cursor", "page_size", "format"}

ROWS = PolymorphicProxySerializer(
    component_name="SavedViewRow",
    serializers=[FindingRowSerializer, ResponseRowSerializer],
    resource_type_field_name=None,
)


@extend_schema_view(
    get=extend_schema(
        summary="A saved view's rows",
        description="The rows of a saved view: those of /api/v1/findings/ (a view of the "
        "findings list) or of /api/v1/responses/ (a view of the tracker) for the query string "
        "the view stores, in the same order, with the same fields. Takes only `cursor`, "
        "`page_size` and `format`: the filters are the view's. 404 if there is no such view or "
        "the token's user may not open it.",
        responses=ROWS,
    )
)
class SavedViewRows(ReadOnlyListView):
    filter_backends = [PageFilterBackend]
    # Read by MayOpenThePage; set from the view's page once the user is known (initial()).
    page_permission = selectors.PAGE_PERMISSIONS[SavedView.Page.FINDINGS]
    saved_view: SavedView | None = None

    def initial(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        # Signed in (by token or session) first, so an anonymous caller gets 401, not 404.
        self.perform_authentication(request)
        if request.user and request.user.is_authenticated:
            self.saved_view = selectors.saved_view_visible(pk=self.kwargs["pk"], user=request.user)
            if self.saved_view is None:
                raise NotFound("No saved view here.")
            self.page_permission = selectors.PAGE_PERMISSIONS[self.saved_view.page]
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - OWN_PARAMETERS)
        if unknown:
            raise ValidationError(
                {
                    name: [
                        "A saved view's address takes only cursor, page_size and format: its "
                        "filters are the view's. Open the view on its page, change the filters "
                        "and save a new view, or use /api/v1/findings/ or /api/v1/responses/."
                    ]
                    for name in unknown
                }
            )

    def _is_tracker(self) -> bool:
        return self.saved_view is not None and self.saved_view.page == SavedView.Page.TRACKER

    def get_serializer_class(self):
        return ResponseRowSerializer if self._is_tracker() else FindingRowSerializer

    def get_queryset(self):
        if self._is_tracker():
            return selectors.tracker_queryset(self.today)
        return selectors.finding_rows()

    def page_filterset(self, params: QueryDict):
        # The view's stored query string, not the caller's (which names only the page).
        stored = QueryDict(self.saved_view.query if self.saved_view else "")
        page = self.saved_view.page if self.saved_view else SavedView.Page.FINDINGS
        return selectors.page_filterset(page=page, params=stored, today=self.today)

    def paginate_queryset(self, queryset):
        rows = super().paginate_queryset(queryset)
        if not self._is_tracker():
            # The page's themes: one query for the whole page (as /api/v1/findings/).
            themes = selectors.finding_theme_lists({row.pk for row in rows})
            for row in rows:
                row.theme_list = themes.get(row.pk, [])
        return rows

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "today": getattr(self, "today", None)}
