"""Read pages and CSV exports kept, rendered, until the record changes.

Reading is nearly all of this service's traffic and the record changes a few times a day, but
rendering a page costs 40-80 ms of CPU (SQL is a fifth of it): under load (`make load`, 20
clients on 2 cores) that queued requests for most of a second. So a page's rendered blocks
and a CSV export's bytes are kept in the "pages" cache (each process's memory, or a directory
the processes share: settings.CACHE_DIR) under a key made of:

- the view and its URL as requested: scheme, host, path and query string (an export's links to
  the findings' pages name the host they were asked from);
- the record's version (recommendations.freshness.record_version), read before anything else,
  so what is kept is never older than its key says; and today's date (deadlines count days);
- the user's access, as the caller names it (for the record: the forces they may edit, every
  force for administrators, their staff status and permissions), which decides the edit links a
  page shows. Every role reads the same published record otherwise.

This module is the generic mechanism: the caller passes how to read the data's version and the
user's access (`version`, `access`), so it imports no app. recommendations/page_cache.py gives
them for the record and is what the views call.

Only what every user with that access sees is kept: the page's title, breadcrumbs and content
blocks, never the header (the user's name, the sign-out form and its CSRF token) or messages,
which base.html renders for each request. The views check sign-in and permission before they
get here, so a refused request never reads or fills the cache.

What differs between users with the same access (their saved views, the saved view they
opened) is never in what is kept: the page's template marks its place with a comment
(`fresh_marker(name)`), and `fresh(request)` gives, for each request, the HTML put there after
the page is read from the cache (or rendered).

PAGE_CACHE_SECONDS (setting, environment variable DJANGO_PAGE_CACHE_SECONDS) bounds how long
anything is kept (a safety net for changes made outside the application, e.g. raw SQL); 0
turns the cache off.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from peel_tracker.caching import cache_key, cached

CACHE_ALIAS = "pages"
# The blocks of base.html that a page fills, in the order page_blocks.html gives them, each
# followed by BLOCK_END; the rest of base.html is rendered for each request (cached_page.html).
BLOCKS = ("title", "breadcrumbs", "content")
BLOCKS_TEMPLATE = "page_blocks.html"
BLOCK_END = "<!--page-block-end-->"
# A larger export is streamed each time and never held in memory (national exports run to
# tens of megabytes).
MAX_EXPORT_BYTES = 1024 * 1024
V = TypeVar("V")


def fresh_marker(name: str) -> str:
    """Where a page's per-request HTML named `name` goes: a comment no escaped text can contain
    (page text is escaped, so a "<" in it is never a comment's)."""
    return f"<!--fresh:{name}-->"


def _with_fresh(html: str, parts: dict[str, str]) -> str:
    for name, part in parts.items():
        html = html.replace(fresh_marker(name), part, 1)
    return html


def _enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _name(request: HttpRequest, name: str, access: Callable[[HttpRequest], str]) -> str:
    """What is kept, for whom and when: the view, its URL, the user's access, today."""
    today = timezone.localdate().isoformat()
    return "\0".join(("page", name, request.build_absolute_uri(), access(request), today))


def render_page(
    request: HttpRequest,
    template_name: str,
    build_context: Callable[[V], dict],
    *,
    version: Callable[[], V],
    access: Callable[[HttpRequest], str],
    fresh: Callable[[HttpRequest], dict[str, str]] | None = None,
) -> HttpResponse:
    """What render(request, template_name, build_context(version)) returns, with the page's
    blocks from the cache when they were rendered for this record, day and access.
    `build_context` runs only when they were not; it receives the record's version for the
    counts it caches itself. The page's template extends `base_template` (default base.html):
    rendered on page_blocks.html instead, it gives its blocks between markers. The context's
    `active_section` (the navigation's current item) is kept with them. `version()` gives the
    data's version (read first, once); `access(request)` names what the user may do.
    `fresh(request)`, if given, runs for every request, after the cache: {name: HTML} for the
    page's fresh_marker(name) places."""
    current = version()
    if not _enabled():
        response = render(request, template_name, build_context(current))
        if fresh is not None:
            response.content = _with_fresh(response.content.decode(), fresh(request))
        return response

    def render_blocks() -> dict:
        context = build_context(current)
        html = render_to_string(
            template_name, context | {"base_template": BLOCKS_TEMPLATE}, request
        )
        *blocks, rest = html.split(BLOCK_END)
        if len(blocks) != len(BLOCKS) or rest.strip():
            raise ValueError(f"{template_name} did not render its blocks on {BLOCKS_TEMPLATE}.")
        return dict(zip(BLOCKS, blocks, strict=True), active_section=context.get("active_section"))

    page = cached(
        _name(request, template_name, access),
        current,
        render_blocks,
        using=CACHE_ALIAS,
        seconds=settings.PAGE_CACHE_SECONDS,
    )
    if fresh is not None:
        page = page | {"content": _with_fresh(page["content"], fresh(request))}
    return render(request, "cached_page.html", page)


def cached_export(
    request: HttpRequest,
    name: str,
    make_response: Callable[[], HttpResponse],
    *,
    version: Callable[[], object],
    access: Callable[[HttpRequest], str],
) -> HttpResponse:
    """make_response(), or the bytes it streamed last time for this record, day and access.
    A streamed response is kept as it goes out, if it finishes and is at most MAX_EXPORT_BYTES;
    an error response (a bad filter) is never kept."""
    if not _enabled():
        return make_response()
    cache = caches[CACHE_ALIAS]
    key = cache_key(_name(request, name, access), version())
    kept = cache.get(key)
    if kept is not None:
        body, headers = kept
        response = HttpResponse(body)
        for header, value in headers.items():
            response[header] = value
        return response
    response = make_response()
    if isinstance(response, StreamingHttpResponse) and response.status_code == 200:
        headers = {h: response[h] for h in ("Content-Type", "Content-Disposition") if h in response}
        response.streaming_content = _kept_as_sent(
            response.streaming_content,
            lambda body: cache.set(key, (body, headers), settings.PAGE_CACHE_SECONDS),
        )
    return response


def _kept_as_sent(chunks: Iterable[bytes], keep: Callable[[bytes], None]) -> Iterator[bytes]:
    """The chunks, passed on as they come; when the last has gone, keep(the whole body) if it
    stayed within MAX_EXPORT_BYTES. A download cut short ends the generator early: nothing is
    kept."""
    parts: list[bytes] | None = []
    size = 0
    for chunk in chunks:
        if parts is not None:
            size += len(chunk)
            if size <= MAX_EXPORT_BYTES:
                parts.append(chunk)
            else:
                parts = None
        yield chunk
    if parts is not None:
        keep(b"".join(parts))
