"""Accuracy on the real documents: what the reader finds in the three seed documents (copied
into data/ from shared/seeds/) against lists written by hand from the texts. Each expected
finding is (kind, area, the first words of its text). Run with -s to see precision and recall.

No database: the reader is plain Python."""

import re
from pathlib import Path

import pytest

from inspections.report_reader import ParsedReport, read_report

DATA = Path(__file__).resolve().parent / "data"
SEED_000 = "000_7ef010a0f97d3f66.txt"
SEED_002 = "002_3d1b060b47e8b9b9.txt"
SEED_004 = "004_73cb31f20208c677.txt"

TREATMENT = "Treatment of the public"
PREVENTING = "Preventing crime"
RESPONDING = "Responding to the public"
INVESTIGATING = "Investigating crime"
OFFENDERS = "Managing offenders"
WORKPLACE = "Developing a positive workplace"
RESOURCES = "Good use of resources"

# PEEL 2021/22, Cumbria: nine new AFIs, the two 2018/19 external scrutiny AFIs that "will remain
# in place" (one headline naming both), six innovative practices (as fixtures/cumbria.json).
EXPECTED_002 = [
    ("afi", TREATMENT, "The force must make sure that ethnicity is accurately recorded"),
    ("afi", TREATMENT, "The force must improve the workforce's recording of use of force"),
    ("afi", TREATMENT, "The force should ensure effective external scrutiny of its use of stop"),
    ("afi", TREATMENT, "The force should ensure effective external scrutiny of its use of force"),
    ("afi", PREVENTING, "The force must review its neighbourhood policing resourcing"),
    ("afi", PREVENTING, "The force must review its neighbourhood policing abstraction policy"),
    ("afi", RESPONDING, "The force should improve how it responds to non-emergency"),
    ("afi", RESPONDING, "The force should make sure that call handlers give"),
    ("afi", INVESTIGATING, "The force needs to put in place appropriate governance"),
    ("innovative_practice", OFFENDERS, "Cumbria Constabulary is innovative in its approach"),
    ("innovative_practice", OFFENDERS, "The force is reducing reoffending through its Pathways"),
    ("afi", WORKPLACE, "The force should make sure that one-to-one conversations"),
    ("innovative_practice", WORKPLACE, "The force has collaborated with Durham Constabulary"),
    ("innovative_practice", WORKPLACE, "The force is providing excellent opportunities"),
    ("innovative_practice", RESOURCES, "The force is progressive and digitally innovative"),
    ("innovative_practice", RESOURCES, "The force amended police staff contracts"),
    ("afi", RESOURCES, "The force should: - develop an up-to-date strategic assessment"),
]
JUDGMENTS_002 = [
    (OFFENDERS, "outstanding"),
    (INVESTIGATING, "good"),
    (WORKPLACE, "good"),
    ("Protecting vulnerable people", "good"),
    (PREVENTING, "adequate"),
    (TREATMENT, "adequate"),
    (RESPONDING, "adequate"),
    (RESOURCES, "adequate"),
    # Not graded in this report, and said so:
    ("Victim service assessment", "ungraded"),
    ("Disrupting serious organised crime", "not_yet_graded"),
    ("Vetting and counter corruption", "not_yet_graded"),
]

