"""No lost updates: optimistic locking for admin edits.

Each guarded model has a `version` that every save raises by one. The edit form carries the
version the editor loaded; if the row's version has moved on by the time they save, the save is
refused and they are told who changed what (from the change history), so nothing is silently
overwritten.

Django's User and Group cannot carry a version without a custom user model, so their forms
carry a fingerprint of the row instead (FingerprintedModelForm): the same check, made on a keyed
hash of each value the form writes rather than on a counter."""

import datetime
import time

from django import forms
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import get_text_list

NOTHING_SAVED = (
    "Nothing you entered was saved: reload the page to see their version, then make your "
    "change again."
)


def version_field() -> models.PositiveIntegerField:
    """The `version` column of a guarded model."""
    return models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )


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


def _newest_admin_change(instance: models.Model, since: float | None = None) -> LogEntry | None:
    """The admin's own record of the newest change to the row (its "History" page), if any,
    made after `since` (a Unix time) when given."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        action_flag=CHANGE,
    )
    if since is not None:
        entries = entries.filter(
            action_time__gte=datetime.datetime.fromtimestamp(since, tz=datetime.UTC)
        )
    return entries.select_related("user").order_by("-action_time", "-pk").first()


def _saved_by(entry: LogEntry, label: str) -> str:
    when = timezone.localtime(entry.action_time).strftime("%-d %B %Y at %H:%M")
    return f"{entry.user.get_username()} saved this {label} on {when}, after you opened it."


def describe_changes(instance: models.Model, loaded_version: int | None) -> str:
    """Say who saved the row since `loaded_version` and which fields they changed, using the
    row's change history (django-simple-history) where it has one, else the admin's log of
    changes (only the admin raises the version of a model without a change history, and it
    logs each save in the same transaction)."""
    label = instance._meta.verbose_name
    history = getattr(instance, "history", None)
    newest = history.order_by("-history_date", "-history_id").first() if history else None
    loaded = history.filter(version=loaded_version).first() if history and loaded_version else None
    if newest is None:
        entry = None if history else _newest_admin_change(instance)
        if entry is not None:
            said = entry.get_change_message()
            changes = f" {said}" if said and said != "No fields changed." else ""
            return f"{_saved_by(entry, label)}{changes} {NOTHING_SAVED}"
        return f"Someone else saved this {label} after you opened it. {NOTHING_SAVED}"
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
    return f"{who} saved this {label} on {when}, after you opened it.{changes} {NOTHING_SAVED}"


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


class _GuardedChangeFormMixin(LostRaceAdminMixin):
    """Puts the form's hidden guard field (what the editor loaded) on the change page, in the
    first fieldset, for those who may change the row."""

    guard_field = ""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editing = obj is not None and self.has_change_permission(request, obj)
        result = []
        for index, (name, options) in enumerate(fieldsets):
            fields = [f for f in options["fields"] if f != self.guard_field]
            if editing and index == 0:
                fields.append(self.guard_field)
            result.append((name, {**options, "fields": fields}))
        return result


class OptimisticLockAdminMixin(_GuardedChangeFormMixin):
    """For ModelAdmins of models with a `version` field (their form must be a
    VersionedModelForm): the version is checked when the form is validated and again, under a
    row lock, when it is saved."""

    form = VersionedModelForm
    guard_field = "loaded_version"

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


# --- Rows that cannot carry a version: Django's User and Group -------------------------------
#
# Why a fingerprint: adding a column to auth's tables would need a custom user model (switching
# AUTH_USER_MODEL on a live database is a migration Django does not support). Instead the form
# carries, for each value it writes, a keyed hash of the value as loaded (HMAC with SECRET_KEY,
# so the page gives nothing away about the row, such as the password hash), signed with the
# time it was opened. At save time the hashes are taken again from the row as it is now, under
# the row lock: any difference means someone changed it since, and the save is refused. Per
# field, so the editor is told which values changed; the admin's log says who and when.

FINGERPRINT_SALT = "peel_tracker.concurrency.fingerprint"


def row_fingerprint(
    instance: models.Model, field_names: list[str], *, lock: bool = False
) -> dict[str, str]:
    """A keyed hash of each named field's value as the row holds it now (the ids, for a
    many-to-many field); empty if the row is gone. Queries the row (locking it, if asked, until
    the transaction ends) and each many-to-many field."""
    manager = type(instance)._default_manager
    row = (manager.select_for_update() if lock else manager).filter(pk=instance.pk).first()
    if row is None:
        return {}
    digests = {}
    for name in field_names:
        field = row._meta.get_field(name)
        if field.many_to_many:
            value = sorted(getattr(row, name).values_list("pk", flat=True))
        else:
            value = field.value_from_object(row)
            if isinstance(value, datetime.datetime | datetime.time):
                # The admin shows and saves times to the second: a save there drops the
                # microseconds of a sign-in's time, which is no change the editor could lose.
                value = value.replace(microsecond=0)
        digests[name] = salted_hmac(FINGERPRINT_SALT, f"{name}={value!r}").hexdigest()[:20]
    return digests


class FingerprintedModelForm(forms.ModelForm):
    """A model form for a row without a `version` column: it carries a fingerprint of the values
    it writes as the editor loaded them, and refuses to save over a row changed since."""

    loaded_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            loaded = {"at": time.time(), "fields": self._fingerprint()}
            self.fields["loaded_fingerprint"].initial = signing.dumps(
                loaded, salt=FINGERPRINT_SALT, compress=True
            )

    def fingerprinted_fields(self) -> list[str]:
        """The row's values this form writes (one shown read-only or disabled overwrites
        nothing, so a change to it elsewhere does not matter)."""
        opts = self._meta.model._meta
        names = {f.name for f in opts.concrete_fields} | {f.name for f in opts.many_to_many}
        return sorted(n for n, f in self.fields.items() if n in names and not f.disabled)

    def _fingerprint(self, *, lock: bool = False) -> dict[str, str]:
        return row_fingerprint(self.instance, self.fingerprinted_fields(), lock=lock)

    def check_unchanged(self, *, lock: bool = False) -> None:
        """Raise ConcurrentEditError, saying what changed, if the row no longer holds the
        values the editor loaded (a missing or tampered fingerprint counts as changed)."""
        try:
            loaded = signing.loads(
                self.data.get(self.add_prefix("loaded_fingerprint"), ""), salt=FINGERPRINT_SALT
            )
        except signing.BadSignature:
            loaded = {"at": None, "fields": {}}
        now = self._fingerprint(lock=lock)
        changed = [name for name in now if loaded["fields"].get(name) != now[name]]
        if changed or not now:
            raise ConcurrentEditError(self.stale_message(changed, loaded["at"]))

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk:
            try:
                self.check_unchanged()
            except ConcurrentEditError as error:
                raise ValidationError(str(error)) from error
        return cleaned

    def stale_message(self, changed: list[str], opened_at: float | None) -> str:
        """Who changed the row since it was opened and when (from the admin's log, when it was
        changed there), and which of the values on this page they changed."""
        label = self._meta.model._meta.verbose_name
        names = [str(self.fields[name].label or name).lower() for name in changed]
        what = f" Changed since: {get_text_list(names, 'and')}." if names else ""
        entry = _newest_admin_change(self.instance, opened_at) if opened_at else None
        if entry is not None:
            return f"{_saved_by(entry, label)}{what} {NOTHING_SAVED}"
        return f"This {label} was changed after you opened it.{what} {NOTHING_SAVED}"


class FingerprintLockAdminMixin(_GuardedChangeFormMixin):
    """For ModelAdmins of models that cannot carry a version (their change form must be a
    FingerprintedModelForm): the fingerprint is checked when the form is validated and again,
    under the row lock, when it is saved."""

    form = FingerprintedModelForm
    guard_field = "loaded_fingerprint"

    def save_model(self, request, obj, form, change) -> None:
        if change:
            form.check_unchanged(lock=True)
        super().save_model(request, obj, form, change)
