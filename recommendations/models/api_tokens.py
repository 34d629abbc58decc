"""Personal API tokens: how a BI tool (Power BI, Excel) reads the API as the person who made
the token (recommendations/api/). Only a hash of the key is stored: the key itself is shown
once, when the token is made (recommendations.services.api_token_create)."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

# Keys look like "peel_<43 url-safe characters>": the prefix says what a leaked key is for.
KEY_PREFIX = "peel_"
# How many characters of a key (after KEY_PREFIX) are kept in clear, to tell tokens apart.
SHOWN_CHARS = 6


def hash_key(key: str) -> str:
    """The stored form of a key: its SHA-256, in hex. A key is 256 random bits, so a plain
    hash (no salt, no slow hash) cannot be reversed, and it can be looked up by equality."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        """Tokens not revoked."""
        return self.filter(revoked_at__isnull=True)

    def owned_by(self, user) -> "ApiTokenQuerySet":
        """A person's own tokens: nobody, administrators included, sees another's."""
        return self.filter(user=user) if user.is_authenticated else self.none()


class ApiToken(models.Model):
    """A personal, read-only, revocable key to the API. It acts as its user: it sees what the
    user sees on the pages, no more."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        max_length=100, help_text="What the token is for, e.g. “Power BI: monthly AFI report”."
    )
    key_start = models.CharField(
        "key starts with",
        max_length=SHOWN_CHARS + len(KEY_PREFIX),
        editable=False,
        help_text="The first characters of the key, to tell tokens apart.",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="To the minute."
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="recs_apitoken_user")]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_start}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
