# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on the fourth blind corpus (corpus_blind4), one
made-up text each, with controls: a tracker's table whose cells hold a cause of concern and
one of its recommendations (the cause repeated on every row), and a tracker site's type label
above the report's name."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


TRACKER = """\
    PEEL Force Inspection
    PEEL 2021/22 causes of concern: Exampleshire Police
    Causes of concern and their recommendations tracked by HMICFRS for Exampleshire Police
    | # | Recommendation | Directed at | Status |
    |---|---|---|---|
    | R1 | Cause of concern: The force does not answer emergency calls quickly enough, and callers wait too long. Recommendation: HMICFRS recommends that within three months the force should: review how many call handlers it needs at its busiest times; | Exampleshire Police | Open |
    | R2 | Cause of concern: The force does not answer emergency calls quickly enough, and callers wait too long. Recommendation: HMICFRS recommends that within six months the force should: make sure its call handlers assess the risk to every caller; | Exampleshire Police | Completed |
    | R3 | Cause of concern: The force does not supervise its investigations well enough. Recommendation: HMICFRS recommends that the force should immediately: make sure supervisors review every open investigation each month. | Exampleshire Police | Completed |
    | R4 | Cause of concern: The force does not supervise its investigations well enough. Recommendation: HMICFRS recom
    """


def test_a_tracker_cell_holding_a_cause_of_concern_and_a_recommendation_is_both():
    report = read(TRACKER)
    causes = [f for f in report.findings if f.kind == model.CAUSE_OF_CONCERN]
    recommendations = [f for f in report.findings if f.kind == model.RECOMMENDATION]
    assert [c.text[:40] for c in causes] == [
        "The force does not answer emergency call",
        "The force does not supervise its investi",
    ]
    assert len(recommendations) == 3  # the fourth row is cut before its recommendation
    assert [report.findings[r.cause_of_concern].text[:22] for r in recommendations] == [
        "The force does not ans",
        "The force does not ans",
        "The force does not sup",
    ]
    assert recommendations[0].text.startswith("Within three months the force should: review")


def test_a_page_about_findings_tracked_by_the_inspectorate_is_a_tracker_listing():
    report = read(TRACKER)
    assert report.document_kind == model.TRACKER_LISTING
    assert report.title == "PEEL 2021/22 causes of concern: Exampleshire Police"


def test_a_table_of_recommendations_without_cause_cells_is_read_one_per_row():
    report = read(
        """\
        | No. | Recommendation | Status |
        |---|---|---|
        | 1 | The force should review how it records reports of missing children. | Open |
        | 2 | The force should improve the supervision of its investigations. | Closed |
        """
    )
    assert [f.kind for f in report.findings] == [model.RECOMMENDATION] * 2


