"""The admin's "Import a report" page (hooked into InspectionAdmin.get_urls).

Step 1: upload a file or paste text, choose the force. The report is read and the proposal is
shown. Step 2: staff correct the proposal (report details, grades, findings: change kind,
area, text; delete a row; add a missed one; confirm or drop a proposed link to an earlier
finding) and confirm. The proposal is carried in the form data between the steps, and
nothing is saved before the confirmation, which saves everything in one transaction.

A PCC response is not offered as a new report: recommendations.imports.response_admin shows
which recorded report it answers and its quoted findings beside the recorded ones, and saves its
answers as the response's explanations.

A module per step; the view is importable from here."""

from recommendations.imports.admin.review import PREFIXES
from recommendations.imports.admin.upload import RESPONSE, import_report_view

__all__ = ["PREFIXES", "RESPONSE", "import_report_view"]
