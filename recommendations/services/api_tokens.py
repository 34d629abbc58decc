"""Making and revoking personal API tokens (recommendations.models.ApiToken)."""

import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from recommendations.models import ApiToken
from recommendations.models.api_tokens import KEY_PREFIX, SHOWN_CHARS, hash_key


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for `user` and return it with its key. The key is returned only here:
    the database keeps its hash, so it can never be shown again."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        key_start=key[: len(KEY_PREFIX) + SHOWN_CHARS],
        key_hash=hash_key(key),
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token for good (the API answers 401 to it from now on). Revoking a revoked
    token keeps its first revocation time."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


# last_used_at is kept to the minute: writing it on every request (600 a minute at the rate
# limit) would cost a write per read.
LAST_USED_PRECISION = timedelta(minutes=1)


def api_token_touch(*, token: ApiToken) -> ApiToken:
    """Record that the token was just used, at most once a minute. One query when it writes,
    none otherwise."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
