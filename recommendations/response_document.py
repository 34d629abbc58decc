"""The draft s.55 response (.docx), built from the record with python-docx and laid out like
the response documents OPCCs publish (shared/seeds/000_…): the statutory heading naming the
local policing body, the report's title, publication date and type, the key findings, each
recommendation and area for improvement owed by the force with the explanation recorded, the
chief officer's comments and the body's comments.

Everything comes from the response, its report and its force; where the record is still
empty the draft says so in square brackets, so nothing unchecked reads as finished text."""

import io
import re
from collections import defaultdict
from datetime import date

from django.utils import timezone
from docx import Document
from docx.document import Document as DocxDocument

from inspections.deadlines import Regime
from recommendations.models import Finding, FindingKind, Response
from recommendations.obligations import owed_by_force_q

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

HMICFRS = "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)"
STATUTORY_DUTY = (
    "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act "
    "2017) requires the local policing body to publish its comments on an inspection report, "
    "the chief officer’s comments and its response to them before the end of the period of 56 "
    "days beginning with the day the report is published, and to explain, for each "
    "recommendation, the action taken or proposed or why none will be taken."
)
# The two forces led by a Commissioner; every other territorial force by a Chief Constable.
COMMISSIONER_LED_FORCES = ("metropolitan", "city-of-london")


def chief_officer_title(response: Response) -> str:
    return "Commissioner" if response.force.slug in COMMISSIONER_LED_FORCES else "Chief Constable"


def document_filename(response: Response) -> str:
    return f"draft-response-{response.force.slug}-{response.inspection.slug}.docx"


def _add_text(document: DocxDocument, text: str, placeholder: str) -> None:
    """Paragraphs separated by blank lines; lines starting "- " become bullet points; an empty
    text becomes the placeholder, in italics and square brackets."""
    text = text.strip()
    if not text:
        document.add_paragraph().add_run(f"[{placeholder}]").italic = True
        return
    for block in re.split(r"\n\s*\n", text):
        prose: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if line.startswith(("- ", "· ", "• ")):
                if prose:
                    document.add_paragraph(" ".join(prose))
                    prose = []
                document.add_paragraph(line[2:].strip(), style="List Bullet")
            elif line:
                prose.append(line)
        if prose:
            document.add_paragraph(" ".join(prose))


def _add_finding(
    document: DocxDocument, finding: Finding, label: str, explanation: str | None, level: int
) -> None:
    document.add_heading(label, level=level)
    _add_text(document, finding.text, "No text recorded")
    document.add_paragraph().add_run("Response").bold = True
    if finding.kind == FindingKind.RECOMMENDATION:
        missing = "No explanation recorded yet: section 55(5B) requires one"
    else:
        missing = "No response recorded yet"
    _add_text(document, explanation or "", missing)


def _label(finding: Finding, number: int) -> str:
    return finding.numbered_label(number)


def build_response_document(response: Response, *, today: date | None = None) -> bytes:
    """The draft as .docx bytes. Two queries: the report's findings and this response's
    explanations (the response is expected with its report and force loaded)."""
    inspection = response.inspection
    force = response.force
    # The body in office on the publication date owes the response (not necessarily today's).
    body = response.body_name
    today = today or timezone.localdate()
    # Only what is addressed to this force or its body (recommendations.obligations).
    findings = list(
        inspection.findings.filter(
            owed_by_force_q(force.pk),
            kind__in=[FindingKind.CAUSE_OF_CONCERN, FindingKind.RECOMMENDATION, FindingKind.AFI],
        ).order_by("position")
    )
    explanations = dict(response.explanations.values_list("finding_id", "text"))

    document = Document()
    title = (
        f"{body} response to a national inspection report published by {HMICFRS}"
        if inspection.is_national
        else f"{body} response to an inspection of {force.name} published by {HMICFRS}"
    )
    document.core_properties.title = f"{body}: response to {inspection.title}"
    document.core_properties.author = body
    document.core_properties.subject = "Response under section 55 of the Police Act 1996"
    document.add_heading(title, level=0)
    draft = document.add_paragraph()
    draft.add_run(
        f"DRAFT produced from PEEL Tracker on {today:%-d %B %Y}. "
        "Check every section before publication."
    ).bold = True
    document.add_paragraph(STATUTORY_DUTY)

    document.add_heading("Inspection title", level=1)
    document.add_paragraph(inspection.title)
    document.add_heading("Date published", level=1)
    document.add_paragraph(inspection.published_display())
    document.add_heading("Type of inspection", level=1)
    kind = inspection.get_kind_display()
    document.add_paragraph(f"{kind} (national)" if inspection.is_national else kind)
    document.add_heading("Response due", level=1)
    if response.regime == Regime.NO_STATUTORY_DEADLINE:
        document.add_paragraph(
            "No statutory deadline: the report was published before section 55(5A) came into "
            "force on 2 May 2017."
        )
    elif response.due_on is None:
        document.add_paragraph().add_run(
            "[Not known: the report's publication date is not recorded]"
        ).italic = True
    elif response.due_earliest_on != response.due_on:
        document.add_paragraph(
            f"Between {response.due_display()} (the report is dated only to the month; the "
            "deadline is the 56th day, counting the day of publication as the first)"
        )
    else:
        document.add_paragraph(
            f"{response.due_on:%-d %B %Y} (the 56th day, counting the day of publication as "
            "the first)"
        )

    document.add_heading("Key findings", level=1)
    _add_text(document, response.key_findings, "Key findings not recorded yet")

    causes = [f for f in findings if f.kind == FindingKind.CAUSE_OF_CONCERN]
    recommendations = [f for f in findings if f.kind == FindingKind.RECOMMENDATION]
    afis = [f for f in findings if f.kind == FindingKind.AFI]
    under_cause: dict[int, list[Finding]] = defaultdict(list)
    for recommendation in recommendations:
        if recommendation.cause_of_concern_id:
            under_cause[recommendation.cause_of_concern_id].append(recommendation)
    standalone = [r for r in recommendations if not r.cause_of_concern_id]

    document.add_heading(
        "Causes of concern and recommendations" if causes else "Recommendations", level=1
    )
    if not recommendations and not causes:
        document.add_paragraph("The report makes no recommendations.")
    numbers = {r.pk: n for n, r in enumerate(recommendations, start=1)}
    for number, cause in enumerate(causes, start=1):
        _add_finding(document, cause, _label(cause, number), explanations.get(cause.pk), level=2)
        for recommendation in under_cause[cause.pk]:
            _add_finding(
                document,
                recommendation,
                _label(recommendation, numbers[recommendation.pk]),
                explanations.get(recommendation.pk),
                level=3,
            )
    for recommendation in standalone:
        _add_finding(
            document,
            recommendation,
            _label(recommendation, numbers[recommendation.pk]),
            explanations.get(recommendation.pk),
            level=2,
        )

    document.add_heading("Areas for improvement", level=1)
    if not afis:
        document.add_paragraph("The report identifies no areas for improvement.")
    for number, afi in enumerate(afis, start=1):
        _add_finding(document, afi, _label(afi, number), explanations.get(afi.pk), level=2)

    document.add_heading(f"{chief_officer_title(response)}’s comments", level=1)
    _add_text(
        document,
        response.chief_officer_comments,
        f"The {chief_officer_title(response).lower()}’s comments are not recorded yet",
    )
    document.add_heading(f"Comments of the {body}", level=1)
    _add_text(document, response.body_comments, "The body’s comments are not recorded yet")

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
