from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When

from factcheck.engine.types import Kind
from newsroom.links import pk_url


class Status(models.TextChoices):
    """How well a fact is sourced; says nothing about whether it is true."""

    CORROBORATED = "corroborated", "Corroborated"
    SINGLE_SOURCE = "single_source", "Single source"
    DISPUTED = "disputed", "Disputed"


class Stage(models.TextChoices):
    """Where the written fact-check stands, beside the verdict (``Fact.stage``)."""

    UNSTARTED = "unstarted", "Unstarted"
    IN_PROGRESS = "in_progress", "In progress"
    READY = "ready_for_review", "Ready for review"
    PUBLISHED = "published", "Published"


class ClaimantKind(models.TextChoices):
    PERSON = "Person", "A person"
    ORGANIZATION = "Organization", "An organisation"


class ClaimKind(models.TextChoices):
    QUANTITY = Kind.QUANTITY.value, "Quantity, money or percentage"
    DATE = Kind.DATE.value, "Date or event"
    QUOTE = Kind.QUOTE.value, "Direct quote"
    ATTRIBUTION = Kind.ATTRIBUTION.value, "Attribution"
    ANONYMOUS = Kind.ANONYMOUS.value, "Anonymous or unverifiable sourcing"
    COMPARISON = Kind.COMPARISON.value, "Comparison or ranking"


def needs_editor(prefix: str = "") -> Q:
    """No verdict, or a verdict flagged for re-review; ``prefix`` reads it through a relation."""
    return Q(**{f"{prefix}status": ""}) | Q(**{f"{prefix}needs_review": True})


def contested(prefix: str = "") -> Q:
    """The engine found values that conflict, or suggests the fact is disputed."""
    return Q(**{f"{prefix}suggested_status": "disputed"}) | ~Q(**{f"{prefix}conflicts": []})


