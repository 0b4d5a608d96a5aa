"""Create the "Editors" and "Viewers" groups with their permissions.

The role definitions are frozen here as they were when this migration was
written: a migration must not change when factcheck/roles.py does later (a
change of roles is a new migration).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEWER_PERMISSIONS = [
    ("factcheck", "view_fact"),
    ("factcheck", "view_claim"),
    ("factcheck", "view_evidence"),
    ("factcheck", "view_factchange"),
    ("factcheck", "view_articlerelation"),
    ("sources", "view_article"),
    ("sources", "view_outlet"),
]
EDITOR_PERMISSIONS = [
    *VIEWER_PERMISSIONS,
    ("factcheck", "record_verdict"),
    ("factcheck", "publish_fact"),
    ("factcheck", "change_fact"),
    ("factcheck", "change_claim"),
    ("factcheck", "add_evidence"),
    ("factcheck", "delete_evidence"),
    ("sources", "add_article"),
    ("sources", "add_outlet"),
]
ROLES = {"Editors": EDITOR_PERMISSIONS, "Viewers": VIEWER_PERMISSIONS}


def ensure_groups(group_model, permission_model) -> None:
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            [
                permission_model.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
        )


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("sources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
