"""The API's fast serialisation (recommendations/api/representation.py) writes exactly what
DRF's own Serializer.to_representation writes, on every endpoint, for rows with every kind of
gap: a finding with no area, a national body's status, good practice with no status, a report
known to the month only, a response with no deadline, a force with no policing body."""

import datetime

import pytest
from rest_framework import serializers

from inspections.models import DatePrecision, NationalBody
from recommendations.api.representation import FastRowsMixin
from recommendations.models import Finding, Status
from recommendations.services import finding_status_change
from tests.api.helpers import all_rows, token_client
from tests.factories import (
    AreaFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    JudgmentFactory,
    PolicingBodyFactory,
    ResponseFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/findings/",
    "/api/v1/findings/?format=csv",
    "/api/v1/reports/",
    "/api/v1/responses/",
    "/api/v1/forces/",
]


@pytest.fixture
def varied_record(administrator):
    kent, avon = ForceFactory(name="Kent"), ForceFactory(name="Avon")
    PolicingBodyFactory(force=kent)
    peel = InspectionFactory(
        force=kent, published_on=datetime.date(2022, 4, 1), published_precision=DatePrecision.MONTH
    )
    area = AreaFactory(framework=peel.framework)
    JudgmentFactory(inspection=peel, area=area)
    graded = FindingFactory(inspection=peel, area=area, kind=Finding.Kind.AFI)
    graded.themes.add(ThemeFactory(name="Stop and search"), ThemeFactory(name="Custody"))
    FindingFactory(inspection=peel, area=None, good_practice=True)
    status = FindingStatusFactory(finding=graded, force=kent)
    finding_status_change(
        finding_status=status,
        status=Status.BEING_PROGRESSED,
        effective_on=datetime.date(2023, 1, 5),
        note="Plan agreed.",
        user=administrator,
    )
    thematic = InspectionFactory(national=True, kind="thematic", published_on=None)
    national = FindingFactory(inspection=thematic, recommendation=True, area=None)
    FindingStatusFactory(finding=national, force=avon)
    home_office = NationalBody.objects.get_or_create(slug="home-office", name="Home Office")[0]
    FindingStatusFactory(finding=national, force=None, national_body=home_office)
    ResponseFactory(inspection=peel, force=kent)
    ResponseFactory(inspection=thematic, force=avon)
    return graded, national


def _drf_own(self, instance):
    return super(FastRowsMixin, self).to_representation(instance)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_writes_what_drf_writes(url, analyst, varied_record, monkeypatch):
    api = token_client(analyst)
    fast = api.get(url).content
    monkeypatch.setattr(FastRowsMixin, "to_representation", _drf_own)
    assert api.get(url).content == fast


def test_history_writes_what_drf_writes(analyst, varied_record, monkeypatch):
    graded, national = varied_record
    api = token_client(analyst)
    urls = [f"/api/v1/findings/{finding.pk}/history/" for finding in (graded, national)]
    fast = [all_rows(api, url) for url in urls]
    assert all(fast)
    monkeypatch.setattr(FastRowsMixin, "to_representation", _drf_own)
    assert [all_rows(api, url) for url in urls] == fast


def test_a_method_on_the_source_path_is_called_and_a_missing_link_is_drf_s_null():
    class Row(FastRowsMixin, serializers.Serializer):
        kind_label = serializers.CharField(source="get_kind_display")
        area_name = serializers.CharField(source="area.name", allow_null=True)

    finding = Finding(kind=Finding.Kind.AFI, area=None)
    assert Row(finding).data == {"kind_label": "Area for improvement", "area_name": None}


def test_a_missing_value_without_null_fails_as_drf_says():
    class Row(FastRowsMixin, serializers.Serializer):
        area_name = serializers.CharField(source="area.name")

    with pytest.raises(AttributeError, match="area_name"):
        _ = Row(Finding(kind=Finding.Kind.AFI, area=None)).data
