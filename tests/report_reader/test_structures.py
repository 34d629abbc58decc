"""Small documents in the other shapes reports take (2014–2025, thematic, OPCC responses):
each test is one structure the reader must handle."""

import textwrap

from inspections.report_reader import parse_text
from inspections.report_reader.addressees import deadline_and_addressees


def read(text: str):
    return parse_text(textwrap.dedent(text))


def summary(report):
    return [(f.kind, f.area, f.headline) for f in report.findings]


def test_numbered_thematic_recommendations_with_deadlines_and_addressees():
    report = read(
        """\
        # Disproportionate use of police powers: A spotlight on stop and search and the use of force

        February 2021 | © HMICFRS 2021

        ## Recommendations

        Recommendation 1

        By July 2021, forces should make sure that officers record the reasons for every search.

        Recommendation 2

        The Home Office and the NPCC should publish national data on the use of force by ethnicity.

        Recommendation 3

        Immediately, chief constables should review how their forces use handcuffs.

        ## Background

        We inspected 18 forces. The force should be commended.
        """
    )
    assert [(f.reference, f.deadline, f.addressees) for f in report.findings] == [
        ("Recommendation 1", "By July 2021", ["all forces"]),
        ("Recommendation 2", "", ["Home Office", "NPCC"]),
        ("Recommendation 3", "Immediately", ["chief constables"]),
    ]
    assert {f.kind for f in report.findings} == {"recommendation"}
    assert (report.kind, report.framework, report.force) == ("peel_national", None, None)
    assert (report.published.isoformat(), report.published_precision) == ("2021-02-01", "month")
    assert report.warnings == []


def test_recommendations_as_a_numbered_list_under_one_heading():
    report = read(
        """\
        Recommendations
        1. By 31 March 2022, all chief constables should make sure their forces record ethnicity.
        2. The College of Policing, working with the NPCC, should revise its guidance on searches.
        """
    )
    assert [(f.reference, f.deadline, f.addressees) for f in report.findings] == [
        ("Recommendation 1", "By 31 March 2022", ["chief constables"]),
        ("Recommendation 2", "", ["College of Policing", "NPCC"]),
    ]


