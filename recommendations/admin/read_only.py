"""The admin mixin for permanent records: viewable, never added, changed or deleted."""


class ReadOnlyAdminMixin:
    """For permanent records: viewable, never added, changed or deleted through the admin."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
