"""Fuzz test: hostile query strings against every page and export of a running server.

Usage: python benchmarks/fuzz.py --base-url http://127.0.0.1:8000 --username U --password P
       [--per-url 200] [--seed 1] [--no-admin]

Signs in (as the load test does), then finds what to ask for: the app's pages and exports; a
force's, a report's and a finding's page, by following the dashboard's and the findings list's
links; and, when the user may use the admin, every list (changelist) its index links to. The
parameter names come from the pages themselves (the names of their form fields and of the
parameters in their links), with names that mean something to Django's admin and names that
mean nothing. Each URL is then sent --per-url query strings made of those names with hostile
values (HOSTILE_VALUES: huge and negative numbers, impossible dates, NUL and other control
characters, non-ASCII, SQL, HTML and spreadsheet-formula injection, very long strings), raw
percent-encoding garbage (RAW_FRAGMENTS) and repeated parameters, from a fixed seed so that a
run can be repeated. One client, one request at a time: it looks for failures, not throughput.

Prints the answers by status code for each URL, every server error (5xx, or no answer) with its
query string, and every HTML page that shows an injected tag unescaped (INJECTION_MARKERS);
exits non-zero if there was any. Only ever point it at a server on this machine (127.0.0.1).
`make fuzz` starts gunicorn on a throwaway PostgreSQL with the data and runs this against it.

tests/test_fuzz_queries.py sends the same catalogue (this module's constants and
query_string()) through Django's test client, on SQLite and PostgreSQL, as part of the suite.
"""

import argparse
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from html import unescape

# Names that mean something to Django's admin lists and to pagination, and some that mean
# nothing to anything here (a framework's array syntax, tracking, a redirect, the empty name).
GENERIC_NAMES = [
    "page",
    "sort",
    "q",
    "o",
    "p",
    "e",
    "all",
    "_to_field",
    "_popup",
    "_changelist_filters",
    "_facets",
    "next",
    "format",
    "id",
    "pk",
    "force[]",
    "utm_source",
    "",
]

# An injected tag or attribute that must never reach a page as markup: each value below that
# carries one contains a marker, and a page containing the marker unescaped has let it through.
INJECTION_MARKERS = ["<fuzz-tag", "<script>fuzz", "<img src=x onerror=fuzz", '" onmouseover="fuzz']

HOSTILE_VALUES = [
    # Numbers: huge (past 64 bits), negative, zero, not integers, other digits.
    "9" * 40,
    "9223372036854775808",
    "-9223372036854775809",
    "2147483648",
    "-1",
    "0",
    "00001",
    "1.5",
    "1e308",
    "NaN",
    "inf",
    "0x10",
    " 1",
    "1,2",
    "²",
    "١٢",
    # Dates that do not exist or do not fit.
    "2026-02-30",
    "2026-02-29",
    "99999-01-01",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2026-13-01",
    "2026-00-10",
    "-2026-01-01",
    "2026-1-1",
    "31/12/2026",
    "2026-12-02T25:61:00",
    # Control characters, non-ASCII and whitespace.
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\r\nSet-Cookie: fuzz=1",
    "\u202etxt.exe",
    "\ufeff",
    "ñandú",
    "日本語",
    "💥",
    " ",
    "\t",
    # SQL and lookup syntax.
    "' OR '1'='1",
    "1; DROP TABLE recommendations_finding; --",
    '" OR 1=1 --',
    "1) UNION SELECT NULL, NULL --",
    "%' --",
    "\\",
    "%",
    "_",
    "*",
    "__",
    "-pk",
    "id__gt",
    "password",
    # HTML and script injection (each carries an INJECTION_MARKERS marker).
    "<script>fuzz()</script>",
    '"><fuzz-tag>',
    "'><fuzz-tag>",
    '" onmouseover="fuzz()',
    "<img src=x onerror=fuzz()>",
    "</textarea></title><fuzz-tag>",
    "javascript:fuzz()",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    # Spreadsheet formulas.
    '=HYPERLINK("http://example.invalid","x")',
    "+SUM(1+1)",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    # Sizes.
    "",
    "x" * 1000,
    "é" * 500,
    "a b " * 300,
]

