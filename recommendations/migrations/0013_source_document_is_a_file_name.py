import re

from django.db import migrations, models
from django.db.models import Q

import inspections.models


def strip_folders(apps, schema_editor):
    """Keep only the file name of each stored source_document ("../shared/seeds/a.txt" ->
    "a.txt"): a path is not a source a reader can use, and it exposes the server's layout.
    The change history keeps what was stored then."""
    for app_label, model_name in [("recommendations", "Finding"), ("recommendations", "Response")]:
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
        ("recommendations", "0012_status_not_owed"),
        ("inspections", "0005_source_document_is_a_file_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="finding",
            name="source_document",
            field=models.CharField(
                blank=True, max_length=200, validators=[inspections.models.validate_document_name]
            ),
        ),
        migrations.AlterField(
            model_name="historicalfinding",
            name="source_document",
            field=models.CharField(
                blank=True, max_length=200, validators=[inspections.models.validate_document_name]
            ),
        ),
        migrations.AlterField(
            model_name="historicalresponse",
            name="source_document",
            field=models.CharField(
                blank=True, max_length=200, validators=[inspections.models.validate_document_name]
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="source_document",
            field=models.CharField(
                blank=True, max_length=200, validators=[inspections.models.validate_document_name]
            ),
        ),
        migrations.RunPython(strip_folders, migrations.RunPython.noop),
    ]
