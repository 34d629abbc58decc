"""{% status_tag %}: a finding status as a GOV.UK tag with its words (colour is never the only
cue). A tag in Python rather than an included template: the findings list shows one per row and
a finding's page one per history entry, and an include costs a template render each time."""

from django import template
from django.utils.html import format_html

register = template.Library()

# The default tag is blue: awaiting review.
TAG_CLASSES = {
    "awaiting_review": "govuk-tag",
    "being_progressed": "govuk-tag govuk-tag--yellow",
    "complete": "govuk-tag govuk-tag--green",
}
OTHER_CLASS = "govuk-tag govuk-tag--grey"


@register.simple_tag
def status_tag(status: str | None, label: str = "", none_text: str = "No status") -> str:
    """status: the stored value; label: its words; none_text: what a screen reader hears
    when there is no status (sighted readers see a dash)."""
    if status:
        return format_html(
            '<strong class="{}">{}</strong>', TAG_CLASSES.get(status, OTHER_CLASS), label
        )
    return format_html(
        '<span aria-hidden="true">—</span><span class="govuk-visually-hidden">{}</span>',
        none_text,
    )