class FactQuerySet(models.QuerySet["Fact"]):
    def needing_editor(self) -> "FactQuerySet":
        """Facts with no verdict, or whose verdict is flagged for re-review."""
        return self.filter(needs_editor())

    def by_priority(self) -> "FactQuerySet":
        """Facts in the queue's priority order (see ``ClaimQuerySet.by_priority``), fact-wide."""
        return self.annotate(
            contested=Case(When(contested(), then=Value(1)), default=Value(0))
        ).order_by("-contested", "-needs_review", "-origin_count", "-id")

    def published(self) -> "FactQuerySet":
        return self.filter(published_at__isnull=False).exclude(status="")

    def needing_review(self) -> "FactQuerySet":
        """Facts flagged for re-review, longest waiting first."""
        return self.filter(needs_review=True).order_by("updated_at", "pk")

    def ready_for_review(self) -> "FactQuerySet":
        """Fact-checks waiting for a second editor's approval or for publishing."""
        return self.filter(stage=Stage.READY).order_by("updated_at", "pk")

    def reported(self) -> "FactQuerySet":
        """Facts at least one claim still belongs to (a merged-away fact keeps only history).

        Read from the kept ``article_count`` (every claim has an article), not by looking
        for a claim of each fact.
        """
        return self.filter(article_count__gt=0)

    def sharing_keys_with(self, fact: "Fact", *, limit: int) -> "FactQuerySet":
        """The ``limit`` other facts, not merged away, with the most matching keys in common
        with ``fact``, most keys shared first (``shared_keys``): merge candidates.

        Ranked from the shared keys alone, then only the ``limit`` facts read. Joining facts
        to keys first made SQLite (no statistics) walk every unmerged fact through the
        ``merged_into`` index and PostgreSQL hash every fact, 170 and 23 ms at 28,000 facts.
        """
        keys = FactKey.objects.filter(fact=fact).values("key")
        # Other facts' keys that this fact has too (unordered: FactKey's ordering would
        # join the facts back in).
        shared = FactKey.objects.filter(key__in=keys).exclude(fact_id=fact.pk).order_by()
        merged = Fact.objects.filter(merged_into__isnull=False).values("pk")
        ranked = (
            shared.exclude(fact_id__in=merged)
            .values("fact_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "-fact_id")
            .values("fact_id")[:limit]
        )
        count = shared.filter(fact_id=OuterRef("pk")).values("fact_id").annotate(n=Count("pk"))
        return (
            self.filter(pk__in=ranked)
            .annotate(shared_keys=Subquery(count.values("n")))
            .order_by("-shared_keys", "-id")
        )


class Fact(models.Model):
    """One fact as reported by one or more articles: a group of matching claims.

    The engine writes the ``suggested_*`` fields and may rewrite them on every
    import; editors own ``status``, ``note``, ``assigned_to`` and the written
    fact-check (``statement``, ``claimant``, ``conclusion``, ``stage``), which the
    engine never touches. What the public sees is a ``Publication`` snapshot.
    """

    summary = models.CharField(max_length=300, help_text="The first claim's text, shortened.")
    suggested_status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SINGLE_SOURCE
    )
    suggested_reason = models.TextField(blank=True)
    origin_count = models.PositiveIntegerField(
        default=1, help_text="Independent origins: copies of one story count once."
    )
    # Kept by the engine with the suggestion (``analysis.refresh_suggestions``) rather than
    # counted per request: the queue sorts every claim needing an editor by it.
    article_count = models.PositiveIntegerField(
        default=0, help_text="Articles reporting the fact (a copy counts too)."
    )
    conflicts = models.JSONField(default=list, blank=True)

    status = models.CharField(
        max_length=20, choices=Status.choices, blank=True, help_text="The editor's verdict."
    )
    note = models.TextField(blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_facts",
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every editor change; an edit made on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    published_at = models.DateTimeField(null=True, blank=True)
    # Set when the text of an article this fact's verdict rests on was replaced
    # (``intake.services.replace_article_text``); cleared by the editor's next verdict.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_facts",
        help_text="The fact this one's claims were merged into; its page leads there.",
    )
    needs_review = models.BooleanField(
        default=False, help_text="An article it cites changed since the verdict; check again."
    )
    # Why it was flagged, in words (the engine's new report or conflict, or the
    # replaced article); cleared with the flag.
    review_reason = models.TextField(blank=True)

    # The written fact-check. An empty statement means the best claim's sentence.
    statement = models.TextField(blank=True, help_text="The claim as the fact-check words it.")
    claimant = models.CharField(max_length=200, blank=True, help_text="Who made the claim.")
    claimant_kind = models.CharField(
        max_length=20, choices=ClaimantKind.choices, default=ClaimantKind.PERSON
    )
    conclusion = models.TextField(blank=True, help_text="What the desk concluded, briefly.")
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.UNSTARTED)
    review_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FactQuerySet.as_manager()

    # Not a column: on the instance a verdict service (``services.record_verdict``,
    # ``undo_verdict``) returns, the history row it just wrote, so that the answer offers
    # to undo it without reading it back (``services.last_verdict_change``).
    recorded_verdict: "FactChange | None" = None

    class Meta:
        ordering = ["-id"]
        # The queue's filters on a fact (see factcheck/filters.py and the README's
        # "Queries and indexes").
        indexes = [
            models.Index(fields=["status"], name="fact_status_idx"),
            models.Index(fields=["suggested_status"], name="fact_suggested_status_idx"),
            models.Index(fields=["origin_count"], name="fact_origin_count_idx"),
            # The dashboard's facts reported by two or more articles, most first.
            models.Index(fields=["article_count"], name="fact_article_count_idx"),
            # The dashboard's counts of reported facts by verdict and suggestion: every
            # column they read, in the order they group by.
            models.Index(
                fields=["status", "suggested_status", "article_count"],
                name="fact_status_counts_idx",
            ),
            # The dashboard's "needs re-review" and "ready for review" lists, oldest first.
            # Partial, over the flagged facts only: an index led by needs_review let SQLite
            # answer the queue's "no verdict or flagged" through two indexes (MULTI-INDEX
            # OR), visiting every fact in index order, twice as slow as its scan of claims.
            models.Index(
                fields=["updated_at", "id"],
                condition=Q(needs_review=True),
                name="fact_rereview_idx",
            ),
            models.Index(fields=["stage", "updated_at", "id"], name="fact_stage_idx"),
        ]
        permissions = [
            ("record_verdict", "Can record verdicts, notes and evidence"),
            ("publish_fact", "Can publish and unpublish fact-checks"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="") | Q(status__in=Status.values), name="fact_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(suggested_status__in=Status.values),
                name="fact_suggested_status_valid",
            ),
            models.CheckConstraint(condition=Q(origin_count__gte=0), name="fact_origins_gte_0"),
            models.CheckConstraint(condition=Q(article_count__gte=0), name="fact_articles_gte_0"),
            # Only a fact with an editor's verdict can be published.
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(status=""),
                name="fact_published_needs_verdict",
            ),
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="fact_stage_valid"),
            # "Published" is the stage of a fact whose latest publication is live.
            models.CheckConstraint(
                condition=~Q(stage=Stage.PUBLISHED) | Q(published_at__isnull=False),
                name="fact_published_stage_is_public",
            ),
            # The approval is a second editor's (NULLs compare as unknown: allowed).
            models.CheckConstraint(
                condition=~Q(approved_by=F("review_requested_by")),
                name="fact_approver_is_not_requester",
            ),
        ]

    def __str__(self) -> str:
        return f"Fact #{self.pk}: {self.summary}"

    def get_absolute_url(self) -> str:
        return pk_url("factcheck:fact-detail", self.pk)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class FactKey(models.Model):
    """Inverted index from a matching key to the facts carrying it.

    A new claim looks up its keys here instead of comparing itself with every
    claim, so import cost stays linear in the size of the corpus.
    """

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=200)
    # The span of the fact's reports, kept by ``indexes.redate_fact_keys``: a key nominates
    # the facts reported nearest a new claim, within matching's reach in time. ``day`` is
    # the first report's date (None: none dated), ``last_day`` the last's (None: one is
    # undated, so the fact may be matched whatever the date).
    day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["key", "-fact"]
        constraints = [models.UniqueConstraint(fields=["key", "fact"], name="factkey_unique")]
        indexes = [
            models.Index(fields=["key", "day", "fact"], name="factkey_key_day"),
            models.Index(fields=["key", "last_day", "fact"], name="factkey_key_last_day"),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.fact_id}"


