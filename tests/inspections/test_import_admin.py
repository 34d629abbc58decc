"""The admin's "Import a report" page: upload, the editable proposal, confirmation; nothing
saved before it; who may import for which force; duplicates; proposed lineage links."""

import html
import json
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from inspections.access import OPCC_EDITOR_GROUP
from inspections.models import Force, Inspection, Judgment
from recommendations.imports import reading
from recommendations.models import Finding, FindingStatus
from tests import bombs
from tests.factories import FindingStatusFactory, UserFactory
from tests.report_reader.render import to_docx

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "report_reader" / "data"
SEED_002 = DATA / "002_3d1b060b47e8b9b9.txt"
SEED_004 = DATA / "004_73cb31f20208c677.txt"
IMPORT_URL = "/admin/inspections/inspection/import/"


@pytest.fixture
def reference_data(db):
    call_command("loaddata", "forces", "frameworks", verbosity=0)


@pytest.fixture
def cumbria(reference_data):
    return Force.objects.get(slug="cumbria")


def upload(client, path: Path, force: Force, **extra):
    data = {
        "step": "upload",
        "force": force.pk,
        "file": SimpleUploadedFile(path.name, path.read_bytes()),
        **extra,
    }
    return client.post(IMPORT_URL, data)


def test_changelist_links_to_the_import_page(admin_client):
    response = admin_client.get(reverse("admin:inspections_inspection_changelist"))
    assert response.status_code == HTTPStatus.OK
    assert f'href="{IMPORT_URL}"' in response.content.decode()
    assert reverse("admin:inspections_inspection_import") == IMPORT_URL


def test_upload_page_renders(admin_client, reference_data):
    response = admin_client.get(IMPORT_URL)
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Import a report" in content and 'type="file"' in content


def test_upload_shows_the_proposal_and_saves_nothing(admin_client, cumbria):
    response = upload(admin_client, SEED_002, cumbria)
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Check the proposal and confirm" in content
    assert "Findings (17 found)" in content and "Grades (11 found)" in content
    assert "The force must make sure that ethnicity is accurately recorded" in content
    assert "remains in place from an earlier report" in content
    assert Inspection.objects.count() == 0


def test_confirm_saves_the_corrected_proposal(admin_client, cumbria, html_form_data):
    review = upload(admin_client, SEED_002, cumbria)
    data = html_form_data(review, form_id="import-review")
    assert data["report-title"] == "PEEL 2021/22: An inspection of Cumbria Constabulary"
    # Correct one row, drop another, add a missed one.
    data["findings-0-text"] = "The force must record ethnicity accurately after stop and search."
    data["findings-1-DELETE"] = "on"
    data["findings-17-kind"] = "recommendation"
    data["findings-17-area"] = "Investigating crime"
    data["findings-17-text"] = (
        "Within six months, the force should clear its digital forensics backlog."
    )
    data["judgments-0-grade"] = "good"  # Managing offenders, corrected
    response = admin_client.post(IMPORT_URL, data)
    inspection = Inspection.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse(
        "admin:inspections_inspection_change", args=[inspection.pk]
    )
    findings = list(inspection.findings.order_by("position"))
    assert len(findings) == 17
    assert findings[0].text == "The force must record ethnicity accurately after stop and search."
    assert not inspection.findings.filter(
        text__startswith="The force must improve the workforce"
    ).exists()
    added = findings[-1]
    assert (added.kind, added.area.name, added.position) == (
        "recommendation",
        "Investigating crime",
        17,
    )
    assert (
        Judgment.objects.get(inspection=inspection, area__name="Managing offenders").grade == "good"
    )
    assert inspection.judgments.count() == 11
    # Tracking is opened as on the inspection form: one status per trackable finding.
    assert FindingStatus.objects.filter(finding__inspection=inspection).count() == 11
    assert inspection.responses.count() == 1


