"""The production recipe runs: the Procfile's release step, gunicorn and two task workers.

Starts them as a newsroom would (deploy/gunicorn.conf.py, production settings, whitenoise
serving the collected static files) on loopback, on a database of its own: PostgreSQL when
the suite runs on PostgreSQL, else an SQLite file. Then an editor logs in over HTTP,
uploads two articles, and the task workers import them.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60
JOB_SECONDS = 120

pytestmark = pytest.mark.slow

ARTICLE = """Harbour traffic rises

The port handled {ships} ships in March, its busiest month since 2019, the harbour
authority said on Tuesday. Officials expect a new terminal to open in 2027.
"""


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_url(tmp_path) -> Iterator[str]:
    """A database of the smoke test's own, on the engine the suite runs on."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'desk.sqlite3'}"
        return
    import psycopg

    config = dj_database_url.parse(url)
    name = f"newsroom_smoke_{uuid.uuid4().hex[:12]}"
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    if config.get("PASSWORD"):
        server["password"] = config["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(url)
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def production(tmp_path, database_url) -> dict[str, str]:
    """The environment of deploy/newsroom.env.example, on loopback without TLS."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "DEV_TOOLS", "DATABASE_", "PYTEST_"))
    }
    port = free_port()
    return {
        **inherited,
        # The venv's gunicorn and python, as the Procfile names them.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DEBUG": "false",
        "SECRET_KEY": "smoke-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp_path / "static"),
        # Plain HTTP on loopback: in production a TLS proxy sits in front.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }


def run(command: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"


@pytest.fixture
def served(production, tmp_path) -> Iterator[str]:
    processes = procfile()
    run(processes["release"], production)
    # An editor, as the README tells a newsroom to make one.
    run(
        'python manage.py shell -c "from django.contrib.auth.models import Group, User; '
        "u = User.objects.create_user('ed', password='smoke-test-pass-1'); "
        "u.groups.add(Group.objects.get(name='Editors'))\"",
        production,
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    started = []
    for name in ("web", "worker", "worker"):
        log = (logs / f"{name}-{len(started)}.log").open("w")
        started.append(
            subprocess.Popen(
                shlex.split(processes[name]),
                cwd=ROOT,
                env=production,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
    base = f"http://{production['GUNICORN_BIND']}"
    try:
        wait_for(base + "/login/", started[0], logs)
        yield base
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        # The workers finished and left cleanly on SIGTERM.
        assert all(p.returncode is not None for p in started)


def wait_for(url: str, web: subprocess.Popen, logs: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if web.poll() is not None:
            pytest.fail("gunicorn exited:\n" + "".join(p.read_text() for p in logs.iterdir()))
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:  # refused, reset or timed out while it starts
            time.sleep(0.3)
    pytest.fail(f"gunicorn did not answer {url} in {STARTUP_SECONDS} s")


class Browser:
    """Just enough of a browser: cookies, CSRF tokens from forms, multipart posts."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[int, str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def csrf(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)

    def post(self, path: str, fields: dict, files: dict | None = None) -> tuple[int, str, str]:
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in fields.items():
            body += (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()
        for filename, content in (files or {}).items():
            body += (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                    f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'
                ).encode()
                + content.encode()
                + b"\r\n"
            )
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + path,
            },
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()


def test_production_recipe_serves_logs_in_and_imports_in_the_background(served):
    desk = Browser(served)
    status, _, login_page = desk.get("/login/")
    assert status == 200
    # whitenoise serves the collected, hashed static files.
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]+\.css)"', login_page)
    assert stylesheet, "the stylesheet is not served from the manifest"
    assert desk.get(stylesheet.group(1))[0] == 200

    _, url, home = desk.post(
        "/login/",
        {
            "csrfmiddlewaretoken": desk.csrf(login_page),
            "username": "ed",
            "password": "smoke-test-pass-1",
            "next": "/",
        },
    )
    assert urllib.parse.urlsplit(url).path == "/"
    assert "Log out" in home

    _, _, upload_page = desk.get("/articles/upload/")
    _, job_url, _ = desk.post(
        "/articles/upload/",
        {"csrfmiddlewaretoken": desk.csrf(upload_page), "outlet": "Harbour Gazette"},
        files={"march.txt": ARTICLE.format(ships=120), "march-wire.txt": ARTICLE.format(ships=121)},
    )
    assert "/articles/imports/" in job_url, "two files should become a background import job"

    deadline = time.monotonic() + JOB_SECONDS
    job_page = ""
    while time.monotonic() < deadline:
        job_page = desk.get(urllib.parse.urlsplit(job_url).path)[2]
        if "2 of 2 files processed" in job_page:
            break
        time.sleep(0.5)
    assert "2 of 2 files processed: 2 imported" in " ".join(job_page.split()), job_page
    _, _, articles = desk.get("/articles/")
    assert articles.count("Harbour traffic rises") == 2
