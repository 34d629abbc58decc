# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on texts it had never seen (one made-up text each):
indented numbered lists of recommendations after a lead-in, impersonal recommendations counted
by their announcement, the cause of concern quoted in a revisit letter, grades in prose, AFIs
quoted in minutes with progress notes, and metadata (force, date, furniture, tracker listing)."""

import textwrap

from inspections.report_reader import model, parse_text
from inspections.report_reader.score import _deadline_month


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def texts(report):
    return [(f.kind, " ".join(f.text.split())) for f in report.findings]


def test_an_indented_numbered_list_after_a_recommendations_from_line():
    report = read(
        """\
        Progress on tackling fraud: a follow-up

        Recommendations from the March 2020 inspectorate's report.

          1. By July 2022, forces should ensure that every victim of fraud is offered a referral to support services.
          2. By July 2021, forces should publish how they will deal with reports of fraud.
          4. The Home Office and the NPCC should take steps to improve how intelligence about fraud is shared.

        We found that some progress had been made against each of these.
        """
    )
    assert [f.kind for f in report.findings] == ["recommendation"] * 3
    assert report.findings[0].text.startswith("By July 2022, forces should ensure")
    assert [f.reference for f in report.findings] == [
        "Recommendation 1",
        "Recommendation 2",
        "Recommendation 4",
    ]
    assert [_deadline_month(f.deadline) for f in report.findings[:2]] == ["2022-07", "2021-07"]
    assert report.findings[0].addressees == ["all forces"]
    assert report.findings[2].addressees == ["Home Office", "NPCC"]
    assert "progress had been made" not in report.findings[2].text


def test_impersonal_recommendations_counted_by_their_announcement():
    report = read(
        """\
        An inspection of how the police tackle county lines

        HM Inspector Alex Example made three recommendations in this report:

          1. There should be an immediate and clear commitment that children exploited by gangs are treated as victims first.
          2. The sustained disruption of county lines gangs should be a national priority for the police and partner agencies.
          3. Structures and funding should be put in place to support joint work between police and children's services.

        The full report is available on our website.
        """
    )
    assert [f.kind for f in report.findings] == ["recommendation"] * 3
    assert report.findings[0].text.startswith("There should be an immediate")
    assert report.findings[2].text.startswith("Structures and funding should")


def test_announced_count_is_not_met_by_plain_bullets_of_narrative():
    report = read(
        """\
        Notes of the meeting

        The chair made three points about the report:

          1. The report was well received by staff.
          2. The timescale was short.
          3. The next meeting is in June.
        """
    )
    assert report.findings == []


def test_the_cause_of_concern_quoted_after_our_inspection_found():
    report = read(
        """\
        Anyshire Constabulary: PEEL revisit letter

        Dear Chief Constable,

        In our 2023 inspection of Anyshire Constabulary, we identified a cause of concern about how the force responds to calls from the public. Our inspection found:

        "The force is not answering emergency and non-emergency calls quickly enough, and it does not always identify vulnerable callers, which means that some people are put at risk."

        We recommended that within six months the force should:

        - make sure it answers emergency calls within ten seconds;
        - review how call handlers identify repeat and vulnerable callers.

        We revisited the force in May 2024 and found it had made good progress.
        """
    )
    kinds = [f.kind for f in report.findings]
    assert kinds == ["cause_of_concern", "recommendation", "recommendation"]
    assert report.findings[0].text.startswith("The force is not answering")
    assert report.findings[1].cause_of_concern == 0
    assert report.findings[2].cause_of_concern == 0
    assert report.findings[1].deadline == "Within six months"
    assert report.findings[1].addressees == []


def test_the_cause_of_concern_stated_as_we_found_that_the_force_was():
    report = read(
        """\
        Anyshire Police: cause of concern revisit

        In our last inspection we found that the force was not doing enough to protect children at risk of exploitation, and that officers did not always recognise the signs of exploitation.

        To address this cause of concern, we recommended that the force should:

        - train all frontline officers to recognise the signs of child exploitation;
        - make sure that referrals are made to children's services without delay.
        """
    )
    kinds = [f.kind for f in report.findings]
    assert kinds == ["cause_of_concern", "recommendation", "recommendation"]
    assert "not doing enough to protect children" in report.findings[0].text
    assert report.findings[1].cause_of_concern == 0
    report = read(
        """\
        Anyshire Police: revisit

        In 2022 we found that Anyshire Police was not answering calls quickly enough. This was a cause of concern.

        We made the following recommendations:

        - The force should answer 90 percent of emergency calls within ten seconds.
        - The force should publish its call answering times each month.
        """
    )
    assert [f.kind for f in report.findings] == [
        "cause_of_concern",
        "recommendation",
        "recommendation",
    ]
    assert report.findings[0].text == "Anyshire Police was not answering calls quickly enough."
    assert report.findings[2].cause_of_concern == 0


def test_grades_stated_in_prose_in_minutes():
    report = read(
        """\
        Police and Crime Panel minutes

        The panel noted that the force had been judged as 'requires improvement' in all three areas: effectiveness, efficiency and legitimacy.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Effectiveness", "requires_improvement"),
        ("Efficiency", "requires_improvement"),
        ("Legitimacy", "requires_improvement"),
    ]
    report = read(
        """\
        Summary for the commissioner

        In the last inspection the force was graded good for efficiency and legitimacy, and requires improvement for effectiveness.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Effectiveness", "requires_improvement"),
        ("Efficiency", "good"),
        ("Legitimacy", "good"),
    ]
    report = read(
        """\
        Panel minutes

        The Chief Constable said the force was rated 'good' for effectiveness and 'requires improvement' for its efficiency and legitimacy.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Effectiveness", "good"),
        ("Efficiency", "requires_improvement"),
        ("Legitimacy", "requires_improvement"),
    ]


