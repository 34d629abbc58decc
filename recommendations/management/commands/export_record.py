from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from recommendations.record_signature import sign_record

# Rebuilt by `migrate` on the target, or not part of the record.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
]


RECORD_SUFFIXES = (".xml", ".xml.gz", ".xml.bz2", ".xml.xz")


class Command(BaseCommand):
    help = (
        "Write the whole record (every app's data, status history and change history included, "
        "users and roles too) to PATH, an XML file (.xml, or compressed .xml.gz / .xml.bz2 / "
        ".xml.xz), and beside it PATH.sig, its signature with this installation's secret key. "
        "Restore it with import_record into an empty, migrated database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="File to write, e.g. record-2026-11-22.json.gz")

    def handle(self, *args, path: str, **options) -> None:
        # XML, not JSON: Django's JSON encoder cuts timestamps to milliseconds, and an audit
        # record must come back exactly as it was.
        if not path.endswith(RECORD_SUFFIXES):
            raise CommandError(f"PATH must end with one of {', '.join(RECORD_SUFFIXES)}.")
        try:
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                format="xml",
                natural_foreign=True,  # content types and permissions are matched by name
                output=path,
                indent=None,
                verbosity=0,
            )
            signature = sign_record(path)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}.") from error
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(f"Wrote the record to {path} and its signature to {signature}.")
            )
