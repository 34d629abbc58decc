from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inspections.access import ADMINISTRATOR_GROUP, ANALYST_GROUP, OPCC_EDITOR_GROUP
from inspections.models import Force

# Local demonstration only: these passwords are printed and published in the README.
DEMO_USERS = [
    ("admin", "peel-demo-admin", ADMINISTRATOR_GROUP, None),
    ("cumbria-editor", "peel-demo-editor", OPCC_EDITOR_GROUP, "cumbria"),
    ("analyst", "peel-demo-analyst", ANALYST_GROUP, None),
]


class Command(BaseCommand):
    help = (
        "Create three demo users for local use (an administrator, an OPCC editor for Cumbria, "
        "an analyst) and print their credentials. Refuses to run unless DJANGO_DEBUG is true."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo users have published passwords: only with DJANGO_DEBUG=true.")
        User = get_user_model()
        with transaction.atomic():
            for username, password, group_name, force_slug in DEMO_USERS:
                user, _ = User.objects.get_or_create(username=username)
                user.is_staff = True
                user.is_superuser = group_name == ADMINISTRATOR_GROUP
                user.set_password(password)
                user.save()
                user.groups.set([Group.objects.get(name=group_name)])
                if force_slug:
                    try:
                        Force.objects.get(slug=force_slug).editors.add(user)
                    except Force.DoesNotExist as error:
                        raise CommandError(
                            f"Force '{force_slug}' is missing: run load_real_data first."
                        ) from error
        self.stdout.write("Demo users (local use only):")
        for username, password, group_name, force_slug in DEMO_USERS:
            scope = f" for {force_slug}" if force_slug else ""
            self.stdout.write(f"  {username:<15} {password:<18} {group_name}{scope}")
