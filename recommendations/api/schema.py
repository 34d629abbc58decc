"""What drf-spectacular cannot infer: how a personal token is sent (a bearer token)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "recommendations.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, made in the admin (API tokens → Add): send "
            "it as `Authorization: Bearer <token>`. It reads what its user may read.",
        }
