"""The import_report command and the import service: what a real report creates, the JSON of a
dry run, duplicates, lineage proposals on the real Cumbria record, and bad input (a clear
message, a non-zero exit, nothing written)."""

import datetime
import hashlib
import io
import json
import multiprocessing
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inspections.models import Area, Force, Inspection, Judgment
from inspections.report_reader import read_report
from recommendations.imports import reading
from recommendations.imports import services as import_services
from recommendations.imports.services import lineage_eligible, lineage_proposals, similarity
from recommendations.models import Finding, FindingStatus, Response, StatusChange
from tests import bombs
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory, UserFactory
from tests.report_reader.render import to_docx

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "report_reader" / "data"
SEED_000 = DATA / "000_7ef010a0f97d3f66.txt"
SEED_002 = DATA / "002_3d1b060b47e8b9b9.txt"
SEED_004 = DATA / "004_73cb31f20208c677.txt"
FINDING_KINDS = {
    "cause_of_concern",
    "recommendation",
    "afi",
    "notable_practice",
    "innovative_practice",
    "promising_practice",
}


@pytest.fixture
def reference_data(db):
    """The 43 forces and the frameworks, without the Cumbria record."""
    call_command("loaddata", "forces", "frameworks", verbosity=0)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_report", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Inspection, Judgment, Finding, FindingStatus, StatusChange, Response, Area)
    }


def test_dry_run_json_prints_the_report_and_writes_nothing(reference_data):
    before = counts()
    out, _ = run(SEED_002, "--force", "cumbria", "--dry-run", "--json")
    data = json.loads(out)
    assert counts() == before
    assert {"title", "published", "framework", "judgments", "findings"} <= set(data)
    assert data["title"] == "PEEL 2021/22: An inspection of Cumbria Constabulary"
    assert (data["published"], data["framework"], data["kind"]) == (
        "2022-04-01",
        "peel-2021-22",
        "peel_force",
    )
    assert {"area": "Managing offenders", "grade": "outstanding"} in data["judgments"]
    assert len(data["judgments"]) == 11
    assert len(data["findings"]) == 17
    first = data["findings"][0]
    assert set(first) >= {
        "kind",
        "area",
        "reference",
        "text",
        "parts",
        "addressees",
        "deadline",
        "remains_from_earlier",
    }
    assert {f["kind"] for f in data["findings"]} <= FINDING_KINDS
    assert [f["remains_from_earlier"] for f in data["findings"]].count(True) == 2
    strategic = next(f for f in data["findings"] if f["text"].startswith("The force should:"))
    assert len(strategic["parts"]) == 3


def test_import_creates_the_inspection_grades_findings_and_tracking(reference_data):
    out, _ = run(SEED_002, "--force", "cumbria")
    inspection = Inspection.objects.get()
    assert "Imported “PEEL 2021/22: An inspection of Cumbria Constabulary”" in out
    assert (inspection.force.slug, inspection.kind, inspection.framework.slug) == (
        "cumbria",
        "peel_force",
        "peel-2021-22",
    )
    assert (inspection.published_on, inspection.published_precision) == (
        datetime.date(2022, 4, 1),
        "month",
    )
    assert inspection.source_document == SEED_002.name
    grades = dict(inspection.judgments.values_list("area__name", "grade"))
    assert grades["Managing offenders"] == "outstanding"
    assert grades["Treatment of the public"] == "adequate"
    assert grades["Vetting and counter corruption"] == "not_yet_graded"
    findings = list(inspection.findings.order_by("position"))
    assert len(findings) == 17
    assert [f.position for f in findings] == list(range(1, 18))
    assert findings[0].area.name == "Treatment of the public"
    assert findings[0].source_section.startswith(
        "Engaging with and treating the public with fairness and respect"
    )
    # Every AFI (11) has its status for Cumbria, opened with its first history entry.
    assert FindingStatus.objects.filter(finding__inspection=inspection).count() == 11
    assert StatusChange.objects.filter(finding_status__finding__inspection=inspection).count() == 11
    assert inspection.responses.get().force.slug == "cumbria"
    # No area had to be created: the reader knows the report's headings.
    assert Area.objects.filter(framework__slug="peel-2021-22").count() == 12