class ClaimQuerySet(models.QuerySet["Claim"]):
    def needing_editor(self) -> "ClaimQuerySet":
        """Claims whose fact has no verdict, or a verdict flagged for re-review: the queue's default.

        Read from the claim's kept ``needs_editor`` (``factcheck.priority``), which
        ``claim_queue_idx`` covers, not through the fact.
        """
        return self.filter(needs_editor=True)

    def with_verdict(self) -> "ClaimQuerySet":
        """Claims whose fact has an editor's verdict (flagged for re-review or not)."""
        return self.exclude(fact__status="")

    def by_priority(self) -> "ClaimQuerySet":
        """The queue's default order: what most needs an editor first.

        1. contested facts (the engine found conflicting values, or suggests disputed);
        2. facts flagged for re-review;
        3. more independent origins, then more reporting articles;
        4. higher check-worthiness score;
        5. newer article (published date; undated last);
        6. then fact, then claim id, so that pages never overlap or skip rows.

        Every key is kept on the claim (``factcheck.priority``: the fact's four in
        ``fact_priority``, the article's date beside whether it has one), so that
        ``claim_queue_idx`` gives this order for the claims needing an editor: a page
        reads its rows from the index instead of sorting every claim.
        """
        return self.order_by(
            "-fact_priority",
            "-score",
            "article_undated",
            "-article_published",
            "fact_id",
            "pk",
        )

    def with_related(self) -> "ClaimQuerySet":
        return self.select_related("article", "article__outlet", "fact", "fact__assigned_to")

    def for_queue(self) -> "ClaimQuerySet":
        """What a review-queue row shows, in one query: no body, features or conflicts."""
        return self.select_related(
            "article", "article__outlet", "fact", "fact__assigned_to", "fact__status_changed_by"
        ).only(
            *("id", "article", "fact", "start", "end", "text", "kind", "score", "flags"),
            *("article__title", "article__published", "article__outlet__name"),
            *("fact__status", "fact__suggested_status", "fact__suggested_reason"),
            *("fact__origin_count", "fact__version", "fact__needs_review", "fact__review_reason"),
            "fact__assigned_to__username",
            "fact__status_changed_by__username",
        )


