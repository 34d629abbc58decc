"""Create the three roles as groups with their model permissions."""

from django.db import migrations

VIEW_ONLY = ["force", "framework", "area", "theme", "statuschange"]
ROLE_PERMISSIONS = {
    # Everything in both apps (history stays read-only in the admin regardless).
    "administrator": None,
    # Records its own force's reports, statuses and responses; reads everything else.
    "opcc_editor": [
        *(f"view_{m}" for m in VIEW_ONLY),
        "view_inspection", "add_inspection", "change_inspection",
        "view_judgment", "add_judgment", "change_judgment", "delete_judgment",
        "view_finding", "add_finding", "change_finding",
        "view_findingstatus", "change_findingstatus",
        "add_statuschange",
        "view_response", "change_response",
        "view_findingexplanation", "add_findingexplanation", "change_findingexplanation",
        "delete_findingexplanation",
    ],
    # Reads and exports everything published; edits nothing.
    "analyst": [
        *(f"view_{m}" for m in VIEW_ONLY),
        "view_inspection", "view_judgment", "view_finding", "view_findingstatus",
        "view_response", "view_findingexplanation",
    ],
}
APPS = ["inspections", "recommendations"]


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure they exist now.
    # The migration state's app configs are stubs without models_module; setting it lets
    # create_permissions run (it only checks that the app has models).
    for app_label in APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_permissions = Permission.objects.filter(content_type__app_label__in=APPS)
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = app_permissions if codenames is None else app_permissions.filter(
            codename__in=codenames
        )
        group.permissions.set(wanted)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0001_initial"),
        ("inspections", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
