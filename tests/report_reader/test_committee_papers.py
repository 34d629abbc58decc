# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""An OPCC's committee paper on its improvement plan speaks of the inspectorate's findings in
its own words, and has a "Recommendation" section of its own: neither is a finding (the fifth
blind set: two invented findings in one paper)."""

from inspections.report_reader import model, parse_text

PAPER = """Warwickshire OPCC – PEEL 2023–25 improvement plan

# 4. Improvement plan

Ref\tHMICFRS finding\tLead\tRAG
AFI 2\tThe force needs to make sure it answers non-emergency calls promptly.\tHead of Contact\tGREEN
AFI 3\tThe force needs to make sure it records the reasons for stop and search.\tCh Insp\tBLUE

# 5. OPCC assurance

The OPCC has reviewed the evidence for AFIs 2 and 3. AFI 2 is assessed as complete. AFI 3 has
been submitted to HMICFRS for closure and remains open on the OPCC's register.

# 6. Recommendation

The Board is asked to note the progress set out in this paper and to agree that AFI 2 is closed.

Background papers: HMICFRS, PEEL 2023–25: An inspection of Warwickshire Police (April 2024).
"""


def test_a_papers_progress_and_its_own_recommendation_are_no_findings():
    report = parse_text(PAPER)
    assert [f.text for f in report.findings] == [
        "The force needs to make sure it answers non-emergency calls promptly.",
        "The force needs to make sure it records the reasons for stop and search.",
    ]
    assert not any("has nothing under it" in warning for warning in report.warnings)


def test_a_papers_recommendation_line_to_its_panel_is_no_finding():
    text = (
        "Police, Fire and Crime Panel\n\nSUBJECT: HMICFRS recommendations – progress\n\n"
        "RECOMMENDATION: That the Panel notes the report.\n\nThe force has made progress on "
        "each area for improvement since the last meeting.\n"
    )
    assert parse_text(text).findings == []


MINUTES_PAGE = """\
Skip to content Committees Meetings calendar Councillors Decisions Library

# Agenda item

## HMICFRS PEEL 2023-25: An inspection of Exampleshire Police

- Meeting of Exampleshire Police and Crime Panel, Tuesday, 25th February, 2025 2.00 pm (Item 6.)

Minutes:

The Commissioner introduced the report. The force had been graded outstanding for managing offenders and suspects; good for preventing crime and anti-social behaviour and for leadership and force management; adequate for responding to the public; and requires improvement for investigating crime.

A further area for improvement was that the force needs to improve the timeliness with which it submits files to the Crown Prosecution Service; performance had improved.

The meeting held on 4 March 2025 will consider the plan.

RESOLVED, that the report be noted.
"""


def test_a_committee_sites_minutes_give_their_grades_findings_date_and_title():
    report = parse_text(MINUTES_PAGE)
    assert report.title == "HMICFRS PEEL 2023-25: An inspection of Exampleshire Police"
    assert report.published.isoformat() == "2025-02-25"
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Managing offenders and suspects", "outstanding"),
        ("Preventing crime and anti-social behaviour", "good"),
        ("Leadership and force management", "good"),
        ("Responding to the public", "adequate"),
        ("Investigating crime", "requires_improvement"),
    ]
    assert [(f.kind, f.text[:45]) for f in report.findings] == [
        (model.AFI, "The force needs to improve the timeliness wit")
    ]
