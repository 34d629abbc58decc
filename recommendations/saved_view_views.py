"""Saved views: save the findings list's or the tracker's filters under a name, list the views
a person may open, open one (its address redirects to the page with its query string), export
it, and, for its owner only, rename, re-share or delete it.

Who may open a view is SavedView.objects.visible_to (through the selectors): anyone else gets
404, whether or not it exists. Who may change it is its owner: anyone else who may open it gets
403. Every page asks the person to sign in; opening or exporting a view also asks the
permission of the page it is a view of."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from peel_tracker.concurrency import ConcurrentEditError
from recommendations import selectors, services
from recommendations.models import SavedView
from recommendations.models.saved_views import QUERY_MAX_CHARS
from recommendations.page_cache import cached_export
from recommendations.pagination import page_or_nearest
from recommendations.saved_view_forms import SavedViewForm
from recommendations.services.saved_views import QUERY_TOO_LONG
from recommendations.tracker_views import tracker_export
from recommendations.views.exports import findings_export

LIST_PAGE_SIZE = 50
PAGE_URLS = {
    SavedView.Page.FINDINGS: "recommendations:list",
    SavedView.Page.TRACKER: "tracker:list",
}
EXPORTS = {SavedView.Page.FINDINGS: findings_export, SavedView.Page.TRACKER: tracker_export}


def _visible(request: HttpRequest, pk: int) -> SavedView:
    """The view if this person may open it and the page it is a view of; 404 otherwise (its
    existence is not theirs to know), 403 if they may not open that page."""
    view = selectors.saved_view_visible(pk=pk, user=request.user)
    if view is None:
        raise Http404("No saved view here.")
    if not request.user.has_perm(selectors.PAGE_PERMISSIONS[view.page]):
        raise PermissionDenied
    return view


def _owned(request: HttpRequest, pk: int) -> SavedView:
    """The view if this person owns it; 404 if they may not open it, 403 if they may open but
    not change it."""
    view = _visible(request, pk)
    if not view.is_owned_by(request.user):
        raise PermissionDenied
    return view


def page_url(page: str, query: str, view_id: int | None = None) -> str:
    """The page's address for a query string, naming the saved view it came from if any."""
    pairs = [part for part in (query, f"view={view_id}" if view_id else "") if part]
    return reverse(PAGE_URLS[page]) + ("?" + "&".join(pairs) if pairs else "")


@login_required
@require_safe
def saved_view_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(selectors.saved_views_visible(user=request.user), LIST_PAGE_SIZE)
    page_obj, page_note = page_or_nearest(paginator, request.GET.get("page"))
    return render(
        request,
        "recommendations/saved_view_list.html",
        {"active_section": "saved_views", "page_obj": page_obj, "page_note": page_note},
    )


def _save_problems(page: str, params: QueryDict, query: str) -> list[str]:
    """Why these filters cannot be saved: the page's own messages, or their length."""
    today = timezone.localdate()
    problems = selectors.query_problems(page=page, params=params, today=today)
    if not problems and len(query) > QUERY_MAX_CHARS:
        problems = [QUERY_TOO_LONG.format(length=len(query), limit=QUERY_MAX_CHARS)]
    return problems


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def saved_view_new(request: HttpRequest, page: str) -> HttpResponse:
    """Save the filters in this address's query string (the page's own) as a view of `page`.
    The form posts back to the same address, so the filters saved are the ones shown."""
    if page not in SavedView.Page.values:
        raise Http404("No such page.")
    if not request.user.has_perm(selectors.PAGE_PERMISSIONS[page]):
        raise PermissionDenied
    query = selectors.normalised_query(page=page, params=request.GET)
    problems = _save_problems(page, request.GET, query)
    form = SavedViewForm(_posted(request), user=request.user, initial={"sharing": "private"})
    if request.method == "POST" and not problems and form.is_valid():
        try:
            view = services.saved_view_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                page=page,
                query=query,
                sharing=form.cleaned_data["sharing"],
                force=form.cleaned_data["force"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Saved “{view.name}”.")
            return redirect("saved_views:open", pk=view.pk)
    context = {
        "active_section": "saved_views",
        "form": form,
        "page": page,
        "page_label": SavedView.Page(page).label,
        "query": query,
        "page_url": page_url(page, query),
        "problems": problems,
    }
    # 200 with the problems, as the pages answer filters they refuse.
    return render(request, "recommendations/saved_view_new.html", context)


def _posted(request: HttpRequest) -> QueryDict | None:
    """The form's data when posted (an empty POST is a form with every answer missing)."""
    return request.POST if request.method == "POST" else None


def _add_errors(form: SavedViewForm, error: ValidationError) -> None:
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


@login_required
@require_safe
def saved_view_open(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """The view's stable address: the page with the view's query string (and `view=<id>`, so
    the page names the view)."""
    view = _visible(request, pk)
    return redirect(page_url(view.page, view.query, view.pk))


@login_required
@require_safe
def saved_view_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The page's own export for the view's query string: the same file, under an address that
    stays when the view is renamed or re-shared."""
    view = _visible(request, pk)
    export = EXPORTS[view.page]

    def make() -> HttpResponse:
        return export(request, fmt, QueryDict(view.query))

    if fmt == "xlsx":  # as the pages: an XLSX is built each time
        return make()
    # Kept as the page's CSV is; the key names the query, which a view never changes.
    return cached_export(request, f"saved-view-{view.page}-csv\0{view.query}", make)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def saved_view_change(request: HttpRequest, pk: int) -> HttpResponse:
    view = _owned(request, pk)
    initial = {
        "name": view.name,
        "sharing": view.sharing,
        "force": view.force_id,
        "loaded_version": view.version,
    }
    form = SavedViewForm(_posted(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.saved_view_update(
                view=view,
                name=form.cleaned_data["name"],
                sharing=form.cleaned_data["sharing"],
                force=form.cleaned_data["force"],
                loaded_version=form.cleaned_data["loaded_version"],
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Saved your changes to “{view.name}”.")
            return redirect("saved_views:list")
    context = {"active_section": "saved_views", "form": form, "view": view}
    return render(request, "recommendations/saved_view_change.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def saved_view_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A page asking to confirm; the POST from it deletes the view it showed."""
    view = _owned(request, pk)
    error = ""
    if request.method == "POST":
        try:
            loaded = int(request.POST.get("loaded_version", ""))
        except ValueError:
            loaded = None
        try:
            services.saved_view_delete(view=view, loaded_version=loaded)
        except ConcurrentEditError as stale:
            error = str(stale)
            view.refresh_from_db()
        else:
            messages.success(request, f"Deleted “{view.name}”.")
            return redirect("saved_views:list")
    context = {"active_section": "saved_views", "view": view, "error": error}
    return render(request, "recommendations/saved_view_delete.html", context)
