"""Shapes of whole PEEL force reports, as a user's upload gives them (text taken from the PDF,
a saved page of the inspectorate's site, a Word file), seen while probing the reader with
full-length made-up reports in the layouts of every PEEL era. Each text here is the smallest
that shows its shape."""

from inspections.report_reader import parse_text, read_report
from inspections.report_reader.addressees import deadline_and_addressees

HEAD = "PEEL 2021/22 Police effectiveness, efficiency and legitimacy: An inspection of Avon Police"


def texts(parsed) -> list[str]:
    return [" ".join(finding.text.split()) for finding in parsed.findings]


def test_a_long_running_head_beside_each_page_number_is_no_finding():
    # The running head is longer than the short repeated lines blanked on their count alone;
    # it stands beside the page number at every page break, after the last finding on a page.
    pages = [
        "Treatment of the public\n\nGood\n\nArea for improvement\n\n"
        "The force should make sure it records the reasons for stop and search accurately.",
        "Responding to the public\n\nRequires improvement\n\nAreas for improvement\n\n"
        "The force should make sure it answers emergency calls within national standards.",
        "Investigating crime\n\nAdequate\n\nArea for improvement\n\n"
        "The force should make sure that supervisors review investigation plans.",
        "About the data\n\nData in this report is from a range of sources.",
    ]
    text = "PEEL 2021/22\nAn inspection of Avon Police\n\n"
    for number, page in enumerate(pages, start=4):
        text += f"{HEAD}\n\n{page}\n\n{number}\n\n\f"
    # The same copied from a PDF viewer: no blank lines, the head right against the number.
    dense = "\n".join(line for line in text.replace("\f", "").split("\n") if line.strip())
    for shape in (text, dense):
        assert texts(parse_text(shape)) == [
            "The force should make sure it records the reasons for stop and search accurately.",
            "The force should make sure it answers emergency calls within national standards.",
            "The force should make sure that supervisors review investigation plans.",
        ], shape


CAUSE_WITH_DATED_PARAGRAPHS = """PEEL 2023–25: An inspection of Avon Police

Responding to the public

Inadequate

Cause of concern

The force doesn't answer emergency calls quickly enough. This means that victims may not
get the help they need.

Recommendations

By 31 October 2024, the force should make sure that it answers calls for service in
line with national standards.

By 31 October 2024, the force should make sure it has enough staff in its contact
management centre to meet demand.

Within three months, the force should make sure it uses THRIVE to assess risk for all
calls.

Area for improvement

The force needs to make sure it gives appropriate advice to callers.
"""


def test_recommendations_as_paragraphs_each_opening_on_its_deadline():
    # Each paragraph is a whole directive whose subject follows its own deadline; read as one
    # recommendation they lost the third's deadline and were answered as one.
    findings = parse_text(CAUSE_WITH_DATED_PARAGRAPHS).findings
    assert [(f.kind, f.deadline, f.cause_of_concern) for f in findings] == [
        ("cause_of_concern", "", None),
        ("recommendation", "By 31 October 2024", 0),
        ("recommendation", "By 31 October 2024", 0),
        ("recommendation", "Within three months", 0),
        ("afi", "", None),
    ]
    assert texts(parse_text(CAUSE_WITH_DATED_PARAGRAPHS))[3] == (
        "Within three months, the force should make sure it uses THRIVE to assess risk for all "
        "calls."
    )


SUMMARY_COUNTS_CAUSES = """PEEL 2023–25: An inspection of Avon Police

Overall summary

Causes of concern

We have identified one cause of concern relating to responding to the public. This is set
out in the relevant section of the report.

HM Inspector's observations

The force needs to improve how it responds to the public.

Responding to the public

Inadequate

Cause of concern

The force doesn't answer emergency calls quickly enough.

Recommendations

Within three months, the force should make sure it uses THRIVE to assess risk for all calls.

Areas for improvement

We have also identified two areas for improvement in this area.

The force needs to make sure it gives appropriate advice to callers.

The force needs to implement the two recommendations of its own review of call handling.
"""