Q_PREVENTING = (
    "How effective is the force at preventing crime and anti-social behaviour, and keeping "
    "people safe?"
)
Q_INVESTIGATING = "How effective is the force at investigating crime and managing offenders?"
Q_VULNERABLE = (
    "How effective is the force at protecting from harm those who are vulnerable, and "
    "supporting victims?"
)
Q_SOC = (
    "How effective is the force at tackling serious and organised crime, including its "
    "arrangement for fulfilling its national policing responsibilities?"
)
# PEEL 2015 effectiveness: seventeen AFIs under four questions (2, 6, 5, 4).
EXPECTED_004 = [
    ("afi", Q_PREVENTING, "The constabulary should use evidence of ‘what works’"),
    ("afi", Q_PREVENTING, "The constabulary should adopt a structured and consistent"),
    ("afi", Q_INVESTIGATING, "The constabulary should ensure that all investigations"),
    ("afi", Q_INVESTIGATING, "The constabulary should ensure that there is regular"),
    ("afi", Q_INVESTIGATING, "The constabulary should improve its ability to retrieve"),
    ("afi", Q_INVESTIGATING, "The constabulary should work with partner organisations"),
    ("afi", Q_INVESTIGATING, "The constabulary should ensure that the risks posed"),
    ("afi", Q_INVESTIGATING, "The constabulary should ensure that checks are routinely"),
    ("afi", Q_VULNERABLE, "The constabulary should improve its response to vulnerable victims"),
    ("afi", Q_VULNERABLE, "The constabulary should improve its safeguarding of vulnerable"),
    ("afi", Q_VULNERABLE, "The constabulary should ensure that it complies with the national"),
    ("afi", Q_VULNERABLE, "The constabulary should improve its compliance with the code"),
    ("afi", Q_VULNERABLE, "The constabulary should improve its response to persistent"),
    ("afi", Q_SOC, "The force should add relevant data from partner agencies"),
    ("afi", Q_SOC, "The constabulary needs to improve the awareness of organised crime"),
    ("afi", Q_SOC, "The constabulary should engage routinely with partner organisations"),
    ("afi", Q_SOC, "The constabulary should take steps to identify those at risk"),
]
JUDGMENTS_004 = [(Q_VULNERABLE, "requires_improvement")]

# OPCC response: two reports; the 2018/19 one has five legitimacy AFIs, each the lead-in "The
# force should ensure" joined to its bullet.
EXPECTED_000 = [
    (
        "afi",
        "Legitimacy",
        "The force should ensure effective external scrutiny of its use of force",
    ),
    ("afi", "Legitimacy", "The force should ensure effective external scrutiny of its use of stop"),
    ("afi", "Legitimacy", "The force should ensure that its Counter Corruption Unit has enough"),
    ("afi", "Legitimacy", "The force should ensure that its Counter Corruption Unit continues"),
    ("afi", "Legitimacy", "The force should ensure it has an effective process for the workforce"),
]
JUDGMENTS_000 = [("Effectiveness", "good"), ("Efficiency", "good"), ("Legitimacy", "good")]


def read(name: str) -> ParsedReport:
    return read_report((DATA / name).read_bytes(), name)


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def score(found: list[tuple[str, str, str]], expected: list[tuple[str, str, str]]):
    """Precision and recall of (kind, area, text) against (kind, area, first words), each
    expected item matched at most once."""
    unmatched = list(expected)
    hits = 0
    for kind, area, text in found:
        for item in unmatched:
            if item[0] == kind and item[1] == area and _flat(text).startswith(_flat(item[2])):
                unmatched.remove(item)
                hits += 1
                break
    precision = hits / len(found) if found else 0.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall, unmatched


@pytest.mark.parametrize(
    ("name", "expected", "judgments"),
    [
        (SEED_002, EXPECTED_002, JUDGMENTS_002),
        (SEED_004, EXPECTED_004, JUDGMENTS_004),
        (SEED_000, EXPECTED_000, JUDGMENTS_000),
    ],
)
def test_findings_and_grades_match_the_hand_written_lists(name, expected, judgments):
    report = read(name)
    found = [(f.kind, f.area, f.text) for f in report.findings]
    precision, recall, missed = score(found, expected)
    grades = {(j.area, j.grade) for j in report.judgments}
    grade_hits = len(grades & set(judgments))
    print(
        f"\n{name}: findings precision {precision:.2f} recall {recall:.2f} "
        f"({len(found)} found, {len(expected)} expected); grades precision "
        f"{grade_hits / max(len(grades), 1):.2f} recall {grade_hits / len(judgments):.2f}"
    )
    assert missed == []
    assert (precision, recall) == (1.0, 1.0)
    assert grades == set(judgments)


