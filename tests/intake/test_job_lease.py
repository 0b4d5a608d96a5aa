"""Import jobs survive their worker: a lease with a heartbeat per file, and resumption
without importing a file twice."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from intake import uploads
from intake.uploads import (
    Upload,
    _import_one_file,
    claim_import_job,
    create_import_job,
    process_import_job,
)
from sources.models import Article, ImportJob, ImportJobFile

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def story(n: int) -> Upload:
    return Upload(
        f"story{n}.txt",
        f"Port story {n}\n\nThe port handled {100 + n} ships in March, officials said.\n".encode(),
    )


def dead_worker_job(editor, *, files: int = 3, done: int = 1, minutes_ago: int = 30) -> ImportJob:
    """A job whose worker imported ``done`` files, then was killed ``minutes_ago``."""
    job = create_import_job(uploads=[story(n) for n in range(files)], user=editor)
    token = claim_import_job(job_id=job.pk)
    for stored in job.files.order_by("position")[:done]:
        assert _import_one_file(job_id=job.pk, file_id=stored.pk, token=token)
    ImportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )
    job.refresh_from_db()
    return job


def test_each_file_records_its_outcome_and_a_heartbeat(editor):
    job = dead_worker_job(editor, done=2, minutes_ago=0)
    assert job.status == ImportJob.Status.RUNNING and job.lease_token
    outcomes = list(job.files.order_by("position").values_list("outcome", flat=True))
    assert outcomes == ["imported", "imported", ""]
    assert job.heartbeat_at and not job.is_stale


def test_a_job_whose_worker_died_is_stale_and_resumed_without_importing_twice(settings, editor):
    settings.TASKS = IMMEDIATE
    job = dead_worker_job(editor)
    assert job.is_stale
    assert list(ImportJob.objects.stale()) == [job]
    first = Article.objects.get()
    out = StringIO()
    call_command("resume_import_jobs", stdout=out)
    assert out.getvalue().strip() == f"Resumed 1 import job: #{job.pk} (1 of 3 done)"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert [r["source_file"] for r in job.results] == ["story0.txt", "story1.txt", "story2.txt"]
    assert job.totals["imported"] == 3
    assert Article.objects.count() == 3
    # The first file's article was not touched again.
    assert Article.objects.get(pk=first.pk).updated_at == first.updated_at
    assert not ImportJobFile.objects.filter(job=job).exists()


def test_a_job_with_a_live_worker_is_left_alone(settings, editor):
    settings.TASKS = IMMEDIATE
    job = dead_worker_job(editor, minutes_ago=0)
    assert not job.is_stale
    assert process_import_job(job_id=job.pk).results == job.results
    out = StringIO()
    call_command("resume_import_jobs", stdout=out)
    assert out.getvalue().strip() == "No import job to resume."
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING and job.processed == 1


def test_takeover_resumes_a_running_job_however_fresh(settings, editor):
    settings.TASKS = IMMEDIATE
    job = dead_worker_job(editor, minutes_ago=0)
    call_command("resume_import_jobs", "--takeover", stdout=StringIO())
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.processed == 3


def test_a_worker_that_lost_its_lease_imports_nothing_more(editor):
    job = dead_worker_job(editor)
    old_token = job.lease_token
    # Another worker takes the stale job over.
    new_token = claim_import_job(job_id=job.pk)
    assert new_token and new_token != old_token
    pending = job.files.get(position=1)
    assert not _import_one_file(job_id=job.pk, file_id=pending.pk, token=old_token)
    assert Article.objects.count() == 1
    pending.refresh_from_db()
    assert pending.outcome == ""


def test_only_one_worker_claims_a_job(editor):
    job = create_import_job(uploads=[story(1), story(2)], user=editor)
    assert claim_import_job(job_id=job.pk)
    assert claim_import_job(job_id=job.pk) is None


def test_a_worker_killed_mid_file_leaves_that_file_undone(editor, monkeypatch):
    job = create_import_job(uploads=[story(1), story(2)], user=editor)
    real = uploads._ingest_stored_file

    def killed(*args, **kwargs):
        real(*args, **kwargs)
        # Not an Exception: like SIGKILL, nothing gets to mark the job failed.
        raise KeyboardInterrupt

    monkeypatch.setattr(uploads, "_ingest_stored_file", killed)
    with pytest.raises(KeyboardInterrupt):
        process_import_job(job_id=job.pk)
    # The article and the file's outcome were one transaction: both rolled back.
    assert Article.objects.count() == 0
    assert set(job.files.values_list("outcome", flat=True)) == {""}
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING and job.results == []

    monkeypatch.setattr(uploads, "_ingest_stored_file", real)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(hours=1))
    job = process_import_job(job_id=job.pk)
    assert job.status == ImportJob.Status.DONE
    assert job.totals["imported"] == 2 and Article.objects.count() == 2


def test_the_job_page_says_when_a_worker_died(editor_client, editor):
    job = dead_worker_job(editor)
    html = editor_client.get(reverse("intake:import-job", args=[job.pk])).content.decode()
    assert "The worker running this import stopped responding" in html
    assert "resume_import_jobs" in html


def test_make_run_resumes_jobs_before_starting_its_worker():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\ntest:", 1)[0]
    assert run.index("resume_import_jobs --takeover") < run.index("db_worker")