def test_a_summary_counting_causes_of_concern_is_not_one():
    # The report's summary under "Causes of concern" counts what it sets out later; the
    # count is no finding, and a finding that names a number of recommendations still is one.
    parsed = parse_text(SUMMARY_COUNTS_CAUSES)
    assert [(f.kind, t) for f, t in zip(parsed.findings, texts(parsed), strict=True)] == [
        ("cause_of_concern", "The force doesn't answer emergency calls quickly enough."),
        (
            "recommendation",
            "Within three months, the force should make sure it uses THRIVE to assess risk for "
            "all calls.",
        ),
        ("afi", "The force needs to make sure it gives appropriate advice to callers."),
        (
            "afi",
            "The force needs to implement the two recommendations of its own review of call "
            "handling.",
        ),
    ]


WRAPPED_AREA_HEADING = """PEEL 2023–25: An inspection of Avon Police

Police powers and public treatment

Good

Area for improvement

The force needs to make sure it uses force data to identify and act on any
disproportionality in the use of force.

Preventing and deterring crime and anti-social behaviour, and
reducing vulnerability

Good

Avon Police is good at preventing crime.

Responding to the public

Inadequate

Area for improvement

The force needs to make sure it gives appropriate advice to callers.
"""


def test_an_area_heading_wrapped_over_two_lines_above_its_grade():
    # The heading's first line ends in "and", so its two lines read as a paragraph: it ran on
    # as a finding of the list above, and its grade had no area. The grade under it names it.
    parsed = parse_text(WRAPPED_AREA_HEADING)
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        ("Police powers and public treatment", "good"),
        (
            "Preventing and deterring crime and anti-social behaviour, and reducing vulnerability",
            "good",
        ),
        ("Responding to the public", "inadequate"),
    ]
    assert [(f.area, f.text.split()[-1]) for f in parsed.findings] == [
        ("Police powers and public treatment", "force."),
        ("Responding to the public", "callers."),
    ]


PILLAR_REPORT = """PEEL: Police legitimacy 2016
An inspection of Avon Police

How legitimate is the force at keeping people safe and reducing crime?

Overall judgement1

Good

Last inspection

Requires improvement

Avon Police has been assessed as good in respect of the legitimacy with which it keeps
people safe and reduces crime.

1 Outstanding, Good, Requires improvement or Inadequate – see annex A.
"""


def test_the_overall_judgement_is_the_pillars_and_the_last_inspections_is_none():
    # "Overall judgement" (its footnote number glued on) grades the pillar the title names;
    # "Last inspection" is an earlier report's grade.
    parsed = parse_text(PILLAR_REPORT)
    assert [(j.area, j.grade) for j in parsed.judgments] == [("Legitimacy", "good")]


SPACED_TABLE = """PEEL: Police effectiveness 2017
An inspection of Avon Police

Overall summary

Preventing crime and tackling anti-social behaviour    Requires improvement
Investigating crime    Requires improvement
Protecting vulnerable people and supporting victims of crime,
and keeping them safe                                  Inadequate
Tackling serious and organised crime    Good*
Specialist capabilities    Ungraded

* This grade was carried forward from the 2016 effectiveness inspection.

The force must act. It was judged good   at nothing
"""


def test_a_judgments_table_laid_out_with_spaces():
    # Each row on one line, its grade after a run of spaces (marked "*" when carried forward,
    # or "Ungraded"); one area wrapped over two lines. Read as prose, no grade was read.
    parsed = parse_text(SPACED_TABLE)
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        ("Preventing crime and tackling anti-social behaviour", "requires_improvement"),
        ("Investigating crime", "requires_improvement"),
        (
            "Protecting vulnerable people and supporting victims of crime, and keeping them safe",
            "inadequate",
        ),
        ("Tackling serious and organised crime", "good"),
        ("Specialist capabilities", "ungraded"),
    ]


FLAT_2021_TABLE = """PEEL 2021/22: An inspection of Avon Police

Our judgments

Our inspection assessed how good Avon Police is in nine areas of policing. We make graded
judgments in eight of these nine areas as follows:

Outstanding  Good  Adequate  Requires improvement  Inadequate

Preventing crime
Treatment of the public
Responding to the public

We also inspected how effective a service Avon Police gives to victims of crime. We don't
make a graded judgment in this overall area.

Responding to the public

Requires improvement

Avon Police requires improvement at responding to the public.
"""


def test_not_graded_said_of_another_subject_is_not_the_area_above():
    # The table flattened without its grades ends on an area; the paragraph under it turns
    # to the victim service ("We also inspected …"), whose "not graded" is its own.
    parsed = parse_text(FLAT_2021_TABLE)
    grades = {j.area: j.grade for j in parsed.judgments}
    assert grades.get("Responding to the public") == "requires_improvement"