def test_an_empty_added_row_is_ignored_and_a_row_without_text_is_an_error(
    admin_client, cumbria, html_form_data
):
    review = upload(admin_client, SEED_004, cumbria)
    data = html_form_data(review, form_id="import-review")
    data["findings-3-text"] = ""
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == HTTPStatus.OK
    assert "Give the finding&#x27;s text, or tick Delete." in response.content.decode()
    assert Inspection.objects.count() == 0
    data["findings-3-DELETE"] = "on"
    assert admin_client.post(IMPORT_URL, data).status_code == HTTPStatus.FOUND
    assert Finding.objects.count() == 16


def test_pasted_text_works_like_a_file(admin_client, cumbria):
    text = (
        "Legitimacy\nAreas for improvement\n- The force should publish its stop and search data.\n"
    )
    response = admin_client.post(
        IMPORT_URL,
        {"step": "upload", "force": cumbria.pk, "text": text, "title": "A pasted report"},
    )
    assert "The force should publish its stop and search data." in response.content.decode()
    assert "A pasted report" in response.content.decode()


def test_the_review_shows_each_findings_source_lines_and_flags_unsure_ones(admin_client, cumbria):
    text = (
        "Skip to content\n\nAreas for improvement\n\n"
        "The force should publish its stop and search data.\n\n"
        "We made two recommendations in this report:\n\n"
        "- Chief constables should review custody.\n"
        "- Chief constables should train staff in the new custody arrangements and"
    )
    response = admin_client.post(
        IMPORT_URL,
        {"step": "upload", "force": cumbria.pk, "text": text, "title": "A pasted report"},
    )
    content = response.content.decode()
    assert "Source text, line 5" in content
    assert "Source text, line 9" in content
    assert content.count("Check this one") == 1  # the last, cut off mid-sentence


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"\x00\x01binary\x00" * 30, "binary, not text"),
        (b"It rained in Penrith.\n", "No findings were found"),
        (
            b"Anyshire 2015\n\nAnyshire Police is good at preventing crime.\n",
            "Title: “Anyshire 2015”",
        ),
    ],
)
def test_bad_uploads_are_explained(admin_client, cumbria, data, message):
    response = admin_client.post(
        IMPORT_URL,
        {"step": "upload", "force": cumbria.pk, "file": SimpleUploadedFile("x.txt", data)},
    )
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert Inspection.objects.count() == 0


def test_a_report_already_recorded_is_refused_with_a_link(admin_client, cumbria, html_form_data):
    review = upload(admin_client, SEED_004, cumbria)
    admin_client.post(IMPORT_URL, html_form_data(review, form_id="import-review"))
    existing = Inspection.objects.get()
    response = upload(admin_client, SEED_004, cumbria)
    content = response.content.decode()
    assert "This report is already recorded for Cumbria Constabulary" in content
    assert reverse("admin:inspections_inspection_change", args=[existing.pk]) in content
    assert Inspection.objects.count() == 1


def test_the_same_proposal_confirmed_twice_is_refused(admin_client, cumbria, html_form_data):
    data = html_form_data(upload(admin_client, SEED_004, cumbria), form_id="import-review")
    admin_client.post(IMPORT_URL, data)
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == HTTPStatus.OK
    assert "already recorded" in response.content.decode()
    assert Inspection.objects.count() == 1


def test_a_fire_and_rescue_report_is_refused_saying_what_it_is(admin_client, cumbria, tmp_path):
    path = tmp_path / "fire.txt"
    path.write_text(
        "Shropshire Fire and Rescue Service: Effectiveness, efficiency and people 2021/22\n\n"
        "Areas for improvement\n\n"
        "- The service should make sure its firefighters have good access to risk information.\n"
    )

    response = upload(admin_client, path, cumbria)

    assert response.status_code == HTTPStatus.OK
    assert "Nothing can be imported." in response.content.decode()
    assert "not a report about a police force of England and Wales" in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_user_without_add_permission_is_refused(client, reference_data, analyst):
    client.force_login(analyst)
    assert client.get(IMPORT_URL).status_code == HTTPStatus.FORBIDDEN


