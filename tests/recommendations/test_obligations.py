"""Obligations follow addressees (recommendations.obligations): who gets a status row, who owes
an explanation, and how the words of a report are read into structured addressees."""

import csv
import datetime
import io
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from inspections.models import NationalBody
from recommendations.models import Finding, FindingStatus, Response
from recommendations.obligations import addressing_from_words, describe, forces_owing
from recommendations.services import finding_status_change, inspection_open_tracking
from tests.factories import FindingFactory, ForceFactory, InspectionFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2024, 1, 31)


@pytest.fixture
def home_office():
    return NationalBody.objects.get_or_create(
        slug="home-office",
        defaults={"name": "Home Office", "aliases": ["home secretary"]},
    )[0]


@pytest.fixture
def college():
    return NationalBody.objects.get_or_create(
        slug="college-of-policing", defaults={"name": "College of Policing"}
    )[0]


@pytest.fixture
def national_report():
    """A thematic report applying to three forces."""
    inspection = InspectionFactory(national=True, kind="thematic", published_on=PUBLISHED)
    inspection.applies_to.set(ForceFactory.create_batch(3))
    return inspection


# --- reading the words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "forces", "bodies"),
    [
        ([], "report", False),
        (["chief constables"], "report", False),
        (["All forces"], "report", False),
        (["the force"], "report", False),
        (["forces and PCCs"], "report", True),
        (["police and crime commissioners"], "none", True),
        (["the Home Office"], "none", False),
        (["the constabulary"], "report", False),  # unknown words: the report's own
        (["police, fire and crime commissioners"], "none", True),
        (["chief constables and the Home Office"], "report", False),
    ],
)
def test_words_are_read_into_structured_addressees(words, forces, bodies, home_office):
    addressing = addressing_from_words(words, national_bodies=[home_office])
    assert (addressing.owed_by_forces, addressing.is_for_policing_bodies) == (forces, bodies)


def test_national_bodies_are_read_by_name_and_alias(home_office, college):
    addressing = addressing_from_words(
        ["chief constables", "the College of Policing", "the Home Secretary"],
        national_bodies=[home_office, college],
    )
    assert addressing.owed_by_forces == "report"
    assert addressing.national_bodies == [college, home_office]
    assert addressing.unrecognised == []
    odd = addressing_from_words(["the Ministry of Defence"], national_bodies=[home_office])
    assert odd.unrecognised == ["the Ministry of Defence"]


def test_forces_named_by_name_are_the_reports_own_or_named(home_office):
    kent, essex, durham = ForceFactory.create_batch(3)
    for force, name in (
        (kent, "Kent Police"),
        (essex, "Essex Police"),
        (durham, "Durham Constabulary"),
    ):
        force.name = name
    every = [kent, essex, durham]

    def read(words, report):
        return addressing_from_words(
            words, national_bodies=[home_office], forces=every, report_forces=report
        )

    own = read(["Kent Police", "the Home Office"], [kent])
    assert (own.owed_by_forces, own.named_forces, own.national_bodies) == (
        "report",
        [],
        [home_office],
    )
    assert own.unrecognised == []
    # "Kent Constabulary" is Kent's too: reports vary the noun.
    assert read(["Kent Constabulary"], [kent]).owed_by_forces == "report"
    other = read(["Durham Constabulary"], [essex])
    assert (other.owed_by_forces, other.named_forces) == ("named", [durham])
    both = read(["forces", "Durham Constabulary"], [essex, kent])
    assert (both.owed_by_forces, both.named_forces) == ("named", [durham, essex, kent])
    # The force's body named with the force's place is the body, not the force.
    body = read(["Kent Police and Crime Commissioner"], [kent])
    assert (body.owed_by_forces, body.is_for_policing_bodies, body.named_forces) == (
        "none",
        True,
        [],
    )
    # Without the list of forces a force's name is a word the product does not know.
    unknown = addressing_from_words(["Kent Police"], national_bodies=[home_office])
    assert (unknown.owed_by_forces, unknown.unrecognised) == ("report", ["Kent Police"])


def test_forces_owing_by_scope():
    report = [1, 2, 3]
    assert forces_owing(
        owed_by_forces="report", is_for_policing_bodies=False, report_force_ids=report
    ) == {1, 2, 3}
    assert forces_owing(
        owed_by_forces="named",
        is_for_policing_bodies=False,
        report_force_ids=report,
        named_force_ids=[2],
    ) == {2}
    assert forces_owing(
        owed_by_forces="none", is_for_policing_bodies=False, report_force_ids=report
    ) == (set())
    assert forces_owing(
        owed_by_forces="none", is_for_policing_bodies=True, report_force_ids=report
    ) == {1, 2, 3}