SAVED_PAGE = """<!DOCTYPE html><html><head><title>PEEL 2023–25: Avon Police – HMICFRS</title></head>
<body>
<div class="govuk-cookie-banner" role="region" aria-label="Cookies on this site">
<h2>Cookies on hmicfrs.justiceinspectorates.gov.uk</h2>
<p>We use some essential cookies to make this service work.</p>
</div>
<a href="#content">Skip to main content</a>
<div class="breadcrumb"><a href="/">Home</a> &gt; <span>PEEL 2023–25: Avon Police</span></div>
<div id="content">
<h1>PEEL 2023–25: An inspection of Avon Police</h1>
<p>Published: 6 March 2025</p>
<h2>Responding to the public</h2>
<p><strong>Adequate</strong></p>
<h3>Area for improvement</h3>
<p>The force needs to improve how it records the vulnerability of callers.</p>
</div>
</body></html>
"""


def test_a_saved_page_is_titled_by_its_heading_not_its_cookie_banner():
    # The banner has a class of the site's own naming and a heading of its own; with no
    # <main> element the whole body is read.
    parsed = read_report(SAVED_PAGE.encode(), "page.html")
    assert parsed.title == "PEEL 2023–25: An inspection of Avon Police"
    assert str(parsed.published) == "2025-03-06"
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        ("Responding to the public", "adequate")
    ]
    assert texts(parsed) == [
        "The force needs to improve how it records the vulnerability of callers."
    ]


QUESTION_SECTIONS = """PEEL: Police effectiveness 2015
An inspection of Avon Police

How effective is the force at preventing crime, tackling anti-social behaviour and keeping
people safe?

The force has a clear commitment to neighbourhood policing.

How well does the force understand the threat and risk of harm within its
communities?

The force has a good understanding of the threats facing its communities.

Summary of findings

Good

Avon Police is good at preventing crime.

Areas for improvement

• The force should evaluate its problem-solving activity.

How effective is the force at investigating crime and reducing re-offending?

Too many investigations were allocated to officers without the skills needed.

Summary of findings

Requires improvement

Avon Police requires improvement in the way it investigates crime.
"""


def test_a_questions_grade_under_its_summary_of_findings_is_the_questions():
    # The section's subheadings are questions too; the grade closing the section is the
    # question's that opened it, and its findings are that question's.
    parsed = parse_text(QUESTION_SECTIONS)
    first = (
        "How effective is the force at preventing crime, tackling anti-social behaviour and "
        "keeping people safe?"
    )
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        (first, "good"),
        (
            "How effective is the force at investigating crime and reducing re-offending?",
            "requires_improvement",
        ),
    ]
    assert [f.area for f in parsed.findings] == [first]


LINE_ENDING_ON_AND = """PEEL 2021/22: An inspection of Avon Police

Protecting vulnerable people

Adequate

Areas for improvement

The force should improve the quality and timeliness of referrals it makes to
partner organisations when it identifies vulnerable children.

The force should improve its use of Domestic Violence Protection Notices and
Orders.

Managing offenders and suspects

Good
"""


def test_a_line_ending_on_and_carries_on_into_a_capitalised_word():
    # The last line of a short paragraph held one capitalised word; the line before it ends
    # on "and", which no sentence ends on, so the finding's text is one paragraph.
    parsed = parse_text(LINE_ENDING_ON_AND)
    assert [f.text for f in parsed.findings][1] == (
        "The force should improve its use of Domestic Violence Protection Notices and Orders."
    )


BROKEN_WORDS = """PEEL 2021/22: An inspection of Avon Police

Treatment of the public

Good

The force monitors disproportionality in its use of stop and search.

Areas for improvement

The force should make sure it acts on any dispro-
portionality in its use of force.

The force should make sure it answers non-
emergency calls within national standards, before and after the pre- and
post-charge stages.
"""


def test_a_word_broken_at_a_lines_end_with_a_hyphen():
    # Joined with a space it read "dispro- portionality" and "non- emergency". The hyphen goes
    # when the document writes the word elsewhere without it; otherwise it is the word's own.
    assert texts(parse_text(BROKEN_WORDS)) == [
        "The force should make sure it acts on any disproportionality in its use of force.",
        "The force should make sure it answers non-emergency calls within national standards, "
        "before and after the pre- and post-charge stages.",
    ]


