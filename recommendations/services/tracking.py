"""Opening the tracking rows (statuses and responses) a report owes each force it applies to."""

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from inspections.models import Inspection, PolicingBody
from recommendations.models import (
    Finding,
    FindingStatus,
    Response,
    Status,
    StatusChange,
    StatusSource,
)
from recommendations.obligations import forces_owing
from recommendations.services.statuses import status_change_append

OPENING_NOTE = "New finding: awaiting review (set on publication of the report)."
NOT_APPLYING_REASON = (
    "The report was corrected: it does not apply to this force, so no response is owed."
)


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
        status_change_append(
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
        status_change_append(
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
