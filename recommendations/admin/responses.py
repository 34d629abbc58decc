"""The responses' admin, with the explanations of the report's findings inline."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from inspections.access import ForceScopedAdminMixin
from inspections.history_admin import PermanentHistoryAdmin
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import (
    OptimisticLockAdminMixin,
    VersionedInlineMixin,
    VersionedModelForm,
    lock_and_bump,
)
from peel_tracker.text import plural
from peel_tracker.url_fields import HttpsUrlsMixin
from recommendations import selectors, tracker
from recommendations.models import Finding, FindingExplanation, Response
from recommendations.response_document import (
    DOCX_CONTENT_TYPE,
    build_response_document,
    document_filename,
)
from recommendations.services import check_response_completeness, response_save


class ExplanationFormSet(BaseInlineFormSet):
    """The explanations of one response, checked together with the response being saved:
    a response marked published must explain every recommendation (s.55(5B)) unless the
    override is ticked. The response's form has already applied its values to the instance."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        explained = {
            form.cleaned_data["finding"].pk
            for form in self.forms
            if form.cleaned_data
            and form.cleaned_data.get("finding")
            and not form.cleaned_data.get("DELETE")
        }
        check_response_completeness(response=self.instance, explained_finding_ids=explained)


class FindingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Finding) -> str:
        return f"{obj.numbered_label(obj.position)}: {obj.headline}"


