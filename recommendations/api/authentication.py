"""Personal API tokens sent as `Authorization: Bearer <key>` (recommendations.models.ApiToken)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from recommendations import selectors
from recommendations.models import ApiToken
from recommendations.services import api_token_touch

KEYWORD = "Bearer"


class ApiTokenAuthentication(BaseAuthentication):
    """A token acts as its user: the API shows it what the user's pages show. A revoked token,
    an unknown one, or one whose user is inactive is refused with 401."""

    refused = _("The token is not valid: it is unknown or has been revoked.")

    def authenticate(self, request: Request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None  # no token: the session may still authenticate
        if len(parts) != 2:
            raise AuthenticationFailed(_("Send the header as “Authorization: Bearer <token>”."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise AuthenticationFailed(self.refused) from error
        token = selectors.active_api_token(key=key)
        if token is None or not token.user.is_active:
            raise AuthenticationFailed(self.refused)
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (not 403) when no credentials were sent.
        return f'{KEYWORD} realm="api"'


def token_of(request: Request) -> ApiToken | None:
    """The token the request came with (None for a signed-in session)."""
    return request.auth if isinstance(request.auth, ApiToken) else None
