"""Background imports: the job, its task, the real database worker and the polling page."""

import signal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from intake.uploads import Upload, process_import_job, start_import_job
from sources.models import Article, ImportJob, ImportJobFile

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def story(n: int) -> Upload:
    return Upload(
        f"story{n}.txt",
        f"Port story {n}\nsource: Daily {n}\n\n"
        f"The port handled {100 + n} ships in March, officials said.\n".encode(),
    )


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


@pytest.mark.django_db
def test_job_runs_each_file_and_records_results(immediate_tasks, editor):
    uploads = [story(1), Upload("empty.txt", b"\n"), story(2)]
    job = start_import_job(uploads=uploads, user=editor, outlet_name="")
    assert job.status == ImportJob.Status.DONE
    assert job.started_at and job.finished_at
    assert job.totals == {"imported": 2, "updated": 0, "unchanged": 0, "failed": 1}
    assert [r["source_file"] for r in job.results] == ["story1.txt", "empty.txt", "story2.txt"]
    failed = job.results[1]
    assert failed["outcome"] == "failed"
    assert failed["message"] == "empty.txt: empty file"
    assert failed["article_id"] is None
    assert Article.objects.get(pk=job.results[0]["article_id"]).source_file == "story1.txt"
    # The articles hold the text now; the uploaded bytes are gone.
    assert not ImportJobFile.objects.filter(job=job).exists()
    assert job.task_id


@pytest.mark.django_db
def test_job_outlet_overrides_every_file(immediate_tasks, editor):
    job = start_import_job(uploads=[story(1), story(2)], user=editor, outlet_name="Wire Co")
    assert job.status == ImportJob.Status.DONE
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {"Wire Co"}


@pytest.mark.django_db
def test_running_a_job_again_resumes_and_finished_jobs_are_left_alone(settings, editor):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    assert job.status == ImportJob.Status.QUEUED
    # A worker died after the first file: its result is recorded, the job still running.
    job.results = [
        {"source_file": "story1.txt", "outcome": "failed", "message": "x", "article_id": None}
    ]
    job.status = ImportJob.Status.RUNNING
    job.save()
    job = process_import_job(job_id=job.pk)
    assert job.status == ImportJob.Status.DONE
    assert [r["source_file"] for r in job.results] == ["story1.txt", "story2.txt"]
    assert list(Article.objects.values_list("source_file", flat=True)) == ["story2.txt"]
    assert process_import_job(job_id=job.pk).results == job.results


@pytest.mark.django_db
def test_queueing_failure_marks_the_job_failed(settings, editor, monkeypatch):
    from intake import uploads

    def broken(*args, **kwargs):
        raise RuntimeError("queue is down")

    monkeypatch.setattr(uploads, "run_import_job", SimpleNamespace(enqueue=broken))
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    assert job.status == ImportJob.Status.FAILED
    assert "queue is down" in job.error


@pytest.fixture
def restore_signals():
    # db_worker installs its own SIGINT/SIGTERM handlers in the test process.
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_job(settings, editor, restore_signals):
    settings.TASKS = DATABASE
    job = start_import_job(uploads=[story(1), story(2), story(3)], user=editor)
    assert job.status == ImportJob.Status.QUEUED
    task = DBTaskResult.objects.get()
    assert str(task.id) == job.task_id
    assert task.task_path == "intake.uploads.run_import_job"
    assert task.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert Article.objects.count() == 0

    # --batch: run every queued task, then exit instead of polling for more.
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--verbosity=0")

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.totals["imported"] == 3
    assert Article.objects.count() == 3
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == job.totals


# --- the job page -------------------------------------------------------------


def job_url(job: ImportJob) -> str:
    return reverse("intake:import-job", args=[job.pk])


@pytest.mark.django_db
def test_job_url():
    assert reverse("intake:import-job", args=[7]) == "/articles/imports/7/"


@pytest.mark.django_db
def test_queued_job_page_polls(settings, editor_client, editor):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    response = editor_client.get(job_url(job))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert f'hx-get="{job_url(job)}"' in html
    assert 'hx-trigger="every 1s"' in html
    assert "Queued" in html and "0 of 2 files processed" in html
    assert "db_worker" in html


@pytest.mark.django_db
def test_running_job_fragment_keeps_polling(settings, editor_client, editor):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    job.status = ImportJob.Status.RUNNING
    job.results = [
        {"source_file": "story1.txt", "outcome": "failed", "message": "x", "article_id": None}
    ]
    job.save()
    response = editor_client.get(job_url(job), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="job-status"')
    assert "<html" not in html
    assert 'hx-trigger="every 1s"' in html
    assert "1 of 2 files processed" in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.django_db
def test_finished_job_fragment_stops_polling_and_links_articles(
    immediate_tasks, editor_client, editor
):
    job = start_import_job(uploads=[story(1), Upload("empty.txt", b""), story(2)], user=editor)
    response = editor_client.get(job_url(job), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "hx-trigger" not in html and "hx-get" not in html
    assert "Done" in html and "3 of 3 files processed" in html
    assert "2 imported" in html and "1 failed" in html
    for article in Article.objects.all():
        assert f'href="{article.get_absolute_url()}"' in html
    assert "empty.txt: empty file" in html


@pytest.mark.django_db
def test_failed_job_shows_why(settings, editor_client, editor):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    job.status = ImportJob.Status.FAILED
    job.error = "OperationalError: <disk full>"
    job.save()
    html = editor_client.get(job_url(job)).content.decode()
    assert "hx-trigger" not in html
    assert "The import stopped: OperationalError: &lt;disk full&gt;" in html


@pytest.mark.django_db
def test_job_page_is_for_editors(settings, client, viewer_client, editor):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    assert viewer_client.get(job_url(job)).status_code == 403
    client.logout()
    response = client.get(job_url(job))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_missing_job_is_404(editor_client):
    assert editor_client.get("/articles/imports/999/").status_code == 404


@pytest.mark.django_db
def test_upload_page_lists_recent_jobs(immediate_tasks, editor_client, editor):
    job = start_import_job(uploads=[story(1), story(2)], user=editor)
    html = editor_client.get(reverse("intake:article-upload")).content.decode()
    assert f'href="{job_url(job)}"' in html
