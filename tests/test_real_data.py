"""Every fixture loads on a freshly migrated database, and the Cumbria facts from the seed
documents are there."""

import datetime

import pytest
from django.core.management import call_command

from inspections.models import Area, Force, Framework, Inspection
from recommendations.models import Finding, FindingStatus, Response, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_data(db):
    call_command("load_real_data", verbosity=0)


def test_all_43_forces_with_their_bodies(real_data):
    assert Force.objects.count() == 43
    cumbria = Force.objects.get(slug="cumbria")
    assert cumbria.body_kind == "pfcc"
    assert Force.objects.get(slug="metropolitan").body_kind == "mopac"
    assert Force.objects.get(slug="greater-manchester").body_kind == "mayor"


def test_frameworks_have_their_own_scales(real_data):
    scales = dict(Framework.objects.values_list("slug", "scale"))
    assert scales["peel-2018-19"] == "four_tier"
    assert scales["peel-2021-22"] == "five_tier"
    assert scales["peel-2023-25"] == "five_tier"
    assert set(scales) >= {
        "peel-2014",
        "peel-2015",
        "peel-2016",
        "peel-2017",
        "peel-2018-19",
        "peel-2021-22",
        "peel-2023-25",
    }


def test_leadership_of_2015_and_2016_was_not_graded(real_data):
    for slug in ("peel-2015", "peel-2016"):
        assert not Area.objects.get(framework__slug=slug, name="Leadership").is_graded


def test_peel_2015_effectiveness_has_17_afis_under_four_questions(real_data):
    inspection = Inspection.objects.get(slug="cumbria-peel-2015-effectiveness")
    assert inspection.published_on is None  # the seed does not state it
    afis = inspection.findings.filter(kind="afi").select_related("area")
    assert afis.count() == 17
    per_question = {}
    for afi in afis:
        per_question.setdefault(afi.area.name, []).append(afi)
    assert [len(v) for v in per_question.values()] == [2, 6, 5, 4]
    first_vulnerability = per_question[
        "How effective is the force at protecting from harm those who are vulnerable, "
        "and supporting victims?"
    ][0]
    assert first_vulnerability.text.count("\n- ") == 3  # sub-points stay inside the finding


def test_integrated_peel_2018_19(real_data):
    inspection = Inspection.objects.get(slug="cumbria-peel-2018-19")
    assert inspection.published_on == datetime.date(2019, 5, 2)
    assert dict(inspection.judgments.values_list("area__name", "grade")) == {
        "Effectiveness": "good",
        "Efficiency": "good",
        "Legitimacy": "good",
    }
    afis = inspection.findings.filter(kind="afi", area__name="Legitimacy")
    assert afis.count() == 5
    for finding in afis:
        assert finding.source_document.endswith("000_7ef010a0f97d3f66.txt")


def test_response_to_2018_19_is_due_26_june_2019(real_data):
    response = Response.objects.get(inspection__slug="cumbria-peel-2018-19", force__slug="cumbria")
    assert response.due_on == datetime.date(2019, 6, 26)
    assert "Chief Constable Michelle Skeer" in response.chief_officer_comments
    assert response.body_comments.startswith("The Police and Crime Commissioner is delighted")


def test_diverging_under_pressure_is_national_and_owed_by_every_force(real_data):
    inspection = Inspection.objects.get(slug="diverging-under-pressure")
    assert inspection.is_national
    # HMICFRS's own page gives 6 February 2020 (the OPCC's document said July 2020).
    assert inspection.published_display() == "6 February 2020"
    assert inspection.response_due_on == datetime.date(2020, 4, 1)
    assert inspection.applies_to.count() == 43
    assert Response.objects.filter(inspection=inspection).count() == 43


def test_peel_2021_22_grades(real_data):
    inspection = Inspection.objects.get(slug="cumbria-peel-2021-22")
    grades = dict(inspection.judgments.values_list("area__name", "grade"))
    assert grades["Managing offenders"] == "outstanding"
    for area in (
        "Investigating crime",
        "Developing a positive workplace",
        "Protecting vulnerable people",
    ):
        assert grades[area] == "good"
    for area in (
        "Treatment of the public",
        "Preventing crime",
        "Responding to the public",
        "Good use of resources",
    ):
        assert grades[area] == "adequate"
    assert grades["Victim service assessment"] == "ungraded"
    graded = [
        g for g in grades.values() if g not in {"ungraded", "not_yet_graded", "not_inspected"}
    ]
    assert len(graded) == 8


def test_peel_2021_22_findings(real_data):
    findings = Finding.objects.filter(inspection__slug="cumbria-peel-2021-22")
    afis = findings.filter(kind="afi")
    assert afis.filter(carried_forward_from__isnull=True).count() == 9
    assert findings.filter(kind="innovative_practice").count() == 6
    for finding in findings:
        assert finding.source_section, finding


def test_external_scrutiny_afis_carried_forward_counted_once(real_data):
    carried = Finding.objects.filter(
        inspection__slug="cumbria-peel-2021-22", carried_forward_from__isnull=False
    ).select_related("carried_forward_from__inspection")
    assert carried.count() == 2
    earlier_texts = set()
    for finding in carried:
        assert finding.carried_forward_from.inspection.slug == "cumbria-peel-2018-19"
        assert "external scrutiny" in finding.text
        earlier_texts.add(finding.carried_forward_from.text)
        # The later AFI is open; the earlier one says where it went, in its history.
        assert FindingStatus.objects.get(finding=finding).is_open
        earlier = FindingStatus.objects.get(finding=finding.carried_forward_from)
        assert earlier.status == "carried_forward"
        assert earlier.history.first().source_kind == "later_report"
        assert "Carried forward to PEEL 2021/22" in earlier.last_note
    assert any("stop and search" in text for text in earlier_texts)
    assert any("use of force" in text for text in earlier_texts)


def test_every_trackable_finding_has_a_status_with_history(real_data):
    trackable = Finding.objects.trackable()
    assert FindingStatus.objects.count() == trackable.count() == 33
    # The fixture's 33 opening entries, and the two carried-forward entries added on loading.
    assert StatusChange.objects.count() == 35
    assert not FindingStatus.objects.filter(history__isnull=True).exists()
    assert not FindingStatus.objects.filter(finding__kind="innovative_practice").exists()


def test_loading_twice_changes_nothing(real_data):
    before = (Finding.objects.count(), StatusChange.objects.count(), Response.objects.count())
    call_command("load_real_data", verbosity=0)
    assert (
        Finding.objects.count(),
        StatusChange.objects.count(),
        Response.objects.count(),
    ) == before
