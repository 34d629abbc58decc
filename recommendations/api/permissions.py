"""Who may read an endpoint: whoever may open the page it mirrors (the page's
permission_required), signed in by token or session."""

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class MayOpenThePage(BasePermission):
    """The view names the permission its page asks (`page_permission`, e.g.
    "recommendations.view_finding" for /findings/). Anonymous: refused (401, the pages send
    anonymous visitors to sign in)."""

    def has_permission(self, request: Request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(view.page_permission))