def test_importing_the_same_report_twice_is_refused_naming_the_record(reference_data):
    run(SEED_002, "--force", "cumbria")
    before = counts()
    with pytest.raises(
        CommandError, match="already recorded for Cumbria Constabulary: “PEEL 2021/22"
    ):
        run(SEED_002, "--force", "cumbria", "--title", "Another title")
    assert counts() == before


def test_same_date_and_kind_counts_as_the_same_report(reference_data):
    run(SEED_000, "--force", "cumbria")
    with pytest.raises(CommandError, match="record “cumbria-integrated-peel-assessments-20182019”"):
        run(SEED_000, "--force", "cumbria", "--title", "Integrated PEEL 2018/19 (again)")


def test_the_same_report_may_be_imported_for_another_force(reference_data):
    run(SEED_004, "--force", "cumbria")
    run(SEED_004, "--force", "durham")
    assert Inspection.objects.filter(title="Cumbria PEEL 2015: Effectiveness").count() == 2


def test_unknown_areas_are_added_to_the_framework(reference_data, tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# PEEL 2023–25: An inspection of Durham Constabulary\n\n"
        "# Investigating crime\n\nGood\n\n## Areas for improvement\n\n"
        "- The force needs to improve the supervision of investigations.\n"
    )
    run(path, "--force", "durham")
    area = Area.objects.get(framework__slug="peel-2023-25", name="Investigating crime")
    finding = Finding.objects.get()
    assert finding.area == area
    assert Judgment.objects.get().area == area


def test_the_summary_shows_each_findings_lines_and_flags_unsure_ones(reference_data, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "A thematic inspection\n\nRecommendations\n\n"
        "- Chief constables should review custody.\n"
        "- Chief constables should train staff in the new custody arrangements and"
    )
    out, _ = run(path, "--force", "durham", "--dry-run")
    assert "review custody. [line 5]" in out
    assert "(check: the reader is unsure, confidence 0.5) [line 6]" in out


def test_options_override_what_the_report_says(reference_data):
    run(
        SEED_004,
        "--force",
        "cumbria",
        "--title",
        "Cumbria: effectiveness 2015",
        "--published",
        "2016-02-25",
        "--kind",
        "peel_force",
        "--framework",
        "peel-2015",
    )
    inspection = Inspection.objects.get()
    assert (inspection.title, inspection.published_on, inspection.published_precision) == (
        "Cumbria: effectiveness 2015",
        datetime.date(2016, 2, 25),
        "day",
    )
    # Published before s.55(5A) came into force (2 May 2017): comments owed, no deadline.
    response = inspection.responses.get()
    assert (response.regime, response.due_on) == ("no_statutory_deadline", None)


def test_a_national_report_is_recorded_as_national_and_applies_to_the_force(
    reference_data, tmp_path
):
    path = tmp_path / "thematic.md"
    path.write_text(
        "# Stop and search: a thematic inspection\n\nFebruary 2021 | © HMICFRS 2021\n\n"
        "## Recommendations\n\n1. By July 2021, forces should record the reasons for searches.\n"
    )
    run(path, "--force", "cumbria", "--kind", "thematic")
    inspection = Inspection.objects.get()
    assert inspection.force is None
    assert list(inspection.applies_to.values_list("slug", flat=True)) == ["cumbria"]
    finding = inspection.findings.get()
    assert (finding.kind, finding.deadline_text, finding.addressees) == (
        "recommendation",
        "By July 2021",
        ["all forces"],
    )
    with pytest.raises(CommandError, match="national report is already recorded.*Add Durham"):
        run(path, "--force", "durham", "--kind", "thematic")