def test_an_editor_imports_only_for_their_own_force(client, reference_data, html_form_data):
    cumbria = Force.objects.get(slug="cumbria")
    durham = Force.objects.get(slug="durham")
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    cumbria.editors.add(editor)
    client.force_login(editor)
    page = client.get(IMPORT_URL).content.decode()
    assert "Cumbria Constabulary" in page and "Durham Constabulary" not in page
    refused = upload(client, SEED_004, durham)
    assert "Select a valid choice" in refused.content.decode()
    review = upload(client, SEED_004, cumbria)
    assert (
        client.post(IMPORT_URL, html_form_data(review, form_id="import-review")).status_code
        == HTTPStatus.FOUND
    )
    assert Inspection.objects.get().force == cumbria


def test_lineage_links_are_proposed_and_saved_when_kept(admin_client, html_form_data):
    call_command("load_real_data", verbosity=0)
    cumbria = Force.objects.get(slug="cumbria")
    review = upload(
        admin_client,
        SEED_002,
        cumbria,
        title="PEEL 2021/22 (imported)",
        published_on="2022-03-15",
    )
    content = review.content.decode()
    assert "Carried forward from" in content
    assert (
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cumbria Constabulary "
        "(2 May 2019)"
    ) in content
    data = html_form_data(review, form_id="import-review")
    earlier = Finding.objects.filter(inspection__slug="cumbria-peel-2018-19")
    # The report says these two remain in place: the link is proposed already chosen.
    assert data["findings-2-carried_forward_from"] == str(earlier.get(position=2).pk)
    assert data["findings-3-carried_forward_from"] == str(earlier.get(position=1).pk)
    data["findings-3-carried_forward_from"] = ""  # staff drop one link
    assert admin_client.post(IMPORT_URL, data).status_code == HTTPStatus.FOUND
    inspection = Inspection.objects.get(title="PEEL 2021/22 (imported)")
    links = list(
        inspection.findings.exclude(carried_forward_from=None).values_list(
            "position", "carried_forward_from__position"
        )
    )
    assert links == [(3, 2)]


def test_a_forged_link_to_another_forces_finding_is_refused(admin_client, cumbria, html_form_data):
    elsewhere = FindingStatusFactory().finding
    review = upload(admin_client, SEED_004, cumbria)
    data = html_form_data(review, form_id="import-review")
    data["findings-0-meta"] = json.dumps({"key": 0, "candidates": [elsewhere.pk]})
    data["findings-0-carried_forward_from"] = str(elsewhere.pk)
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()
    assert not Inspection.objects.filter(force=cumbria).exists()


def test_a_long_report_fits_in_one_confirmation(admin_client, cumbria, html_form_data):
    """Django refuses a form of more than 1000 fields: 110 findings must still go through."""
    bullets = "\n".join(f"- The force should improve practice number {n}." for n in range(110))
    text = f"Investigating crime\nAreas for improvement\n{bullets}\n"
    review = admin_client.post(
        IMPORT_URL, {"step": "upload", "force": cumbria.pk, "text": text, "title": "Long"}
    )
    data = html_form_data(review, form_id="import-review")
    assert sum(len(v) if isinstance(v, list) else 1 for v in data.values()) < 1000
    assert admin_client.post(IMPORT_URL, data).status_code == HTTPStatus.FOUND
    assert Finding.objects.count() == 110


def test_addressees_are_reviewed_one_per_line(admin_client, cumbria, html_form_data):
    review = upload(admin_client, SEED_002, cumbria)
    data = html_form_data(review, form_id="import-review")
    assert data["findings-0-addressees"] == ""  # no addressees read: an empty box, not "[]"
    data["findings-0-addressees"] = "chief constables, with their PCCs\nthe Home Office\n"
    assert admin_client.post(IMPORT_URL, data).status_code == HTTPStatus.FOUND
    first = Inspection.objects.get().findings.order_by("position").first()
    # A comma inside an addressee's wording does not split it.
    assert first.addressees == ["chief constables, with their PCCs", "the Home Office"]


