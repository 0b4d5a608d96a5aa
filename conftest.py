"""Shared fixtures: users of each role, their clients, and browser settings."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse ORM calls from live_server tests. Test runs only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    # A browser test starts Chromium and a live server: seconds each. They run with the
    # other slow tests (`make test-slow`), not in the quick default `make test`.
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session):
    # Django deletes its SQLite test database; a crashed or interrupted run may
    # leave the file (and its -wal/-shm) behind. The name is this run's own.
    if not session.config.pluginmanager.hasplugin("django"):
        return
    from django.conf import settings

    name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and name:
        for leftover in Path(name).parent.glob(Path(name).name + "*"):
            leftover.unlink(missing_ok=True)


@pytest.fixture(autouse=True, scope="session")
def _test_settings(request):
    # The engine's tests also run without Django (-p no:django).
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.conf import settings
    from django.test import override_settings

    # Once for the run, not per test: a test's own `settings` changes still come back
    # to these after it.
    with override_settings(
        # Manifest storage needs collectstatic; tests render {% static %} without it.
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        # Real hashing costs about a second per test user on these machines.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


def _user_in_group(django_user_model, username: str, group: str):
    from django.contrib.auth.models import Group, Permission

    from factcheck.roles import ensure_groups

    # Transactional tests flush the groups the data migration made.
    if not Group.objects.filter(name=group).exists():
        ensure_groups(Group, Permission)
    user = django_user_model.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _user_in_group(django_user_model, "ed", "Editors")


@pytest.fixture
def other_editor(db, django_user_model):
    return _user_in_group(django_user_model, "ed2", "Editors")


@pytest.fixture
def viewer(db, django_user_model):
    return _user_in_group(django_user_model, "vi", "Viewers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Chromium is missing ({CHROMIUM}): CI needs it for the browser tests")
        pytest.skip("Chromium is not installed (apt-get install chromium): browser tests skipped")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