# Pieces of query string sent as they are: broken percent-encoding, invalid UTF-8 once
# decoded, empty and odd separators.
RAW_FRAGMENTS = [
    "%",
    "%%",
    "%ZZ",
    "%2",
    "%u0041",
    "%E2%82",
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",
    "%00",
    "%0D%0A",
    "&",
    "&&&",
    "=",
    "==x",
    "a=b=c",
    ";",
    "+",
    "page=1&page=2&page=-1",
    "%26%3D",
    "q[$ne]=1",
    "x" * 3000 + "=1",
]

# Kept unencoded in a query string; everything else is percent-encoded as UTF-8.
_SAFE = "-_.~"


def encode(text: str) -> str:
    # Surrogates (st.text() never makes them; a random draw might) as what a client would send.
    return urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe=_SAFE)


def query_string(parts: list[tuple[str, str] | str]) -> str:
    """A query string of (name, value) pairs, percent-encoded, and raw fragments sent as they
    are, joined with "&". ASCII only, so any HTTP client can send it."""
    return "&".join(
        part if isinstance(part, str) else f"{encode(part[0])}={encode(part[1])}" for part in parts
    )


def unescaped_markers(html: str) -> list[str]:
    """The injection markers the page shows as markup (not as escaped text)."""
    return [marker for marker in INJECTION_MARKERS if marker in html]


def random_value(rng: random.Random, plausible: list[str]) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(HOSTILE_VALUES)
    if roll < 0.65 and plausible:
        return rng.choice(plausible)
    if roll < 0.80:
        return str(rng.choice([-1, 1]) * rng.randrange(10 ** rng.randrange(1, 40)))
    # Random text from every part of Unicode (surrogates and control characters included).
    alphabet = [chr(rng.randrange(0x110000)) for _ in range(8)] + list("<>\"'&%=;\\ -_")
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60)))


# gunicorn answers 400 itself, before Django, for a request line over 4,094 bytes (nginx's
# default limit is 8 KB): a query string is kept under this so that the application answers.
MAX_QUERY_CHARS = 3500


def random_query(rng: random.Random, names: list[str], plausible: list[str]) -> str:
    """One hostile query string: up to eight parts, mostly known names with hostile values,
    sometimes a random name, a raw fragment, or a part repeated; at most MAX_QUERY_CHARS."""
    parts: list[tuple[str, str] | str] = []
    for _ in range(rng.randrange(1, 9)):
        roll = rng.random()
        if roll < 0.1:
            parts.append(rng.choice(RAW_FRAGMENTS))
        elif roll < 0.2 and parts:
            parts.append(rng.choice(parts))
        else:
            name = rng.choice(names) if rng.random() < 0.85 else random_value(rng, [])
            parts.append((name, random_value(rng, plausible)))
        if len(query_string(parts)) > MAX_QUERY_CHARS:
            parts.pop()
    return query_string(parts) or "page=1"


@dataclass
class Results:
    statuses: dict[str, Counter] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


def fetch(opener, url: str) -> tuple[int, str, bytes]:
    """(status, content type, body); status 0 when no answer came."""
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return 0, "", str(error).encode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Count a redirect as the answer (302 to the admin's ?e=1) rather than follow it."""

    def redirect_request(self, *args, **kwargs):
        return None


def _names(html: str) -> set[str]:
    """The parameter names a page uses: its form fields' and those in its links' queries."""
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html))
    names.discard("csrfmiddlewaretoken")
    for query in re.findall(r'href="\?([^"#]*)"', html):
        names.update(urllib.parse.parse_qs(unescape(query), keep_blank_values=True))
    return names


