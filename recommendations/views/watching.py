"""Watching: the buttons that follow or stop following a finding or a saved view (POST, with
CSRF), and the Watching page (what the user watches, how often their digest is sent)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from recommendations import selectors, services
from recommendations.forms import DigestFrequencyForm
from recommendations.models import DigestSubscription, Finding, SavedView
from recommendations.pagination import page_or_nearest

PAGE_SIZE = 50


def _back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Back to the page the button was on (`next`, if it is on this site), else `default`."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if safe and target else default)


def _finding(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(Finding.objects.visible_to(request.user), pk=pk)


def _saved_view(request: HttpRequest, pk: int) -> SavedView:
    """A saved view the user may open; 404 for another's private view, as for none."""
    return get_object_or_404(SavedView.objects.visible_to(request.user), pk=pk)


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_POST
def finding_watch(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    services.finding_watch(user=request.user, finding=finding)
    messages.success(request, "You are watching this finding: its changes will be in your digest.")
    return _back(request, reverse("recommendations:detail", args=[pk]))


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_POST
def finding_unwatch(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    services.finding_unwatch(user=request.user, finding=finding)
    messages.success(request, f"You no longer watch {finding.label}: {finding.headline}")
    return _back(request, reverse("recommendations:detail", args=[pk]))


@login_required
@require_POST
def view_watch(request: HttpRequest, pk: int) -> HttpResponse:
    saved_view = _saved_view(request, pk)
    services.saved_view_watch(user=request.user, saved_view=saved_view)
    messages.success(
        request, f"You are watching “{saved_view.name}”: its changes will be in your digest."
    )
    return _back(request, reverse("watching:list"))


@login_required
@require_POST
def view_unwatch(request: HttpRequest, pk: int) -> HttpResponse:
    saved_view = _saved_view(request, pk)
    services.saved_view_unwatch(user=request.user, saved_view=saved_view)
    messages.success(request, f"You no longer watch “{saved_view.name}”.")
    return _back(request, reverse("watching:list"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def watching_list(request: HttpRequest) -> HttpResponse:
    """What the user watches, with a button to stop watching each, and how often their digest
    is sent. Never cached: it is the user's own."""
    subscription = DigestSubscription.objects.filter(user=request.user).first()
    current = subscription.frequency if subscription else DigestSubscription.Frequency.WEEKLY
    if request.method == "POST":
        form = DigestFrequencyForm(request.POST)
        if form.is_valid():
            chosen = services.digest_frequency_set(
                user=request.user, frequency=form.cleaned_data["frequency"]
            )
            messages.success(request, f"Your digest: {chosen.get_frequency_display().lower()}.")
            return HttpResponseRedirect(reverse("watching:list"))
    else:
        form = DigestFrequencyForm(initial={"frequency": current})
    page, page_note = page_or_nearest(
        Paginator(selectors.watched_findings(user=request.user), PAGE_SIZE),
        request.GET.get("page"),
    )
    status = 400 if form.errors else 200
    return render(
        request,
        "recommendations/watch_list.html",
        {
            "active_section": "watching",
            "form": form,
            "page_obj": page,
            "page_note": page_note,
            "finding_watches": page.object_list,
            "view_watches": selectors.watched_saved_views(user=request.user),
            "view_urls": {
                SavedView.Page.FINDINGS: reverse("recommendations:list"),
                SavedView.Page.TRACKER: reverse("tracker:list"),
            },
        },
        status=status,
    )