def test_describe_says_who_owes_it():
    assert (
        describe(
            owed_by_forces="report",
            is_for_policing_bodies=True,
            report_force_name=None,
            named_force_names=[],
            national_body_names=["Home Office"],
        )
        == "Each force the report applies to and their local policing bodies; Home Office"
    )
    assert (
        describe(
            owed_by_forces="none",
            is_for_policing_bodies=False,
            report_force_name="Kent Police",
            named_force_names=[],
            national_body_names=[],
        )
        == "Nobody: no addressee is recorded"
    )


# --- status rows ------------------------------------------------------------------------------


def test_a_home_office_only_recommendation_gives_no_force_a_status(national_report, home_office):
    finding = FindingFactory(
        inspection=national_report,
        recommendation=True,
        area=None,
        addressees=["the Home Office"],
        owed_by_forces="none",
    )
    finding.national_bodies.add(home_office)

    inspection_open_tracking(inspection=national_report)

    assert not FindingStatus.objects.filter(finding=finding, force__isnull=False).exists()
    [own] = FindingStatus.objects.filter(finding=finding)
    assert own.national_body == home_office
    assert own.holder == home_office
    assert own.history.get().status == "awaiting_review"
    # Each force still owes its response to the report, with nothing to explain.
    counts = Response.objects.filter(inspection=national_report).with_finding_counts()
    assert [r.recommendations_owed for r in counts] == [0, 0, 0]


def test_a_chief_constables_recommendation_is_owed_by_each_of_the_reports_forces(
    national_report,
):
    finding = FindingFactory(
        inspection=national_report,
        recommendation=True,
        area=None,
        addressees=["chief constables"],
    )

    inspection_open_tracking(inspection=national_report)

    owing = set(FindingStatus.objects.filter(finding=finding).values_list("force", flat=True))
    assert owing == set(national_report.applies_to.values_list("pk", flat=True))
    assert len(owing) == 3
    counts = Response.objects.filter(inspection=national_report).with_finding_counts()
    assert [r.recommendations_owed for r in counts] == [1, 1, 1]


def test_a_recommendation_to_named_forces_is_owed_by_those_alone(national_report):
    named = national_report.applies_to.order_by("pk").first()
    finding = FindingFactory(
        inspection=national_report, recommendation=True, area=None, owed_by_forces="named"
    )
    finding.named_forces.add(named)

    inspection_open_tracking(inspection=national_report)

    assert list(FindingStatus.objects.filter(finding=finding).values_list("force", flat=True)) == [
        named.pk
    ]
    owed = {
        r.force_id: r.recommendations_owed
        for r in Response.objects.filter(inspection=national_report).with_finding_counts()
    }
    assert owed[named.pk] == 1
    assert sorted(owed.values()) == [0, 0, 1]
    other = Response.objects.exclude(force=named).filter(inspection=national_report).first()
    assert other.unexplained_recommendations() == []


def test_only_administrators_change_a_national_bodys_status(
    national_report, home_office, editor, administrator
):
    finding = FindingFactory(
        inspection=national_report, recommendation=True, area=None, owed_by_forces="none"
    )
    finding.national_bodies.add(home_office)
    inspection_open_tracking(inspection=national_report)
    row = FindingStatus.objects.get(finding=finding)

    with pytest.raises(PermissionDenied):
        finding_status_change(
            finding_status=row,
            status="being_progressed",
            effective_on=PUBLISHED,
            note="Started.",
            user=editor,
        )
    entry = finding_status_change(
        finding_status=row,
        status="being_progressed",
        effective_on=PUBLISHED,
        note="The Home Office has consulted on the change.",
        user=administrator,
        source_kind="later_report",
        source_reference="https://www.gov.uk/example",
    )
    assert (entry.source_kind, entry.source_reference) == (
        "later_report",
        "https://www.gov.uk/example",
    )


def test_the_finding_page_shows_who_owes_it_and_what_a_status_rests_on(
    client, analyst, national_report, home_office, administrator
):
    finding = FindingFactory(
        inspection=national_report,
        recommendation=True,
        area=None,
        addressees=["chief constables", "the Home Office"],
    )
    finding.national_bodies.add(home_office)
    inspection_open_tracking(inspection=national_report)
    finding_status_change(
        finding_status=FindingStatus.objects.get(finding=finding, national_body=home_office),
        status="being_progressed",
        effective_on=PUBLISHED,
        note="Consultation opened.",
        user=administrator,
        source_kind="force_update",
        source_reference="Letter of 1 February 2024",
    )
    client.force_login(analyst)

    page = client.get(reverse("recommendations:detail", args=[finding.pk]))

    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "Each force the report applies to; Home Office" in text
    assert "An update from the force: Letter of 1 February 2024" in text
    assert text.count('id="history-') == 4  # three forces and the Home Office