FORCE_AND_ITS_BODY = """PEEL 2023–25: An inspection of Avon Police

Leadership and force management

Requires improvement

Areas for improvement

The force and the police and crime commissioner need to make sure that the force's
medium-term financial plan is realistic and sustainable.

The force needs to make sure it understands its demand.
"""


def test_the_force_named_beside_its_body_owes_the_finding_too():
    # "The force" alone is left unnamed (no names mean the report's own force); named beside
    # others, leaving it out gave the finding to the commissioner alone.
    findings = parse_text(FORCE_AND_ITS_BODY).findings
    assert [f.addressees for f in findings] == [
        ["the force", "police and crime commissioner"],
        [],
    ]


LIST_THEN_PARAGRAPH = """PEEL 2023–25: An inspection of Avon Police

Responding to the public

Requires improvement

Cause of concern

The force isn't answering non-emergency calls quickly enough.

Recommendations

Within 6 months, the force should:
• make sure it has enough trained staff in its control room; and
• review its use of the single online home reporting service.

By 31 December 2024, the chief constable should make sure that the force's call
handling performance is reported to the police and crime commissioner every month.

Investigating crime

Good
"""


def test_a_whole_recommendation_after_a_list_of_them_is_one_more():
    # The paragraph after the bullets is a directive with its own deadline and subject; it
    # closed the list and was lost.
    findings = parse_text(LIST_THEN_PARAGRAPH).findings
    assert [(f.kind, f.deadline, f.cause_of_concern) for f in findings] == [
        ("cause_of_concern", "", None),
        ("recommendation", "Within 6 months", 0),
        ("recommendation", "Within 6 months", 0),
        ("recommendation", "By 31 December 2024", 0),
    ]
    assert findings[3].addressees == ["chief constable"]


SUMMARY_THEN_SECTIONS = """PEEL 2023–25: An inspection of Avon Police

Our judgments

Area

Grade

Responding to the public

Requires improvement

Leadership and force management

Good

Causes of concern

Cause of concern 1

The force isn't answering non-emergency calls quickly enough.

Responding to the public

Requires improvement

Cause of concern

The force isn't answering non-emergency calls quickly enough.

Recommendations

Within 6 months, the force should make sure it has enough trained staff in its control room.

Leadership and force management

Good
"""


def test_a_cause_stated_in_the_summary_and_its_section_is_its_sections():
    # The summary's copy sits under the judgments table's last area (its cells read a line
    # each); the section's copy is the one in its area.
    findings = parse_text(SUMMARY_THEN_SECTIONS).findings
    assert [(f.kind, f.area, f.cause_of_concern) for f in findings] == [
        ("cause_of_concern", "Responding to the public", None),
        ("recommendation", "Responding to the public", 0),
    ]


def _pdf_with_bullets(items: list[str]) -> bytes:
    import io

    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=11, leading=15)
    story = [
        Paragraph("PEEL 2023–25: An inspection of Avon Police", styles["Title"]),
        Paragraph("Responding to the public", styles["Heading1"]),
        Paragraph("Cause of concern", styles["Heading2"]),
        Paragraph("The force doesn't answer emergency calls quickly enough.", body),
        Paragraph("Recommendations", styles["Heading3"]),
        Paragraph("By 31 December 2024, the force should:", body),
    ]
    for item in items:
        story.append(
            ListFlowable(
                [ListItem(Paragraph(item, body), leftIndent=18)],
                bulletType="bullet",
                start="•",
                leftIndent=18,
            )
        )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def test_a_pdfs_bullets_drawn_inside_their_text_boxes():
    # The bullet glyph has no character code ("(cid:127)") and sits inside the item's box; the
    # last item's wrapped line is a box of its own under the item's text.
    items = [
        "make sure it answers emergency calls in line with national standards;",
        "make sure it attends incidents within its published attendance times; and",
        "make sure it has effective processes to check on the welfare of callers who are "
        "waiting for attendance, and that it updates them when attendance will be delayed.",
    ]
    parsed = read_report(_pdf_with_bullets(items), "report.pdf")
    recommendations = [f for f in parsed.findings if f.kind == "recommendation"]
    assert [f.deadline for f in recommendations] == ["By 31 December 2024"] * 3
    assert " ".join(recommendations[2].text.split()).endswith("when attendance will be delayed.")


