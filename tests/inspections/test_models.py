import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspections.models import Inspection, Judgment, document_name, validate_document_name
from tests.factories import (
    AreaFactory,
    ForceFactory,
    FrameworkFactory,
    InspectionFactory,
    JudgmentFactory,
)

pytestmark = pytest.mark.django_db


def test_one_judgment_per_inspection_and_area_in_the_database():
    judgment = JudgmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Judgment.objects.create(inspection=judgment.inspection, area=judgment.area, grade="good")


def test_one_judgment_per_inspection_and_area_as_a_readable_error():
    judgment = JudgmentFactory()
    duplicate = Judgment(inspection=judgment.inspection, area=judgment.area, grade="inadequate")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "This inspection already has a grade for that area." in error.value.messages


def test_grade_outside_the_choices_is_refused_by_the_database():
    judgment = JudgmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Judgment.objects.filter(pk=judgment.pk).update(grade="excellent")


def test_adequate_is_not_a_grade_in_a_four_tier_framework():
    framework = FrameworkFactory(four_tier=True)
    inspection = InspectionFactory(framework=framework)
    area = AreaFactory(framework=framework)
    with pytest.raises(ValidationError) as error:
        Judgment(inspection=inspection, area=area, grade="adequate").full_clean()
    assert "is not a grade in" in error.value.message_dict["grade"][0]


@pytest.mark.parametrize("grade", ["ungraded", "not_yet_graded", "not_inspected"])
def test_non_grades_are_valid_in_every_framework(grade):
    for scale_trait in ({"four_tier": True}, {}):
        framework = FrameworkFactory(**scale_trait)
        inspection = InspectionFactory(framework=framework)
        Judgment(
            inspection=inspection, area=AreaFactory(framework=framework), grade=grade
        ).full_clean()


def test_judgment_area_must_belong_to_the_inspections_framework():
    inspection = InspectionFactory()
    foreign_area = AreaFactory()  # another framework
    with pytest.raises(ValidationError) as error:
        Judgment(inspection=inspection, area=foreign_area, grade="good").full_clean()
    assert "is not an area of" in error.value.message_dict["area"][0]


def test_a_force_report_must_name_its_force_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        InspectionFactory(kind=Inspection.Kind.PEEL_FORCE, force=None)


def test_a_national_report_needs_no_force():
    inspection = InspectionFactory(national=True)
    inspection.applies_to.add(ForceFactory(), ForceFactory())
    assert inspection.is_national
    assert len(inspection.forces_owing_response()) == 2


def test_a_force_report_without_force_is_a_readable_error():
    inspection = InspectionFactory.build(force=None, framework=None)
    with pytest.raises(ValidationError) as error:
        inspection.full_clean()
    assert error.value.message_dict["force"] == [
        "A peel force inspection must name the force it is about."
    ]


def test_publication_date_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    inspection = InspectionFactory.build(published_on=tomorrow, framework=None)
    inspection.force.save()
    with pytest.raises(ValidationError) as error:
        inspection.full_clean()
    assert error.value.message_dict["published_on"] == [
        "The publication date cannot be in the future."
    ]


def test_area_names_are_unique_within_a_framework_only():
    area = AreaFactory(name="Investigating crime")
    AreaFactory(name="Investigating crime")  # another framework: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaFactory(name="Investigating crime", framework=area.framework)


def test_natural_keys_round_trip():
    area = AreaFactory()
    inspection = InspectionFactory()
    assert type(area).objects.get_by_natural_key(*area.natural_key()) == area
    assert Inspection.objects.get_by_natural_key(*inspection.natural_key()) == inspection


@pytest.mark.parametrize(
    ("stored", "name"),
    [
        ("../shared/seeds/000_7ef010a0f97d3f66.txt", "000_7ef010a0f97d3f66.txt"),
        ("/work/main/uploads/kent.pdf", "kent.pdf"),
        ("C:\\Reports\\kent.docx", "kent.docx"),
        ("kent.html", "kent.html"),
        ("Pasted text", "Pasted text"),
    ],
)
def test_a_source_document_is_its_file_name_never_a_path(stored, name):
    """Issue 16: a finding's page showed "../shared/seeds/…". Imports keep the file name
    (document_name); a path typed in the admin is refused."""
    assert document_name(stored) == name
    inspection = InspectionFactory.build(source_document=stored)
    if stored == name:
        validate_document_name(stored)
    else:
        with pytest.raises(ValidationError, match="file name only"):
            inspection.full_clean(
                exclude=[f.name for f in Inspection._meta.fields if f.name != "source_document"]
            )