def test_the_findings_list_and_csv_name_the_national_body(
    client, analyst, national_report, home_office
):
    finding = FindingFactory(
        inspection=national_report,
        recommendation=True,
        area=None,
        owed_by_forces="none",
        text="The Home Office should amend the code of practice.",
    )
    finding.national_bodies.add(home_office)
    inspection_open_tracking(inspection=national_report)
    client.force_login(analyst)

    page = client.get(reverse("recommendations:list"))
    export = client.get(reverse("recommendations:export_csv"))

    assert "Home Office" in page.content.decode()
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert [row[0] for row in rows[1:]] == ["Home Office"]
    assert Finding.objects.get().statuses.count() == 1


def test_narrowed_addressees_mark_the_rows_no_longer_owed_and_keep_their_history(
    national_report, home_office
):
    finding = FindingFactory(
        inspection=national_report, recommendation=True, area=None, addressees=["chief constables"]
    )
    inspection_open_tracking(inspection=national_report)
    named = national_report.applies_to.order_by("pk").first()

    # Corrected: the report addresses one named force and the Home Office, not every force.
    finding.owed_by_forces = "named"
    finding.save()
    finding.named_forces.add(named)
    finding.national_bodies.add(home_office)
    inspection_open_tracking(inspection=national_report)

    rows = {row.holder: row for row in FindingStatus.objects.filter(finding=finding)}
    assert len(rows) == 4  # three forces' rows stay, the Home Office's is opened
    assert rows[named].status == rows[home_office].status == "awaiting_review"
    not_owed = [row for holder, row in rows.items() if holder not in (named, home_office)]
    assert [row.status for row in not_owed] == ["not_owed", "not_owed"]
    assert [row.history.count() for row in not_owed] == [2, 2]
    assert "addressees were corrected" in not_owed[0].history.order_by("-id").first().note
    # Counted neither open nor closed: the forces no longer owe it.
    assert FindingStatus.objects.filter(finding=finding).open().count() == 2
    assert not FindingStatus.objects.filter(finding=finding).closed().exists()
    owed = Response.objects.filter(inspection=national_report).with_finding_counts()
    assert sorted(r.recommendations_owed for r in owed) == [0, 0, 1]

    # Running again changes nothing; widening back reopens the rows, history kept.
    inspection_open_tracking(inspection=national_report)
    assert not_owed[0].history.count() == 2
    finding.owed_by_forces = "report"
    finding.save()
    inspection_open_tracking(inspection=national_report)
    reopened = FindingStatus.objects.get(pk=not_owed[0].pk)
    assert (reopened.status, reopened.history.count()) == ("awaiting_review", 3)


def test_a_row_not_owed_cannot_be_given_a_status_by_hand(national_report, administrator):
    finding = FindingFactory(
        inspection=national_report, recommendation=True, area=None, addressees=["chief constables"]
    )
    inspection_open_tracking(inspection=national_report)
    finding.owed_by_forces = "none"
    finding.save()
    inspection_open_tracking(inspection=national_report)
    row = FindingStatus.objects.filter(finding=finding).first()
    assert row.status == "not_owed"

    with pytest.raises(ValidationError, match="not owed here"):
        finding_status_change(
            finding_status=row,
            status="complete",
            effective_on=timezone.localdate(),
            note="Done.",
            user=administrator,
        )
    owed = FindingFactory(inspection=national_report, recommendation=True, area=None)
    inspection_open_tracking(inspection=national_report)
    other = FindingStatus.objects.filter(finding=owed).first()
    with pytest.raises(ValidationError, match="not by hand"):
        finding_status_change(
            finding_status=other,
            status="not_owed",
            effective_on=timezone.localdate(),
            note="Not ours.",
            user=administrator,
        )


def test_a_report_corrected_to_apply_to_fewer_forces_owes_them_no_response(national_report):
    inspection_open_tracking(inspection=national_report)
    dropped, kept, published = national_report.applies_to.order_by("pk")
    Response.objects.filter(inspection=national_report, force=published).update(
        is_published=True, published_on=national_report.published_on
    )

    national_report.applies_to.set([kept])
    inspection_open_tracking(inspection=national_report)

    responses = {r.force: r for r in Response.objects.filter(inspection=national_report)}
    assert len(responses) == 3  # rows are never deleted
    assert responses[dropped].is_not_required
    assert "does not apply to this force" in responses[dropped].not_required_reason
    assert responses[dropped].history.count() == 2  # the correction is in its change history
    assert not responses[kept].is_not_required
    # A response already published stays published.
    assert (responses[published].is_published, responses[published].is_not_required) == (
        True,
        False,
    )

    national_report.applies_to.add(dropped)
    inspection_open_tracking(inspection=national_report)
    again = Response.objects.get(inspection=national_report, force=dropped)
    assert (again.is_not_required, again.not_required_reason) == (False, "")