def discover(opener, base_url: str, admin: bool) -> tuple[dict[str, list[str]], list[str]]:
    """The paths to fuzz, each with the parameter names to send it (those of its page, or of
    the list an export exports, and GENERIC_NAMES), and plausible values (slugs and ids read
    off the pages)."""
    lists = ["/", "/findings/", "/tracker/"]
    pages = {path: fetch(opener, base_url + path)[2].decode(errors="replace") for path in lists}
    html = "".join(pages.values())
    app_names = sorted(set().union(*map(_names, pages.values())) | set(GENERIC_NAMES))
    paths = dict.fromkeys(["/", "/accounts/login/", "/favicon.ico"], app_names)
    for page in ("/findings/", "/tracker/"):
        own = sorted(_names(pages[page]) | set(GENERIC_NAMES))
        for path in (page, f"{page}export.csv", f"{page}export.xlsx"):
            paths[path] = own
    # A force's page, a report's and a finding's: the first each page links to.
    for pattern in (r"/forces/[a-z0-9-]+/", r"/inspections/\d+/", r"/findings/\d+/"):
        for path in sorted(set(re.findall(f'href="({pattern})"', html)))[:1]:
            paths[path] = app_names
    if admin:
        status, _, body = fetch(opener, base_url + "/admin/")
        if status == 200:
            changelists = re.findall(r'href="(/admin/[a-z_]+/[a-z_]+/)"', body.decode())
            for path in sorted(set(changelists)):
                pages[path] = fetch(opener, base_url + path)[2].decode(errors="replace")
                paths[path] = sorted(_names(pages[path]) | set(GENERIC_NAMES))
    html = "".join(pages.values())
    plausible = set(re.findall(r'<option[^>]*value="([^"]+)"', html))
    plausible.update(re.findall(r"/forces/([a-z0-9-]+)/", html))
    return paths, sorted(plausible)


def run(opener, base_url: str, paths: dict[str, list[str]], plausible, per_url: int, seed: int):
    results = Results()
    for path, names in paths.items():
        # A generator per path, so adding a path does not change what the others are sent.
        rng = random.Random(f"{seed}:{path}")
        counts = results.statuses.setdefault(path, Counter())
        for _ in range(per_url):
            query = random_query(rng, names, plausible)
            started = time.perf_counter()
            status, content_type, body = fetch(opener, f"{base_url}{path}?{query}")
            results.latencies.append(time.perf_counter() - started)
            counts[status] += 1
            if status == 0 or status >= 500:
                results.failures.append(f"{status or 'no answer'} {path}?{query[:300]}")
            elif content_type.startswith("text/html"):
                shown = unescaped_markers(body.decode(errors="replace"))
                if shown:
                    results.failures.append(f"unescaped {shown} in {path}?{query[:300]}")
    return results


def main() -> None:
    # Run as a script (python benchmarks/fuzz.py): the load test's sign-in and percentiles
    # are beside it.
    from load_test import logged_in_opener, percentile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--per-url", type=int, default=200, help="query strings per URL")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-admin", action="store_true", help="leave out the admin's lists")
    args = parser.parse_args()
    host = urllib.parse.urlparse(args.base_url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("Refusing to fuzz anything but this machine (127.0.0.1 / localhost).")

    signed_in = logged_in_opener(args.base_url, args.username, args.password)
    cookies = next(
        h for h in signed_in.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)
    )
    opener = urllib.request.build_opener(NoRedirect, cookies)
    paths, plausible = discover(opener, args.base_url, admin=not args.no_admin)
    started = time.monotonic()
    results = run(opener, args.base_url, paths, plausible, args.per_url, args.seed)
    elapsed = time.monotonic() - started

    total = sum(sum(counts.values()) for counts in results.statuses.values())
    codes = sorted({code for counts in results.statuses.values() for code in counts})
    print(f"\n{total} hostile query strings in {elapsed:.0f} s against {args.base_url}")
    names = {name for own in paths.values() for name in own}
    print(f"({args.per_url} per URL, seed {args.seed}, {len(names)} parameter names)\n")
    print("| URL | " + " | ".join(str(code or "no answer") for code in codes) + " |")
    print("|---|" + "---:|" * len(codes))
    for path, counts in results.statuses.items():
        print(f"| `{path}` | " + " | ".join(str(counts.get(code, 0)) for code in codes) + " |")
    overall = Counter()
    for counts in results.statuses.values():
        overall.update(counts)
    print("| **all** | " + " | ".join(str(overall[code]) for code in codes) + " |")
    p50, p95 = (percentile(results.latencies, pct) * 1000 for pct in (50, 95))
    print(
        f"\np50 {p50:.0f} ms, p95 {p95:.0f} ms; {len(results.failures)} failures "
        "(server errors, no answer, unescaped HTML)."
    )
    for failure in results.failures:
        print(f"  {failure!r}")
    sys.exit(1 if results.failures else 0)


if __name__ == "__main__":
    main()
