"""Fields and filters that refuse what cannot be an id, a slug or an area before any query."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django_filters import CharFilter, ModelChoiceFilter, ModelMultipleChoiceFilter
from django_filters.fields import ModelChoiceField, ModelMultipleChoiceField

from inspections.models import Area
from peel_tracker.date_ranges import DateRangeForm

SLUG_MAX_LENGTH = 120
# A database id: ASCII digits only (str.isdigit() accepts "²"), within a 64-bit integer.
ID_RE = re.compile(r"^[0-9]{1,18}$")


def _truncated(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _check_slugs(values, message: str) -> None:
    """Refuse anything that cannot be a slug before it reaches the database (PostgreSQL
    rejects NUL characters with an error rather than finding nothing)."""
    for value in values:
        if not isinstance(value, str) or len(value) > SLUG_MAX_LENGTH or not slug_re.match(value):
            raise ValidationError(message, params={"value": _truncated(value)})


class SlugModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            _check_slugs([value], self.error_messages["invalid_choice"])
        return super().to_python(value)


class SlugModelMultipleChoiceField(ModelMultipleChoiceField):
    def _check_values(self, value):
        _check_slugs(value, self.error_messages["invalid_choice"])
        return super()._check_values(value)


class IdModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not ID_RE.match(str(value)):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": _truncated(value)},
            )
        return super().to_python(value)


class IdModelChoiceFilter(ModelChoiceFilter):
    field_class = IdModelChoiceField


class SlugModelChoiceFilter(ModelChoiceFilter):
    field_class = SlugModelChoiceField


class SlugModelMultipleChoiceFilter(ModelMultipleChoiceFilter):
    field_class = SlugModelMultipleChoiceField


class AreaField(forms.CharField):
    """An area's id, or a name (case-insensitive) matching that area in every framework
    ("Legitimacy" is a pillar in several eras). Cleans to the list of matching areas."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if ID_RE.match(value):
            areas = list(Area.objects.select_related("framework").filter(pk=int(value)))
        else:
            areas = list(Area.objects.select_related("framework").filter(name__iexact=value))
        if not areas:
            raise ValidationError(
                "There is no area with the id or name “%(value)s”.",
                code="invalid_choice",
                params={"value": _truncated(value)},
            )
        return areas


class AreaFilter(CharFilter):
    field_class = AreaField


class PublishedRangeForm(DateRangeForm):
    """The form of a list filtered by the report's publication date (the findings list, the
    tracker): "Published on or before" may not come before "Published on or after"."""

    date_ranges = (("published_after", "published_before"),)