def test_northern_irelands_criminal_justice_inspectorate_news_is_a_near_miss():
    report = read(
        """\
        Police custody standards are improving but more must be done: Chief Inspector of Criminal Justice in Northern Ireland
        Criminal Justice Inspection Northern Ireland (CJI) has published a follow-up review of police custody. Inspectors found that the Police Service of Northern Ireland had made progress against most of the recommendations made in 2019, and recommended that the PSNI should review how detainees are assessed for risk.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_an_english_force_report_naming_northern_ireland_once_stays_a_report():
    report = read(
        """\
        PEEL 2021/22: An inspection of Exampleshire Police

        Areas for improvement

        The force should improve how it shares intelligence with other forces, including the Police Service of Northern Ireland.
        """
    )
    assert report.document_kind != model.NEAR_MISS


def test_a_probation_inspection_is_a_near_miss():
    report = read(
        """\
        Inspection of probation services: Exampleshire region
        HM Chief Inspector of Probation
        This inspection examined how well the probation service in Exampleshire protects the public. We rated the probation delivery unit as 'Requires improvement'. HMPPS should make sure that probation practitioners have manageable caseloads.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_police_report_mentioning_probation_partners_stays_a_report():
    report = read(
        """\
        PEEL 2023–25: An inspection of Exampleshire Police

        Area for improvement

        The force needs to improve how it manages offenders with its probation partners.
        """
    )
    assert report.document_kind != model.NEAR_MISS


def test_the_inspectorates_consultation_banner_is_not_the_title_of_a_force_page():
    report = read(
        """\
        Skip to content

        Proposed fire and rescue services inspection programme and framework 2025–27: For consultation

        We would like your views on whether this programme covers the right areas of FRSs’ activities.

        Anyshire 2016

        The extent to which Anyshire Police is effective at keeping people safe and reducing crime is good.

        The extent to which Anyshire Police is efficient at keeping people safe and reducing crime requires improvement.
        """
    )
    assert report.title == "Anyshire 2016"
    assert report.document_kind != model.NEAR_MISS
    assert {(j.area, j.grade) for j in report.judgments} == {
        ("Effectiveness", "good"),
        ("Efficiency", "requires_improvement"),
    }


def test_an_open_government_licence_notice_is_not_the_title():
    report = read(
        """\
        All content is available under the Open Government Licence v3.0, except where otherwise stated.

        To view this licence, visit:
        https://nationalarchives.gov.uk/doc/open-government-licence/version/3

        or write to:
        Information Policy Team,
        The National Archives,
        Kew,
        London TW9 4DU

        An inspection of how well the police tackle fraud

        We found that forces do not give fraud enough priority.
        """
    )
    assert report.title == "An inspection of how well the police tackle fraud"


def test_an_inspection_sentence_under_a_headline_is_not_its_subtitle():
    report = read(
        """\
        Forensic services need to work more closely together
        An inspection of forensic services in Exampleshire has called for strengthened collaborative working between the police and the forensic science provider, to deliver a better service to courts.
        """
    )
    assert report.title == "Forensic services need to work more closely together"


def test_a_short_inspection_subtitle_still_completes_the_title():
    report = read(
        """\
        # PEEL: Police effectiveness 2016
        An inspection of Anyshire Police

        ## How effective is the force at keeping people safe?
        Good
        """
    )
    assert report.title == "PEEL: Police effectiveness 2016: An inspection of Anyshire Police"


def test_areas_of_improvement_announced_then_listed_after_these_were_are_afis():
    report = read(
        """\
        Anyshire PEEL 2018
        In our last legitimacy inspection of Anyshire Police in 2017, we identified two areas of improvement.
        These were:
        - the way the force records and scrutinises its use of force; and
        - how it promotes learning from complaints.
        We found that the force has made progress on both.
        """
    )
    assert [(f.kind, f.text) for f in report.findings] == [
        (model.AFI, "the way the force records and scrutinises its use of force."),
        (model.AFI, "how it promotes learning from complaints."),
    ]


def test_these_were_after_a_sentence_announcing_nothing_opens_no_list():
    report = read(
        """\
        Anyshire PEEL 2018
        In 2017 we visited three custody suites.
        These were:
        - the main suite at headquarters;
        - the suite in the north of the county.
        """
    )
    assert report.findings == []


def test_a_recommendation_cut_into_bullets_that_refer_back_is_one_recommendation():
    report = read(
        """\
        Anyshire PEEL 2018
        In our 2017 legitimacy report, we recommended that all forces should:
        - monitor and analyse comprehensive stop and search data to understand reasons for disparities;
        - take action on those; and
        - publish the analysis and the action by July 2018.
        We found that the force has complied with some elements of this recommendation.
        """
    )
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.kind == model.RECOMMENDATION
    assert "take action on those" in finding.text
    assert finding.addressees == ["all forces"]
    assert finding.deadline == "By July 2018"


def test_separate_recommendations_after_a_lead_in_stay_separate():
    report = read(
        """\
        Anyshire PEEL 2018
        We recommended that all forces should:
        - review how they record stop and search;
        - improve the training of their supervisors; and
        - publish their use of force data every quarter.
        """
    )
    assert len(report.findings) == 3


def test_a_pillar_report_downgraded_from_one_grade_to_another_has_the_new_grade():
    report = read(
        """\
        HMICFRS Update
        The Head of Strategic Development explained that unfortunately the PEEL legitimacy report had been downgraded from “good” to “requires improvement”. The Assistant Commissioner was confident the Force was addressing the areas identified.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Legitimacy", "requires_improvement")]


def test_a_pillar_report_in_which_the_force_was_assessed_as_requiring_improvement():
    report = read(
        """\
        Commissioner responds to legitimacy report
        The Police and Crime Commissioner has responded to the HMICFRS Legitimacy report in which Anyshire Police was assessed as requiring improvement.
        The legitimacy report follows on from November’s efficiency report, which rated Anyshire Police as being good for the efficient way it keeps people safe.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Legitimacy", "requires_improvement")]


def test_the_overall_grading_of_a_pillar_report_named_in_the_title():
    report = read(
        """\
        HMICFRS Inspection Report: PEEL Police Effectiveness 2017: An Inspection of Anyshire Police
        The PEEL Inspection Reports provided a judgement grade of ‘outstanding’, ‘good’ ‘requires improvement’ or ‘inadequate’. The overall grading for Anyshire in the latest report was ‘requires improvement’.
        """
    )
    assert ("Effectiveness", "requires_improvement") in [
        (j.area, j.grade) for j in report.judgments
    ]


def test_an_overall_grading_with_no_pillar_in_the_title_is_not_given_an_area():
    report = read(
        """\
        Panel minutes
        The overall grading for Anyshire in the latest report was ‘good’.
        """
    )
    assert report.judgments == []


def test_a_force_rating_itself_on_its_own_page_proposes_no_grade():
    report = read(
        """\
        Police Effectiveness, Efficiency and Legitimacy (PEEL) inspections
        Following the most recent HMICFRS inspection (2018/19), we have been rated as outstanding for efficiency and good at reducing crime and keeping people safe.
        """
    )
    assert report.judgments == []


def test_abbreviations_in_an_area_name_are_spelled_out():
    report = read(
        """\
        PEEL Police Effectiveness 2017: summary for the panel

        | Inspection area | Grade |
        |---|---|
        | Preventing crime and ASB | Good |
        | Tackling SOC | Requires improvement |
        """
    )
    assert {(j.area, j.grade) for j in report.judgments} == {
        ("Preventing crime and anti-social behaviour", "good"),
        ("Tackling serious and organised crime", "requires_improvement"),
    }


def test_grade_bullets_under_a_judged_that_lead_in_are_named_by_their_own_words():
    report = read(
        """\
        Anyshire Police's efficiency at keeping people safe and reducing crime is good

        HMICFRS judged that Anyshire Police:

          • is ‘outstanding’ at understanding the demands for its services;
          • is ‘good’ at planning for the future.
        """
    )
    areas = {j.area for j in report.judgments}
    assert "Planning for the future" in areas
    assert not any("judged that" in area for area in areas)


FLATTENED_PLAN = """\
    Appendix 1 June 2019 HMICFRS Report Recommendations Traffic Light Colour Definition of target achievement GREEN The recommendation is implemented AMBER The recommendation is subject to ongoing work RED The recommendation is beyond its deadline. PEEL 2018/2019 This report makes 4 areas for improvement for the force, these are being progressed. Status Due Date Comment 1 Area for Improvement The force should improve how it supervises investigations into domestic abuse. AMBER No deadline set by HMICFRS December 2019 set to align with the next inspection. 2 Area for Improvement The force should make sure its call handlers assess risk consistently. GREEN Complete. Anyshire Police owns both actions.
    """


def test_a_flattened_tracker_row_runs_each_finding_in_after_its_label():
    report = read(FLATTENED_PLAN)
    assert [(f.kind, f.text) for f in report.findings] == [
        (
            model.AFI,
            "The force should improve how it supervises investigations into domestic abuse.",
        ),
        (model.AFI, "The force should make sure its call handlers assess risk consistently."),
    ]


def test_a_traffic_light_status_key_makes_a_progress_paper_an_improvement_plan():
    report = read(FLATTENED_PLAN)
    assert report.document_kind == model.IMPROVEMENT_PLAN


def test_a_recommendation_named_in_a_sentence_is_not_run_in():
    report = read(
        """\
        Anyshire Police: PEEL 2018/19
        In our last report we made a recommendation about supervision. The force should now consider whether the changes have worked.
        """
    )
    assert report.findings == []


def test_a_board_receiving_the_commissioners_report_on_an_inspection_is_a_response():
    report = read(
        """\
        Report of the Commissioner.
        The Board received a report of the Commissioner on the HMICFRS PEEL Inspection 2022.
        The Chair observed that the areas identified as needing improvement had a clear plan for each.
        RESOLVED- That the report be noted.
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_a_newspaper_quoting_a_commissioner_on_a_report_is_still_news():
    report = read(
        """\
         date 2019-09-27 The report from HM Inspectorate of Constabulary makes strong criticisms of the force’s plans.
        HM Inspector of Constabulary Jane Doe said: “The force needs to improve the way it investigates crime.”
        In response Police and Crime Commissioner John Smith said: “Elements of this report are misleading.”
        Advertising
        He added that the force was fully prepared.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_commissioners_own_news_item_on_a_report_stays_a_response():
    report = read(
        """\
        Commissioner welcomes inspection report
        Police and Crime Commissioner John Smith said: “This report recognises the hard work of our officers.”
        The Chief Constable added: “We will act on its recommendations.”
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_a_national_policing_bodys_statement_on_a_report_is_a_near_miss():
    report = read(
        """\
        02 Nov 2022
        National Police Chiefs’ Council Chair, Jane Doe, said:
        “The inspection identified some flawed processes. Chief constables will act on these recommendations and put the problems right.”
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_rewritten_news_item_with_a_date_field_and_reported_speech_is_a_near_miss():
    report = read(
        """\
         date 2023-06-09 The police service is at a turning point and has a limited window to repair public trust, the Chief Inspector has said. In his annual review he called for major reforms. The report makes three recommendations to the government and police chiefs.
        """
    )
    assert report.document_kind == model.NEAR_MISS


def test_a_national_list_of_forces_under_grades_is_about_no_one_force():
    report = read(
        """\
         date 2017-03-02 The watchdog graded forces for their overall effectiveness as follows:
        :: Good
        Avon & Somerset, Cambridgeshire, Cheshire, Cleveland, Cumbria, Derbyshire, Dorset, Essex, Gwent, Kent, Lancashire, Met Police
        :: Requires improvement
        Devon and Cornwall, Gloucestershire, Hampshire, Hertfordshire, Humberside
        """
    )
    assert report.force is None


def test_a_force_named_in_a_flattened_row_beside_its_finding_is_still_found():
    report = read(FLATTENED_PLAN.replace("Anyshire Police", "Kent Police"))
    assert report.force == "Kent Police"


def test_the_scorer_gives_a_force_whose_name_is_not_its_slug_its_slug():
    from inspections.report_reader.score import force_slug

    assert force_slug("Hampshire and Isle of Wight Constabulary") == "hampshire"
    assert force_slug("West Mercia Police") == "west-mercia"
