"""Production settings: `check --deploy` is clean and every response carries a CSP."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "p7$Zq!x2vK9#mL4@wR8^tY1&uI6*oP3(aS5)dF0_gH-jK=lZ+xC~vB<nM>Q?e",
    "ALLOWED_HOSTS": "desk.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://desk.example.org",
    "DATABASE_URL": "sqlite:////tmp/newsroom-deploy-check.sqlite3",
}


def run_manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    clean.pop("SECURE_SSL_REDIRECT", None)
    clean.pop("DEV_TOOLS", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    clean.pop("NEWSROOM_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings():
    done = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNINGS" not in done.stdout + done.stderr


@pytest.mark.slow
def test_missing_secret_key_without_debug_is_an_error():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    done = run_manage("check", env=env)
    assert done.returncode != 0
    assert "SECRET_KEY is not set" in done.stderr


@pytest.mark.slow
def test_bad_boolean_is_named():
    done = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "maybe"})
    assert done.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in done.stderr


@pytest.mark.slow
def test_production_does_not_load_the_evaluation_tools():
    done = run_manage("help", "--commands", env=PRODUCTION_ENV)
    assert done.returncode == 0, done.stderr
    commands = done.stdout.split()
    assert "import_articles" in commands
    assert "evaluate_engine" not in commands and "generate_corpus" not in commands


@pytest.mark.slow
def test_dev_tools_loads_the_evaluation_tools():
    done = run_manage("help", "--commands", env={**PRODUCTION_ENV, "DEV_TOOLS": "true"})
    assert done.returncode == 0, done.stderr
    assert {"evaluate_engine", "generate_corpus"} <= set(done.stdout.split())


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["login", "factcheck:article-list"])
def test_every_response_carries_a_content_security_policy(client, editor, url_name):
    client.force_login(editor)
    response = client.get(reverse(url_name))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    # No inline script without the nonce: htmx is loaded from our static files.
    body = response.content.decode()
    nonce = policy.split("'nonce-")[1].split("'")[0]
    for chunk in body.split("<script")[1:]:
        assert f'nonce="{nonce}"' in chunk.split(">")[0] or "src=" in chunk.split(">")[0]


@pytest.mark.django_db
def test_sqlite_uses_wal(django_db_setup):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database is a file (see settings), so the real journal mode shows.
    assert mode == "wal"
    assert "journal_mode=WAL" in connection.settings_dict["OPTIONS"]["init_command"]


@pytest.mark.django_db
def test_the_sqlite_test_database_is_this_runs_own():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL test databases are named by pytest-django")
    assert f"test-db-{os.getpid()}" in connection.settings_dict["NAME"]


def test_the_settings_docstring_lists_every_variable_read():
    import re

    import newsroom.settings

    source = Path(newsroom.settings.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r'(?:env_\w+|os\.environ\.get)\("([A-Z_]+)"', source))
    assert len(read) > 15
    assert {name for name in read if name not in newsroom.settings.__doc__} == set()


@pytest.mark.slow
def test_newsroom_url_is_unset_by_default_so_pages_use_their_own_host():
    env = {**PRODUCTION_ENV}
    code = "from django.conf import settings; print(repr(settings.NEWSROOM_URL))"
    done = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "''"
    done = run_manage("check", env={**env, "NEWSROOM_URL": "checks.example.org"})
    assert "NEWSROOM_URL must start with http:// or https://" in done.stderr