def test_afis_quoted_in_minutes_with_progress_bullets():
    report = read(
        """\
        Joint audit committee minutes

        Progress against the HMICFRS areas for improvement was discussed.

        AFI 6 – the Force should improve how it records the outcome of stop and search.
        - The Deputy Chief Constable has set up a working group.
        - Recording has improved to 85%.

        AFI 7 – the Force should ensure that effective external scrutiny of the use of force is in place.
        - The Assistant Commissioner has appointed a new panel chair.
        - The panel meets every quarter.

        The committee noted the update.
        """
    )
    assert [(f.kind, f.reference) for f in report.findings] == [("afi", "AFI 6"), ("afi", "AFI 7")]
    assert " ".join(report.findings[0].text.split()) == (
        "the Force should improve how it records the outcome of stop and search."
    ) or report.findings[0].text.startswith("The Force should improve")
    assert "working group" not in report.findings[0].text
    assert "AFI 7" not in report.findings[0].text
    assert "external scrutiny" in report.findings[1].text
    assert "panel chair" not in report.findings[1].text


def test_the_force_comes_from_the_title_not_from_a_finding():
    report = read(
        """\
        PEEL 2023–25: An inspection of Anyshire Police

        Areas for improvement

        The force should work with Kent Police to share good practice on call handling.
        """
    )
    assert report.force != "Kent Police"
    report = read(
        """\
        PEEL 2023–25: An inspection of Durham Constabulary

        Areas for improvement

        The force should learn from how Kent Police shares good practice on call handling.
        """
    )
    assert report.force == "Durham Constabulary"


def test_a_date_line_and_a_published_line_are_the_publication_date():
    report = read(
        """\
        Source · HMICFRS
        Stalking and harassment: an inspection of how the police respond
         date 2024-05-03

        Recommendations

        Forces should appoint a single point of contact for stalking by May 2025.
        """
    )
    assert report.published.isoformat() == "2024-05-03"
    assert report.title.startswith("Stalking and harassment")
    report = read(
        """\
        Vetting in the police

        Published: 3 May 2024

        Recommendations

        Forces should review their vetting decisions.
        """
    )
    assert report.published.isoformat() == "2024-05-03"
    report = read(
        """\
        Vetting in the police
        Published 3 May 2024

        Recommendations

        Forces should review their vetting decisions.
        """
    )
    assert report.published.isoformat() == "2024-05-03"
    assert report.title == "Vetting in the police"


