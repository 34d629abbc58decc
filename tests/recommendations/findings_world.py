"""A small record for the findings list, its filters and exports: three forces, two eras,
force reports, a national report, an undated report, lineage, themes and good practice.

Rows of the list (finding, force of its status):
    afi_avon18 (Avon)        awaiting review, since 2 May 2019
    afi_avon21 (Avon)        awaiting review, since not stated; carried forward from afi_avon18
    gp_avon21 (no status)    innovative practice in Avon's 2021/22 report
    cause_kent (Kent)        being progressed, since 1 June 2022
    rec_kent (Kent)          complete, since 10 January 2023; under cause_kent
    nat_rec (Avon)           no further action needed, since 1 August 2021
    nat_rec (Kent)           being progressed, since 1 September 2020
    nat_gp (no status)       promising practice in a national report for Avon and Kent
    afi_wilts (Wiltshire)    superseded, since not stated; report with no publication date
"""

import datetime
from types import SimpleNamespace

from inspections.models import Inspection
from recommendations.models import Finding
from tests.factories import (
    AreaFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    FrameworkFactory,
    InspectionFactory,
    ThemeFactory,
)

STOP_AND_SEARCH_AFI = (
    "The force should ensure effective external scrutiny of its use of stop and search powers."
)


def build_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.avon = ForceFactory(slug="avon", name="Avon Constabulary")
    w.kent = ForceFactory(slug="kent", name="Kent Police")
    w.wilts = ForceFactory(slug="wilts", name="Wiltshire Police")
    w.fw18 = FrameworkFactory(four_tier=True, slug="peel-18", name="PEEL 2018/19")
    w.fw21 = FrameworkFactory(slug="peel-21", name="PEEL 2021/22")
    w.legit18 = AreaFactory(framework=w.fw18, name="Legitimacy")
    w.legit21 = AreaFactory(framework=w.fw21, name="Legitimacy")
    w.treat21 = AreaFactory(framework=w.fw21, name="Treatment of the public")
    w.stop = ThemeFactory(slug="stop-and-search", name="Stop and search")
    w.scrutiny = ThemeFactory(slug="external-scrutiny", name="External scrutiny")

    w.avon18 = InspectionFactory(
        force=w.avon,
        framework=w.fw18,
        title="Avon PEEL 2018/19",
        published_on=datetime.date(2019, 5, 2),
    )
    w.avon21 = InspectionFactory(
        force=w.avon,
        framework=w.fw21,
        title="Avon PEEL 2021/22",
        published_on=datetime.date(2022, 4, 1),
        published_precision=Inspection.DatePrecision.MONTH,
    )
    w.kent21 = InspectionFactory(
        force=w.kent,
        framework=w.fw21,
        title="Kent PEEL 2021/22",
        published_on=datetime.date(2022, 4, 1),
        published_precision=Inspection.DatePrecision.MONTH,
    )
    w.national = InspectionFactory(
        national=True,
        title="Spotlight 2020",
        published_on=datetime.date(2020, 7, 1),
        published_precision=Inspection.DatePrecision.MONTH,
    )
    w.national.applies_to.set([w.avon, w.kent])
    w.undated = InspectionFactory(
        force=w.wilts, framework=w.fw21, title="Wiltshire PEEL 2015", published_on=None
    )

    w.afi_avon18 = FindingFactory(
        inspection=w.avon18, position=1, area=w.legit18, text=STOP_AND_SEARCH_AFI
    )
    w.afi_avon18.themes.set([w.stop, w.scrutiny])
    w.afi_avon21 = FindingFactory(
        inspection=w.avon21,
        position=1,
        area=w.legit21,
        text=STOP_AND_SEARCH_AFI + "\n\nBoth AFIs will remain in place.",
        carried_forward_from=w.afi_avon18,
    )
    w.afi_avon21.themes.set([w.stop, w.scrutiny])
    w.gp_avon21 = FindingFactory(
        inspection=w.avon21,
        position=2,
        area=w.treat21,
        good_practice=True,
        text="The force's stop and search app shows officers their own records.",
    )
    w.gp_avon21.themes.set([w.stop])
    w.cause_kent = FindingFactory(
        inspection=w.kent21,
        position=1,
        area=w.treat21,
        cause=True,
        reference="C1",
        text="The force does not record ethnicity reliably.",
    )
    w.rec_kent = FindingFactory(
        inspection=w.kent21,
        position=2,
        area=w.treat21,
        recommendation=True,
        reference="R1",
        cause_of_concern=w.cause_kent,
        text="Within three months, the force should record ethnicity after every encounter.",
    )
    w.nat_rec = FindingFactory(
        inspection=w.national,
        position=1,
        area=None,
        recommendation=True,
        text="By July 2021, forces should review their use of force data.",
    )
    w.nat_gp = FindingFactory(
        inspection=w.national,
        position=2,
        area=None,
        kind="promising_practice",
        text="Community panels review body-worn video.",
    )
    w.afi_wilts = FindingFactory(
        inspection=w.undated,
        position=1,
        area=w.treat21,
        text="The force should improve how it supervises investigations.",
    )

    def status(finding, force, value, since):
        return FindingStatusFactory(
            finding=finding, force=force, status=value, status_since=since, last_note=f"{value}"
        )

    w.s_afi_avon18 = status(w.afi_avon18, w.avon, "awaiting_review", datetime.date(2019, 5, 2))
    w.s_afi_avon21 = status(w.afi_avon21, w.avon, "awaiting_review", None)
    w.s_cause_kent = status(w.cause_kent, w.kent, "being_progressed", datetime.date(2022, 6, 1))
    w.s_rec_kent = status(w.rec_kent, w.kent, "complete", datetime.date(2023, 1, 10))
    w.s_nat_avon = status(w.nat_rec, w.avon, "no_further_action", datetime.date(2021, 8, 1))
    w.s_nat_kent = status(w.nat_rec, w.kent, "being_progressed", datetime.date(2020, 9, 1))
    w.s_afi_wilts = status(w.afi_wilts, w.wilts, "superseded", None)
    return w


def labels(rows, world: SimpleNamespace) -> list[str]:
    """Rows as "finding@force" (the force of the row's status; "-" when it has none), in
    order, using the world's attribute names: e.g. "nat_rec@kent", "gp_avon21@-"."""
    names = {value.pk: name for name, value in vars(world).items() if isinstance(value, Finding)}
    return [f"{names[row.pk]}@{row.row_force_slug if row.row_status_pk else '-'}" for row in rows]