# --- bounded reading (issue 19) ------------------------------------------------------------


@pytest.fixture
def editor_client(client, cumbria):
    """An OPCC editor for Cumbria: anyone who may import can upload a bomb."""
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    cumbria.editors.add(editor)
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: bombs.ratio_bomb(300 * bombs.MB),
            "This .docx would expand to 301 MB of text and markup when opened; the reader "
            "opens at most 50 MB (a real report is a few MB), so it was not read.",
            id="300 MB of spaces",
        ),
        pytest.param(
            bombs.size_bomb,
            "This .docx would expand to 61 MB of text and markup when opened",
            id="60 parts of 1 MB",
        ),
        pytest.param(
            bombs.lying_bomb,
            "A part of this .docx (word/document.xml) does not expand to the size its archive "
            "says; the file is damaged or was built to mislead, so it was not read.",
            id="headers saying 1 KB",
        ),
    ],
)
def test_a_docx_bomb_upload_is_refused_quickly_and_cheaply(editor_client, cumbria, build, message):
    data = build()
    with bombs.measured() as cost:
        response = editor_client.post(
            IMPORT_URL,
            {
                "step": "upload",
                "force": cumbria.pk,
                "file": SimpleUploadedFile("report.docx", data),
            },
        )
    assert response.status_code == HTTPStatus.OK
    assert message in html.unescape(response.content.decode())
    assert cost.seconds < 2
    assert cost.grown_mb < 50
    assert cost.python_peak_mb < 50
    assert Inspection.objects.count() == 0


def test_a_real_docx_upload_still_proposes_its_findings(editor_client, cumbria):
    data = to_docx(SEED_002.read_text(encoding="utf-8"))
    response = editor_client.post(
        IMPORT_URL,
        {"step": "upload", "force": cumbria.pk, "file": SimpleUploadedFile("report.docx", data)},
    )
    assert response.status_code == HTTPStatus.OK
    assert 'id="import-review"' in response.content.decode()
    assert Inspection.objects.count() == 0


def test_an_upload_read_past_the_time_bound_is_refused(editor_client, cumbria, monkeypatch):
    monkeypatch.setattr(reading, "READER", bombs.slow_reader)
    monkeypatch.setattr(reading, "READ_SECONDS", 2)
    with bombs.measured() as cost:
        response = upload(editor_client, SEED_002, cumbria)
    assert response.status_code == HTTPStatus.OK
    assert (
        "Reading this document took more than 2 seconds (a real report is read in a few), so it "
        "was stopped and nothing was read."
    ) in html.unescape(response.content.decode())
    assert cost.seconds < 4
    assert Inspection.objects.count() == 0


def test_pasted_text_past_the_text_limit_is_refused(admin_client, cumbria, monkeypatch):
    monkeypatch.setattr("inspections.report_reader.limits.MAX_TEXT_CHARS", 1000)
    response = admin_client.post(
        IMPORT_URL,
        {"step": "upload", "force": cumbria.pk, "text": SEED_002.read_text(encoding="utf-8")},
    )
    assert response.status_code == HTTPStatus.OK
    assert "This document holds more than 1,000 characters of text" in response.content.decode()
    assert Inspection.objects.count() == 0


def test_a_tampered_confirmation_is_refused_with_a_message(admin_client, cumbria, html_form_data):
    review = upload(admin_client, SEED_002, cumbria)
    data = html_form_data(review, form_id="import-review")
    data["findings-0-meta"] = '{"key": 1'  # the row's hidden details, cut short

    response = admin_client.post(IMPORT_URL, data)

    assert response.status_code == HTTPStatus.OK
    assert "hidden details were changed after the report was read" in response.content.decode()
    assert not Inspection.objects.exists()
