from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from inspections.models import Force
from recommendations.record_signature import RecordNotTrusted, check_record


class Command(BaseCommand):
    help = (
        "Restore a record written by export_record into an empty, migrated database. Refuses a "
        "database that already holds data, and a file that does not match its signature "
        "(PATH.sig) unless told to trust it. All or nothing: on any error nothing is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="A file written by export_record")
        parser.add_argument(
            "--trust-unsigned",
            action="store_true",
            help="Restore the file even though its signature (PATH.sig) is missing, was made "
            "by another installation, or does not match: only for a file you have checked.",
        )

    def handle(self, *args, path: str, trust_unsigned: bool = False, **options) -> None:
        if not trust_unsigned:
            try:
                check_record(path)
            except RecordNotTrusted as refusal:
                raise CommandError(str(refusal)) from refusal
            except OSError as error:
                raise CommandError(f"Could not read {path}: {error.strerror}.") from error
        if Force.objects.exists() or get_user_model().objects.exists():
            raise CommandError(
                "This database already holds data: restore only into an empty database "
                "(create it, run `manage.py migrate`, then import_record)."
            )
        try:
            with transaction.atomic():
                # The roles' groups created by the migration come back from the record with
                # their original ids.
                Group.objects.filter(user__isnull=True).delete()
                # The record carries its own change history; restoring must not add to it.
                with override_settings(SIMPLE_HISTORY_ENABLED=False):
                    call_command("loaddata", path, verbosity=0)
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from error
        except Exception as error:  # loaddata wraps every problem; report it plainly
            raise CommandError(f"Could not restore {path}; nothing was written. {error}") from error
        # What was cached was keyed by the version of the record it came from (the newest ids),
        # which the restored record may share: a shared cache (DJANGO_CACHE_DIR) would outlive
        # the database it was filled from.
        for cache in caches.all():
            cache.clear()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Restored the record from {path}."))