PARAGRAPHS_TO_SEVERAL_BODIES = """PEEL 2023–25: An inspection of Avon Police

Responding to the public

Inadequate

Cause of concern

The force isn't answering calls quickly enough.

Recommendations

Within three months, the Home Office and the force should review the funding of call
handling.

By 30 June 2025, the College of Policing should publish guidance on call handling.

Investigating crime

Good
"""


def test_recommendation_paragraphs_opening_on_other_bodies_are_one_each():
    # Each paragraph names who is to act before its modal verb; read as one, the second's
    # body and deadline were lost (and the College owed the Home Office's recommendation).
    findings = parse_text(PARAGRAPHS_TO_SEVERAL_BODIES).findings
    assert [(f.kind, f.deadline, f.addressees) for f in findings] == [
        ("cause_of_concern", "", []),
        ("recommendation", "Within three months", ["the force", "Home Office"]),
        ("recommendation", "By 30 June 2025", ["College of Policing"]),
    ]


ONE_QUESTION_NAMED_THREE_WAYS = """PEEL: Police effectiveness 2015
An inspection of Avon Police

Summary

Avon Police is good at preventing crime and anti-social behaviour, and at tackling serious
and organised crime. However, it requires improvement in the way it investigates crime.

Preventing crime, tackling anti-social behaviour and keeping people safe    Good
Investigating crime and reducing re-offending    Requires improvement
Tackling serious and organised crime    Good

How effective is the force at investigating crime and reducing re-offending?

Summary of findings

Requires improvement

Avon Police requires improvement in the way it investigates crime.
"""


def test_one_question_named_twice_is_graded_once():
    # The overview's table and the section's heading each name the question: one judgment
    # each, under the shorter name.
    parsed = parse_text(ONE_QUESTION_NAMED_THREE_WAYS)
    assert sorted((j.area, j.grade) for j in parsed.judgments) == [
        ("Investigating crime and reducing re-offending", "requires_improvement"),
        ("Preventing crime, tackling anti-social behaviour and keeping people safe", "good"),
        ("Tackling serious and organised crime", "good"),
    ]


SYMBOL_FONT_BULLETS = """PEEL: Police effectiveness 2016
An inspection of Avon Police

Summary of findings

Requires improvement

Areas for improvement

\uf0b7 The force should ensure that it has the capacity and capability to examine digital
devices in a timely manner.
\uf0b7 The force should ensure that it manages the risk posed by wanted persons and
suspects.
"""


def test_a_symbol_fonts_bullets_in_text_open_items():
    # Text taken from a PDF whose bullets are a symbol font's private-use glyph (U+F0B7);
    # not read as bullets, the two findings were one.
    assert texts(parse_text(SYMBOL_FONT_BULLETS)) == [
        "The force should ensure that it has the capacity and capability to examine digital "
        "devices in a timely manner.",
        "The force should ensure that it manages the risk posed by wanted persons and suspects.",
    ]


def test_the_inspectorate_recommending_is_not_an_addressee():
    # "HMIC recommends that the force should …": the force is to act, named as the force.
    text = (
        "PEEL: Police effectiveness 2016\nAn inspection of Avon Police\n\nCause of concern\n\n"
        "HMIC is concerned that the force is not assessing risk consistently.\n\n"
        "Recommendation\n\nTo address this cause of concern, HMIC recommends that the force "
        "should immediately review its approach to assessing risk in the control room.\n"
    )
    recommendation = parse_text(text).findings[1]
    assert (recommendation.deadline, recommendation.addressees) == ("Immediately", [])
    assert deadline_and_addressees(
        "In response, HMICFRS recommends that the force and the College of Policing should "
        "immediately review the guidance."
    ) == ("Immediately", ["the force", "College of Policing"])


COLUMN_AT_A_TIME = """PEEL 2023–25: An inspection of Avon Police

Our judgments

Area

Police powers and public treatment

Preventing and deterring crime and anti-social behaviour,
and reducing vulnerability

Responding to the public

### HM Inspector's observations

Grade

Good

Adequate

Inadequate

I have concerns about how Avon Police responds to the public.
"""


def test_a_two_column_table_read_a_column_at_a_time():
    # Text from a PDF gives the "Area" column whole, then the "Grade" column whole (a heading
    # of the page between them); the rows are paired back in order.
    parsed = parse_text(COLUMN_AT_A_TIME)
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        ("Police powers and public treatment", "good"),
        (
            "Preventing and deterring crime and anti-social behaviour, and reducing vulnerability",
            "adequate",
        ),
        ("Responding to the public", "inadequate"),
    ]


