"""Rate limits: API_RATE requests per token (per user for a signed-in session), counted in the
default cache (DRF's throttling; a 429 with Retry-After past the limit)."""

from django.conf import settings
from rest_framework.throttling import UserRateThrottle

from recommendations.api.authentication import token_of


class ApiTokenRateThrottle(UserRateThrottle):
    scope = "api"

    def get_rate(self) -> str:
        # Read when the throttle is made (each request), so the setting can change in tests.
        return settings.API_RATE

    def get_cache_key(self, request, view) -> str:
        token = token_of(request)
        if token is not None:
            ident = f"token-{token.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