class FindingExplanationInline(VersionedInlineMixin, admin.StackedInline):
    """On a response's page: one box for each recommendation and AFI of the report still to
    be explained (pre-filled with the finding), plus the explanations already recorded."""

    model = FindingExplanation
    formset = ExplanationFormSet
    fields = ["finding", "text"]
    verbose_name = "explanation"
    verbose_name_plural = "explanations of the report's recommendations and AFIs (s.55(5B))"

    def get_formset(self, request: HttpRequest, obj: Response | None = None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this report's findings can be explained in this response.
        formset.form.base_fields["finding"] = FindingChoiceField(
            queryset=selectors.explainable_findings(
                inspection_id=obj.inspection_id if obj else None
            ),
            label="Finding",
        )
        return formset

    def get_extra(self, request: HttpRequest, obj: Response | None = None, **kwargs) -> int:
        return len(unexplained_findings(request, obj))


def unexplained_findings(request: HttpRequest, response: Response | None) -> list[Finding]:
    """The report's recommendations and AFIs with no explanation in this response, in report
    order. One query, kept on the request: the extra forms and their initial values must
    agree."""
    if response is None or response.pk is None:
        return []
    cache = request.__dict__.setdefault("_peel_unexplained_findings", {})
    if response.pk not in cache:
        cache[response.pk] = selectors.response_unexplained_findings(response=response)
    return cache[response.pk]


class ResponseAdminForm(VersionedModelForm):
    """ResponseAdmin's form (the admin supplies the model and fields)."""

    def clean(self) -> dict:
        cleaned = super().clean()
        # A new response has no explanations yet (they are added once it exists), so it can be
        # recorded as published only if its report makes no recommendation, or with the override.
        # An existing response is checked with its explanations (ExplanationFormSet).
        if (
            self.instance._state.adding
            and cleaned.get("inspection")
            and cleaned.get("is_published")
            and not cleaned.get("is_completeness_overridden")
        ):
            candidate = Response(inspection=cleaned["inspection"], is_published=True)
            try:
                check_response_completeness(response=candidate, explained_finding_ids=set())
            except ValidationError as error:
                self.add_error("is_published", error)
        return cleaned


class ResponseStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Response.State.choices

    def queryset(self, request, queryset):
        # `state` is annotated by ResponseAdmin.get_queryset.
        return queryset.filter(state=self.value()) if self.value() else queryset


@admin.register(Response)
class ResponseAdmin(
    ChangeListMixin,
    ForceScopedAdminMixin,
    HttpsUrlsMixin,
    OptimisticLockAdminMixin,
    PermanentHistoryAdmin,
):
    scoped_choices = ("force",)
    form = ResponseAdminForm
    list_display = [
        "inspection",
        "force",
        "report_published_on",
        "due_on",
        "state_display",
        "explained",
        "published_on",
    ]
    list_filter = [
        ResponseStateFilter,
        "is_published",
        "is_not_required",
        "force",
        "inspection__kind",
    ]
    search_fields = ["inspection__title", "force__name", "body_comments"]
    list_select_related = ["inspection", "force", "policing_body"]
    date_hierarchy = "due_on"
    autocomplete_fields = ["inspection", "force"]
    readonly_fields = [
        "report_published_on",
        "policing_body",
        "regime",
        "due_display",
        "state_display",
        "explained",
        "draft_document",
        "completeness_override_by",
        "completeness_override_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "inspection",
                    "force",
                    "policing_body",
                    "report_published_on",
                    "regime",
                    "due_display",
                    "state_display",
                    "draft_document",
                ]
            },
        ),
        (
            "Chief officer",
            {
                "fields": [
                    "chief_officer_comments_requested_by",
                    "chief_officer_comments_received_on",
                    "chief_officer_comments",
                ]
            },
        ),
        ("The body's response", {"fields": ["key_findings", "body_comments"]}),
        ("Publication", {"fields": ["is_published", "published_on", "published_url"]}),
        (
            "Completeness (s.55(5B))",
            {
                "fields": [
                    "explained",
                    "is_completeness_overridden",
                    "completeness_override_reason",
                    "completeness_override_by",
                    "completeness_override_at",
                ]
            },
        ),
        ("Not required", {"fields": ["is_not_required", "not_required_reason"]}),
        ("Record", {"fields": ["source_document", "created_at", "updated_at"]}),
    ]
    inlines = [FindingExplanationInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Draft responses are seen only by the editors of that force (ForceScopedAdminMixin).
        return super().get_queryset(request).with_state(timezone.localdate()).with_finding_counts()

    def get_urls(self) -> list:
        return [
            path(
                "<path:object_id>/draft.docx",
                self.admin_site.admin_view(self.draft_document_view),
                name="recommendations_response_draft",
            ),
            *super().get_urls(),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Response | None = None) -> list:
        # A response belongs to one report and force for good: its explanations and its
        # deadline depend on them.
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None else ["inspection", "force", *fields]

    def get_inline_instances(self, request: HttpRequest, obj: Response | None = None) -> list:
        # Explanations need the report: they are added once the response exists.
        return super().get_inline_instances(request, obj) if obj is not None else []

    def get_formset_kwargs(self, request, obj, inline, prefix) -> dict:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, FindingExplanationInline):
            kwargs["initial"] = [
                {"finding": finding.pk} for finding in unexplained_findings(request, obj)
            ]
        return kwargs

    @admin.display(description="due (s.55(5A))", ordering="due_on")
    def due_display(self, obj: Response) -> str:
        return obj.due_display()

    @admin.display(description="state", ordering="state")
    def state_display(self, obj: Response) -> str:
        if getattr(obj, "state", None) is None:
            return "–"
        label = Response.State(obj.state).label
        if obj.state in (Response.State.OVERDUE, Response.State.DUE_SOON, Response.State.OPEN):
            # The tracker's wording ("1 day left", "Due today", "3 days overdue").
            return f"{label} ({tracker.timing(obj, timezone.localdate()).lower()})"
        return label

    @admin.display(description="recommendations explained", ordering="recommendations_owed")
    def explained(self, obj: Response) -> str:
        owed = getattr(obj, "recommendations_owed", None)
        if owed is None:
            return "–"
        if owed == 0:
            return "The report makes no recommendation"
        return f"{obj.recommendations_explained} of {owed}"

    @admin.display(description="draft response document")
    def draft_document(self, obj: Response | None) -> str:
        if obj is None or obj.pk is None:
            return "Available once the response is saved."
        url = reverse("admin:recommendations_response_draft", args=[obj.pk])
        return format_html('<a href="{}">Download draft response (.docx)</a>', url)

    def draft_document_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The draft response document (.docx) built from the record, for anyone who may
        view this response here (drafts: only the editors of its force)."""
        response = self.get_object(request, unquote(object_id))
        if response is None:
            raise Http404("No response with that id, or not one you can see.")
        if not self.has_view_or_change_permission(request, response):
            raise PermissionDenied
        return HttpResponse(
            build_response_document(response),
            content_type=DOCX_CONTENT_TYPE,
            headers={
                "Content-Disposition": f'attachment; filename="{document_filename(response)}"'
            },
        )

    def has_delete_permission(self, request: HttpRequest, obj: Response | None = None) -> bool:
        if obj is not None and obj.is_published:
            return False  # a published response is part of the permanent record
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request, obj, form, change) -> None:
        # Saved through the service in save_related, once its explanations are saved, so the
        # completeness rule sees them; a new response needs its row before explanations.
        if change:
            lock_and_bump(obj, form.cleaned_data.get("loaded_version"))
        else:
            obj.save()

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        response = response_save(response=form.instance, user=request.user)
        if not response.is_published and not response.is_not_required:
            missing = response.unexplained_recommendations()
            if missing:
                self.message_user(
                    request,
                    f"{len(missing)} of the report's recommendations still "
                    f"{plural(len(missing), 'has', 'have')} no explanation: the response "
                    "cannot be published until each has one (s.55(5B)).",
                    messages.WARNING,
                )
