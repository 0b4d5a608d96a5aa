"""The benchmarks' databases: fresh, cached and cloned, on SQLite or on PostgreSQL.

On SQLite a database is a file in the run's folder. With ``DATABASE_URL`` pointing at
PostgreSQL, the server of that URL holds the benchmark's own databases
(``newsroom_bench_<pid>_<name>``, dropped at the end of the run; the role needs
``CREATEDB``). A filled database (a generated corpus imported by the real importer) is
kept for reuse, keyed by corpus size, seed and the product code's git tree, as
``bench/out/cache/<key>.sqlite3`` or as a PostgreSQL database ``newsroom_benchcache_<key>``;
the benchmarks that write (verdicts, load) work on a copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# The product code whose version a cached database depends on.
PRODUCT = ["factcheck", "intake", "sources", "evaluation", "newsroom"]


def code_key() -> str:
    """A short hash of the product code, uncommitted changes included (other code, other key)."""
    committed = _git("rev-parse", *(f"HEAD:{p}" for p in PRODUCT))
    changed = _git("diff", "HEAD", "--", *PRODUCT)
    return hashlib.sha256((committed + changed).encode()).hexdigest()[:10]


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def django_env(url: str, **extra: str) -> dict[str, str]:
    # The in-process test client calls itself "testserver"; gunicorn is on 127.0.0.1.
    return {
        **os.environ,
        "DATABASE_URL": url,
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        **extra,
    }


def manage(*args: str, url: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    command = [PYTHON, "manage.py", *args]
    done = subprocess.run(
        command, cwd=ROOT, env=django_env(url, **env), capture_output=True, text=True
    )
    if check and done.returncode != 0:
        raise SystemExit(
            f"failed: manage.py {' '.join(args)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return done


@dataclass
class Databases:
    """Where this run's databases live: ``folder`` for SQLite, else the server of ``server_url``."""

    folder: Path
    cache: Path
    server_url: str = ""
    made: list[str] = field(default_factory=list)

    @classmethod
    def from_environment(cls, folder: Path, cache: Path) -> Databases:
        url = os.environ.get("DATABASE_URL", "")
        server = url if url.startswith(("postgres://", "postgresql://")) else ""
        return cls(folder=folder, cache=cache, server_url=server)

    @property
    def engine(self) -> str:
        return "postgresql" if self.server_url else "sqlite"

    def version(self) -> str:
        if not self.server_url:
            import sqlite3

            return f"SQLite {sqlite3.sqlite_version}"
        with self._admin() as admin:
            return "PostgreSQL " + admin.execute("SHOW server_version").fetchone()[0]

    def url(self, name: str) -> str:
        if not self.server_url:
            return f"sqlite:///{self.folder / (name + '.sqlite3')}"
        parts = urllib.parse.urlsplit(self.server_url)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))

    def fresh(self, name: str) -> str:
        """An empty, migrated database of this run, dropped at the end."""
        name = self._run_name(name)
        self._drop(name)
        if self.server_url:
            with self._admin() as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        url = self.url(name)
        manage("migrate", "-v0", url=url)
        return url

    def cached(self, key: str) -> tuple[str, bool]:
        """The kept database for ``key`` and whether it is already filled."""
        if not self.server_url:
            path = self.cache / f"{key}.sqlite3"
            return f"sqlite:///{path}", path.exists()
        name = f"newsroom_benchcache_{key}"
        with self._admin() as admin:
            found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        return self.url(name), found is not None

    def keep(self, url: str, key: str) -> str:
        """Store the filled database at ``url`` as the cached one for ``key``."""
        if not self.server_url:
            self.cache.mkdir(parents=True, exist_ok=True)
            target = self.cache / f"{key}.sqlite3"
            _sqlite_copy(Path(url.removeprefix("sqlite:///")), target)
            return f"sqlite:///{target}"
        name = f"newsroom_benchcache_{key}"
        self._drop(name)
        with self._admin() as admin:
            source = urllib.parse.urlsplit(url).path.lstrip("/")
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return self.url(name)

    def clone(self, url: str, name: str) -> str:
        """A copy of the database at ``url`` for this run (the benchmarks that write)."""
        name = self._run_name(name)
        self._drop(name)
        self.made.append(name)
        if not self.server_url:
            _sqlite_copy(Path(url.removeprefix("sqlite:///")), self.folder / f"{name}.sqlite3")
            return self.url(name)
        source = urllib.parse.urlsplit(url).path.lstrip("/")
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return self.url(name)

    def session_states(self, url: str) -> list[str]:
        """What each client session on the PostgreSQL database at ``url`` is doing now."""
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        with self._admin() as admin:
            rows = admin.execute(
                "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                "WHERE datname = %s AND backend_type = 'client backend'",
                [name],
            ).fetchall()
        states = []
        for state, wait_type, wait in rows:
            if state == "active" and wait_type == "Lock":
                states.append(f"waiting on a lock ({wait})")
            elif state == "active":
                states.append("running SQL")
            else:
                states.append(f"{state} (Python's turn)")
        return states

    def drop_all(self) -> None:
        for name in self.made:
            self._drop(name)
        self.made.clear()

    def _run_name(self, name: str) -> str:
        return f"newsroom_bench_{os.getpid()}_{name}" if self.server_url else name

    def _drop(self, name: str) -> None:
        if not self.server_url:
            for path in self.folder.glob(f"{name}.sqlite3*"):
                path.unlink()
            return
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self):
        import psycopg

        parts = urllib.parse.urlsplit(self.server_url)
        return psycopg.connect(
            urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True
        )


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite database in WAL mode (its -wal file folded in)."""
    import sqlite3

    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    if not target.exists():
        shutil.copy(source, target)
