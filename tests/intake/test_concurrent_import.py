"""Two imports at once over the same files: no IntegrityError, each article imported once.

Real threads, each with its own database connection. On PostgreSQL (CI) the
threads are held at a barrier after parsing, so both reach the outlet and
article inserts together and one of them must lose the race and retry. On
SQLite, whose write transactions are serialized (IMMEDIATE), the same batches
run side by side without the barrier.
"""

import threading
from collections import Counter

import pytest
from django.db import connection

from intake import services
from intake.services import Outcome, import_files
from sources.models import Article, Outlet
from sources.services import get_or_create_outlet

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

THREADS = 4


def write_batch(folder, count: int = 6):
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"story{n}.txt"
        # Two outlets shared by every file: both runs create them at once.
        path.write_text(
            f"Port story {n}\nsource: {'Daily Port' if n % 2 else 'Harbour Times'}\n\n"
            f"The port handled {100 + n} ships in March, officials said on Monday.\n"
        )
        paths.append(path)
    return paths


def run_in_threads(batches: list[list], *, barrier: threading.Barrier | None = None):
    results, errors = [], []

    def work(paths):
        try:
            results.append(import_files(paths))
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    return results, errors


def check(results, errors, files: int):
    assert errors == []
    outcomes = Counter(r.outcome for summary in results for r in summary.results)
    failed = [r.message for summary in results for r in summary.failed]
    assert failed == []
    # Every file was imported by exactly one run; the others found it unchanged.
    assert outcomes == {Outcome.IMPORTED: files, Outcome.UNCHANGED: files * (len(results) - 1)}
    assert Article.objects.count() == files
    assert sorted(Outlet.objects.values_list("name", flat=True)) == ["Daily Port", "Harbour Times"]


@pytest.mark.parametrize("outlets_exist", [False, True], ids=["new-outlets", "known-outlets"])
def test_concurrent_imports_on_postgresql(tmp_path, monkeypatch, outlets_exist):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…); CI runs it there")
    paths = write_batch(tmp_path / "inbox")
    if outlets_exist:
        # Then the runs collide on the articles themselves (origin, content hash).
        for name in ("Daily Port", "Harbour Times"):
            get_or_create_outlet(name=name)
    barrier = threading.Barrier(THREADS, timeout=30)
    local = threading.local()
    parse = services.parse_file

    def parse_then_wait(*args, **kwargs):
        parsed = parse(*args, **kwargs)
        # The first file of each run waits for the others: all insert the same rows at once.
        if not getattr(local, "waited", False):
            local.waited = True
            barrier.wait()
        return parsed

    monkeypatch.setattr(services, "parse_file", parse_then_wait)
    # Each run takes the files in another order, so they collide on many of them.
    batches = [paths[i:] + paths[:i] for i in range(THREADS)]
    results, errors = run_in_threads(batches)
    check(results, errors, len(paths))


def test_concurrent_imports_on_sqlite(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite variant")
    paths = write_batch(tmp_path / "inbox")
    batches = [paths[i:] + paths[:i] for i in range(THREADS)]
    results, errors = run_in_threads(batches)
    check(results, errors, len(paths))
