"""The inspections app's models, one module per subject; every name is importable from here."""

# Imported in this order so Django registers the models in the order they were declared.
# isort: off
from inspections.models.forces import Force, ForceManager
from inspections.models.bodies import (
    NationalBody,
    NationalBodyManager,
    PolicingBody,
    PolicingBodyManager,
    PolicingBodyQuerySet,
    owing_body,
)
from inspections.models.frameworks import (
    GRADES_BY_SCALE,
    NON_GRADES,
    Area,
    AreaManager,
    Framework,
    FrameworkManager,
    Grade,
    GradeScale,
)
from inspections.models.documents import document_name, validate_document_name
from inspections.models.reports import (
    NATIONAL_KINDS,
    PUBLISHED_FORMATS,
    SINGLE_FORCE_KINDS,
    DatePrecision,
    HistoricalInspection,
    HistoricalInspection_applies_to,
    Inspection,
    InspectionKind,
    InspectionManager,
    InspectionQuerySet,
    published_as_stated,
)
from inspections.models.judgments import HistoricalJudgment, Judgment
# isort: on

# django-simple-history names a history model declared in a models package after the app
# ("inspections"), where nothing can import it (the shell's auto-imports, pickling): give them
# back this module, where they are re-exported above, as when the models were one module.
for _history_model in (HistoricalInspection, HistoricalInspection_applies_to, HistoricalJudgment):
    _history_model.__module__ = __name__

__all__ = [
    "GRADES_BY_SCALE",
    "NATIONAL_KINDS",
    "NON_GRADES",
    "PUBLISHED_FORMATS",
    "SINGLE_FORCE_KINDS",
    "Area",
    "AreaManager",
    "DatePrecision",
    "Force",
    "ForceManager",
    "Framework",
    "FrameworkManager",
    "Grade",
    "GradeScale",
    "HistoricalInspection",
    "HistoricalInspection_applies_to",
    "HistoricalJudgment",
    "Inspection",
    "InspectionKind",
    "InspectionManager",
    "InspectionQuerySet",
    "Judgment",
    "NationalBody",
    "NationalBodyManager",
    "PolicingBody",
    "PolicingBodyManager",
    "PolicingBodyQuerySet",
    "document_name",
    "owing_body",
    "published_as_stated",
    "validate_document_name",
]
