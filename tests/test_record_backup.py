"""export_record writes everything; import_record restores it into an empty database with
every row identical, primary keys included."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import CommandError, call_command

from recommendations.models import FindingStatus
from recommendations.services import finding_status_change
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOT_IN_RECORD = {"contenttypes", "sessions", "axes"}


def snapshot() -> dict[str, list[dict]]:
    """Every row of every model in the record, as plain values, ordered by primary key.
    Permissions and content types are rebuilt by migrate with new ids, so references to them
    are compared by name, as the record stores them."""
    permissions = {
        p.pk: (p.content_type.app_label, p.codename)
        for p in Permission.objects.select_related("content_type")
    }
    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in NOT_IN_RECORD or meta.label == "auth.Permission":
            continue
        values = list(model.objects.order_by("pk").values())
        for row in values:
            if "permission_id" in row:
                row["permission_id"] = permissions[row["permission_id"]]
            if row.get("content_type_id") is not None:
                row["content_type_id"] = content_types[row["content_type_id"]]
        if meta.auto_created:
            # Many-to-many links are restored as links: their own ids are not part of the record.
            values = sorted(
                (tuple(sorted((k, v) for k, v in row.items() if k != "id")) for row in values),
                key=repr,
            )
        rows[meta.label] = values
    return rows


@pytest.fixture
def record(editor, force):
    call_command("load_real_data", verbosity=0)
    cumbria_editor = UserFactory(username="cumbria-editor", is_staff=True)
    cumbria_editor.groups.set(editor.groups.all())
    status = FindingStatus.objects.filter(force__slug="cumbria").first()
    status.force.editors.add(cumbria_editor)
    finding_status_change(
        finding_status=status,
        status="being_progressed",
        effective_on=datetime.date(2023, 1, 5),
        note="Scrutiny panel terms of reference agreed.",
        user=cumbria_editor,
    )


# Transactional: PostgreSQL cannot TRUNCATE (flush) inside the test's open transaction. The
# roles are put back for the next test by the _roles_exist fixture in conftest.
@pytest.mark.django_db(transaction=True)
def test_export_then_import_restores_every_row(record, tmp_path):
    before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 300
    path = tmp_path / "record.xml.gz"

    call_command("export_record", str(path), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    assert snapshot() != before
    caches["pages"].set("page-of-the-database-before", "stale")
    call_command("import_record", str(path), verbosity=0)
    assert caches["pages"].get("page-of-the-database-before") is None

    after = snapshot()
    for label, rows in before.items():
        assert after[label] == rows, label


def test_import_refuses_a_database_that_holds_data(record, tmp_path):
    path = tmp_path / "record.xml"
    call_command("export_record", str(path), verbosity=0)
    with pytest.raises(CommandError, match="already holds data"):
        call_command("import_record", str(path), verbosity=0)


def test_export_needs_an_xml_path(tmp_path):
    with pytest.raises(CommandError, match="must end with one of .xml"):
        call_command("export_record", str(tmp_path / "record.json"), verbosity=0)


def test_import_of_a_broken_file_writes_nothing(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?><django-objects version="1.0"><object model="inspections.force">'
        '<field name="slug" type="SlugField">x</field></object><object model="inspections.force"'
    )
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_record", str(path), trust_unsigned=True, verbosity=0)
    from inspections.models import Force

    assert not Force.objects.exists()


# --- Signed record files (issue 19, point 6) -----------------------------------------------


@pytest.fixture
def exported(record, tmp_path):
    path = tmp_path / "record.xml"
    call_command("export_record", str(path), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    return path


def restored() -> bool:
    return FindingStatus.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_status_note_edited_inside_the_file_is_refused_and_nothing_written(exported):
    text = exported.read_text(encoding="utf-8")
    assert "Scrutiny panel terms of reference agreed." in text
    exported.write_text(
        text.replace("Scrutiny panel terms of reference agreed.", "Closed: nothing to do."),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="was changed after it was exported") as refusal:
        call_command("import_record", str(exported), verbosity=0)
    assert "Nothing was written" in str(refusal.value)
    assert not restored()


@pytest.mark.django_db(transaction=True)
def test_a_file_without_its_signature_or_signed_elsewhere_is_refused(exported, settings):
    signature = exported.with_name(exported.name + ".sig")
    token = signature.read_text()
    signature.unlink()
    with pytest.raises(CommandError, match="record.xml.sig is missing"):
        call_command("import_record", str(exported), verbosity=0)
    signature.write_text(token)
    settings.SECRET_KEY = "another installation's key"
    with pytest.raises(CommandError, match="was not made by this installation"):
        call_command("import_record", str(exported), verbosity=0)
    assert not restored()


@pytest.mark.django_db(transaction=True)
def test_a_file_the_operator_trusts_is_restored_when_they_say_so(exported):
    exported.with_name(exported.name + ".sig").unlink()
    call_command("import_record", str(exported), trust_unsigned=True, verbosity=0)
    assert restored()
