"""Saving a response under the s.55(5B) completeness rule."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from inspections.access import can_edit_force
from peel_tracker.text import counted, plural
from recommendations.models import Finding, Response


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
