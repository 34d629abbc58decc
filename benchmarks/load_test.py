"""Load test: N concurrent logged-in clients against a running server for a bounded time.

Usage: python benchmarks/load_test.py --base-url http://127.0.0.1:8000 --username U --password P
       [--concurrency 20] [--duration 30] [--paths /findings/ /tracker/ ...] [--vary]

--vary: instead of the same six pages, every force in turn (the dashboard's links): its page,
its CSV, the filtered list for it, and a different page of the findings list and the tracker
each time, so that most requests ask for something not asked for before.

Only ever point it at a server on this machine (127.0.0.1): every loop is bounded in time and
stops by itself. Prints requests per second, latency percentiles and errors. `make load` starts
gunicorn on PostgreSQL with the data and runs this against it.
"""

import argparse
import http.cookiejar
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from process_cpu import tree_cpu_seconds

DEFAULT_PATHS = [
    "/findings/",
    "/findings/?status=open&kind=afi&q=scrutiny",
    "/tracker/",
    "/forces/cumbria/",
    "/findings/export.csv?force=cumbria",
    "/",
]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    label: Callable[[str], str] = str

    def record(self, path: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(path, []).append(seconds)
            if not ok:
                self.errors[path] = self.errors.get(path, 0) + 1


def logged_in_opener(base_url: str, username: str, password: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"{base_url}/accounts/login/"
    opener.open(login_url).read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(login_url, data=data, headers={"Referer": login_url})
    opener.open(request).read()
    if not any(c.name == "sessionid" for c in jar):
        sys.exit(f"Could not sign in as {username} at {login_url}.")
    return opener


def varied_paths(opener, base_url: str) -> list[str]:
    """Six requests per force, as DEFAULT_PATHS but for that force and with other pages."""
    dashboard = opener.open(base_url + "/").read().decode()
    slugs = sorted(set(re.findall(r'href="/forces/([a-z0-9-]+)/"', dashboard)))
    if not slugs:
        sys.exit("No force pages linked from the dashboard: nothing to vary.")
    paths = []
    for page, slug in enumerate(slugs, start=1):
        paths += [
            f"/findings/?page={page}",
            f"/findings/?status=open&kind=afi&q=scrutiny&force={slug}",
            f"/tracker/?page={page}",
            f"/forces/{slug}/",
            f"/findings/export.csv?force={slug}",
            "/",
        ]
    return paths


def page_label(path: str) -> str:
    """A varied path as the page it asks for: /forces/{force}/, /findings/?page={n}, ..."""
    path = re.sub(r"/forces/[^/]+/", "/forces/{force}/", path)
    path = re.sub(r"force=[^&]+", "force={force}", path)
    return re.sub(r"page=\d+", "page={n}", path)


def client(opener, base_url: str, paths: list[str], deadline: float, results: Results, offset: int):
    index = offset
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        started = time.perf_counter()
        try:
            with opener.open(base_url + path, timeout=30) as response:
                response.read()
                ok = response.status == 200
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            ok = False
        results.record(results.label(path), time.perf_counter() - started, ok)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (max 600)")
    parser.add_argument("--paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--vary", action="store_true", help="every force, other pages each time")
    parser.add_argument("--server-pid", type=int, help="gunicorn's master: CPU per request")
    parser.add_argument("--database-pid", type=int, help="PostgreSQL's postmaster: the same")
    args = parser.parse_args()
    host = urllib.parse.urlparse(args.base_url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("Refusing to load-test anything but this machine (127.0.0.1 / localhost).")
    duration = min(args.duration, 600.0)

    openers = [
        logged_in_opener(args.base_url, args.username, args.password)
        for _ in range(args.concurrency)
    ]
    paths = varied_paths(openers[0], args.base_url) if args.vary else args.paths
    results = Results(label=page_label if args.vary else str)
    watched = {"server": args.server_pid, "database": args.database_pid}
    cpu_before = {name: tree_cpu_seconds(pid) for name, pid in watched.items() if pid}
    started = time.monotonic()
    deadline = started + duration
    # Each client starts at its own place in the list: with --vary, spread over all of it, as
    # people asking for different things would (starting together, they would all ask for the
    # same new page at the same moment).
    offsets = [i * len(paths) // len(openers) if args.vary else i for i in range(len(openers))]
    threads = [
        threading.Thread(
            target=client, args=(opener, args.base_url, paths, deadline, results, offset)
        )
        for opener, offset in zip(openers, offsets, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cpu_used = {name: tree_cpu_seconds(watched[name]) - cpu_before[name] for name in cpu_before}

    everything = [s for values in results.latencies.values() for s in values]
    errors = sum(results.errors.values())
    print(f"\n{args.concurrency} concurrent clients for {elapsed:.0f} s against {args.base_url}\n")
    print("| page | requests | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for path, values in results.latencies.items():
        print(
            f"| `{path}` | {len(values)} | {statistics.median(values) * 1000:.0f} | "
            f"{percentile(values, 95) * 1000:.0f} | {percentile(values, 99) * 1000:.0f} | "
            f"{results.errors.get(path, 0)} |"
        )
    print(
        f"| **all** | {len(everything)} | {statistics.median(everything) * 1000:.0f} | "
        f"{percentile(everything, 95) * 1000:.0f} | {percentile(everything, 99) * 1000:.0f} | "
        f"{errors} |"
    )
    print(f"\n{len(everything) / elapsed:.1f} requests per second, {errors} errors.")
    if cpu_used and everything:
        # The clients share the machine: its cores are split between them, gunicorn and
        # PostgreSQL, so CPU per request, not latency, is what a bigger server would divide.
        per_request = ", ".join(
            f"{name} {seconds / len(everything) * 1000:.1f} ms"
            for name, seconds in cpu_used.items()
        )
        print(f"CPU per request: {per_request} (user + system, the process and its children).")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
