"""No lost updates: optimistic locking for admin edits.

Each guarded model has a `version` that every save raises by one. The edit form carries the
version the editor loaded; if the row's version has moved on by the time they save, the save is
refused and they are told who changed what (from the change history), so nothing is silently
overwritten."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone


class ConcurrentEditError(Exception):
    """Someone else saved the row after the editor loaded it."""


def _value(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _label(instance: models.Model, field: str) -> str:
    try:
        return str(instance._meta.get_field(field).verbose_name)
    except Exception:  # a many-to-many history field, named as the relation
        return field.replace("_", " ")


def describe_changes(instance: models.Model, loaded_version: int | None) -> str:
    """Say who saved the row since `loaded_version` and which fields they changed, using the
    row's change history (django-simple-history) where it has one."""
    label = instance._meta.verbose_name
    history = getattr(instance, "history", None)
    newest = history.order_by("-history_date", "-history_id").first() if history else None
    loaded = history.filter(version=loaded_version).first() if history and loaded_version else None
    if newest is None:
        return (
            f"Someone else saved this {label} after you opened it. Nothing you entered was "
            "saved: reload the page to see their version, then make your change again."
        )
    who = newest.history_user.get_username() if newest.history_user else "Someone else"
    when = timezone.localtime(newest.history_date).strftime("%-d %B %Y at %H:%M")
    changes = ""
    if loaded is not None:
        delta = newest.diff_against(loaded)
        parts = [
            f"{_label(instance, c.field)}: “{_value(c.old)}” → “{_value(c.new)}”"
            for c in delta.changes
            if c.field != "version"
        ]
        if parts:
            changes = " They changed " + "; ".join(parts) + "."
    return (
        f"{who} saved this {label} on {when}, after you opened it.{changes} Nothing you entered "
        "was saved: reload the page to see their version, then make your change again."
    )


def lock_and_bump(instance: models.Model, loaded_version: int | None) -> None:
    """Inside the saving transaction: lock the row, refuse if its version is not the one the
    editor loaded, else raise the version the save will write."""
    current = (
        type(instance)
        ._default_manager.select_for_update()
        .filter(pk=instance.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is None or current != loaded_version:
        raise ConcurrentEditError(describe_changes(instance, loaded_version))
    instance.version = current + 1


class VersionedModelForm(forms.ModelForm):
    """A model form that carries the version the editor loaded and refuses to save over a
    newer one."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            current = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if loaded != current:
                raise ValidationError(self.stale_message(loaded))
        return cleaned

    def stale_message(self, loaded_version: int | None) -> str:
        """What to tell an editor whose form is stale: who changed what since they loaded it."""
        return describe_changes(self.instance, loaded_version)


class LostRaceAdminMixin:
    """For ModelAdmins whose save checks the version again under the row lock: a save that
    lost the race after its form was validated is refused with what changed, and the page is
    shown again (the admin's transaction has rolled back, so nothing was written)."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect(request.get_full_path())


class OptimisticLockAdminMixin(LostRaceAdminMixin):
    """For ModelAdmins of models with a `version` field (their form must be a
    VersionedModelForm): the version is checked when the form is validated and again, under a
    row lock, when it is saved."""

    form = VersionedModelForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editing = obj is not None and self.has_change_permission(request, obj)
        result = []
        for index, (name, options) in enumerate(fieldsets):
            fields = [f for f in options["fields"] if f != "loaded_version"]
            if editing and index == 0:
                fields.append("loaded_version")
            result.append((name, {**options, "fields": fields}))
        return result

    def save_model(self, request, obj, form, change) -> None:
        if change:
            lock_and_bump(obj, form.cleaned_data.get("loaded_version"))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        # Rows of a versioned inline (VersionedInlineMixin) are saved as their own pages are:
        # checked under the row lock and their version raised, so a row changed elsewhere
        # since the page was opened is never written back over.
        if "loaded_version" in formset.form.base_fields:
            for row in formset.forms:
                if row.instance.pk and row.has_changed() and not formset._should_delete_form(row):
                    lock_and_bump(row.instance, row.cleaned_data.get("loaded_version"))
        super().save_formset(request, form, formset, change)


class VersionedInlineMixin:
    """For inlines of models with a `version` field, on a page whose admin uses
    OptimisticLockAdminMixin: each row carries the version the editor loaded (hidden) and is
    refused, with who changed what, if it was saved elsewhere since; otherwise saving the page
    would silently write the old row back."""

    form = VersionedModelForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "loaded_version" in fields else [*fields, "loaded_version"]
