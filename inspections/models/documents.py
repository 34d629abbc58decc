"""A record's source document: a file name, never a folder path."""

import re

from django.core.exceptions import ValidationError


def document_name(value: str) -> str:
    """The name of the document a record was taken from, without the folders it was read
    from on someone's machine or the server ("../shared/seeds/a.txt", "C:\\Reports\\a.pdf"
    -> "a.txt", "a.pdf"): a path says nothing to a reader and exposes the server's layout."""
    return re.split(r"[\\/]", value.strip())[-1]


def validate_document_name(value: str) -> None:
    if value != document_name(value):
        raise ValidationError(
            "Give the document's file name only, not the folders it is stored in: “%(value)s”.",
            code="document_path",
            params={"value": value},
        )