def test_a_force_named_beside_a_national_body_keeps_its_part(reference_data, tmp_path):
    """ "Cumbria Constabulary and the Home Office should …" in Cumbria's report: Cumbria owes it
    (a status row) and so does the Home Office; the force's name must not hand it all to the
    department. A thematic imported for Cumbria that names Durham is owed by Durham alone."""
    call_command("loaddata", "national_bodies", verbosity=0)
    path = tmp_path / "custody.md"
    path.write_text(
        "# Custody in Cumbria: an inspection\n\n"
        "## Recommendations\n\n"
        "1. Cumbria Constabulary and the Home Office should agree how detainees are moved.\n"
    )
    run(path, "--force", "cumbria", "--kind", "other")
    finding = Finding.objects.get()
    assert finding.addressees == ["Cumbria Constabulary", "Home Office"]
    assert (finding.owed_by_forces, list(finding.named_forces.all())) == ("report", [])
    assert list(finding.national_bodies.values_list("slug", flat=True)) == ["home-office"]
    holders = finding.statuses.values_list("force__slug", "national_body__slug")
    assert sorted(holders, key=str) == [("cumbria", None), (None, "home-office")]

    # Another word for the force, as its reports use it: the Met, the MPS.
    path = tmp_path / "met.md"
    path.write_text(
        "# Child exploitation in London: an inspection\n\n"
        "## Recommendations\n\n"
        "1. The MPS and the Home Office should agree how exploitation data is shared.\n"
    )
    run(path, "--force", "metropolitan", "--kind", "other")
    met = Finding.objects.get(inspection__force__slug="metropolitan")
    assert met.addressees == ["MPS", "Home Office"]
    holders = met.statuses.values_list("force__slug", "national_body__slug")
    assert sorted(holders, key=str) == [("metropolitan", None), (None, "home-office")]

    path = tmp_path / "thematic.md"
    path.write_text(
        "# Police custody: a thematic inspection\n\nFebruary 2021 | © HMICFRS 2021\n\n"
        "## Recommendations\n\n1. Durham Constabulary should publish its custody data.\n"
    )
    run(path, "--force", "cumbria", "--kind", "thematic")
    thematic = Finding.objects.get(inspection__kind="thematic")
    assert thematic.owed_by_forces == "named"
    assert list(thematic.named_forces.values_list("slug", flat=True)) == ["durham"]
    assert list(thematic.statuses.values_list("force__slug", flat=True)) == ["durham"]


def test_a_report_of_kind_other_is_about_the_force_it_is_imported_for(reference_data, tmp_path):
    path = tmp_path / "letter.md"
    path.write_text(
        "# A letter about custody in Cumbria\n\n"
        "## Recommendations\n\n1. The force should review its custody staffing.\n"
    )
    run(path, "--force", "cumbria", "--kind", "other")
    inspection = Inspection.objects.get()
    # Not recorded as national: its draft statutory response is Cumbria's, about Cumbria.
    assert inspection.force.slug == "cumbria"
    assert not inspection.applies_to.exists()
    assert not inspection.is_national
    assert inspection.responses.get().force.slug == "cumbria"


NEAR_MISS_TEXT = (
    "Shropshire Fire and Rescue Service: Effectiveness, efficiency and people 2021/22\n\n"
    "Areas for improvement\n\n"
    "- The service should make sure its firefighters have good access to risk information.\n"
    "- The fire and rescue service should evaluate its prevention work.\n"
)


def test_a_fire_and_rescue_report_is_refused_saying_what_it_is(reference_data, tmp_path):
    path = tmp_path / "fire.txt"
    path.write_text(NEAR_MISS_TEXT)
    before = counts()
    with pytest.raises(CommandError, match="nothing was imported.*not a report about a police"):
        run(path, "--force", "cumbria", "--kind", "other")
    assert counts() == before


# --- lineage --------------------------------------------------------------------------------


@pytest.fixture
def real_data(db):
    call_command("load_real_data", verbosity=0)


def test_external_scrutiny_afis_of_2021_22_are_proposed_the_2018_19_ones(real_data):
    cumbria = Force.objects.get(slug="cumbria")
    parsed = read_report(SEED_002.read_bytes(), SEED_002.name)
    # Before the 2021/22 report: the 2015 and 2018/19 findings are the earlier open ones.
    eligible = lineage_eligible(force=cumbria, published_on=datetime.date(2022, 3, 1))
    assert {f.inspection.slug for f in eligible} == {
        "cumbria-peel-2015-effectiveness",
        "cumbria-peel-2018-19",
    }
    proposals = lineage_proposals(texts=[f.text for f in parsed.findings], eligible=eligible)
    proposed = {
        parsed.findings[n].headline: [(f.inspection.slug, f.position) for f, _ in found]
        for n, found in enumerate(proposals)
        if found
    }
    stop_and_search = (
        "The force should ensure effective external scrutiny of its use of stop and search powers."
    )
    use_of_force = "The force should ensure effective external scrutiny of its use of force."
    assert proposed[stop_and_search][0] == ("cumbria-peel-2018-19", 2)
    assert proposed[use_of_force][0] == ("cumbria-peel-2018-19", 1)
    assert set(proposed) == {stop_and_search, use_of_force}


