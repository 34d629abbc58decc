"""Reads of personal API tokens (recommendations.models.ApiToken)."""

from recommendations.models import ApiToken
from recommendations.models.api_tokens import hash_key


def active_api_token(*, key: str) -> ApiToken | None:
    """The token, not revoked, whose key this is, with its user; None if there is none. One
    query, by the key's hash (the key itself is never stored)."""
    return ApiToken.objects.active().select_related("user").filter(key_hash=hash_key(key)).first()
