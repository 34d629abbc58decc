"""Writes with rules: status changes (with their permanent history), opening the tracking
rows (statuses and responses) a report creates for each force it applies to, and saving a
response under the s.55(5B) completeness rule."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from inspections.access import can_edit_force
from inspections.models import Inspection, PolicingBody
from peel_tracker.concurrency import ConcurrentEditError
from peel_tracker.text import counted, plural
from recommendations.concurrency import statuses_recorded_since
from recommendations.models import (
    Finding,
    FindingStatus,
    Response,
    Status,
    StatusChange,
    StatusSource,
)
from recommendations.obligations import forces_owing

OPENING_NOTE = "New finding: awaiting review (set on publication of the report)."
NOT_APPLYING_REASON = (
    "The report was corrected: it does not apply to this force, so no response is owed."
)


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


def _append(
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
    entry = _append(
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
        _append(
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


def _holders(finding: Finding, report_force_ids: list[int]) -> set[tuple[int | None, int | None]]:
    """(force id, national body id) of each holder that owes a trackable finding."""
    forces = forces_owing(
        owed_by_forces=finding.owed_by_forces,
        is_for_policing_bodies=finding.is_for_policing_bodies,
        report_force_ids=report_force_ids,
        named_force_ids=[force.pk for force in finding.named_forces.all()],
    )
    return {(force_id, None) for force_id in forces} | {
        (None, body.pk) for body in finding.national_bodies.all()
    }


def _owed(inspection: Inspection, report_force_ids: list[int]) -> dict[int, set]:
    """For each trackable finding of the report, the holders that owe it."""
    findings = inspection.findings.trackable().prefetch_related("named_forces", "national_bodies")
    return {finding.pk: _holders(finding, report_force_ids) for finding in findings}


def _open_statuses(
    *, inspection: Inspection, owed: dict[int, set], opened_on: date | None, user, now
) -> int:
    """Open an 'awaiting review' status row, with its first history entry, for each holder
    that owes each trackable finding and has none yet. Returns how many it opened."""
    existing = set(
        FindingStatus.objects.filter(finding__inspection=inspection).values_list(
            "finding_id", "force_id", "national_body_id"
        )
    )
    new_statuses = [
        FindingStatus(
            finding_id=finding_id,
            force_id=force_id,
            national_body_id=body_id,
            status=Status.AWAITING_REVIEW,
            status_since=opened_on,
            last_note=OPENING_NOTE,
            updated_at=now,
            updated_by=user,
        )
        for finding_id, holders in owed.items()
        for force_id, body_id in sorted(
            holders, key=lambda holder: (holder[0] or 0, holder[1] or 0)
        )
        if (finding_id, force_id, body_id) not in existing
    ]
    created = FindingStatus.objects.bulk_create(new_statuses)
    # bulk_create does not return primary keys on every database; fetch them back.
    created_ids = FindingStatus.objects.filter(
        finding__inspection=inspection, history__isnull=True
    ).values_list("pk", flat=True)
    StatusChange.objects.bulk_create(
        StatusChange(
            finding_status_id=pk,
            status=Status.AWAITING_REVIEW,
            effective_on=opened_on,
            note=OPENING_NOTE,
            source_kind=StatusSource.REPORT,
            source_reference=inspection.title,
            recorded_by=user,
            recorded_at=now,
        )
        for pk in created_ids
    )
    return len(created)


def _settle_unowed(*, inspection: Inspection, owed: dict[int, set], user, now) -> int:
    """When a finding's addressees (or kind, or the report's forces) are corrected, a holder
    may no longer owe it. Its row cannot go (history is permanent), so it is marked 'not owed'
    in its history and counted neither open nor closed; owed again, it is reopened as awaiting
    review. Returns how many rows it marked either way."""
    today = timezone.localdate()
    marked = 0
    # Ordered by key: the default order joins the (nullable) force, which FOR UPDATE refuses.
    rows = (
        FindingStatus.objects.select_for_update()
        .filter(finding__inspection=inspection)
        .order_by("pk")
    )
    for row in rows:
        owes = (row.force_id, row.national_body_id) in owed.get(row.finding_id, set())
        if owes == (row.status != Status.NOT_OWED):
            continue
        _append(
            finding_status=row,
            status=Status.AWAITING_REVIEW if owes else Status.NOT_OWED,
            effective_on=max(today, row.status_since) if row.status_since else today,
            note="Owed again: the finding’s addressees were corrected to include this holder."
            if owes
            else "Not owed: the finding’s addressees were corrected and no longer include this "
            "holder. Its history is kept.",
            user=user,
            now=now,
        )
        marked += 1
    return marked


def _carry_forward(*, inspection: Inspection, opened_on: date | None, user, now) -> int:
    """A later report that keeps an earlier finding in place takes it over: each open status
    of the earlier finding, for a holder that owes the later one too, is marked 'carried
    forward' (dated, attributed, in its history), so the item is counted once, under the
    later report. Returns how many it marked."""
    later = FindingStatus.objects.filter(
        finding__inspection=inspection, finding__carried_forward_from__isnull=False
    ).select_related("finding")
    marked = 0
    for successor_status in later:
        successor = successor_status.finding
        # A query per carried finding: a report carries a handful forward at most.
        earlier = (
            FindingStatus.objects.open()
            .select_for_update()
            .filter(
                finding_id=successor.carried_forward_from_id,
                force_id=successor_status.force_id,
                national_body_id=successor_status.national_body_id,
            )
            .first()
        )
        if earlier is None:
            continue
        since = earlier.status_since
        _append(
            finding_status=earlier,
            status=Status.CARRIED_FORWARD,
            effective_on=max(opened_on, since) if opened_on and since else opened_on,
            note=f"Carried forward to {inspection.title} ({successor}): the later report says "
            "it remains in place; its progress is tracked there.",
            user=user,
            source_kind=StatusSource.LATER_REPORT,
            source_reference=inspection.title,
            now=now,
        )
        marked += 1
    return marked


@transaction.atomic
def inspection_open_tracking(*, inspection: Inspection, user: User | None = None) -> dict:
    """Make sure every holder that owes a finding has a status row opened as 'awaiting
    review' with its first history entry (recommendations.obligations decides who owes what),
    that a row whose holder no longer owes its finding is marked 'not owed' (and reopened if
    owed again),
    that earlier findings this report carries forward are marked so, and that every force the
    report applies to has a response row owed by the body in office on the publication date.
    Idempotent; also brings responses' copies of the report dates up to date.
    Returns counts of what it created."""
    forces = inspection.forces_owing_response()
    # The opening date is known only when the publication day is.
    exact = inspection.published_precision == Inspection.DatePrecision.DAY
    opened_on = inspection.published_on if exact else None
    now = timezone.now()
    owed = _owed(inspection, [force.pk for force in forces])
    opened = _open_statuses(
        inspection=inspection, owed=owed, opened_on=opened_on, user=user, now=now
    )
    _settle_unowed(inspection=inspection, owed=owed, user=user, now=now)
    carried = _carry_forward(inspection=inspection, opened_on=opened_on, user=user, now=now)

    bodies = {}
    if inspection.published_on:
        in_office = PolicingBody.objects.in_office_on(inspection.published_on)
        bodies = {body.force_id: body for body in in_office.filter(force__in=forces)}
    have_response = set(inspection.responses.values_list("force_id", flat=True))
    new_responses = []
    for force in forces:
        if force.pk not in have_response:
            response = Response(inspection=inspection, force=force)
            response.copy_report_dates(look_up_body=False)
            response.policing_body = bodies.get(force.pk)
            new_responses.append(response)
    bulk_create_with_history(new_responses, Response, default_user=user)
    # A corrected publication date (or rule) moves every response's stored deadline and body,
    # in the change history like any other edit.
    # A report corrected to apply to fewer forces: a force it no longer applies to owes no
    # response (its row stays, in the change history; a published response stays published).
    stale = []
    applies = {force.pk for force in forces}
    tracked = [
        "report_published_on",
        "regime",
        "due_earliest_on",
        "due_on",
        "policing_body_id",
        "is_not_required",
        "not_required_reason",
    ]
    for response in Response.objects.filter(inspection=inspection):
        before = [getattr(response, name) for name in tracked]
        response.inspection = inspection
        response.copy_report_dates(look_up_body=False)
        response.policing_body = bodies.get(response.force_id)
        if response.force_id not in applies and not response.is_not_required:
            if not response.is_published:
                response.is_not_required = True
                response.not_required_reason = NOT_APPLYING_REASON
        elif response.force_id in applies and response.not_required_reason == NOT_APPLYING_REASON:
            response.is_not_required, response.not_required_reason = False, ""
        if [getattr(response, name) for name in tracked] != before:
            stale.append(response)
    bulk_update_with_history(
        stale,
        Response,
        [name.removesuffix("_id") for name in tracked],
        default_user=user,
    )
    return {"statuses": opened, "responses": len(new_responses), "carried_forward": carried}


def unexplained_message(unexplained: list[Finding]) -> str:
    names = "; ".join(f"“{finding}”" for finding in unexplained)
    count = len(unexplained)
    return (
        f"The response cannot be marked published: {counted(count, 'recommendation')} of the "
        f"report {plural(count, 'has', 'have')} no explanation, and section 55(5B) requires "
        f"one for each: {names}. Add the missing explanations, or tick “Publish without explaining "
        "every recommendation” and give the reason."
    )


def check_response_completeness(
    *, response: Response, explained_finding_ids: set[int] | None = None
) -> None:
    """s.55(5B): a response marked published must explain every recommendation of its report,
    unless staff recorded an override. Raise ValidationError naming the unexplained ones.
    Pass `explained_finding_ids` to check explanations not yet saved (a form's)."""
    if not response.is_published or response.is_completeness_overridden:
        return
    unexplained = response.unexplained_recommendations(explained_finding_ids)
    if unexplained:
        raise ValidationError(unexplained_message(unexplained))


@transaction.atomic
def response_save(*, response: Response, user: User) -> Response:
    """Save a response after its explanations: refuses users who do not edit that force,
    records who overrode the completeness rule and when (or clears it), validates the
    response, then applies the completeness rule to the explanations saved."""
    if not can_edit_force(user, response.force_id):
        raise PermissionDenied("You can only change the responses of forces you edit.")
    previous = (
        Response.objects.filter(pk=response.pk)
        .values_list("is_completeness_overridden", "completeness_override_reason")
        .first()
    )
    if not response.is_completeness_overridden:
        response.completeness_override_reason = ""
        response.completeness_override_by = None
        response.completeness_override_at = None
    elif previous != (True, response.completeness_override_reason):
        # A new override, or a new reason for it: whoever confirms it answers for it.
        response.completeness_override_by = user
        response.completeness_override_at = timezone.now()
    response.full_clean()
    check_response_completeness(response=response)
    response.save()
    return response
