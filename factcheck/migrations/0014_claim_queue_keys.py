"""The review queue's keys kept on each claim, and the index in the queue's order.

See ``factcheck.priority``: the claims' copies of what the queue's default filter and
order read from the fact and the article, so that ``claim_queue_idx`` lists the queue.
"""

from django.db import migrations, models
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Least

# Frozen copies of ``factcheck.priority``'s constants.
CONTESTED = 1 << 61
FLAGGED = 1 << 60
COUNT_BITS = 30
COUNT_MAX = (1 << COUNT_BITS) - 1


def fill_queue_keys(apps, schema_editor):
    """Every claim's kept keys from its fact and article, in one statement (a frozen copy
    of ``factcheck.priority.fresh_queue_keys``)."""
    Claim = apps.get_model("factcheck", "Claim")
    Fact = apps.get_model("factcheck", "Fact")
    Article = apps.get_model("sources", "Article")
    fact = Fact.objects.filter(pk=OuterRef("fact_id"))
    article = Article.objects.filter(pk=OuterRef("article_id"))
    contested = Q(suggested_status="disputed") | ~Q(conflicts=[])
    priority = ExpressionWrapper(
        Case(When(contested, then=Value(CONTESTED)), default=Value(0))
        + Case(When(needs_review=True, then=Value(FLAGGED)), default=Value(0))
        # In 64 bits: PostgreSQL would multiply two 32-bit integers in 32.
        + Cast(Least(F("origin_count"), Value(COUNT_MAX)), BigIntegerField())
        * Value(1 << COUNT_BITS)
        + Least(F("article_count"), Value(COUNT_MAX)),
        output_field=BigIntegerField(),
    )
    needs_editor = Q(status="") | Q(needs_review=True)
    Claim.objects.update(
        needs_editor=Subquery(
            fact.annotate(v=ExpressionWrapper(needs_editor, output_field=BooleanField())).values(
                "v"
            )
        ),
        fact_priority=Subquery(fact.annotate(v=priority).values("v")),
        article_undated=Subquery(
            article.annotate(
                v=ExpressionWrapper(Q(published__isnull=True), output_field=BooleanField())
            ).values("v")
        ),
        article_published=Subquery(article.values("published")),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0013_article_progress"),
        ("sources", "0005_move_review_counts_to_factcheck"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="article_published",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="claim",
            name="article_undated",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="claim",
            name="fact_priority",
            field=models.BigIntegerField(
                default=0,
                help_text="Its fact's keys in the queue's order (priority.fact_priority).",
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="needs_editor",
            field=models.BooleanField(
                default=True, help_text="Its fact has no verdict, or one flagged for re-review."
            ),
        ),
        # Going back drops the columns, so there is nothing to undo.
        migrations.RunPython(fill_queue_keys, migrations.RunPython.noop),
        # Built after the backfill: one pass over the final values.
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
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
        ),
    ]