def test_a_third_party_page_listing_recommendations_one_per_row_is_a_tracker_listing():
    report = read(
        """\
        Accountability Watch — inspection recommendations tracker
        Source · HMICFRS

        | No. | Recommendation | Status |
        | --- | --- | --- |
        | 1 | Forces should improve the recording of domestic abuse crimes. | Open |
        | 2 | Forces should review how they support victims of stalking. | Closed |
        | 3 | The College of Policing should publish guidance on stalking. | Open |
        """
    )
    assert [f.kind for f in report.findings] == ["recommendation"] * 3
    assert report.document_kind == model.TRACKER_LISTING
    assert "Source" not in report.title


def test_a_scraped_date_field_with_a_time_and_a_dateline_are_the_publication_date():
    for dated in (" date 2021-08-12", " date 2021-08-12T10:15:00Z", "date 2021-08-12 10:15"):
        report = read(
            f"""\
            Anyshire Police custody failings found by inspectors
            {dated}
            Anyshire Police has been told it must improve how it treats people in custody.
            """
        )
        assert report.published.isoformat() == "2021-08-12", dated
        assert report.title == "Anyshire Police custody failings found by inspectors"
    report = read(
        """\
        Inspectors criticise custody suites

        Thursday 12 August 2021, 4:15pm

        Inspectors found that detainees were not always checked often enough.
        """
    )
    assert report.published.isoformat() == "2021-08-12"


def test_a_force_named_by_its_abbreviation_or_by_its_area_alone():
    report = read(
        """\
        Police Authority Board minutes

        The Commissioner introduced the update on the inspection. COLP had made progress against each area for improvement, and COLP officers had been trained.
        """
    )
    assert report.force == "City of London Police"
    report = read(
        """\
        Panel minutes

        GMP has set up a working group on call handling, the Deputy Mayor said.
        """
    )
    assert report.force == "Greater Manchester Police"
    report = read(
        """\
        Crime Data Integrity

        Inspection for Lincolnshire was published July 2018.

        Read the report.
        """
    )
    assert report.force == "Lincolnshire Police"
    report = read(
        """\
        Crime Data Integrity

        Inspections for Kent and for Essex were published in July 2018.
        """
    )
    assert report.force is None  # two areas named: neither is the subject
    report = read(
        """\
        Fire inspection

        Inspectors visited Durham Fire and Rescue Service in 2022.
        """
    )
    assert report.force is None


