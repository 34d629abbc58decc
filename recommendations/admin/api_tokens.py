"""The admin of personal API tokens: everyone makes and revokes their own, and sees no one
else's (administrators included). A token is never edited: it is revoked, and stays listed as
revoked."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.text import counted
from recommendations.models import ApiToken
from recommendations.services import api_token_create, api_token_revoke


def _may_manage_tokens(request: HttpRequest) -> bool:
    """Anyone who may use the admin may manage their own tokens: a token reads only what its
    user may read (recommendations/api/), so it needs no permission of its own."""
    return request.user.is_active and request.user.is_staff


@admin.register(ApiToken)
class ApiTokenAdmin(ChangeListMixin, admin.ModelAdmin):
    list_display = ["name", "key_start", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "key_start"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    fields = ["name", "key_start", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_start", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        return super().get_queryset(request).owned_by(request.user)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        # Making a token asks only its name; the rest is set by api_token_create.
        return ["name"] if obj is None else self.fields

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_manage_tokens(request)

    def has_view_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return _may_manage_tokens(request) and (obj is None or obj.user_id == request.user.pk)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _may_manage_tokens(request)

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoked, never edited

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoked tokens stay listed: when a key stopped working is on record

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:
        # Only adding reaches here (no change permission). The key is shown this once: only
        # its hash is stored. The message lives in the messages framework's storage (a signed
        # cookie, else the session) until this very page shows it.
        token, key = api_token_create(user=request.user, name=obj.name)
        obj.pk = token.pk
        obj.refresh_from_db()
        self.message_user(
            request,
            f"Your API token “{token.name}” is {key} — copy it now: it will not be shown again. "
            "Send it as the header “Authorization: Bearer <token>” (see docs/api.md).",
            messages.WARNING,
        )

    def response_add(self, request: HttpRequest, obj: ApiToken, post_url_continue=None):
        # Back to the list whichever button was pressed ("add another" or "continue editing"
        # would show a page of a token that cannot be edited).
        return self.response_post_save_add(request, obj)

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        tokens = list(queryset.owned_by(request.user).active())
        for token in tokens:
            api_token_revoke(token=token)
        self.message_user(request, f"{counted(len(tokens), 'token')} revoked.", messages.SUCCESS)
