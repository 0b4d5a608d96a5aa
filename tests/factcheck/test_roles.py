"""Who is an editor, and the roles the data migration froze."""

import importlib

import pytest
from django.contrib.auth.models import Permission

from factcheck import roles


def test_the_migration_froze_todays_roles():
    # A change to roles.py needs a new data migration; 0002 keeps its own copy.
    migration = importlib.import_module("factcheck.migrations.0002_editor_viewer_groups")
    assert migration.ROLES == roles.ROLES


@pytest.mark.django_db
def test_editors_are_the_users_who_may_record_verdicts(editor, viewer, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="pw-boss")
    direct = django_user_model.objects.create_user("direct", password="pw-direct")
    direct.user_permissions.add(
        Permission.objects.get(codename="record_verdict", content_type__app_label="factcheck")
    )
    gone = django_user_model.objects.create_user("gone", password="pw-gone", is_active=False)
    gone.groups.set(editor.groups.all())
    assert list(roles.editors()) == [boss, direct, editor]
