"""The synthetic national dataset: counts per scale, determinism, integrity, realistic shapes."""

import datetime
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from inspections.models import Inspection, Judgment
from recommendations.models import Finding, FindingStatus, Response, StatusChange
from recommendations.synthetic import Generator

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 22)
SCALE = 0.1


@pytest.fixture
def reference_data(db):
    call_command("load_real_data", verbosity=0)


def fingerprint() -> list:
    synthetic = Inspection.objects.filter(is_synthetic=True)
    return [
        list(synthetic.order_by("slug").values_list("slug", "published_on", "kind")),
        list(
            Finding.objects.filter(inspection__in=synthetic)
            .order_by("inspection__slug", "position")
            .values_list("inspection__slug", "position", "kind", "text")
        ),
        list(
            FindingStatus.objects.filter(finding__inspection__in=synthetic)
            .order_by("finding__inspection__slug", "finding__position", "force__slug")
            .values_list("status", "status_since")
        ),
    ]


def test_same_seed_same_data_other_seed_other_data(reference_data):
    runs = []
    for seed in (7, 7, 8):
        with transaction.atomic():
            Generator(scale=SCALE, seed=seed, today=TODAY).run()
            runs.append(fingerprint())
            transaction.set_rollback(True)
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_command_generates_a_national_shaped_dataset(reference_data):
    call_command("generate_national_dataset", scale=SCALE, seed=3, verbosity=0)

    synthetic = Inspection.objects.filter(is_synthetic=True)
    # Every force has a PEEL report in every era whose framework exists.
    per_force = synthetic.filter(kind="peel_force").values("force").annotate(n=Count("id"))
    assert len(per_force) == 43
    assert {row["n"] for row in per_force} == {7}
    # National thematics apply to all 43 forces, each owing a response and holding statuses.
    thematic = synthetic.filter(kind="thematic").first()
    assert thematic.applies_to.count() == 43
    assert Response.objects.filter(inspection=thematic).count() == 43
    recommendation = thematic.findings.first()
    assert recommendation.statuses.count() == 43
    # 10 to 15 AFIs per PEEL report; causes of concern have 1 to 5 recommendations.
    afis = Counter(
        Finding.objects.filter(inspection__in=synthetic, kind="afi").values_list(
            "inspection_id", flat=True
        )
    )
    assert min(afis.values()) >= 10 and max(afis.values()) <= 15
    for cause in Finding.objects.filter(inspection__in=synthetic, kind="cause_of_concern"):
        assert 1 <= cause.recommendations.count() <= 5
    # Grades use each framework's own scale.
    assert not Judgment.objects.filter(
        inspection__in=synthetic, inspection__framework__scale="four_tier", grade="adequate"
    ).exists()
    # Histories of 1 to 8 entries; the current status is the last entry.
    lengths = Counter(
        StatusChange.objects.filter(finding_status__finding__inspection__in=synthetic).values_list(
            "finding_status_id", flat=True
        )
    )
    assert min(lengths.values()) >= 1 and max(lengths.values()) <= 8
    status = FindingStatus.objects.filter(finding__inspection__in=synthetic).last()
    newest = status.history.order_by("-effective_on", "-id").first()
    assert (status.status, status.status_since) == (newest.status, newest.effective_on)
    # Responses mostly on time, some late.
    today = timezone.localdate()  # the command generates up to today
    states = Counter(
        Response.objects.filter(inspection__in=synthetic)
        .with_state(today)
        .values_list("state", flat=True)
    )
    assert states["published_on_time"] > states["published_late"] > 0


def test_counts_grow_with_the_scale(reference_data):
    with transaction.atomic():
        small = Generator(scale=0.05, seed=1, today=TODAY).run()
        transaction.set_rollback(True)
    with transaction.atomic():
        large = Generator(scale=0.2, seed=1, today=TODAY).run()
        transaction.set_rollback(True)
    # Force reports are one per era at any scale below 1; the national thematics scale.
    assert large.statuses > 1.5 * small.statuses
    assert large.history > 1.5 * small.history
    assert large.inspections > small.inspections


def test_scale_one_is_national_size(reference_data):
    """Scale 1 is about 30,000 finding statuses and 150,000 history entries."""
    with transaction.atomic():
        counts = Generator(scale=1, seed=1, today=TODAY).run()
        transaction.set_rollback(True)
    assert 25_000 <= counts.statuses <= 40_000
    assert 120_000 <= counts.history <= 190_000


def test_a_second_run_is_refused(reference_data):
    call_command("generate_national_dataset", scale=0.02, seed=1, verbosity=0)
    with pytest.raises(CommandError, match="already holds a synthetic dataset"):
        call_command("generate_national_dataset", scale=0.02, seed=1, verbosity=0)


def test_synthetic_reports_are_marked_and_real_ones_are_not(reference_data):
    call_command("generate_national_dataset", scale=0.02, seed=1, verbosity=0)
    assert not Inspection.objects.filter(slug__startswith="cumbria-", is_synthetic=True).exists()
    assert all(
        slug.startswith("synthetic-")
        for slug in Inspection.objects.filter(is_synthetic=True).values_list("slug", flat=True)
    )