def test_command_links_what_the_report_says_remains_in_place(real_data):
    out, _ = run(
        SEED_002,
        "--force",
        "cumbria",
        "--title",
        "PEEL 2021/22 (read by the importer)",
        "--published",
        "2022-03-15",
    )
    inspection = Inspection.objects.get(title="PEEL 2021/22 (read by the importer)")
    linked = {
        f.headline: (f.carried_forward_from.inspection.slug, f.carried_forward_from.position)
        for f in inspection.findings.exclude(carried_forward_from=None)
    }
    scrutiny = "The force should ensure effective external scrutiny of its use of"
    assert linked == {
        f"{scrutiny} stop and search powers.": ("cumbria-peel-2018-19", 2),
        f"{scrutiny} force.": ("cumbria-peel-2018-19", 1),
    }
    assert out.count("  link: ") == 2


def test_the_real_2021_22_report_is_already_in_the_record(real_data):
    with pytest.raises(CommandError, match="already recorded for Cumbria Constabulary"):
        run(SEED_002, "--force", "cumbria")


def test_only_open_findings_of_the_force_from_earlier_reports_are_eligible(force, other_force):
    earlier = InspectionFactory(force=force, published_on=datetime.date(2019, 5, 2))
    later = InspectionFactory(force=force, published_on=datetime.date(2023, 1, 1))
    elsewhere = InspectionFactory(force=other_force, published_on=datetime.date(2019, 5, 2))
    open_earlier = FindingStatusFactory(finding=FindingFactory(inspection=earlier)).finding
    FindingStatusFactory(finding=FindingFactory(inspection=earlier), status="complete")
    FindingStatusFactory(finding=FindingFactory(inspection=later))
    FindingStatusFactory(finding=FindingFactory(inspection=elsewhere))
    assert lineage_eligible(force=force, published_on=datetime.date(2022, 4, 1)) == [open_earlier]


def test_similarity_ignores_boilerplate_and_order():
    assert (
        similarity(
            "The force should ensure effective external scrutiny of its use of force.",
            "The constabulary must make sure that use of force has effective external scrutiny.",
        )
        > 0.8
    )
    assert (
        similarity(
            "The force should ensure effective external scrutiny of its use of force.",
            "The force must improve the workforce's recording of use of force.",
        )
        < 0.55
    )


# --- bad input ------------------------------------------------------------------------------


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _no_text_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(50, 50, 200, 200, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "The file is empty"),
        ("junk.bin", bytes(range(256)) * 40, "binary, not text"),
        (
            "weather.txt",
            b"It rained in Penrith.\n\nThe fells were grey.\n",
            "no findings were found",
        ),
        ("odd.txt", b"Area for improvement \x81\x8d\x8f\x90\x9d" * 30, "could not be read as text"),
        ("scan.pdf", None, r"This PDF has no text layer \(it may be a scanned image\)"),
    ],
)
def test_bad_files_exit_with_a_clear_message_and_write_nothing(
    reference_data, tmp_path, name, data, message
):
    path = _bad(tmp_path, name, _no_text_pdf() if data is None else data)
    before = counts()
    with pytest.raises(CommandError, match=message):
        run(path, "--force", "cumbria")
    assert counts() == before


def test_a_50_mb_file_is_refused_without_being_read(reference_data, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: instant, takes no disk space
        handle.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(CommandError, match=r"huge.txt: The file is 50.0 MB; the largest report"):
        run(path, "--force", "cumbria")
    assert Inspection.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--force", "atlantis"], "No force with the slug “atlantis”"),
        (
            ["--force", "cumbria", "--published", "2 May 2019"],
            "--published must be a date as YYYY-MM-DD",
        ),
        (
            ["--force", "cumbria", "--framework", "peel-1999"],
            "No framework with the slug “peel-1999”",
        ),
        (["--force", "cumbria", "--published", "2999-01-01"], "cannot be in the future"),
    ],
)
def test_bad_options_exit_with_a_clear_message(reference_data, args, message):
    before = counts()
    with pytest.raises(CommandError, match=message):
        run(SEED_004, *args)
    assert counts() == before


