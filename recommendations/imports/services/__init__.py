"""Importing a report read by inspections.report_reader: the duplicate check, mapping the
reader's area names onto a framework's areas, lineage proposals (earlier open findings of the
same force with similar text) and the one-transaction write. A module each; every name is
importable from here."""

from recommendations.imports.services.areas import area_find, areas_missing
from recommendations.imports.services.duplicates import (
    duplicate_message,
    near_miss_message,
    report_find_existing,
)
from recommendations.imports.services.importing import report_import
from recommendations.imports.services.lineage import (
    LINK_THRESHOLD,
    STRONG_LINK,
    lineage_eligible,
    lineage_proposals,
    similarity,
)
from recommendations.imports.services.proposals import (
    ProposedFinding,
    ProposedJudgment,
    proposal_from_parsed,
)

__all__ = [
    "LINK_THRESHOLD",
    "STRONG_LINK",
    "ProposedFinding",
    "ProposedJudgment",
    "area_find",
    "areas_missing",
    "duplicate_message",
    "lineage_eligible",
    "lineage_proposals",
    "near_miss_message",
    "proposal_from_parsed",
    "report_find_existing",
    "report_import",
    "similarity",
]
