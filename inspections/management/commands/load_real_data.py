from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from inspections.models import Inspection
from recommendations.services import inspection_open_tracking

# Order matters only for readability: natural keys let loaddata resolve references.
REAL_DATA_FIXTURES = ["forces", "frameworks", "themes", "cumbria"]


class Command(BaseCommand):
    help = (
        "Load the real data from fixtures/ (the 43 forces, the grading frameworks, themes and "
        "the Cumbria record taken from the seed documents), then open the response rows each "
        "report owes (a national report owes one per force). Does nothing if already loaded."
    )

    def handle(self, *args, **options) -> None:
        if Inspection.objects.filter(slug="cumbria-peel-2021-22").exists():
            if options["verbosity"]:
                self.stdout.write("Real data already loaded; nothing to do.")
            return
        with transaction.atomic():
            call_command("loaddata", *REAL_DATA_FIXTURES, verbosity=0)
            opened = {"statuses": 0, "responses": 0}
            for inspection in Inspection.objects.select_related("force"):
                counts = inspection_open_tracking(inspection=inspection)
                for key, value in counts.items():
                    opened[key] += value
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {', '.join(REAL_DATA_FIXTURES)}; opened "
                    f"{opened['responses']} responses and {opened['statuses']} finding statuses."
                )
            )