class Claim(models.Model):
    """A check-worthy statement in one article, located by character offsets."""

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="claims")
    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=ClaimKind.choices)
    score = models.FloatField(help_text="Check-worthiness from 0 to 1.")
    features = models.JSONField(default=dict, blank=True)
    values = models.JSONField(default=list, blank=True)
    entities = models.JSONField(default=list, blank=True)
    # The article's main names when the claim was found: matching keeps claims of
    # unrelated stories apart even when the claim itself names little.
    story = models.JSONField(default=list, blank=True)
    # The names the whole article gives (``engine.features.article_names``): reports of
    # one story share several even where their claims' main names differ.
    article_names = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True)
    match_score = models.FloatField(
        null=True, blank=True, help_text="How well the claim matched its fact when grouped."
    )
    match_reasons = models.JSONField(default=list, blank=True)
    # Claims linked by matches, across facts: the engine regroups whole
    # components, so grouping does not depend on the order of import (see
    # factcheck/engine/grouping.py). A label only; it may cover more than one.
    component = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    # The claim's matching keys (``engine.keys.index_keys``), kept so that a
    # stored claim's links are found without deriving its keys at every import.
    keys = models.JSONField(null=True, blank=True)
    # Kept for the review queue (``factcheck.priority``, written by
    # ``refresh_queue_keys``): its default filter and order, read from the claim so that
    # one index (``claim_queue_idx``) gives them.
    needs_editor = models.BooleanField(
        default=True, help_text="Its fact has no verdict, or one flagged for re-review."
    )
    fact_priority = models.BigIntegerField(
        default=0, help_text="Its fact's keys in the queue's order (priority.fact_priority)."
    )
    article_undated = models.BooleanField(default=False)
    article_published = models.DateField(null=True, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start"]
        indexes = [
            models.Index(fields=["fact", "article"]),
            # The queue's default sort (score, highest first) and its minimum-score filter.
            models.Index(fields=["-score", "id"], name="claim_score_idx"),
            # The queue's default view (what needs an editor, by priority), in its order:
            # ClaimQuerySet.needing_editor().by_priority() reads it front to back. Led by
            # needs_editor rather than partial over it, so that the ids and their count are
            # read from the index alone (SQLite fetched each claim's row to test the flag).
            models.Index(
                fields=[
                    "needs_editor",
                    "-fact_priority",
                    "-score",
                    "article_undated",
                    "-article_published",
                    "fact",
                    "id",
                ],
                name="claim_queue_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=F("start")) & Q(sentence_end__gte=F("end")),
                name="claim_within_sentence",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_0_1"
            ),
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="claim_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_anonymous(self) -> bool:
        return "anonymous_source" in self.flags


class ArticleFingerprint(models.Model):
    """Inverted index of an article's text fingerprint keys, for copy detection."""

    article = models.ForeignKey(
        "sources.Article", on_delete=models.CASCADE, related_name="fingerprints"
    )
    key = models.CharField(max_length=64)

    class Meta:
        ordering = ["key", "-article"]
        constraints = [
            models.UniqueConstraint(fields=["key", "article"], name="fingerprint_unique")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.article_id}"


class ArticleProgress(models.Model):
    """How far the desk has got with one article's claims: kept counts (``counts``).

    The dashboard ranks every article by the claims left to review, so the services
    that find claims, move them between facts or give facts a verdict keep these counts
    rather than a page counting claims per request. "Reviewed" is a claim (or fact) whose
    fact has an editor's verdict. Only articles with claims have a row.

    The counts live beside the article, not on it, so that recounting never waits for
    the article's own row: an import holds that row for its whole transaction, while an
    editor's verdict on one of its facts recounts it (see ``counts`` on locking).
    """

    article = models.OneToOneField(
        "sources.Article", on_delete=models.CASCADE, primary_key=True, related_name="progress"
    )
    claim_count = models.PositiveIntegerField(help_text="Claims found in the article.")
    unreviewed_claim_count = models.PositiveIntegerField(
        help_text="Its claims whose fact has no editor's verdict."
    )
    fact_count = models.PositiveIntegerField(help_text="Facts its claims belong to.")
    unreviewed_fact_count = models.PositiveIntegerField(
        help_text="Facts of its claims that have no editor's verdict."
    )

    class Meta:
        ordering = ["-unreviewed_claim_count", "article_id"]
        verbose_name_plural = "article progress"
        indexes = [
            # The dashboard's articles, most claims left to review first, read in order.
            models.Index(fields=["-unreviewed_claim_count", "article"], name="progress_rank_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(claim_count__gt=0)
                & Q(unreviewed_claim_count__lte=F("claim_count"))
                & Q(fact_count__lte=F("claim_count"))
                & Q(unreviewed_fact_count__lte=F("fact_count")),
                name="progress_counts_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"Article #{self.article_id}: {self.reviewed_claim_count} of {self.claim_count}"

    @property
    def reviewed_claim_count(self) -> int:
        return self.claim_count - self.unreviewed_claim_count

    @property
    def reviewed_fact_count(self) -> int:
        return self.fact_count - self.unreviewed_fact_count

    @property
    def reviewed_percent(self) -> int:
        """Share of its claims whose fact has a verdict, in whole percent."""
        return round(100 * self.reviewed_claim_count / self.claim_count)


class ArticleRelation(models.Model):
    """One article copies or lightly rewrites another, with the evidence."""

    class Relation(models.TextChoices):
        COPY = "copy", "Copy"
        REWRITE = "rewrite", "Rewrite"

    original = models.ForeignKey(
        "sources.Article", on_delete=models.CASCADE, related_name="copied_by"
    )
    copy = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="copies_of")
    relation = models.CharField(max_length=10, choices=Relation.choices)
    similarity = models.FloatField()
    containment = models.FloatField()
    shared_lead = models.BooleanField(default=False)
    same_wire = models.BooleanField(default=False)
    passages = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    detected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["original_id", "copy_id"]
        constraints = [
            models.UniqueConstraint(fields=["original", "copy"], name="relation_unique"),
            models.CheckConstraint(condition=~Q(original=F("copy")), name="relation_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.copy_id} {self.relation} of {self.original_id}"


class FactChange(models.Model):
    """Append-only history of every editor change to a fact: who, when, old → new, why."""

    class Action(models.TextChoices):
        STATUS = "status", "Verdict"
        NOTE = "note", "Note"
        ASSIGN = "assign", "Assignment"
        EVIDENCE_ADD = "evidence_add", "Evidence added"
        EVIDENCE_REMOVE = "evidence_remove", "Evidence removed"
        SPLIT = "split", "Claim moved out"
        MERGE = "merge", "Facts merged"
        PUBLISH = "publish", "Published"
        UNPUBLISH = "unpublish", "Unpublished"
        ARTICLE_TEXT = "article_text", "Article text replaced"
        FACTCHECK = "factcheck", "Fact-check edited"
        EVIDENCE_PUBLIC = "evidence_public", "Evidence shown or hidden"
        STAGE = "stage", "Workflow"
        APPROVE = "approve", "Publication approved"
        REVIEW_FLAG = "review_flag", "Flagged for re-review"
        REVIEW_CLEAR = "review_clear", "Re-review cleared"
        UNMERGE = "unmerge", "Merge undone"

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=20, choices=Action.choices)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    # What a change needs to be undone, for the changes that can be: a merge records
    # the claims and keys it moved and whether the verdict came with them.
    details = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} on fact {self.fact_id}: {self.old_value!r} → {self.new_value!r}"

    @property
    def is_undoable_merge(self) -> bool:
        """A merge into this fact, recorded with what it moved, not yet undone."""
        return (
            self.action == self.Action.MERGE
            and bool(self.details.get("claims"))
            and not self.details.get("undone")
        )


class Evidence(models.Model):
    """A link an editor attached to a fact, with what it shows."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=500)
    note = models.TextField(blank=True)
    public = models.BooleanField(default=False, help_text="Shown on the published fact-check.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.url


class PublicationQuerySet(models.QuerySet["Publication"]):
    def live(self) -> "PublicationQuerySet":
        """The latest version of every fact published now, with its first version's date."""
        latest = Publication.objects.filter(fact=models.OuterRef("fact")).order_by("-number")
        first = Publication.objects.filter(fact=models.OuterRef("fact")).order_by("number")
        return self.filter(
            fact__published_at__isnull=False,
            pk=models.Subquery(latest.values("pk")[:1]),
        ).annotate(first_published_at=models.Subquery(first.values("published_at")[:1]))


class Publication(models.Model):
    """One published version of a fact-check: exactly what the public saw, frozen.

    The public page, its ClaimReview and the feed read only the latest one, so
    nothing the engine or an editor does afterwards changes a published
    fact-check until it is published again (as the next ``number``).
    ``snapshot`` is a ``factcheck.snapshots.Snapshot``.
    """

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="publications")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField()

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["fact_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["fact", "number"], name="publication_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="publication_number_gte_1"),
        ]

    def __str__(self) -> str:
        return f"Fact #{self.fact_id}, version {self.number}"