def test_a_news_article_about_an_inspection_is_a_near_miss_and_its_grades_are_not_judgments():
    report = read(
        """\
        Inspectors find Anyshire Police requires improvement | ITV News
         date 2021-08-12

        Anyshire Police has been told it must improve the way it investigates crime.

        HMICFRS found the force was:
        • ‘good’ at preventing crime;
        • ‘requires improvement’ at investigating crime.

        "We will study the report carefully," a force spokesperson said.
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.judgments == []
    report = read(
        """\
        Federation responds to PEEL report

        The Anyshire Police Federation has responded to the inspection of the force.

        The inspectorate said the force was Good – at preventing crime, managing offenders and treating the public fairly.

        Requires improvement – in five areas.

        Federation chair Sam Example said: "Our members work incredibly hard."
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.judgments == []


def test_a_news_article_listing_causes_of_concern_is_not_a_cause_of_concern_letter():
    report = read(
        """\
        Causes of concern raised over Anyshire Police
         date 2017-03-02

        Inspectors said the force was failing vulnerable people. There were three main causes of concern, which were:

        • the force did not always assess risk properly;
        • officers were not always attending calls quickly enough;
        • investigations were not always supervised.

        The chief constable said the force had already begun to improve.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_pcc_news_item_restating_grades_is_a_pcc_response_without_judgments():
    report = read(
        """\
        Question time: the PEEL report

        Following the recently released Police Effectiveness, Efficiency and Legitimacy (PEEL) report, the Commissioner held the Chief Constable to account.

        The force was graded:
        • ‘good’ at preventing crime;
        • ‘adequate’ at responding to the public.

        The Commissioner said: "I am pleased with the progress the force is making."
        """
    )
    assert report.document_kind == model.PCC_RESPONSE
    assert report.judgments == []


def test_minutes_restating_grades_keep_them():
    report = read(
        """\
        Police and Crime Panel minutes

        HMICFRS assessed the force on nine areas of policing, as follows:

        · Preventing crime - good
        · Investigating crime - requires improvement

        The Commissioner said the force would act on the findings.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Investigating crime", "requires_improvement"),
        ("Preventing crime", "good"),
    ]


def test_a_government_departments_letter_responding_to_a_report_is_a_near_miss():
    for first in ("Correspondence", "Policy paper"):
        report = read(
            f"""\
            {first}

            Government response to the State of Policing report 2024

            Home Office
            2 Marsham Street
            London
            SW1P 4DF

            Dear Andy,

            Thank you for your annual assessment of policing in England and Wales.

            Response to Recommendations

            We accept the recommendation that the Home Office should review police funding.
            """
        )
        assert report.document_kind == model.NEAR_MISS, first
        assert report.title == "Government response to the State of Policing report 2024"
        assert report.judgments == []


def test_a_scottish_police_authority_summary_is_a_near_miss_and_not_titled_by_its_section():
    report = read(
        """\
        Report Summary

        Analysis of the State of Policing in England and Wales 2022

        This paper gives members of the Scottish Police Authority an analysis of HMICFRS's annual assessment of policing in England and Wales, and what it means for policing here.

        Conclusions and Recommendations

        1. HMICFRS found that forces in England and Wales had lost public confidence.
        2. Members should note the findings on vetting.
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.title == "Analysis of the State of Policing in England and Wales 2022"
    report = read(
        """\
        Report Summary
        This report gives members an overview of HMICFRS's national report on vetting in England and Wales.
        Source: www.spa.police.uk
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.title != "Report Summary"


def test_an_opcc_page_of_several_reports_and_responses_is_a_tracker_listing():
    report = read(
        """\
        HMICFRS inspections

        Crime Data Integrity 2018

        Inspection for Lincolnshire was published July 2018.

        Read the HMICFRS report

        Read the PCC's response to the recommendations contained in this report

        Fraud: Time to choose

        Inspection for all forces was published April 2019.

        Read the PCC's response to the recommendations contained in this report
        """
    )
    assert report.document_kind == model.TRACKER_LISTING
    assert report.force == "Lincolnshire Police"
    report = read(
        """\
        PEEL 2018/19

        Inspection for Anyshire was published May 2019.

        Read the full report

        Inspection of custody for Anyshire was published June 2019.

        Read the full report

        Read the PCC's response
        """
    )
    assert report.document_kind == model.TRACKER_LISTING
    report = read(
        """\
        Crime Data Integrity

        Crime Data Integrity inspection for Lincolnshire was published July 2018.

        Read the full report

        Read the PCC's response to the recommendations contained in this report
        """
    )
    assert report.document_kind == model.TRACKER_LISTING
    report = read(
        """\
        HMICFRS Inspection on Fraud: 'A Time to Choose'

        The report makes two recommendations that relate directly to all forces nationally.

        Read the HMICFRS Inspection on Fraud: 'A Time to Choose'.

        Read the PCC's response to the recommendations contained in this report
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_grades_in_several_short_sentences_under_an_ungraded_heading():
    report = read(
        """\
        Anyshire 2014

        Effectiveness

        How effective is the force at keeping people safe and reducing crime?

        Last updated 27/11/2014
        Ungraded

        Anyshire Police is good at reducing crime and preventing offending. The force requires improvement in investigating offending. It is good at tackling anti-social behaviour.

        The force works well with partners.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Investigating offending", "requires_improvement"),
        ("Reducing crime and preventing offending", "good"),
        ("Tackling anti-social behaviour", "good"),
    ]
    report = read(
        """\
        Anyshire 2014

        How effective is the force at keeping people safe and reducing crime?

        Ungraded

        The constabulary is outstanding at tackling anti-social behaviour. It requires improvement in the way it investigates offending.
        """
    )
    assert sorted((j.area, j.grade) for j in report.judgments) == [
        ("Investigating offending", "requires_improvement"),
        ("Tackling anti-social behaviour", "outstanding"),
    ]


def test_an_ungraded_area_stays_ungraded_when_no_parts_are_graded():
    report = read(
        """\
        PEEL 2018/19: Anyshire Police

        How effective are the force's specialist capabilities?

        Ungraded

        The force has the specialist capabilities it needs.
        """
    )
    assert [(j.grade) for j in report.judgments] == ["ungraded"]


def test_question_grades_in_a_pillar_summary_and_grades_carried_from_an_earlier_year():
    report = read(
        """\
        Anyshire PEEL 2018

        Effectiveness

        How effectively does the force reduce crime and keep people safe?

        Last updated 02/05/2019
        Good

        Anyshire Police is good at reducing crime and keeping people safe. It works well with partners.

        The force is good at investigating crime. Its investigations are well supervised.

        Anyshire Police is good at protecting vulnerable people.

        In 2017, we assessed the force as good at:

        • preventing crime and tackling anti-social behaviour; and
        • tackling serious and organised crime.

        Questions for Effectiveness
        """
    )
    judged = {(j.area, j.grade, j.is_carried_forward) for j in report.judgments}
    assert judged == {
        ("Effectiveness", "good", False),
        ("Investigating crime", "good", False),
        ("Protecting vulnerable people", "good", False),
        ("Preventing crime and tackling anti-social behaviour", "good", True),
        ("Tackling serious and organised crime", "good", True),
    }
    report = read(
        """\
        Anyshire PEEL 2018

        How legitimately does the force treat the public and its workforce?

        Good

        The constabulary is good at treating the public fairly. The constabulary is good at maintaining an ethical culture.

        In 2017, we judged Anyshire Constabulary to be good at treating its workforce fairly.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Legitimacy", "good")]


def test_summary_prose_without_a_grade_line_does_not_grade_questions():
    report = read(
        """\
        Anyshire PEEL 2018

        How effectively does the force reduce crime and keep people safe?

        Anyshire Police is good at reducing crime and keeping people safe.

        The force is good at investigating crime. However, it needs to improve how it manages suspects.

        The force's approach to crime-recording is now good, with a high degree of accuracy.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Effectiveness", "good")]


def test_a_register_page_with_a_cause_of_concern_and_inline_bulleted_recommendations():
    variants = [
        # the recommendations in one paragraph after the cause of concern's
        """\
        Skip to content

        Cause of concern

        Anyshire Constabulary's response to victims of domestic abuse is not good enough. Officers do not always complete risk assessments.

        To address this cause of concern, the force should immediately review how officers complete risk assessments. • To address this cause of concern, the force should immediately make sure that supervisors check every domestic abuse investigation. • To address this cause of concern, the force should immediately stop closing cases without contacting the victim and should cease

        The force has responded positively to this recommendation and has introduced a new risk assessment process.

        This recommendation is complete.
        """,
        # the cause of concern and its recommendations on one line
        """\
        Cause of concern
        Anyshire Constabulary's response to victims of domestic abuse is not good enough. Officers do not always complete risk assessments. • The force should immediately review how officers complete risk assessments. • The force should immediately make sure that supervisors check every domestic abuse investigation. • The force should immediately ensure that closing cases without contacting the victim should cease
        The force has responded positively to this recommendation.
        This recommendation is complete
        """,
        # the recommendations' paragraph opening with its bullet
        """\
        Cause of concern

        Anyshire Constabulary's response to victims of domestic abuse is not good enough. Officers do not always complete risk assessments.

        • The force should immediately review how officers complete risk assessments. • The force should immediately make sure that supervisors check every domestic abuse investigation. • The force should immediately stop closing cases without contacting the victim and should cease

        This recommendation has been superseded by a later recommendation.
        """,
    ]
    for text in variants:
        report = read(text)
        assert report.document_kind == model.REGISTER_ENTRY
        assert [f.kind for f in report.findings] == [
            "cause_of_concern",
            "recommendation",
            "recommendation",
            "recommendation",
        ]
        cause = report.findings[0].text
        assert cause.startswith("Anyshire Constabulary's response")
        assert cause.endswith("complete risk assessments.")
        assert "•" not in cause
        assert all(f.cause_of_concern == 0 for f in report.findings[1:])
        assert "should immediately review" in report.findings[1].text
        assert "supervisors check" in report.findings[2].text
        assert report.findings[3].text.endswith("should cease")
        assert not any("responded positively" in f.text for f in report.findings)
        assert not any("superseded" in f.text for f in report.findings)


def test_a_status_comment_in_a_paper_that_does_not_open_with_a_label_is_not_a_register_log():
    report = read(
        """\
        HMICFRS update to the audit committee

        Recommendations

        1. The force should improve how it records crime.

        This recommendation is complete.

        2. The force should review its use of stop and search.
        """
    )
    assert report.status_log == []
    assert report.document_kind != model.REGISTER_ENTRY


def test_the_scottish_police_authority_named_once_far_down_a_page_about_no_english_force():
    report = read(
        "Report Summary\n\nAnalysis of HMICFRS's State of Policing 2022\n\n"
        + "HMICFRS found that forces in England and Wales need to rebuild public trust. " * 25
        + "\n\nThis analysis was prepared for the Scottish Police Authority.\n"
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.title == "Analysis of HMICFRS's State of Policing 2022"


def test_a_government_letter_with_a_from_line_is_titled_by_its_own_title():
    report = read(
        """\
        Correspondence
        From: Home Office
        Home Secretary's letter on the inspection of police vetting
        Published 12 March 2024

        Dear Matt,

        I write in response to your report on vetting.

        Response to Recommendations

        The Home Office accepts the recommendation.
        """
    )
    assert report.title == "Home Secretary's letter on the inspection of police vetting"
    assert report.document_kind == model.NEAR_MISS


def test_a_ministers_letter_that_names_its_department_only_by_web_address_is_a_near_miss():
    """The sender is a minister's title over an address block; "Home Office" may appear only
    in the department's web address (seen on a real letter from the Home Secretary)."""
    for sender in ("Home Secretary", "Minister of State for Crime and Policing"):
        report = read(
            f"""\
            Inspection report: government response

            {sender}
            2 Marsham Street
            London SW1P 4DF
            www.gov.uk/home-office

            Chief Inspector of Constabulary
            By email

            Dear Andy,

            Thematic inspection – Response to Recommendations

            I am grateful for your report. I set out my response to your recommendations below.
            """
        )
        assert report.document_kind == model.NEAR_MISS, sender
        assert report.judgments == []


def test_a_news_report_opening_a_report_has_found_is_a_near_miss():
    """A journalist's "A report has found …" with a scraped date field; an inspection report
    says "our inspection found", which is not news."""
    for opening in ("A report has found", "An inspection found", "A new review has concluded"):
        report = read(
            f"""\
             date 2022-03-09
            {opening} that Anyshire Police must improve its custody suites.

            There were three main causes of concern, which were:

            The safety of detainees in custody, including how they are monitored.

            The use of force on detainees, which is not always recorded.
            """
        )
        assert report.document_kind == model.NEAR_MISS, opening
    inspection = read(
        """\
        Anyshire Police: custody inspection
        Published 9 March 2022

        Our inspection found that the force must improve the safety of detainees.

        Cause of concern

        The force does not monitor detainees in custody safely.
        """
    )
    assert inspection.document_kind != model.NEAR_MISS


def test_a_pccs_letter_to_the_home_secretary_is_a_pcc_response_not_a_departments_letter():
    """A PCC's s.55 comments are usually a letter to the Home Secretary with the Home Office's
    address at the top: written to the department, not by it."""
    for address in (
        "Rt Hon Yvette Cooper MP\n            Home Secretary\n            2 Marsham Street",
        "Home Office\n            2 Marsham Street\n            London SW1P 4DF",
    ):
        for salutation in ("Dear Home Secretary,", "Dear Yvette,"):
            report = read(
                f"""\
                Office of the Police and Crime Commissioner for Anyshire

                {address}

                Dear X
                """.replace("Dear X", salutation)
                + """
                Response to the HMICFRS PEEL 2023-25 inspection of Anyshire Police

                The Commissioner welcomes the report and has asked the Chief Constable to report
                on progress.
                """
            )
            assert report.document_kind == model.PCC_RESPONSE, (address, salutation)