def test_cause_of_concern_followed_by_its_recommendations():
    report = read(
        """\
        Investigating crime
        Inadequate
        Cumbria Constabulary is inadequate at investigating crime.
        Cause of concern
        The force isn't investigating crime effectively and victims are being let down.
        We found that investigations were poorly supervised and victims were not updated.
        Recommendations
        Within three months, the force should:
        - make sure investigations are allocated to officers with the right skills;
        - improve the supervision of investigations; and
        - make sure victims are updated in line with the Victims' Code of Practice.
        Main findings
        The force should be proud of its new crime policy.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Investigating crime", "inadequate")]
    cause, *recommendations = report.findings
    assert (cause.kind, cause.area) == ("cause_of_concern", "Investigating crime")
    assert cause.text.endswith("victims were not updated.")
    assert [r.text for r in recommendations] == [
        "Within three months, the force should make sure investigations are allocated to officers "
        "with the right skills.",
        "Within three months, the force should improve the supervision of investigations.",
        "Within three months, the force should make sure victims are updated in line with the "
        "Victims' Code of Practice.",
    ]
    assert {(r.kind, r.cause_of_concern, r.deadline) for r in recommendations} == {
        ("recommendation", 0, "Within three months")
    }


def test_one_afi_per_numbered_label_with_its_headline_sentence():
    report = read(
        """\
        Responding to the public
        Requires improvement
        Area for improvement 1
        The force should improve how quickly it answers non-emergency calls.
        We found that callers waited up to 40 minutes. The force should also consider call-backs.
        Area for improvement 2
        The force should make sure call handlers give crime prevention advice.
        Main findings
        The force answers 999 calls quickly.
        """
    )
    assert [(f.reference, f.area, f.headline) for f in report.findings] == [
        (
            "AFI 1",
            "Responding to the public",
            "The force should improve how quickly it answers non-emergency calls.",
        ),
        (
            "AFI 2",
            "Responding to the public",
            "The force should make sure call handlers give crime prevention advice.",
        ),
    ]
    assert report.findings[0].text.endswith("The force should also consider call-backs.")
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Responding to the public", "requires_improvement")
    ]


def test_2023_25_report_with_the_force_needs_to_and_a_grade_table():
    report = read(
        """\
        # PEEL 2023–25: Police effectiveness, efficiency and legitimacy

        An inspection of West Mercia Police

        Published: 14 March 2024

        ## Our judgments

        | Area | Grade |
        | --- | --- |
        | Police powers and public treatment | Adequate |
        | Leadership and force management | Requires improvement |

        # Police powers and public treatment

        ## Areas for improvement

        AFI 1: The force needs to improve how it records the reasons for using force.

        We found gaps in records.

        AFI 2: The force needs to make sure its scrutiny panel reviews body-worn video footage.

        # Leadership and force management

        ### Areas for improvement

        * The force needs to understand its demand better.
        * The force needs to make sure its workforce plan matches its demand.

        ### Promising practice

        #### The force uses a wellbeing app to support officers after traumatic incidents

        The app lets officers book support sessions directly.
        """
    )
    assert report.title == (
        "PEEL 2023–25: Police effectiveness, efficiency and legitimacy: An inspection of West "
        "Mercia Police"
    )
    assert (report.framework, report.force, report.published.isoformat()) == (
        "peel-2023-25",
        "West Mercia Police",
        "2024-03-14",
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Police powers and public treatment", "adequate"),
        ("Leadership and force management", "requires_improvement"),
    ]
    assert summary(report) == [
        (
            "afi",
            "Police powers and public treatment",
            "The force needs to improve how it records the reasons for using force.",
        ),
        (
            "afi",
            "Police powers and public treatment",
            "The force needs to make sure its scrutiny panel reviews body-worn video footage.",
        ),
        (
            "afi",
            "Leadership and force management",
            "The force needs to understand its demand better.",
        ),
        (
            "afi",
            "Leadership and force management",
            "The force needs to make sure its workforce plan matches its demand.",
        ),
        (
            "promising_practice",
            "Leadership and force management",
            "The force uses a wellbeing app to support officers after traumatic incidents",
        ),
    ]
    assert report.findings[0].text.endswith("We found gaps in records.")


def test_2014_2019_requires_improvement_sentence_and_pillar_grades_in_a_summary():
    report = read(
        """\
        PEEL: Police efficiency 2016
        An inspection of Durham Constabulary
        Key findings
        Durham Constabulary is good in the efficiency with which it keeps people safe.
        How well does the force understand demand?
        Durham Constabulary requires improvement in how it understands demand.
        Areas for improvement
        • The force should improve its understanding of hidden demand.
        • The force should review its shift patterns.
        """
    )
    assert report.framework == "peel-2016"
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Efficiency", "good"),
        ("How well does the force understand demand?", "requires_improvement"),
    ]
    assert [f.area for f in report.findings] == ["How well does the force understand demand?"] * 2


def test_notable_practice_and_bullet_markers_of_every_kind():
    for marker in ("-", "•", "·", "*", "1.", "(a)"):
        report = read(
            f"""\
            Legitimacy
            Areas for improvement
            {marker} The force should improve how it records stop and search.
            {marker} The force should publish its use of force data.
            Notable practice
            The force's youth panel reviews body-worn video of searches of children.
            """
        )
        assert [(f.kind, f.area) for f in report.findings] == [
            ("afi", "Legitimacy"),
            ("afi", "Legitimacy"),
            ("notable_practice", "Legitimacy"),
        ], marker


def test_indented_sub_bullets_stay_inside_their_parent():
    report = read(
        """\
        ## Areas for improvement

        - The force should improve its response to vulnerable victims, including:
          - missing children;
          - victims of domestic abuse.
        - The force should review its training.
        """
    )
    assert [len(f.parts) for f in report.findings] == [2, 0]
    assert report.findings[0].text == (
        "The force should improve its response to vulnerable victims, including:\n"
        "- missing children;\n- victims of domestic abuse."
    )


def test_lead_in_joined_to_each_whole_sentence_bullet():
    report = read(
        """\
        Areas for improvement:
        The force should ensure:
        · Effective external scrutiny of its use of force.
        · That its NPCC returns are complete.
        """
    )
    assert [f.text for f in report.findings] == [
        "The force should ensure effective external scrutiny of its use of force.",
        "The force should ensure that its NPCC returns are complete.",
    ]


def test_a_finding_said_to_remain_in_place_under_a_narrative_heading():
    report = read(
        """\
        # Treatment of the public

        Good

        ## Main findings

        ### The force should improve its recording of the reasons for stop and search

        In 2019 we gave the force an area for improvement about this. Progress has been slow,
        and so the AFI remains in place.

        ### The force has good scrutiny panels

        They meet monthly.
        """
    )
    assert [(f.kind, f.area, f.remains_from_earlier) for f in report.findings] == [
        ("afi", "Treatment of the public", True)
    ]
    assert report.findings[0].headline == (
        "The force should improve its recording of the reasons for stop and search."
    )


def test_findings_listed_again_in_a_summary_are_not_doubled():
    report = read(
        """\
        # Summary

        ## Areas for improvement

        - The force needs to improve how it answers 101 calls.

        # Responding to the public

        ## Areas for improvement

        - The force needs to improve how it answers 101 calls.
        """
    )
    assert summary(report) == [
        ("afi", "Responding to the public", "The force needs to improve how it answers 101 calls.")
    ]


def test_response_headings_that_mention_recommendations_are_not_labels():
    report = read(
        """\
        Areas for improvement
        - The force should review its vetting backlog.
        Chief Constable Response to Report and any Recommendations:
        - We will review it by March.
        PCC Response to Report and Any Recommendations:
        I welcome the report.
        """
    )
    assert [f.headline for f in report.findings] == ["The force should review its vetting backlog."]


def test_hard_wrapped_plain_text_is_joined_back_into_paragraphs():
    report = read(
        """\
        Investigating crime
        Good
        Area for improvement
        The force needs to put in place appropriate governance and monitoring processes for the
        use and application of outcomes and leaders need to make sure their use is appropriate
        We reviewed several files that resulted in cautions being issued and found that in some
        cases the caution was not appropriate. Victims had not always been consulted before the
        caution was given, and supervisors had not recognised the occasions where this happened.
        Main findings
        The force has established governance in place in relation to investigative standards.
        """
    )
    (finding,) = report.findings
    assert finding.headline == (
        "The force needs to put in place appropriate governance and monitoring processes for the "
        "use and application of outcomes and leaders need to make sure their use is appropriate"
    )
    assert finding.text.endswith(
        "supervisors had not recognised the occasions where this happened."
    )


def test_text_without_findings_reads_as_empty():
    report = read("A note about the weather.\n\nIt rained in Penrith on Tuesday.\n")
    assert report.is_empty


def test_addressees_and_deadlines():
    assert deadline_and_addressees("By July 2021, forces should record ethnicity.") == (
        "By July 2021",
        ["all forces"],
    )
    assert deadline_and_addressees("The Home Office and the NPCC should publish data.") == (
        "",
        ["Home Office", "NPCC"],
    )
    assert deadline_and_addressees(
        "We recommend that, by 30 September 2022, the National Police Chiefs' Council and the "
        "College of Policing should agree a definition."
    ) == ("By 30 September 2022", ["NPCC", "College of Policing"])
    assert deadline_and_addressees("The force should immediately review its custody policy.") == (
        "Immediately",
        [],
    )
    # A force by its name is kept as worded: alone (the import reads it as the report's own
    # force, or as the force a thematic names) and beside another body, which must not take
    # the force's part away.
    assert deadline_and_addressees("Cumbria Constabulary should review its custody policy.") == (
        "",
        ["Cumbria Constabulary"],
    )
    assert deadline_and_addressees(
        "Kent Police and the Home Office should agree how data is shared."
    ) == ("", ["Kent Police", "Home Office"])
    assert deadline_and_addressees(
        "The force and the College of Policing should review the training."
    ) == ("", ["the force", "College of Policing"])
    # Words ending "police" that name no force stay what they were: not an addressee.
    assert deadline_and_addressees("The local police should publish the data.") == ("", [])
