"""The pages' own filters in the API: the view's selector builds the page's FilterSet from the
query string (the same function the page and its exports call), so a query string selects and
orders the same rows everywhere. Invalid parameters are refused with 400 and the page's own
messages."""

import django_filters
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend


class PageFilterBackend(BaseFilterBackend):
    """Calls `view.page_filterset(query_params)` (a selector returning the page's FilterSet,
    bound to its rows) and returns its rows. The schema lists `view.filterset_class`'s filters
    as query parameters."""

    def filter_queryset(self, request, queryset, view):
        filterset = view.page_filterset(request.query_params)
        if not filterset.is_valid():
            errors = filterset.errors.items()
            raise ValidationError(
                {name: [str(message) for message in messages] for name, messages in errors}
            )
        return filterset.qs

    def get_schema_operation_parameters(self, view) -> list[dict]:
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None:
            return []
        return [_parameter(name, f) for name, f in filterset_class.base_filters.items()]


def _choices(filter_: django_filters.Filter) -> list[str]:
    choices = filter_.extra.get("choices") or []
    if callable(choices):
        return []
    return [str(value) for value, _ in choices if value not in ("", None)]


def _parameter(name: str, filter_: django_filters.Filter) -> dict:
    """An OpenAPI query parameter for a django-filter filter: its label (and help) as the
    description, its type, and its allowed values where they are fixed."""
    description = str(filter_.label or name)
    help_text = filter_.extra.get("help_text")
    if help_text:
        description += f". {help_text}"
    repeatable = isinstance(
        filter_, django_filters.MultipleChoiceFilter | django_filters.ModelMultipleChoiceFilter
    )
    if isinstance(filter_, django_filters.DateFilter):
        schema = {"type": "string", "format": "date"}
    elif isinstance(filter_, django_filters.BooleanFilter):
        schema = {"type": "boolean"}
    elif isinstance(filter_, django_filters.OrderingFilter):
        schema = {"type": "string"}
        description += (
            f": one of {', '.join(_choices(filter_))}; several, comma-separated, sort by each "
            "in turn"
        )
    else:
        values = [] if isinstance(filter_, django_filters.ModelChoiceFilter) else _choices(filter_)
        schema = {"type": "string", "enum": values} if values else {"type": "string"}
        if isinstance(
            filter_, django_filters.ModelMultipleChoiceFilter | django_filters.ModelChoiceFilter
        ):
            field = filter_.extra.get("to_field_name") or "id"
            description += f" (by {field})"
    if repeatable:
        schema = {"type": "array", "items": schema}
        description += "; repeat the parameter for several"
    return {
        "name": name,
        "required": False,
        "in": "query",
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeatable else {}),
    }
