"""`make run`'s demo logins, and how it tells a newsroom to make its own accounts."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from factcheck import roles

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def run_demo_users() -> str:
    out = StringIO()
    call_command("ensure_demo_users", stdout=out)
    return out.getvalue()


def test_make_run_prints_how_to_create_an_administrator_and_an_editor(settings):
    settings.DEBUG = True
    assert "manage.py ensure_demo_users" in (ROOT / "Makefile").read_text()
    printed = run_demo_users()
    assert "username 'editor', password 'editor-demo-password'" in printed
    # A second editor, to approve what the first sends for review.
    assert "username 'reviewer', password 'reviewer-demo-password'" in printed
    assert {u.username for u in roles.editors()} == {"editor", "reviewer"}
    assert "manage.py createsuperuser" in printed
    # The groups it names are the desk's real roles.
    named = set(re.findall(r'"(\w+)" group', printed))
    assert named == set(roles.ROLES) == {g.name for g in Group.objects.all()}


def test_following_the_printed_editor_step_makes_an_editor(settings, django_user_model):
    settings.DEBUG = True
    run_demo_users()
    reporter = django_user_model.objects.create_user("reporter", password="pw-reporter")
    assert reporter not in roles.editors()
    reporter.groups.add(Group.objects.get(name=roles.EDITORS))
    assert reporter in roles.editors()


def test_the_readme_says_how_to_create_an_administrator():
    readme = (ROOT / "README.md").read_text()
    assert "manage.py createsuperuser" in readme
    assert f'"{roles.EDITORS}" group' in readme
