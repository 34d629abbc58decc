"""Status changes, one or in bulk, each appended to the permanent history."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from inspections.access import can_edit_force
from peel_tracker.concurrency import ConcurrentEditError
from recommendations.concurrency import statuses_recorded_since
from recommendations.models import FindingStatus, Status, StatusChange


def check_status_change(
    *, finding_status: FindingStatus, status: str, effective_on: date | None, note: str
) -> None:
    """Raise ValidationError (keyed by field) if this change may not be recorded."""
    errors = {}
    if status not in Status.values:
        errors["status"] = f"“{status}” is not a status."
    elif status == Status.NOT_OWED:
        errors["status"] = (
            "“Not owed” is recorded when a finding’s addressees are corrected, not by hand: "
            "correct the finding’s addressees instead."
        )
    elif finding_status.status == Status.NOT_OWED:
        errors["status"] = (
            "This finding is not owed here (its addressees were corrected), so its status "
            "cannot change: if it is owed after all, correct the finding’s addressees."
        )
    if not note.strip():
        errors["note"] = "Add a note saying why the status changed and what evidence supports it."
    if effective_on is None:
        errors["effective_on"] = "Give the date the status took effect."
    elif effective_on > timezone.localdate():
        errors["effective_on"] = "The date the status took effect cannot be in the future."
    elif finding_status.status_since and effective_on < finding_status.status_since:
        errors["effective_on"] = (
            "The date cannot be before the current status took effect "
            f"({finding_status.status_since:%-d %B %Y}): history is added to, never rewritten."
        )
    if errors:
        raise ValidationError(errors)


def status_change_append(
    *,
    finding_status: FindingStatus,
    status: str,
    effective_on: date | None,
    note: str,
    user: User | None,
    source_kind: str = "",
    source_reference: str = "",
    now=None,
) -> StatusChange:
    """Record one entry of a status's permanent history and make it the current status (the
    callers check the rules and hold the row lock)."""
    now = now or timezone.now()
    entry = StatusChange(
        finding_status=finding_status,
        status=status,
        effective_on=effective_on,
        note=note.strip(),
        source_kind=source_kind,
        source_reference=source_reference.strip(),
        recorded_by=user,
        recorded_at=now,
    )
    entry.full_clean()
    entry.save()
    finding_status.status = status
    finding_status.status_since = effective_on
    finding_status.last_note = entry.note
    finding_status.updated_at = now
    finding_status.updated_by = user
    finding_status.version += 1
    finding_status.save(
        update_fields=["status", "status_since", "last_note", "updated_at", "updated_by", "version"]
    )
    return entry


@transaction.atomic
def finding_status_change(
    *,
    finding_status: FindingStatus,
    status: str,
    effective_on: date | None,
    note: str,
    user: User,
    source_kind: str = "",
    source_reference: str = "",
    expected_version: int | None = None,
) -> StatusChange:
    """Record a new status for one finding and holder: append a history entry (with what it
    rests on, if given) and update the current status. Refuses users who do not edit that
    force; a national body's statuses are changed by administrators only. With
    `expected_version` (the version the editor saw), refuses with ConcurrentEditError if
    another change was recorded since: checked under the row lock, so of simultaneous stale
    submissions exactly one is recorded."""
    if not can_edit_force(user, finding_status.force_id):
        raise PermissionDenied("You can only update the findings of forces you edit.")
    # Lock the row so two simultaneous changes are applied one after the other.
    locked = FindingStatus.objects.select_for_update().get(pk=finding_status.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentEditError(statuses_recorded_since(locked, expected_version))
    check_status_change(finding_status=locked, status=status, effective_on=effective_on, note=note)
    entry = status_change_append(
        finding_status=locked,
        status=status,
        effective_on=effective_on,
        note=note,
        user=user,
        source_kind=source_kind,
        source_reference=source_reference,
    )
    finding_status.refresh_from_db()
    return entry


@transaction.atomic
def finding_statuses_bulk_change(
    *,
    finding_statuses: Iterable[FindingStatus],
    status: str,
    effective_on: date | None,
    note: str,
    user: User,
    source_kind: str = "",
    source_reference: str = "",
) -> list[StatusChange]:
    """Set the same status, date and note on several findings, one history entry each.
    All or nothing: if any row is refused, nothing is written."""
    ids = [fs.pk for fs in finding_statuses]
    locked = list(
        # Lock the status rows only (force is on the nullable side of a join now that a row
        # can belong to a national body instead).
        FindingStatus.objects.select_for_update(of=("self",))
        .select_related("finding", "force", "national_body")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    problems = []
    for fs in locked:
        if not can_edit_force(user, fs.force_id):
            raise PermissionDenied("You can only update the findings of forces you edit.")
        try:
            check_status_change(
                finding_status=fs, status=status, effective_on=effective_on, note=note
            )
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            problems.append(f"{fs.finding.headline} ({fs.force}): {messages}")
    if problems:
        raise ValidationError(problems)
    return [
        status_change_append(
            finding_status=fs,
            status=status,
            effective_on=effective_on,
            note=note,
            user=user,
            source_kind=source_kind,
            source_reference=source_reference,
        )
        for fs in locked
    ]
