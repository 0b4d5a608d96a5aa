import datetime as dt
import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutletKind(models.TextChoices):
    WIRE = "wire", "Wire agency"
    NEWSPAPER = "newspaper", "Newspaper"
    BROADCASTER = "broadcaster", "Broadcaster"
    STATE_MEDIA = "state_media", "State media"
    BLOG = "blog", "Blog"
    OTHER = "other", "Other"


class Outlet(models.Model):
    """A publisher of articles: a wire agency, a newspaper, state media, a blog."""

    Kind = OutletKind

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OutletKind.values), name="outlet_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def with_outlet(self) -> "ArticleQuerySet":
        return self.select_related("outlet")


def hand_made_origin() -> str:
    """The origin of an article not made by an import (the admin, a test): unique, never reused."""
    return f"manual:{uuid.uuid4().hex}"


class Article(models.Model):
    """One imported news article; its body is cleaned text that claims point into.

    An article's identity is its ``origin``, never its file name. Import builds it
    (``intake.services.origin_of``) in the first of these forms that applies:

    - ``url:<address>``: the article's address, from a ``url:`` header line, an HTML
      canonical link or the paste form (scheme and host lower-cased, ``#fragment``
      dropped). The same address is the same article wherever the file comes from.
    - ``file:<outlet slug>:<folder>/<file name>``: a file read from disk by
      ``import_articles``, named by its folder and file name and its outlet. The same
      file edited on disk and imported again is the same article.
    - ``upload:<outlet slug>:<file name>:<first 16 hex digits of the SHA-256>``: an
      upload or pasted text without an address. Browsers send no folder, so a name
      proves nothing; such an article is the same article only when its bytes are.
    - ``manual:<uuid>`` for an article made by hand; ``legacy:<file name>`` for one
      imported before origins existed (re-keyed the first time its bytes come again).

    Importing again under the same origin updates the article (when its bytes
    changed); a file with a known name but another origin becomes a new article.
    ``source_file`` is only the display name of the file (and the export's
    ``source_file`` column); several articles may share it. ``content_hash`` stays
    unique: the same bytes are one article, whatever their name.
    """

    title = models.CharField(max_length=300)
    title_derived = models.BooleanField(
        default=False, help_text="The file had no headline; the title is its first sentence."
    )
    body = models.TextField()
    published = models.DateField(null=True, blank=True)
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    byline = models.CharField(max_length=200, blank=True)
    wire_credit = models.CharField(
        max_length=100, blank=True, help_text='Wire agency credited, such as "ANI".'
    )
    url = models.URLField(max_length=500, blank=True)
    origin = models.CharField(
        max_length=600,
        unique=True,
        default=hand_made_origin,
        help_text="Where the article comes from: its identity (see the class docstring).",
    )
    source_file = models.CharField(
        max_length=255, db_index=True, help_text="The file's name, for display; not unique."
    )
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the file as received."
    )
    encoding = models.CharField(max_length=40, default="utf-8")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["source_file", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(
                condition=Q(origin__regex=r"^(url|file|upload|manual|legacy):."),
                name="article_origin_kind",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=~Q(source_file=""), name="article_source_file_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"),
                name="article_content_hash_sha256",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.source_file})"


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportJobQuerySet(models.QuerySet["ImportJob"]):
    def visible_to(self, user: User | AnonymousUser) -> "ImportJobQuerySet":
        """A user's own jobs; every job for those allowed to view import jobs (superusers).

        Not ``is_staff``: on this desk every editor is staff, for the admin.
        """
        if user.has_perm("sources.view_importjob"):
            return self
        return self.filter(created_by=user) if user.is_authenticated else self.none()

    def stale(self, *, now: dt.datetime | None = None) -> "ImportJobQuerySet":
        """Running jobs whose worker stopped sending heartbeats: their lease has expired."""
        now = now or timezone.now()
        expired = now - dt.timedelta(seconds=settings.IMPORT_JOB_LEASE_SECONDS)
        return self.filter(status=ImportJobStatus.RUNNING).filter(
            Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=expired)
        )


class ImportJob(models.Model):
    """A batch of uploaded files imported in the background by a task worker.

    The files' bytes live in ``ImportJobFile`` rows, so a worker on any machine
    that reaches the database can run the job; no shared filesystem is needed.
    ``results`` holds one entry per processed file, in upload order:
    ``{"source_file", "outcome", "message", "article_id"}``; ``totals`` counts
    them by outcome.

    A running job holds a lease: its worker writes ``heartbeat_at`` after every
    file and stamps ``lease_token`` when it takes the job. A running job whose
    heartbeat is older than ``IMPORT_JOB_LEASE_SECONDS`` lost its worker (killed,
    machine gone) and may be taken over by another (``resume_import_jobs``), which
    carries on with the files that have no outcome yet.
    """

    Status = ImportJobStatus

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_jobs",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.QUEUED
    )
    outlet_name = models.CharField(
        max_length=200, blank=True, help_text="Outlet for every file, overriding their headers."
    )
    file_count = models.PositiveIntegerField(default=0)
    totals = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True, help_text="Why the job itself failed, if it did.")
    task_id = models.CharField(max_length=64, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Last sign of life from the worker running the job."
    )
    lease_token = models.CharField(
        max_length=32, blank=True, help_text="Which worker holds the job; changes on takeover."
    )

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ImportJobStatus.values), name="importjob_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Import #{self.pk}: {self.file_count} files, {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportJobStatus.DONE, ImportJobStatus.FAILED)

    @property
    def processed(self) -> int:
        return len(self.results)

    @property
    def is_stale(self) -> bool:
        """Running, but its worker has not been heard from within the lease."""
        if self.status != ImportJobStatus.RUNNING:
            return False
        if self.heartbeat_at is None:
            return True
        lease = dt.timedelta(seconds=settings.IMPORT_JOB_LEASE_SECONDS)
        return self.heartbeat_at < timezone.now() - lease


class ImportJobFile(models.Model):
    """One uploaded file of an import job, kept in the database until the job is done.

    ``outcome`` stays blank until the file is processed; it is written in the same
    transaction as the article, so a file is either imported and marked, or
    neither, and a resumed job never imports a file twice.
    """

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    data = models.BinaryField()
    outcome = models.CharField(max_length=10, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="importjobfile_position"),
            models.UniqueConstraint(fields=["job", "name"], name="importjobfile_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (import #{self.job_id})"