def test_the_user_named_is_the_author_of_everything_imported(reference_data):
    author = UserFactory(username="opcc-analyst")
    run(SEED_002, "--force", "cumbria", "--user", "opcc-analyst")
    inspection = Inspection.objects.get()
    entries = [
        *Inspection.history.all(),
        *Judgment.history.all(),
        *Finding.history.all(),
        *Response.history.all(),
    ]
    assert len(entries) > 10
    assert {entry.history_user for entry in entries} == {author}
    assert {change.recorded_by for change in StatusChange.objects.all()} == {author}
    assert inspection.findings.exists()


def test_an_unknown_or_inactive_user_is_refused_and_nothing_is_written(reference_data):
    UserFactory(username="left-the-office", is_active=False)
    before = counts()
    for username in ("nobody", "left-the-office"):
        with pytest.raises(CommandError, match=f"No active user with the username “{username}”"):
            run(SEED_002, "--force", "cumbria", "--user", username)
    assert counts() == before


def test_a_missing_file(reference_data, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nowhere.txt", "--force", "cumbria")


def test_grades_outside_the_framework_scale_are_refused(reference_data):
    before = counts()
    # PEEL 2021/22 grades ("adequate") do not exist on the four-tier scale of PEEL 2015.
    with pytest.raises(
        CommandError, match="Nothing was imported: .*“Adequate” is not a grade in PEEL 2015"
    ):
        run(SEED_002, "--force", "cumbria", "--framework", "peel-2015")
    assert counts() == before


def test_a_crash_mid_import_leaves_nothing_behind(reference_data, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(import_services.importing, "inspection_open_tracking", explode)
    before = counts()
    with pytest.raises(RuntimeError, match="database went away"):
        run(SEED_002, "--force", "cumbria")
    assert counts() == before


def test_a_crash_while_adding_a_new_area_leaves_no_area_behind(
    reference_data, tmp_path, monkeypatch
):
    path = tmp_path / "report.md"
    path.write_text(
        "# PEEL 2023–25: An inspection of Durham Constabulary\n\n# Investigating crime\n\nGood\n\n"
        "## Areas for improvement\n\n- The force needs to improve supervision.\n"
    )
    original = Finding.save

    def fail(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(Finding, "save", fail)
    with pytest.raises(RuntimeError):
        run(path, "--force", "durham")
    assert not Area.objects.filter(
        name="Investigating crime", framework__slug="peel-2023-25"
    ).exists()
    assert Inspection.objects.count() == 0


def _checksums(folder: Path, names) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names}


def test_the_seed_copies_match_the_shared_originals():
    """The copies are the originals byte for byte: SHA256SUMS holds the originals' checksums
    (taken from ../shared/seeds, which a clone elsewhere, as in CI, does not have). Where the
    originals are beside the repository they are compared as well."""
    recorded = dict(
        reversed(line.split("  ", 1)) for line in (DATA / "SHA256SUMS").read_text().splitlines()
    )
    copies = sorted(copy.name for copy in DATA.glob("*.txt"))
    assert sorted(recorded) == copies
    assert _checksums(DATA, copies) == recorded
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if shared.is_dir():
        assert _checksums(shared, copies) == recorded


# --- bounded reading (issue 19): zip bombs, a slow or greedy reader ---------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: bombs.ratio_bomb(300 * bombs.MB),
            r"report\.docx: This \.docx would expand to 301 MB of text and markup when opened; "
            r"the reader opens at most 50 MB \(a real report is a few MB\), so it was not read\.",
            id="300 MB of spaces",
        ),
        pytest.param(
            lambda: bombs.ratio_bomb(40 * bombs.MB),
            r"report\.docx: A part of this \.docx \(word/document\.xml\) is compressed 1,0\d\d "
            r"to 1",
            id="40 MB at 1000:1",
        ),
        pytest.param(bombs.many_parts, r"This \.docx holds 1,5\d\d parts", id="1,500 parts"),
        # The central directory says 1 KB: refused by the reading process while decompressing.
        pytest.param(
            bombs.lying_bomb,
            r"A part of this \.docx \(word/document\.xml\) does not expand to the size its "
            "archive says",
            id="headers saying 1 KB",
        ),
    ],
)
def test_a_docx_bomb_is_refused_quickly_and_cheaply(reference_data, tmp_path, build, message):
    path = tmp_path / "report.docx"
    path.write_bytes(build())
    before = counts()
    with bombs.measured() as cost, pytest.raises(CommandError, match=message):
        run(path, "--force", "cumbria")
    assert cost.seconds < 2
    assert cost.grown_mb < 50
    assert cost.python_peak_mb < 50
    assert counts() == before


