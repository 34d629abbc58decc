"""{{ value|long_date }}: a date as GOV.UK writes it, "3 March 2024", the same words as
Django's `date:"j F Y"` for this English-only site. Written by strftime: the `date` filter looks
the format and each month's name up through the translation machinery, which was a fifth of the
time of rendering a finding's page (some 450 dates)."""

import datetime

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value: datetime.date | None) -> str:
    """ "" for no date, so that `|default:"Not stated"` can follow."""
    if not isinstance(value, datetime.date):
        return ""
    return f"{value:%-d %B %Y}"