def test_2021_22_report_details_and_carried_forward_afis():
    report = read(SEED_002)
    assert report.title == "PEEL 2021/22: An inspection of Cumbria Constabulary"
    assert (report.published.isoformat(), report.published_precision) == ("2022-04-01", "month")
    assert (report.framework, report.kind, report.force) == (
        "peel-2021-22",
        "peel_force",
        "Cumbria Constabulary",
    )
    remaining = [f for f in report.findings if f.remains_from_earlier]
    assert [f.headline for f in remaining] == [
        "The force should ensure effective external scrutiny of its use of stop and search powers.",
        "The force should ensure effective external scrutiny of its use of force.",
    ]
    assert all("both AFIs will remain in place" in f.text for f in remaining)
    assert sum(1 for f in report.findings if not f.remains_from_earlier and f.kind == "afi") == 9


def test_2021_22_headline_keeps_its_explanation_and_lead_in_keeps_its_bullets():
    findings = read(SEED_002).findings
    first = findings[0]
    assert first.text.startswith(
        "The force must make sure that ethnicity is accurately recorded following stop and "
        "search activity, and that the data is analysed to help the force understand stop and "
        "search disproportionality\n\nThe force's internal stop and search board"
    )
    strategic = next(f for f in findings if f.headline == "The force should:")
    assert strategic.parts == [
        "develop an up-to-date strategic assessment that will enable it to provide policing "
        "services that meet current and future demand;",
        "make sure it has enough analytical capacity and capability to review this strategic "
        "assessment regularly; and",
        "make sure that financial plans, workforce, IT, estates and other corporate plans are "
        "all aligned to its assessment.",
    ]
    assert "\n- make sure it has enough analytical capacity" in strategic.text
    assert strategic.text.endswith("or that the plans in place are lasting.")


def test_2015_afis_per_question_and_sub_points_kept_in_their_parent():
    report = read(SEED_004)
    per_area = {}
    for finding in report.findings:
        per_area[finding.area] = per_area.get(finding.area, 0) + 1
    assert list(per_area.values()) == [2, 6, 5, 4]
    vulnerable = [f for f in report.findings if f.area == Q_VULNERABLE]
    assert vulnerable[0].parts == [
        "the national decision-making model with control room staff;",
        "the immediate and longer term measures that can be provided to victims of domestic "
        "abuse to keep them safe; and",
        "identification of the risks associated with child sexual exploitation.",
    ]
    assert all(not f.parts for f in vulnerable[1:])
    assert (report.title, report.framework, report.published) == (
        "Cumbria PEEL 2015: Effectiveness",
        "peel-2015",
        None,
    )


def test_opcc_response_covers_two_reports_and_the_findings_belong_to_the_embedded_one():
    report = read(SEED_000)
    assert [(r.title, r.published.isoformat(), r.published_precision) for r in report.reports] == [
        (
            "PEEL Spotlight Report: Diverging under pressure – Overview of themes from PEEL "
            "Inspections (National Thematic)",
            "2020-07-01",
            "month",
        ),
        ("Integrated PEEL Assessments 2018/2019", "2019-05-02", "day"),
    ]
    assert [r.kind for r in report.reports] == ["peel_national", "peel_force"]
    assert [r.framework for r in report.reports] == [None, "peel-2018-19"]
    assert report.main_report == 1
    assert (report.title, report.framework) == (
        "Integrated PEEL Assessments 2018/2019",
        "peel-2018-19",
    )
    assert {f.report for f in report.findings} == {1}
    assert report.findings[4].text == (
        "The force should ensure it has an effective process for the workforce to refer and "
        "discuss ethical concerns."
    )


def test_the_reader_imports_nothing_from_django():
    package = Path(__file__).resolve().parents[2] / "inspections" / "report_reader"
    for source in package.glob("*.py"):
        assert not re.search(r"^\s*(?:from|import)\s+django\b", source.read_text(), re.MULTILINE), (
            source
        )
