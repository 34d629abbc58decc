"""Deep pages of the findings list (issue 17): every offered sort at any depth.

Against a DATABASE_URL that already holds the national dataset (it migrates, and creates an
analyst and an administrator if missing; nothing else is written but the status changes of the
last measurement). For each sort in recommendations.filters.SORTS it prints the server time
(in-process, Django's test client, the page cache off) p50 and p95 over DEEP_REPEATS requests
(default 7) of pages 1, 100, 1000, the middle and the last page; then, per sort, the first
request for the first and the middle page after a status change (what is cached per version of
the record is computed again) and the force filter.

    DATABASE_URL=postgres://postgres@127.0.0.1:55432/deep python benchmarks/deep_pages.py

DEEP_SORTS narrows the sorts ("force,status"); DEEP_REPEATS the repeats.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import DJANGO_ENV, percentile  # noqa: E402


def timed(client, url: str, repeats: int, before=None) -> tuple[float, float]:
    client.get(url)  # warm-up
    times = []
    for _ in range(repeats):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000, percentile(times, 95) * 1000


def main() -> None:
    os.environ.update({k: v for k, v in DJANGO_ENV.items() if k not in os.environ})
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from inspections.access import ADMINISTRATOR_GROUP, ANALYST_GROUP
    from inspections.models import Force
    from recommendations.filters import SORTS
    from recommendations.models import FindingStatus, Status
    from recommendations.selectors import finding_rows
    from recommendations.services import finding_status_change

    call_command("migrate", verbosity=0)
    repeats = int(os.environ.get("DEEP_REPEATS", "7"))
    sorts = [s for s in os.environ.get("DEEP_SORTS", ",".join(SORTS)).split(",") if s]
    user_model = get_user_model()
    analyst, _ = user_model.objects.get_or_create(username="bench-analyst", is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYST_GROUP))
    administrator, _ = user_model.objects.get_or_create(
        username="bench-admin", is_staff=True, is_superuser=True
    )
    administrator.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    client = Client()
    client.force_login(analyst)

    pages = -(-finding_rows().count() // 25)
    print(f"{pages} pages of 25 rows; {repeats} repeats; p50 / p95 ms", flush=True)
    depths = {"1": 1, "100": 100, "1000": 1000, "middle": pages // 2, "last": pages}
    for sort in sorts:
        cells = []
        for label, page in depths.items():
            p50, p95 = timed(client, f"/findings/?sort={sort}&page={page}", repeats)
            cells.append(f"{label} {p50:.0f}/{p95:.0f}")
        print(f"  {sort:<11} " + ", ".join(cells), flush=True)

    force = Force.objects.get(slug="cumbria")
    statuses = iter(FindingStatus.objects.filter(force=force).order_by("pk")[:2000])

    def status_change() -> None:
        finding_status_change(
            finding_status=next(statuses),
            status=Status.BEING_PROGRESSED,
            effective_on=timezone.localdate(),
            note="Benchmark: a status change before the request.",
            user=administrator,
        )

    print("First request after a status change, p50 / p95 ms", flush=True)
    for sort in sorts:
        cells = []
        for label, page in (("1", 1), ("middle", pages // 2)):
            url = f"/findings/?sort={sort}&page={page}"
            p50, p95 = timed(client, url, repeats, before=status_change)
            cells.append(f"{label} {p50:.0f}/{p95:.0f}")
        print(f"  {sort:<11} " + ", ".join(cells), flush=True)

    print("The force filter, p50 / p95 ms", flush=True)
    for slug in ("cumbria", "metropolitan"):
        for query in (f"force={slug}", f"force={slug}&sort=force&page=100"):
            if not Force.objects.filter(slug=slug).exists():
                continue
            p50, p95 = timed(client, f"/findings/?{query}", repeats)
            print(f"  {query:<45} {p50:.0f}/{p95:.0f}", flush=True)


if __name__ == "__main__":
    main()