def test_an_area_the_summary_says_was_not_inspected():
    text = (
        "PEEL 2023–25: An inspection of Avon Police\n\nOur judgments\n\n"
        "Responding to the public\tGood\n\n"
        "We did not inspect building, supporting and protecting the workforce in this "
        "inspection.\n\nResponding to the public\n\nGood\n"
    )
    grades = {j.area: j.grade for j in parse_text(text).judgments}
    assert grades == {
        "Responding to the public": "good",
        "Building, supporting and protecting the workforce": "not_inspected",
    }


PRACTICE_WITH_A_TITLE = """PEEL 2021/22: An inspection of Avon Police

Managing offenders and suspects

Good

Avon Police is good at managing offenders and suspects.

Promising practice

Integrated offender management using GPS tags

The force uses voluntary GPS tagging for prolific acquisitive offenders. Early
evaluation shows a reduction in reoffending among those tagged.

Disrupting serious organised crime

We now inspect serious and organised crime on a regional basis.
"""


def test_a_practice_titled_by_a_short_line():
    # The practice's title, a short line with no full stop, read as an area's heading: the
    # practice's section closed on it and the practice was lost.
    parsed = parse_text(PRACTICE_WITH_A_TITLE)
    assert [(f.kind, f.headline) for f in parsed.findings] == [
        ("promising_practice", "Integrated offender management using GPS tags")
    ]
    assert parsed.findings[0].text.endswith("reduction in reoffending among those tagged.")


HEADINGS_WITH_THEIR_GRADES = """PEEL 2023–25: An inspection of Avon Police

Investigating crime – Requires improvement

Avon Police requires improvement at investigating crime.

Area for improvement 1: The force needs to reduce the backlog of digital devices.

Protecting vulnerable people – Good

Avon Police is good at protecting vulnerable people.

Area for improvement

The force needs to refer children at risk to partners promptly.
"""


def test_a_section_heading_carrying_its_grade_opens_the_area():
    # Read only as an area/grade pair, the heading opened no section: the findings under the
    # first had no area, and the second became an area named "… - Good".
    parsed = parse_text(HEADINGS_WITH_THEIR_GRADES)
    assert [(j.area, j.grade) for j in parsed.judgments] == [
        ("Investigating crime", "requires_improvement"),
        ("Protecting vulnerable people", "good"),
    ]
    assert [f.area for f in parsed.findings] == [
        "Investigating crime",
        "Protecting vulnerable people",
    ]


def test_a_lead_in_with_its_directive_after_an_opening_clause():
    # "To address this cause of concern, …" before the force and its modal verb, the deadline
    # before the subject or after the verb: each item is a recommendation with that deadline.
    head = (
        "PEEL 2018/19: An inspection of Avon Police\n\nInvestigating crime\n\n"
        "Requires improvement\n\nCause of concern\n\n"
        "The force isn't investigating crime effectively.\n\nRecommendations\n\n"
    )
    items = "\n\n• review its call handling;\n\n• make sure callers are updated.\n"
    for lead in (
        "To address this cause of concern, within three months the force should:",
        "To address this cause of concern, the force should, within three months:",
    ):
        findings = parse_text(head + lead + items).findings
        assert [(f.kind, f.deadline, f.addressees, f.cause_of_concern) for f in findings] == [
            ("cause_of_concern", "", [], None),
            ("recommendation", "Within three months", [], 0),
            ("recommendation", "Within three months", [], 0),
        ]


def test_a_spaced_tables_header_is_no_area():
    # "Area      Grade" above the rows: column names, not an area for the findings below.
    text = (
        "PEEL 2023–25: An inspection of Avon Police\n\nOur judgments\n\n"
        "Area                                   Grade\n"
        "Responding to the public               Requires improvement\n"
        "Investigating crime                    Good\n\n"
        "Causes of concern\n\nCause of concern 1\n\n"
        "The force isn't answering calls quickly enough.\n"
    )
    parsed = parse_text(text)
    assert [j.area for j in parsed.judgments] == ["Responding to the public", "Investigating crime"]
    assert [(f.kind, f.area) for f in parsed.findings] == [("cause_of_concern", "")]
