from django import template

from recommendations.models import Status

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    """Look a key up in a dict (the template language cannot index by a variable)."""
    return mapping.get(key)


@register.filter
def status_label(value: str) -> str:
    """The human label of a finding status value."""
    try:
        return Status(value).label
    except ValueError:
        return value
