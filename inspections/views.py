from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from inspections.models import Force, Inspection


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "inspections/dashboard.html", {"active_section": "dashboard"})


@login_required
def force_detail(request: HttpRequest, slug: str) -> HttpResponse:
    force = get_object_or_404(Force, slug=slug)
    return render(request, "inspections/force_detail.html", {"force": force})


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_object_or_404(Inspection.objects.with_related(), pk=pk)
    return render(request, "inspections/inspection_detail.html", {"inspection": inspection})
