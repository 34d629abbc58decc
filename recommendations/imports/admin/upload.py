"""The page itself: step 1 (upload a file or paste text, then read it) and the step a POST is at."""

from __future__ import annotations

from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inspections.report_reader import ParsedReport, ReportError
from inspections.report_reader.model import NEAR_MISS, PCC_RESPONSE
from recommendations.imports.admin.confirm import confirm_import
from recommendations.imports.admin.review import admin_page_context, propose_import, render_review
from recommendations.imports.forms import UploadForm
from recommendations.imports.reading import report_parse_text, report_read
from recommendations.imports.response_admin import response_confirm, response_review
from recommendations.imports.services import near_miss_message

RESPONSE = "Check the response's answers and save them"


def import_report_view(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return confirm_import(request, model_admin)
    if request.method == "POST" and request.POST.get("step") == "confirm_response":
        return response_confirm(
            request, model_admin, admin_page_context(request, model_admin, RESPONSE)
        )
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        parsed, source = _read(form)
        if parsed is not None and parsed.document_kind == PCC_RESPONSE:
            context = admin_page_context(request, model_admin, RESPONSE)
            page = response_review(request, form, parsed, context)
            if page is not None:
                return page
        elif parsed is not None and parsed.document_kind == NEAR_MISS:
            form.add_error(None, f"Nothing can be imported. {near_miss_message(parsed)}")
        elif parsed is not None:
            review = propose_import(request, form, parsed, source)
            if review is not None:
                return render_review(request, model_admin, **review)
    return render(
        request,
        "admin/inspections/import_upload.html",
        {**admin_page_context(request, model_admin, "Import a report"), "form": form},
    )


def _read(form: UploadForm) -> tuple[ParsedReport | None, str]:
    upload = form.cleaned_data.get("file")
    try:
        if upload is not None:
            return report_read(data=upload.read(), filename=upload.name), upload.name
        return report_parse_text(text=form.cleaned_data["text"]), "Pasted text"
    except ReportError as error:
        form.add_error("file" if upload is not None else "text", str(error))
        return None, ""
