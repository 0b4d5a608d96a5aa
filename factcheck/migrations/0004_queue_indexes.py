"""Indexes for the review queue's sort and filters, and (PostgreSQL only) its full-text search.

Which index serves which query, with the plans: README, "Queries and indexes".
The GIN indexes hold exactly the expression ``factcheck.filters.search_claims``
filters on (``SearchVector(field, config="simple")``); SQLite has no GIN
indexes and searches with LIKE, so there they are skipped.
"""

from django.conf import settings
from django.db import migrations, models

# The expressions are Django's own for SearchVector over a text column and over
# a varchar one (which it casts after COALESCE); any other spelling and the
# planner would not use the index.
GIN_INDEXES = {
    "claim_text_fts": ("factcheck_claim", "COALESCE(text, '')"),
    # The queue searches article titles too; the index lives with the query that needs it.
    "article_title_fts": ("sources_article", "(COALESCE(title, ''))::text"),
}


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, document) in GIN_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin (to_tsvector('simple'::regconfig, {document}))"
        )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in GIN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0003_claim_story"),
        ("sources", "0002_import_jobs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-score", "id"], name="claim_score_idx"),
        ),
        migrations.AddIndex(
            model_name="fact",
            index=models.Index(fields=["status"], name="fact_status_idx"),
        ),
        migrations.AddIndex(
            model_name="fact",
            index=models.Index(fields=["suggested_status"], name="fact_suggested_status_idx"),
        ),
        migrations.AddIndex(
            model_name="fact",
            index=models.Index(fields=["origin_count"], name="fact_origin_count_idx"),
        ),
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]
