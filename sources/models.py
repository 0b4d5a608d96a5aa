from django.conf import settings
from django.db import models
from django.db.models import Q


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


class ArticleQuerySet(models.QuerySet):
    def with_outlet(self) -> "ArticleQuerySet":
        return self.select_related("outlet")


class Article(models.Model):
    """One imported news article; its body is cleaned text that claims point into."""

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
    source_file = models.CharField(max_length=255, unique=True)
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the file as received."
    )
    encoding = models.CharField(max_length=40, default="utf-8")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["source_file"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
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


class ImportJob(models.Model):
    """A batch of uploaded files imported in the background by a task worker.

    The files' bytes live in ``ImportJobFile`` rows, so a worker on any machine
    that reaches the database can run the job; no shared filesystem is needed.
    ``results`` holds one entry per processed file, in upload order:
    ``{"source_file", "outcome", "message", "article_id"}``; ``totals`` counts
    them by outcome.
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


class ImportJobFile(models.Model):
    """One uploaded file of an import job, kept in the database until the job is done."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    data = models.BinaryField()

    class Meta:
        ordering = ["job_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="importjobfile_position"),
            models.UniqueConstraint(fields=["job", "name"], name="importjobfile_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (import #{self.job_id})"
