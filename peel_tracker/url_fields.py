"""Web addresses typed without a scheme are taken as https:// on every admin form: Django 6's
default, said now so that Django 5 neither assumes http:// nor warns for each form with a URL
field. One field class, used by the forms that name their fields and, through the mixin, by
the admin's generated forms."""

from django import forms
from django.db import models


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class HttpsUrlsMixin:
    """For ModelAdmins and inlines: their URL fields are HttpsURLFields."""

    formfield_overrides = {models.URLField: {"form_class": HttpsURLField}}