def test_a_pdf_bomb_is_stopped_by_the_memory_bound(reference_data, tmp_path):
    """Nothing in a PDF's structure shows what a stream inflates to: pdfminer inflates it in
    the reading process, which reaches its memory bound; this process stays as it was."""
    path = tmp_path / "report.pdf"
    path.write_bytes(bombs.pdf_bomb(500 * bombs.MB))
    with (
        bombs.measured() as cost,
        pytest.raises(
            CommandError, match=r"report\.pdf: Reading this document needed more than 1,024 MB"
        ),
    ):
        run(path, "--force", "cumbria")
    assert cost.seconds < 10
    assert cost.grown_mb < 50
    assert Inspection.objects.count() == 0


def test_a_real_docx_still_imports(reference_data, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(to_docx(SEED_002.read_text(encoding="utf-8")))
    out, _ = run(path, "--force", "cumbria")
    assert "Imported" in out
    assert Finding.objects.count() == 17


def test_a_read_past_the_time_bound_is_stopped(reference_data, monkeypatch):
    monkeypatch.setattr(reading, "READER", bombs.slow_reader)  # sleeps for a minute
    monkeypatch.setattr(reading, "READ_SECONDS", 2)
    with (
        bombs.measured() as cost,
        pytest.raises(
            CommandError,
            match=r"Reading this document took more than 2 seconds \(a real report is read in a "
            r"few\), so it was stopped and nothing was read\.",
        ),
    ):
        run(SEED_002, "--force", "cumbria")
    assert cost.seconds < 4
    assert not multiprocessing.active_children()  # the reading process was killed
    assert Inspection.objects.count() == 0


def test_a_read_past_the_memory_bound_is_stopped(reference_data, monkeypatch):
    monkeypatch.setattr(reading, "READER", bombs.greedy_reader)  # allocates until refused
    with (
        bombs.measured() as cost,
        pytest.raises(
            CommandError,
            match=r"Reading this document needed more than 1,024 MB of memory \(a real report "
            r"needs a few hundred\), so it was stopped and nothing was read\.",
        ),
    ):
        run(SEED_002, "--force", "cumbria")
    assert cost.grown_mb < 50  # the reading process's memory, not this one's
    assert Inspection.objects.count() == 0


def test_the_reading_process_needs_no_django(reference_data, monkeypatch):
    monkeypatch.setattr(reading, "READER", bombs.django_reader)
    with pytest.raises(CommandError, match="Django loaded in the reading process: False"):
        run(SEED_002, "--force", "cumbria")


def test_a_bug_in_the_reader_is_an_error_with_its_traceback(reference_data, monkeypatch):
    """Not a refusal for the person importing: a bug, raised (a 500 in the admin, logged)."""
    monkeypatch.setattr(reading, "READER", bombs.broken_reader)
    with pytest.raises(RuntimeError, match=r"(?s)failed on .*\.txt:.*KeyError: 'a bug in the"):
        run(SEED_002, "--force", "cumbria")
    assert Inspection.objects.count() == 0


def test_a_reading_process_that_ends_without_an_answer_is_an_error(
    reference_data, monkeypatch, tmp_path
):
    monkeypatch.setattr(reading, "READER", bombs.vanishing_reader)
    path = tmp_path / "long.txt"
    path.write_text(SEED_002.read_text(encoding="utf-8") * 20, encoding="utf-8")  # 2 MB
    with (
        bombs.measured() as cost,
        pytest.raises(
            RuntimeError,
            match=r"The reading process for long\.txt ended without an answer \(exit "
            r"code 3\)",
        ),
    ):
        run(path, "--force", "cumbria")
    assert cost.seconds < 4
