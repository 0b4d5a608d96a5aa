"""Article intake from the browser: pasted text, uploaded files and background import jobs.

Small inputs are ingested in the request; several files, or more than
``INLINE_MAX_BYTES``, become an ``ImportJob`` whose files are stored in the
database and imported by a task worker (``manage.py db_worker``), one file per
transaction, through the same ``ingest_article`` as every other import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.tasks import task
from django.utils import timezone

from sources.models import ImportJob, ImportJobFile
from sources.parsing import ArticleRejected

from .services import IngestResult, Outcome, ingest_article, with_retry

logger = logging.getLogger(__name__)

# Above this many bytes in total (or with more than one file) an upload is
# imported in the background: analysing a long article takes seconds.
INLINE_MAX_BYTES = 50 * 1024
# One upload's files are read into memory and stored in the database: cap the total.
UPLOAD_MAX_TOTAL_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """One article file as received: its name and its bytes."""

    name: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def _one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def pasted_article_bytes(
    *,
    text: str,
    title: str = "",
    outlet: str = "",
    published: dt.date | None = None,
    url: str = "",
) -> bytes:
    """The file the importer would read for pasted text: headline, header lines, blank, text.

    The headline is written as a Markdown heading so the parser always takes it
    as the headline, even when it ends with a full stop or is one word.

    >>> pasted_article_bytes(text="Body.", title="Ports reopen", published=dt.date(2025, 3, 1))
    b'# Ports reopen\\ndate 2025-03-01\\n\\nBody.\\n'
    """
    lines = []
    if title := _one_line(title):
        lines.append(f"# {title}")
    if outlet := _one_line(outlet):
        lines.append(f"source: {outlet}")
    if published:
        lines.append(f"date {published.isoformat()}")
    if url := _one_line(url):
        lines.append(f"url: {url}")
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    header = "\n".join(lines) + "\n\n" if lines else ""
    return f"{header}{body}\n".encode()


def pasted_source_file(data: bytes) -> str:
    """The source file name of pasted text: the same text always gets the same name."""
    return f"pasted-{hashlib.sha256(data).hexdigest()[:12]}.txt"


def runs_in_background(uploads: list[Upload], refused: Sequence[IngestResult] = ()) -> bool:
    # With refused files there is a report to give: the job's page lists every file.
    return bool(refused) or len(uploads) > 1 or sum(u.size for u in uploads) > INLINE_MAX_BYTES


def ingest_upload(upload: Upload, *, outlet_name: str = "") -> IngestResult:
    """Ingest one upload in the request; raises ``ArticleRejected`` with a one-line reason."""
    return ingest_article(source_file=upload.name, data=upload.data, outlet_name=outlet_name)


def _refusal_row(result: IngestResult) -> dict[str, str | bool | None]:
    # "refused": never stored nor imported, so its name does not count as done when the job
    # resumes (a good file of the same name may follow it).
    return {
        "source_file": result.source_file,
        "outcome": Outcome.FAILED.value,
        "message": result.message,
        "article_id": None,
        "refused": True,
    }


@transaction.atomic
def create_import_job(
    *,
    uploads: list[Upload],
    user: User | None,
    outlet_name: str = "",
    refused: Sequence[IngestResult] = (),
) -> ImportJob:
    """A job for ``uploads``; ``refused`` files (checked before upload, not stored) are
    recorded as failed with their reasons, so the job reports every file chosen."""
    totals = {outcome.value: 0 for outcome in Outcome}
    totals[Outcome.FAILED.value] = len(refused)
    job = ImportJob.objects.create(
        created_by=user,
        outlet_name=outlet_name,
        file_count=len(uploads) + len(refused),
        totals=totals,
        results=[_refusal_row(result) for result in refused],
    )
    ImportJobFile.objects.bulk_create(
        ImportJobFile(job=job, position=i, name=u.name, data=u.data) for i, u in enumerate(uploads)
    )
    return job


def start_import_job(
    *,
    uploads: list[Upload],
    user: User | None,
    outlet_name: str = "",
    refused: Sequence[IngestResult] = (),
) -> ImportJob:
    """Store the files in a new job and queue it for a worker; returns the job.

    ``refused``: files of the same upload refused before it (unsupported, too large,
    empty…), reported by the job as failed beside the others.

    The job and its files are committed before the task is queued, so a worker
    never sees a task whose job it cannot read. With the immediate backend
    the job has already run when this returns.

    >>> job = start_import_job(uploads=[Upload("a.txt", b"..."), ...], user=request.user)
    """
    job = create_import_job(uploads=uploads, user=user, outlet_name=outlet_name, refused=refused)
    try:
        result = run_import_job.enqueue(job.pk)
    except Exception as error:
        logger.exception("Could not queue import job %s", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED,
            finished_at=timezone.now(),
            error=f"Could not queue the import: {type(error).__name__}: {error}",
        )
    else:
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def _ingest_stored_file(name: str, data: bytes, outlet_name: str) -> IngestResult:
    try:
        return ingest_article(source_file=name, data=data, outlet_name=outlet_name)
    except ArticleRejected as error:
        return IngestResult(name, Outcome.FAILED, message=str(error))
    except Exception as error:
        # One file that breaks the analysis must not stop the rest of the batch;
        # the traceback goes to the worker's log.
        logger.exception("Import job file %s failed", name)
        return IngestResult(
            name,
            Outcome.FAILED,
            message=f"{name}: internal error while importing ({type(error).__name__}); "
            "see the worker log",
        )


def claim_import_job(*, job_id: int) -> str | None:
    """Take a job for this worker; returns the lease token, or None if it is not free.

    Free: queued, or running with an expired lease (its worker died). The claim is
    one conditional UPDATE, so of two workers racing for a job only one gets it;
    a worker whose lease was taken over stops before its next file.
    """
    token = uuid.uuid4().hex
    now = timezone.now()
    lease = dt.timedelta(seconds=settings.IMPORT_JOB_LEASE_SECONDS)
    expired = Q(status=ImportJob.Status.RUNNING) & (
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - lease)
    )
    taken = (
        ImportJob.objects.filter(pk=job_id)
        .filter(Q(status=ImportJob.Status.QUEUED) | expired)
        .update(
            status=ImportJob.Status.RUNNING,
            lease_token=token,
            heartbeat_at=now,
            started_at=Coalesce(F("started_at"), Value(now)),
        )
    )
    return token if taken else None


def process_import_job(*, job_id: int) -> ImportJob:
    """Import a job's files one by one, recording each file's outcome as it goes.

    Each file is its own transaction, holding the article, the file's outcome and
    the job's heartbeat together: the desk can read and write between files, a
    failure leaves the files already imported in place, and a worker killed
    mid-file leaves that file to do again, never half done. Running a job again
    resumes after its last recorded file; a finished job, or one whose worker is
    alive (fresh heartbeat), is left alone.

    >>> process_import_job(job_id=12)
    """
    token = claim_import_job(job_id=job_id)
    job = ImportJob.objects.get(pk=job_id)
    if token is None:
        return job
    # Results recorded before per-file outcomes existed are honoured too.
    done = {r["source_file"] for r in job.results if not r.get("refused")}
    pending = job.files.filter(outcome="").order_by("position").values_list("pk", "name")
    try:
        # Names first, then one file's bytes at a time: memory stays flat on big batches.
        for file_id, name in pending:
            if name in done:
                continue
            held = with_retry(
                partial(_import_one_file, job_id=job_id, file_id=file_id, token=token)
            )
            if not held:
                # Another worker took the job over (our lease had expired): it carries on.
                return ImportJob.objects.get(pk=job_id)
    except Exception as error:
        ImportJob.objects.filter(pk=job_id, lease_token=token).update(
            status=ImportJob.Status.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
        raise
    finished = ImportJob.objects.filter(pk=job_id, lease_token=token).update(
        status=ImportJob.Status.DONE, finished_at=timezone.now(), heartbeat_at=timezone.now()
    )
    if finished:
        # The articles now hold the text; the uploaded bytes are no longer needed.
        ImportJobFile.objects.filter(job_id=job_id).delete()
    return ImportJob.objects.get(pk=job_id)


@transaction.atomic
def _import_one_file(*, job_id: int, file_id: int, token: str) -> bool:
    """Import one file of a job we hold; False (nothing done) if we no longer hold it."""
    job = ImportJob.objects.select_for_update().filter(pk=job_id, lease_token=token).first()
    if job is None or job.status != ImportJob.Status.RUNNING:
        return False
    stored = ImportJobFile.objects.select_for_update().get(pk=file_id)
    if stored.outcome:
        return True
    result = _ingest_stored_file(stored.name, bytes(stored.data), job.outlet_name)
    now = timezone.now()
    stored.outcome = result.outcome.value
    stored.processed_at = now
    stored.save(update_fields=["outcome", "processed_at"])
    job.results.append(
        {
            "source_file": result.source_file,
            "outcome": result.outcome.value,
            "message": result.message,
            "article_id": result.article.pk if result.article else None,
        }
    )
    job.totals[result.outcome.value] = job.totals.get(result.outcome.value, 0) + 1
    job.heartbeat_at = now
    job.save(update_fields=["results", "totals", "heartbeat_at"])
    return True


def resume_stale_import_jobs(*, takeover: bool = False) -> list[ImportJob]:
    """Queue again every running job whose worker died (lease expired); returns them as found.

    ``takeover``: every running job, however fresh its heartbeat, for when no
    other worker can be running (``make run`` starting its only worker).

    >>> resume_stale_import_jobs()
    [<ImportJob: Import #7: 40 files, Running>]
    """
    jobs = ImportJob.objects.filter(status=ImportJob.Status.RUNNING)
    if not takeover:
        jobs = jobs.stale()
    resumed = []
    for job in jobs.order_by("id"):
        if takeover:
            # Expire the lease now, so the queued task may take the job. Should its
            # worker be alive after all, it loses the job before its next file.
            ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=None)
        result = run_import_job.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
        # As found: how far it had got when it was resumed.
        resumed.append(job)
    return resumed


@task
def run_import_job(job_id: int) -> dict[str, int]:
    """The background task: ``run_import_job.enqueue(job.pk)``; returns the totals."""
    totals: dict[str, int] = process_import_job(job_id=job_id).totals
    return totals
