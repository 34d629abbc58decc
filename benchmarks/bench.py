"""`make bench`: every page and export at national scale, against its baselines and its limit.

For each database (SQLite in a temporary directory; a throwaway PostgreSQL through
scripts/with-postgres.sh) and each scale (BENCH_SCALES, default "1,10"), a child process migrates
a fresh database, generates the synthetic national dataset (and prints how long that took),
updates the planner's statistics (ANALYZE, as autovacuum would on PostgreSQL), then measures
in-process with Django's test client:

- pages, logged in as an analyst: server time p50 and p95 over BENCH_REPEATS requests (default
  20) after 2 warm-ups, and the SQL queries of one more request (CaptureQueriesContext);
- exports of every finding and of the whole tracker, CSV and XLSX: rows per second (the whole
  request, the body read to the end) and peak memory growth of the process: the peak resident
  set size (VmHWM, reset through /proc/self/clear_refs before each export) minus the RSS just
  before it, after freed memory has been handed back to the OS (malloc_trim);
- baselines on the same data: (1) the Django admin changelist of finding statuses with the
  equivalent filter and sort, as shipped, logged in as an administrator; (2) django-import-export
  exporting the same rows to CSV and XLSX through the ModelResources below (declared here, not in
  the app); (3) the limit: the same rows fetched with one hand-written SQL query through the
  DB-API cursor and written with the csv module.

Then it prints the machine and a Markdown table with each of ours as a ratio to its baselines.

Environment: BENCH_SCALES ("1,10"; "1" for a quick run), BENCH_DATABASES ("sqlite,postgresql"),
BENCH_REPEATS (20), BENCH_SEED (1). Each child has a time limit (BENCH_TIMEOUT seconds per
database and scale, default 1500); every page's repeats stop early after 60 s.
"""

import argparse
import contextlib
import ctypes
import datetime
import gc
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# collectstatic has not run: WhiteNoise says so once per process, which is not news here.
warnings.filterwarnings("ignore", message="No directory at")

DJANGO_ENV = {
    "DJANGO_SETTINGS_MODULE": "peel_tracker.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-not-secret",
    "DJANGO_ALLOWED_HOSTS": "testserver",
    "DJANGO_STATIC_MANIFEST": "false",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_HSTS_SECONDS": "0",
    # As in production (docs/operations.md, Deployment): keep connections between requests.
    "DJANGO_CONN_MAX_AGE": "60",
    # Pages rendered on every request: this measures rendering them. A page kept until the
    # record changes (peel_tracker.page_cache) costs a few ms whatever the page; `make load`
    # measures the server with it on.
    "DJANGO_PAGE_CACHE_SECONDS": "0",
    "DJANGO_LOG_LEVEL": "ERROR",
    # One client reads every page of the API (some 300 requests at scale 10): the rate limit
    # per token (600 a minute by default) would measure the throttle, not the API.
    "DJANGO_API_RATE": "1000000/minute",
}
PAGE_BUDGET_SECONDS = 60.0
WARMUPS = 2


# --- measuring --------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    text = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE).group(1))


