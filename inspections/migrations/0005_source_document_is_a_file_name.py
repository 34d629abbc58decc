import re

from django.db import migrations, models
from django.db.models import Q

import inspections.models


def strip_folders(apps, schema_editor):
    """Keep only the file name of each stored source_document ("../shared/seeds/a.txt" ->
    "a.txt"): a path is not a source a reader can use, and it exposes the server's layout.
    The change history keeps what was stored then."""
    for app_label, model_name in [("inspections", "Inspection")]:
        model = apps.get_model(app_label, model_name)
        stored = (
            model._default_manager.filter(
                Q(source_document__contains="/") | Q(source_document__contains="\\")
            )
            .order_by()
            .values_list("source_document", flat=True)
            .distinct()
        )
        for value in list(stored):
            name = re.split(r"[\\/]", value.strip())[-1]
            model._default_manager.filter(source_document=value).update(source_document=name)


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0004_bodies_sources_response_rule"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalinspection",
            name="source_document",
            field=models.CharField(
                blank=True,
                help_text="The file name of the document this record was taken from (no folders).",
                max_length=200,
                validators=[inspections.models.validate_document_name],
            ),
        ),
        migrations.AlterField(
            model_name="inspection",
            name="source_document",
            field=models.CharField(
                blank=True,
                help_text="The file name of the document this record was taken from (no folders).",
                max_length=200,
                validators=[inspections.models.validate_document_name],
            ),
        ),
        migrations.RunPython(strip_folders, migrations.RunPython.noop),
    ]
