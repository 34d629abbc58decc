"""The import pipeline: a report read (inspections.report_reader) becomes a proposal an editor
reviews, then an inspection with its findings, statuses and responses owed."""
