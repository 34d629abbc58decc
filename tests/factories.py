import datetime

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from inspections.models import (
    Area,
    Force,
    Framework,
    GradeScale,
    Inspection,
    Judgment,
    NationalBody,
    PolicingBody,
)
from recommendations.models import (
    DigestSubscription,
    Finding,
    FindingExplanation,
    FindingStatus,
    Response,
    SavedView,
    Status,
    StatusChange,
    Theme,
    Watch,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ForceFactory(DjangoModelFactory):
    class Meta:
        model = Force

    slug = factory.Sequence(lambda n: f"force-{n}")
    name = factory.Sequence(lambda n: f"Force {n} Constabulary")
    local_policing_body = factory.LazyAttribute(lambda f: f"{f.name} Police and Crime Commissioner")
    body_kind = Force.BodyKind.PCC
    region = "North West"


class PolicingBodyFactory(DjangoModelFactory):
    class Meta:
        model = PolicingBody

    force = factory.SubFactory(ForceFactory)
    name = factory.LazyAttribute(lambda b: f"{b.force.name} Police and Crime Commissioner")
    kind = PolicingBody.Kind.PCC
    starts_on = datetime.date(2012, 11, 22)


class NationalBodyFactory(DjangoModelFactory):
    class Meta:
        model = NationalBody

    slug = factory.Sequence(lambda n: f"national-body-{n}")
    name = factory.Sequence(lambda n: f"National body {n}")


class FrameworkFactory(DjangoModelFactory):
    class Meta:
        model = Framework

    slug = factory.Sequence(lambda n: f"framework-{n}")
    name = factory.Sequence(lambda n: f"PEEL framework {n}")
    first_year = 2021
    scale = GradeScale.FIVE_TIER

    class Params:
        four_tier = factory.Trait(scale=GradeScale.FOUR_TIER, first_year=2015)


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area

    framework = factory.SubFactory(FrameworkFactory)
    name = factory.Sequence(lambda n: f"Area {n}")
    kind = Area.Kind.AREA
    position = factory.Sequence(int)


class InspectionFactory(DjangoModelFactory):
    class Meta:
        model = Inspection

    slug = factory.Sequence(lambda n: f"inspection-{n}")
    title = factory.Sequence(lambda n: f"PEEL inspection {n}")
    kind = Inspection.Kind.PEEL_FORCE
    framework = factory.SubFactory(FrameworkFactory)
    published_on = datetime.date(2022, 4, 7)
    force = factory.SubFactory(ForceFactory)

    class Params:
        national = factory.Trait(kind=Inspection.Kind.PEEL_NATIONAL, force=None, framework=None)


class JudgmentFactory(DjangoModelFactory):
    class Meta:
        model = Judgment

    inspection = factory.SubFactory(InspectionFactory)
    area = factory.SubFactory(
        AreaFactory, framework=factory.SelfAttribute("..inspection.framework")
    )
    grade = "good"


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.LazyAttribute(lambda t: t.slug.replace("-", " ").capitalize())


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    inspection = factory.SubFactory(InspectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Finding.Kind.AFI
    area = factory.SubFactory(
        AreaFactory, framework=factory.SelfAttribute("..inspection.framework")
    )
    text = factory.Faker("sentence", nb_words=12)

    class Params:
        recommendation = factory.Trait(kind=Finding.Kind.RECOMMENDATION)
        cause = factory.Trait(kind=Finding.Kind.CAUSE_OF_CONCERN)
        good_practice = factory.Trait(kind=Finding.Kind.INNOVATIVE_PRACTICE)


class FindingStatusFactory(DjangoModelFactory):
    """A current status with its opening history entry, as the services create it."""

    class Meta:
        model = FindingStatus
        skip_postgeneration_save = True

    finding = factory.SubFactory(FindingFactory)
    force = factory.SelfAttribute("finding.inspection.force")
    status = Status.AWAITING_REVIEW
    status_since = factory.SelfAttribute("finding.inspection.published_on")
    last_note = "New finding"

    @factory.post_generation
    def opening_entry(obj, create, extracted, **kwargs):
        if create:
            StatusChange.objects.create(
                finding_status=obj,
                status=obj.status,
                effective_on=obj.status_since,
                note=obj.last_note,
            )


class StatusChangeFactory(DjangoModelFactory):
    class Meta:
        model = StatusChange

    finding_status = factory.SubFactory(FindingStatusFactory)
    status = Status.BEING_PROGRESSED
    effective_on = datetime.date(2022, 6, 1)
    note = "Action plan agreed with the force."


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    inspection = factory.SubFactory(InspectionFactory)
    force = factory.SelfAttribute("inspection.force")


class FindingExplanationFactory(DjangoModelFactory):
    class Meta:
        model = FindingExplanation

    response = factory.SubFactory(ResponseFactory)
    finding = factory.SubFactory(
        FindingFactory,
        recommendation=True,
        inspection=factory.SelfAttribute("..response.inspection"),
    )
    text = "The force has set up an external scrutiny panel."


class SavedViewFactory(DjangoModelFactory):
    """A private view of the whole findings list; traits: the tracker, shared with everyone."""

    class Meta:
        model = SavedView

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Saved view {n}")
    page = SavedView.Page.FINDINGS
    query = ""
    sharing = SavedView.Sharing.PRIVATE

    class Params:
        tracker = factory.Trait(page=SavedView.Page.TRACKER)
        shared_with_everyone = factory.Trait(sharing=SavedView.Sharing.EVERYONE)


class WatchFactory(DjangoModelFactory):
    class Meta:
        model = Watch

    user = factory.SubFactory(UserFactory)
    finding = factory.SubFactory(FindingFactory)


class DigestSubscriptionFactory(DjangoModelFactory):
    class Meta:
        model = DigestSubscription
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory)
    frequency = DigestSubscription.Frequency.DAILY