class PeakMemory:
    """Peak RSS growth of this process while the block runs, in MB."""

    def __enter__(self) -> "PeakMemory":
        gc.collect()
        with contextlib.suppress(OSError):  # hand freed memory back to the OS (glibc)
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        self.before = _status_kb("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        return self

    def __exit__(self, *exc) -> None:
        self.mb = max(0, _status_kb("VmHWM") - self.before) / 1024


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def measure_page(client, url: str, repeats: int, *, before=None) -> dict:
    """before(): run before each measured request, outside the timing (e.g. a change to the
    record, so that what is cached until the record changes is computed again)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUPS):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    budget_end = time.perf_counter() + PAGE_BUDGET_SECONDS
    for _ in range(repeats):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        if time.perf_counter() > budget_end:
            break
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "url": url,
        "n": len(times),
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": percentile(times, 95) * 1000,
        "queries": len(queries.captured_queries),
        "db_ms": sum(float(q["time"]) for q in queries.captured_queries) * 1000,
    }


def measure_export(produce, rows: int) -> dict:
    """produce() does the whole export and returns the number of bytes written."""
    with PeakMemory() as memory:
        started = time.perf_counter()
        size = produce()
        elapsed = time.perf_counter() - started
    return {
        "rows": rows,
        "seconds": elapsed,
        "rows_per_s": rows / elapsed,
        "peak_mb": memory.mb,
        "bytes": size,
    }


def walk_api_csv(client, url: str) -> int:
    """Every page of an API list as CSV, following the `Link: <…>; rel="next"` header to the
    end, as a BI tool refreshing a query does. Returns the bytes read."""
    size = 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        size += len(response.content)
        following = re.search(r'<([^>]+)>;\s*rel="next"', response.get("Link", ""))
        url = following.group(1).removeprefix("http://testserver") if following else None
    return size


def read_response(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    response.close()
    return size


class ByteCounter:
    """A file-like sink for csv.writer: counts the UTF-8 bytes it is given."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text.encode("utf-8"))
        return len(text)


# --- baselines --------------------------------------------------------------------------------


def import_export_resources():
    """ModelResources for django-import-export producing the same rows and columns as our two
    exports (declared here: the app does not use the library)."""
    from import_export import fields, resources, widgets

    from recommendations.models import Finding, Response

    def text(attribute: str, column: str) -> fields.Field:
        return fields.Field(attribute=attribute, column_name=column)

    def date(attribute: str, column: str) -> fields.Field:
        return fields.Field(attribute=attribute, column_name=column, widget=widgets.DateWidget())

    class FindingRowResource(resources.ModelResource):
        force = text("row_force_name", "Force")
        report_title = text("inspection__title", "Report title")
        report_kind = text("inspection__kind", "Report kind")
        published = date("inspection__published_on", "Published")
        area_name = text("area__name", "Area")
        kind_label = text("kind", "Kind")
        ref = text("reference", "Reference")
        finding_text = text("text", "Text")
        theme_names = fields.Field(
            attribute="themes",
            column_name="Themes",
            widget=widgets.ManyToManyWidget(model="recommendations.Theme", field="name"),
        )
        status = text("row_status", "Status")
        status_since = date("row_status_since", "Status since")
        last_note = text("row_last_note", "Last note")
        carried_forward = text("carried_forward_from__inspection__title", "Carried forward from")

        class Meta:
            model = Finding
            fields = (
                "force",
                "report_title",
                "report_kind",
                "published",
                "area_name",
                "kind_label",
                "ref",
                "finding_text",
                "theme_names",
                "status",
                "status_since",
                "last_note",
                "carried_forward",
            )
            export_order = fields

    class TrackerRowResource(resources.ModelResource):
        force_name = text("force__name", "Force")
        report = text("inspection__title", "Report")
        report_kind = text("inspection__kind", "Report kind")
        published = date("report_published_on", "Published")
        due = date("due_on", "Due")
        requested = date("chief_officer_comments_requested_by", "Requested by")
        received = date("chief_officer_comments_received_on", "Received")
        response_published = date("published_on", "Response published")
        state_value = text("state", "State")
        owed = text("recommendations_owed", "Recommendations owed")
        explained = text("recommendations_explained", "Recommendations explained")
        afis = text("afi_count", "AFIs")
        reason = text("not_required_reason", "Not required: reason")
        source = text("inspection__source_url", "Report source")
        url = text("published_url", "Published response")

        class Meta:
            model = Response
            fields = (
                "force_name",
                "report",
                "report_kind",
                "published",
                "due",
                "requested",
                "received",
                "response_published",
                "state_value",
                "owed",
                "explained",
                "afis",
                "reason",
                "source",
                "url",
            )
            export_order = fields

    return FindingRowResource, TrackerRowResource


def import_export(resource_class, queryset, fmt: str) -> int:
    # A generator, not the queryset: the library pages a queryset that has prefetch_related
    # with OFFSET (quadratic at this size); iterator(chunk_size=) prefetches per chunk.
    dataset = resource_class().export(queryset=queryset.iterator(chunk_size=2000))
    data = dataset.csv if fmt == "csv" else dataset.xlsx
    return len(data.encode("utf-8") if isinstance(data, str) else data)


FINDINGS_SQL = """
SELECT COALESCE(sf.name, rf.name), i.title, i.kind, i.published_on, a.name, f.kind, f.reference,
       f.text, th.names, s.status, s.status_since, s.last_note,
       CASE WHEN cf.id IS NOT NULL THEN cfi.title || ': ' || cf.reference END
FROM recommendations_finding f
JOIN inspections_inspection i ON i.id = f.inspection_id
LEFT JOIN recommendations_findingstatus s ON s.finding_id = f.id
LEFT JOIN inspections_force sf ON sf.id = s.force_id
LEFT JOIN inspections_force rf ON rf.id = i.force_id
LEFT JOIN inspections_area a ON a.id = f.area_id
LEFT JOIN ({themes}) th ON th.finding_id = f.id
LEFT JOIN recommendations_finding cf ON cf.id = f.carried_forward_from_id
LEFT JOIN inspections_inspection cfi ON cfi.id = cf.inspection_id
ORDER BY i.published_on DESC NULLS LAST, i.title, i.id, f.position, 1 NULLS LAST, s.id NULLS FIRST
"""
# The limit for the API's whole CSV (/api/v1/findings/export.csv): the same rows with the
# columns it writes (its labels, which are derived from these, left out), by hand.
FINDINGS_API_SQL = """
SELECT i.id, i.title, i.kind, i.published_on, i.published_precision, f.id, s.id, f.kind,
       f.reference, f.text, f.area_id, a.name, COALESCE(sf.slug, rf.slug),
       COALESCE(sf.name, nb.name, rf.name), s.status, s.status_since, s.last_note, th.names,
       f.addressees, f.owed_by_forces, f.is_for_policing_bodies, f.carried_forward_from_id,
       f.superseded_by_id, 'http://testserver/findings/' || f.id || '/'
FROM recommendations_finding f
JOIN inspections_inspection i ON i.id = f.inspection_id
LEFT JOIN recommendations_findingstatus s ON s.finding_id = f.id
LEFT JOIN inspections_force sf ON sf.id = s.force_id
LEFT JOIN inspections_nationalbody nb ON nb.id = s.national_body_id
LEFT JOIN inspections_force rf ON rf.id = i.force_id
LEFT JOIN inspections_area a ON a.id = f.area_id
LEFT JOIN ({themes}) th ON th.finding_id = f.id
ORDER BY i.published_on DESC NULLS LAST, i.title, i.id, f.position, 14 NULLS LAST,
         s.id NULLS FIRST
"""
# Each finding's themes, "A; B", aggregated once and joined (not a subquery per row).
THEMES_SQL = {
    "postgresql": "SELECT ft.finding_id, string_agg(t.name, '; ' ORDER BY t.name) AS names "
    "FROM recommendations_finding_themes ft JOIN recommendations_theme t ON t.id = ft.theme_id "
    "GROUP BY ft.finding_id",
    "sqlite": "SELECT ft.finding_id, group_concat(t.name, '; ') AS names "
    "FROM recommendations_finding_themes ft JOIN recommendations_theme t ON t.id = ft.theme_id "
    "GROUP BY ft.finding_id",
}
TRACKER_SQL = """
SELECT fo.name, i.title, i.kind, r.report_published_on, r.due_on,
       r.chief_officer_comments_requested_by, r.chief_officer_comments_received_on,
       r.published_on,
       CASE WHEN r.is_not_required THEN 'not_required'
            WHEN r.is_published AND r.published_on IS NULL THEN 'published_date_unknown'
            WHEN r.is_published AND r.due_on IS NULL THEN 'published_deadline_unknown'
            WHEN r.is_published AND r.published_on <= r.due_on THEN 'published_on_time'
            WHEN r.is_published THEN 'published_late'
            WHEN r.due_on IS NULL THEN 'deadline_unknown'
            WHEN r.due_on < %(today)s THEN 'overdue'
            WHEN r.due_on <= %(soon)s THEN 'due_soon'
            ELSE 'open' END,
       (SELECT COUNT(*) FROM recommendations_finding f
         WHERE f.inspection_id = r.inspection_id AND f.kind = 'recommendation'),
       (SELECT COUNT(*) FROM recommendations_findingexplanation e
         JOIN recommendations_finding f ON f.id = e.finding_id
         WHERE e.response_id = r.id AND f.kind = 'recommendation'
           AND f.inspection_id = r.inspection_id),
       (SELECT COUNT(*) FROM recommendations_finding f
         WHERE f.inspection_id = r.inspection_id AND f.kind = 'afi'),
       r.not_required_reason, i.source_url, r.published_url
FROM recommendations_response r
JOIN inspections_inspection i ON i.id = r.inspection_id
JOIN inspections_force fo ON fo.id = r.force_id
ORDER BY r.due_on NULLS LAST, fo.name, i.title, r.id
"""


def raw_sql_csv(sql: str, params: dict) -> int:
    """The limit: one query through the DB-API cursor, rows written by the csv module."""
    import csv

    from django.db import connection

    sink = ByteCounter()
    writer = csv.writer(sink)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        writer.writerow([column[0] for column in cursor.description])
        while rows := cursor.fetchmany(2000):
            writer.writerows(rows)
    return sink.size


# --- one database, one scale (child process) ---------------------------------------------------


def create_postgres_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def run_one(scale: float, seed: int, repeats: int, out: Path, *, reuse: bool = False) -> None:
    os.environ.update({k: v for k, v in DJANGO_ENV.items() if k not in os.environ})
    if os.environ["DATABASE_URL"].startswith("postgres") and not reuse:
        create_postgres_database()
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from inspections.access import ADMINISTRATOR_GROUP, ANALYST_GROUP
    from inspections.models import Force, Inspection
    from recommendations.models import (
        DUE_SOON_DAYS,
        Finding,
        FindingStatus,
        Response,
        Status,
        Theme,
    )
    from recommendations.selectors import finding_rows, tracker_queryset
    from recommendations.services import finding_status_change

    vendor = connection.vendor
    result: dict = {"database": vendor, "scale": scale}
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SHOW server_version")
            result["db_version"] = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            result["db_version"] = f"SQLite {cursor.fetchone()[0]}"

    started = time.perf_counter()
    if not reuse:
        call_command("migrate", verbosity=0)
        call_command("load_real_data", verbosity=0)
        started = time.perf_counter()
        call_command("generate_national_dataset", scale=scale, seed=seed, verbosity=0)
    result["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load on PostgreSQL (statistics, and the
        # visibility map that index-only scans need); SQLite only ever has ANALYZE.
        cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")
    result["analyze_s"] = time.perf_counter() - started
    from recommendations.models import StatusChange

    result["counts"] = {
        "reports": Inspection.objects.count(),
        "findings": Finding.objects.count(),
        "statuses": FindingStatus.objects.count(),
        "history": StatusChange.objects.count(),
        "responses": Response.objects.count(),
    }
    print(
        f"[{vendor} scale {scale:g}] generated in {result['generate_s']:.1f} s "
        f"(ANALYZE {result['analyze_s']:.1f} s): {result['counts']}",
        flush=True,
    )

    from django.contrib.auth import get_user_model

    User = get_user_model()
    analyst, _ = User.objects.get_or_create(username="bench-analyst", is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYST_GROUP))
    administrator, _ = User.objects.get_or_create(
        username="bench-admin", is_staff=True, is_superuser=True
    )
    administrator.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    client = Client()
    client.force_login(analyst)
    admin_client = Client()
    admin_client.force_login(administrator)

    force = Force.objects.get(slug="cumbria")
    thematic = (
        Inspection.objects.filter(is_synthetic=True, kind=Inspection.Kind.THEMATIC)
        .order_by("-published_on", "pk")
        .first()
    )
    finding = thematic.findings.order_by("position").first()
    word = "scrutiny"
    filtered = f"force={force.slug}&status=open&q={word}"
    admin_list = "/admin/recommendations/findingstatus/"
    # The admin's nearest equivalents: its own force filter, status__in (a local field lookup
    # the changelist accepts), its search box; `o=5` sorts by the 5th column, status since.
    admin_filtered = (
        f"{admin_list}?force__id__exact={force.pk}"
        f"&status__in=awaiting_review,being_progressed&q={word}"
    )
    pages = [
        ("Dashboard", "/", None),
        ("Findings list", "/findings/", admin_list),
        (f"Findings: {force.name} + open + “{word}”", f"/findings/?{filtered}", admin_filtered),
        ("Findings sorted by age", "/findings/?sort=age", f"{admin_list}?o=5"),
        ("A finding (national, 43 forces)", f"/findings/{finding.pk}/", None),
        (f"A force ({force.name})", f"/forces/{force.slug}/", None),
        ("A report (national thematic)", f"/inspections/{thematic.pk}/", None),
        ("Tracker", "/tracker/", None),
        # The read-only API (docs/api.md): a page of 50 rows, as a BI tool reads it.
        ("API: findings, 50 rows", "/api/v1/findings/?page_size=50", None),
        (f"API: findings, {force.name} + open + “{word}”",
         f"/api/v1/findings/?{filtered}&page_size=50", None),
        ("API: findings, 50 rows as CSV", "/api/v1/findings/?page_size=50&format=csv", None),
        ("API: responses, 50 rows", "/api/v1/responses/?page_size=50", None),
    ]  # fmt: skip
    # What is cached until the record changes (recommendations.freshness) is computed again by
    # the first request after a change: a status change (as an OPCC editor records one) before
    # each request; or, the worst case, an empty cache (a new server process, a report changed).
    statuses = iter(
        FindingStatus.objects.filter(force=force).order_by("pk")[: 4 * (repeats + WARMUPS + 1)]
    )

    def status_change() -> None:
        finding_status_change(
            finding_status=next(statuses),
            status=Status.BEING_PROGRESSED,
            effective_on=timezone.localdate(),
            note="Benchmark: a status change before the request.",
            user=administrator,
        )

    after_change = "first request after a status change"
    pages += [
        (f"Dashboard, {after_change}", "/", None, status_change),
        (f"Findings list, {after_change}", "/findings/", admin_list, status_change),
        (f"Findings: {force.name} + open + “{word}”, {after_change}", f"/findings/?{filtered}",
         admin_filtered, status_change),
        ("Findings list, cache empty", "/findings/", admin_list, cache.clear),
    ]  # fmt: skip
    result["pages"] = []
    admin_results: dict[str, dict] = {}
    for label, url, admin_url, *before in pages:
        ours = measure_page(client, url, repeats, before=before[0] if before else None)
        if admin_url and admin_url not in admin_results:
            admin_results[admin_url] = measure_page(admin_client, admin_url, repeats)
        admin = admin_results.get(admin_url)
        result["pages"].append({"label": label, "ours": ours, "admin": admin})
        line = f"  {label}: p50 {ours['p50_ms']:.0f} ms, p95 {ours['p95_ms']:.0f} ms, "
        line += f"{ours['queries']} queries"
        if admin:
            line += f"; admin p95 {admin['p95_ms']:.0f} ms, {admin['queries']} queries"
        print(line, flush=True)

    FindingRowResource, TrackerRowResource = import_export_resources()
    finding_count = finding_rows().count()
    response_count = Response.objects.count()
    today = timezone.localdate()
    from django.db.models import Prefetch

    findings_qs = (
        finding_rows()
        .select_related("carried_forward_from__inspection")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )
    sql_params = {"today": today, "soon": today + datetime.timedelta(days=DUE_SOON_DAYS)}
    exports = [
        ("Findings", "/findings/export", finding_count, findings_qs, FindingRowResource,
         FINDINGS_SQL.format(themes=THEMES_SQL[vendor]), {}),
        ("Tracker", "/tracker/export", response_count, tracker_queryset(today),
         TrackerRowResource, TRACKER_SQL, sql_params),
    ]  # fmt: skip
    result["exports"] = []
    for label, url, rows, queryset, resource, sql, params in exports:
        limit = measure_export(lambda sql=sql, params=params: raw_sql_csv(sql, params), rows)
        for fmt in ("csv", "xlsx"):
            ours = measure_export(
                lambda fmt=fmt, url=url: read_response(client, f"{url}.{fmt}"), rows
            )
            ie = measure_export(
                lambda fmt=fmt, q=queryset, r=resource: import_export(r, q.all(), fmt), rows
            )
            entry = {"label": f"{label} {fmt.upper()}", "ours": ours, "import_export": ie}
            if fmt == "csv":
                entry["limit"] = limit
            result["exports"].append(entry)
            print(
                f"  {label} {fmt}: {rows} rows, ours {ours['rows_per_s']:.0f} rows/s "
                f"(+{ours['peak_mb']:.0f} MB); import-export {ie['rows_per_s']:.0f} rows/s "
                f"(+{ie['peak_mb']:.0f} MB)"
                + (f"; raw SQL {limit['rows_per_s']:.0f} rows/s" if fmt == "csv" else ""),
                flush=True,
            )
    # Every finding through the API's CSV: pages of 1,000 (its largest), following `next` as
    # a BI tool does, and the whole file from /api/v1/findings/export.csv; against the
    # findings export's raw SQL limit and against one for the API's own columns (issue 18
    # asks for at least 0.6 of the limit).
    limit = result["exports"][0]["limit"]
    api_limit_sql = FINDINGS_API_SQL.format(themes=THEMES_SQL[vendor])
    api_limit = measure_export(lambda: raw_sql_csv(api_limit_sql, {}), finding_count)
    api = measure_export(
        lambda: walk_api_csv(client, "/api/v1/findings/?format=csv&page_size=1000"),
        finding_count,
    )
    whole = measure_export(
        lambda: read_response(client, "/api/v1/findings/export.csv"), finding_count
    )
    result["api_csv"] = {"ours": api, "whole": whole, "limit": limit, "api_limit": api_limit}
    print(
        f"  API findings CSV: {finding_count} rows; pages of 1,000 {api['rows_per_s']:.0f} "
        f"rows/s (+{api['peak_mb']:.0f} MB); export.csv {whole['rows_per_s']:.0f} rows/s "
        f"(+{whole['peak_mb']:.0f} MB); raw SQL {limit['rows_per_s']:.0f} rows/s, with the "
        f"API's columns {api_limit['rows_per_s']:.0f} rows/s",
        flush=True,
    )
    out.write_text(json.dumps(result, indent=1, default=str))


# --- everything (parent process) ----------------------------------------------------------------


def machine() -> str:
    meminfo = Path("/proc/meminfo").read_text()
    ram_gb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 1024 / 1024
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = f" ({match.group(1).strip()})" if match else ""
    return (
        f"{os.cpu_count()} cores{cpu}, {ram_gb:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return ""
    return f"{numerator / denominator:.2f}×"


def report(results: list[dict]) -> str:
    lines = [f"Machine: {machine()}; " + ", ".join(sorted({r["db_version"] for r in results}))]
    lines.append("")
    lines.append("Dataset generation (`generate_national_dataset --seed 1`):")
    lines.append("")
    lines.append("| database | scale | findings | statuses | history | responses | seconds |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        c = r["counts"]
        lines.append(
            f"| {r['database']} | {r['scale']:g} | {c['findings']:,} | {c['statuses']:,} | "
            f"{c['history']:,} | {c['responses']:,} | {r['generate_s']:.0f} |"
        )
    lines.append("")
    lines.append(
        "Pages (server time in ms over the test client; queries per request; admin = the "
        "FindingStatus changelist with the equivalent filter and sort; speed-up = admin p95 / "
        "ours p95):"
    )
    lines.append("")
    lines.append(
        "| database | scale | page | p50 | p95 | queries | admin p95 | admin queries | speed-up |"
    )
    lines.append("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        for page in r["pages"]:
            ours, admin = page["ours"], page["admin"]
            lines.append(
                f"| {r['database']} | {r['scale']:g} | {page['label']} | {ours['p50_ms']:.0f} | "
                f"{ours['p95_ms']:.0f} | {ours['queries']} | "
                + (
                    f"{admin['p95_ms']:.0f} | {admin['queries']} | "
                    f"{ratio(admin['p95_ms'], ours['p95_ms'])} |"
                    if admin
                    else " |  |  |"
                )
            )
    lines.append("")
    lines.append(
        "Exports (rows per second over the whole request; memory = peak RSS growth of the "
        "process in MB; ratios are ours / baseline in rows per second):"
    )
    lines.append("")
    lines.append(
        "| database | scale | export | rows | ours rows/s | ours MB | import-export rows/s | "
        "import-export MB | raw SQL rows/s | raw SQL MB | ours ÷ raw SQL | "
        "ours ÷ import-export |"
    )
    lines.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        for e in r["exports"]:
            ours, ie, limit = e["ours"], e["import_export"], e.get("limit")
            lines.append(
                f"| {r['database']} | {r['scale']:g} | {e['label']} | {ours['rows']:,} | "
                f"{ours['rows_per_s']:,.0f} | {ours['peak_mb']:.0f} | {ie['rows_per_s']:,.0f} | "
                f"{ie['peak_mb']:.0f} | "
                + (f"{limit['rows_per_s']:,.0f} | {limit['peak_mb']:.0f} | " if limit else " |  | ")
                + f"{ratio(ours['rows_per_s'], limit['rows_per_s']) if limit else ''} | "
                f"{ratio(ours['rows_per_s'], ie['rows_per_s'])} |"
            )
    lines.append("")
    lines.append(
        "Every finding through the API as CSV: `/api/v1/findings/?format=csv&page_size=1000` "
        "following `next` to the end, and `/api/v1/findings/export.csv` (one streamed file); "
        "against the findings export's raw SQL limit and against one with the API's columns:"
    )
    lines.append("")
    lines.append(
        "| database | scale | rows | request | rows/s | MB | raw SQL rows/s | ÷ raw SQL | "
        "raw SQL, API's columns | ÷ that |"
    )
    lines.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        if "api_csv" not in r:
            continue
        found = r["api_csv"]
        limit, api_limit = found["limit"], found.get("api_limit")
        for label, key in (("pages of 1,000", "ours"), ("export.csv", "whole")):
            if key not in found:
                continue
            ours = found[key]
            lines.append(
                f"| {r['database']} | {r['scale']:g} | {ours['rows']:,} | {label} | "
                f"{ours['rows_per_s']:,.0f} | {ours['peak_mb']:.0f} | "
                f"{limit['rows_per_s']:,.0f} | {ratio(ours['rows_per_s'], limit['rows_per_s'])} | "
                + (
                    f"{api_limit['rows_per_s']:,.0f} | "
                    f"{ratio(ours['rows_per_s'], api_limit['rows_per_s'])} |"
                    if api_limit
                    else " |  |"
                )
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    # Development: measure a database that already holds the dataset (DATABASE_URL).
    parser.add_argument("--reuse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    seed = int(os.environ.get("BENCH_SEED", "1"))
    repeats = int(os.environ.get("BENCH_REPEATS", "20"))
    if args.one:  # a child: DATABASE_URL is set
        run_one(args.scale, seed, repeats, args.out, reuse=args.reuse)
        return

    scales = [float(s) for s in os.environ.get("BENCH_SCALES", "1,10").split(",") if s.strip()]
    databases = [
        d.strip() for d in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
    ]
    timeout = int(os.environ.get("BENCH_TIMEOUT", "1500"))
    results = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="peel-bench-") as tmp:
        for scale in scales:
            for database in databases:
                out = Path(tmp) / f"{database}-{scale:g}.json"
                command = [sys.executable, __file__, "--one", "--scale", f"{scale:g}"]
                command += ["--out", str(out)]
                env = {**os.environ, **DJANGO_ENV}
                if database == "sqlite":
                    env["DATABASE_URL"] = f"sqlite:///{tmp}/bench-{scale:g}.sqlite3"
                else:
                    env.pop("DATABASE_URL", None)
                    command = [str(ROOT / "scripts" / "with-postgres.sh"), *command]
                print(f"== {database}, scale {scale:g}", flush=True)
                subprocess.run(command, env=env, cwd=ROOT, check=True, timeout=timeout)
                results.append(json.loads(out.read_text()))
                Path(tmp, f"bench-{scale:g}.sqlite3").unlink(missing_ok=True)
    print(f"\nTotal {time.perf_counter() - started:.0f} s.\n")
    print(report(results))


if __name__ == "__main__":
    main()
