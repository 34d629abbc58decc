import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inspections.models import Force
from peel_tracker.text import counted
from recommendations.synthetic import generate_national_dataset


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic national record for scale testing: all 43 forces, "
        "PEEL rounds since 2014, national thematics, statuses with histories and responses. "
        "Scale 1 is about 30,000 finding statuses and 150,000 history entries; scale 10 ten "
        "times that. Synthetic reports are marked is_synthetic. Loads the real reference data "
        "first if the database has none."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national size")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")

    def handle(self, *args, scale: float, seed: int, **options) -> None:
        if not 0 < scale <= 20:
            raise CommandError("--scale must be more than 0 and at most 20.")
        if not Force.objects.exists():
            call_command("load_real_data", verbosity=0)
        started = time.perf_counter()
        try:
            counts = generate_national_dataset(scale=scale, seed=seed, today=timezone.localdate())
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated in {elapsed:.1f} s: {counted(counts.inspections, 'report')}, "
                    f"{counted(counts.judgments, 'judgment')}, "
                    f"{counted(counts.findings, 'finding')}, "
                    f"{counted(counts.statuses, 'finding status', 'finding statuses')}, "
                    f"{counted(counts.history, 'history entry', 'history entries')}, "
                    f"{counted(counts.responses, 'response')}."
                )
            )
