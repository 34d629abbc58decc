"""Serialising a page of rows without DRF's per-value introspection.

A list endpoint turns 50–1,000 rows of some 28 fields each into dicts. DRF's
Serializer.to_representation reads each value through `fields.get_attribute`, which asks
`inspect.signature` of every value it meets whether it is a method to call: at scale 10 that
was half of the findings endpoint's time in Python (benchmarks/bench.py, "API: findings").

FastRowsMixin gives the same dicts: each field is still written by its own `to_representation`,
and a field that reads its value its own way (a related field, anything overriding
`get_attribute`) still does. Only plain fields read differently: along their source with
getattr, calling a method found there (`get_kind_display`) without asking its signature
first, and falling back to DRF's own read when anything is missing, so that errors, defaults
and nulls come out as DRF makes them. tests/api/test_representation.py compares the two."""

from collections.abc import Callable, Mapping
from functools import partial
from types import FunctionType, MethodType

from django.core.exceptions import ObjectDoesNotExist
from rest_framework import fields as drf_fields
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject


def _plain_reader(field: drf_fields.Field) -> Callable[[object], object]:
    """A reader of the field's value along `field.source_attrs`, as fields.get_attribute."""
    attrs = tuple(field.source_attrs)

    def read(instance: object) -> object:
        value = instance
        try:
            for attr in attrs:
                value = value[attr] if isinstance(value, Mapping) else getattr(value, attr)
                if isinstance(value, FunctionType | MethodType | partial):
                    value = value()
        except ObjectDoesNotExist:
            return None
        except (KeyError, AttributeError):
            # A missing value (an empty relation on the way): DRF decides what it becomes.
            return field.get_attribute(instance)
        return value

    return read


def _reader(field: drf_fields.Field) -> Callable[[object], object]:
    if type(field).get_attribute is drf_fields.Field.get_attribute:
        return _plain_reader(field)
    return field.get_attribute


class FastRowsMixin:
    """Mixed into a Serializer (before it): the same output as Serializer.to_representation,
    with each field's reader worked out once per serializer rather than once per value."""

    def to_representation(self, instance) -> dict:
        plan = self.__dict__.get("_row_plan")
        if plan is None:
            plan = self._row_plan = [(field, _reader(field)) for field in self._readable_fields]
        row = {}
        for field, read in plan:
            try:
                attribute = read(instance)
            except SkipField:
                continue
            # As DRF: None is written as None without asking the field.
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            row[field.field_name] = (
                None if check_for_none is None else field.to_representation(attribute)
            )
        return row
