from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F

from inspections.models import Inspection
from peel_tracker.text import counted
from recommendations.services import inspection_open_tracking

# Reference data, keyed by natural keys: loading it again updates it in place, so an existing
# database picks up corrections (a body's term, a framework's areas) on the next `make run`.
REFERENCE_FIXTURES = ["forces", "policing_bodies", "national_bodies", "frameworks", "themes"]
# The record taken from the documents: loaded once (judgments and status history have no
# natural key, so loading it twice would duplicate them).
RECORD_FIXTURES = ["cumbria"]
REAL_DATA_FIXTURES = REFERENCE_FIXTURES + RECORD_FIXTURES


class Command(BaseCommand):
    help = (
        "Load the real data from fixtures/ (the 43 forces and their local policing bodies "
        "through time, national bodies, the grading frameworks, themes, and the Cumbria record "
        "taken from the seed documents), then open what each report owes: status rows for "
        "whoever each finding is addressed to, and a response per force. Reference data is "
        "refreshed every time; the record is loaded once."
    )

    def handle(self, *args, **options) -> None:
        opened = {"statuses": 0, "responses": 0, "carried_forward": 0}
        with transaction.atomic():
            call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
            loaded = list(REFERENCE_FIXTURES)
            if not Inspection.objects.filter(slug="cumbria-peel-2021-22").exists():
                call_command("loaddata", *RECORD_FIXTURES, verbosity=0)
                loaded += RECORD_FIXTURES
            # Oldest first: a report that carries an earlier finding forward finds the earlier
            # report's statuses already open.
            reports = Inspection.objects.select_related("force").order_by(
                F("published_on").asc(nulls_first=True), "pk"
            )
            for inspection in reports:
                counts = inspection_open_tracking(inspection=inspection)
                for key, value in counts.items():
                    opened[key] += value
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {', '.join(loaded)}; opened "
                    f"{counted(opened['responses'], 'response')} and "
                    f"{counted(opened['statuses'], 'finding status', 'finding statuses')}; "
                    f"marked {opened['carried_forward']} carried forward."
                )
            )
