"""Every admin form takes a web address typed without a scheme as https:// (one field class,
peel_tracker.url_fields): found from the admin's registry, so a new admin or inline cannot
fall back to Django 5's http://."""

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory

from peel_tracker.url_fields import HttpsURLField

pytestmark = pytest.mark.django_db


def test_an_address_without_a_scheme_is_taken_as_https():
    assert HttpsURLField().clean("www.justiceinspectorates.gov.uk/hmicfrs/") == (
        "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    )
    assert HttpsURLField().clean("http://example.org/") == "http://example.org/"


def _url_fields(form_class) -> dict[str, forms.Field]:
    return {
        name: field
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.URLField)
    }


def test_every_admin_form_and_inline_takes_https(administrator):
    request = RequestFactory().get("/admin/")
    request.user = administrator
    checked = []
    for model, model_admin in admin.site._registry.items():
        form_classes = [model_admin.get_form(request)]
        form_classes += [
            inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)
        ]
        for form_class in form_classes:
            for name, field in _url_fields(form_class).items():
                assert field.assume_scheme == "https", (model.__name__, form_class, name)
                checked.append((model.__name__, name))
    # The reference data's and the records' addresses are among them.
    names = {model for model, _ in checked}
    assert {"Force", "Framework", "Area", "NationalBody", "Inspection", "Response"} <= names
