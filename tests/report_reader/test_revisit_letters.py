# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""A revisit letter quotes a cause of concern as "we said that the force:" and its bullets, then
"To address this cause of concern, we recommended that within six months the force should:"
and the recommendations as bullets (the sixth blind set: the recommendations were read into
the cause, so a force's three owed recommendations were never proposed)."""

from inspections.report_reader import model, parse_text

LETTER = """Greater Manchester Police: PEEL causes of concern revisit letter

Dear Chief Constable,

Cause of concern 1: Responding to the public

In our report, we said that the force:
- did not answer emergency and non-emergency calls quickly enough; and
- did not consistently identify repeat and vulnerable callers.

To address this cause of concern, we recommended that within six months the force should:
- make sure it has enough call handlers to answer calls within national standards; and
- introduce a structured triage process for repeat and vulnerable callers.

What we found

The force has recruited 120 additional call handlers since our inspection.

Yours sincerely,

Michelle Skeer
HM Inspector of Constabulary
"""


def test_the_recommendations_after_a_quoted_cause_are_its_recommendations():
    findings = parse_text(LETTER).findings
    assert [f.kind for f in findings] == [
        model.CAUSE_OF_CONCERN,
        model.RECOMMENDATION,
        model.RECOMMENDATION,
    ]
    assert "- did not consistently identify repeat and vulnerable callers." in findings[0].text
    assert [f.cause_of_concern for f in findings[1:]] == [0, 0]
    assert findings[1].text.endswith(
        "the force should make sure it has enough call handlers to answer calls within "
        "national standards."
    )


REVISIT_HARD_WRAPPED = """\
Revisit to Exampleshire Police: causes of concern

Cause of concern 1: responding to the public

In our inspection we found that:
The force doesn't answer emergency calls quickly enough, and it doesn't always
identify vulnerable callers.

We made two recommendations. We found that the force has made good progress.
I am satisfied, and I have closed this cause of concern.

Cause of concern 2: investigating crime
In our report, we said that investigations were not always supervised, and that victims were not kept updated. We recommended that, within six months, the force should:
• make sure that supervisors review investigations at regular intervals;
• improve how it complies with the Code of Practice for Victims of Crime.
The force hasn't done enough to address this cause of concern, and it therefore remains open.
The areas for improvement identified in our report remain in place and we will assess them later.
"""


def test_causes_restated_as_what_was_found_under_their_headings_lead_their_recommendations():
    report = parse_text(REVISIT_HARD_WRAPPED)
    kinds = [(f.kind, f.text[:40], f.cause_of_concern) for f in report.findings]
    assert kinds == [
        (model.CAUSE_OF_CONCERN, "The force doesn't answer emergency calls", None),
        (model.CAUSE_OF_CONCERN, "Investigations were not always supervise", None),
        (model.RECOMMENDATION, "Within six months, the force should make", 1),
        (model.RECOMMENDATION, "Within six months, the force should impr", 1),
    ]


def test_a_sentence_under_a_label_saying_the_reports_findings_remain_is_no_finding():
    report = parse_text(
        "Revisit letter\n\nAreas for improvement\n"
        "The areas for improvement identified in our report remain in place and we will assess "
        "them later.\n"
        "Next steps\n"
        "We will revisit the force in 2025.\n"
    )
    assert report.findings == []


def test_a_cause_of_concern_pages_shortcoming_before_its_recommendations_is_the_cause():
    report = parse_text(
        """\
# PEEL: Exampleshire Police cause of concern – Investigating crime

Where we identify a cause of concern, we will always make one or more recommendations.

Exampleshire Police doesn't always carry out effective investigations. Too many are closed too early.

### Recommendation 1

Within three months, the force should make sure it has enough trained investigators.

### Recommendation 2

Within three months, the force should make sure supervisors review every investigation.
"""
    )
    assert [(f.kind, f.cause_of_concern) for f in report.findings] == [
        (model.CAUSE_OF_CONCERN, None),
        (model.RECOMMENDATION, 0),
        (model.RECOMMENDATION, 0),
    ]
    assert report.findings[0].text.startswith("Exampleshire Police doesn't always")
