"""The names of each claim's article (``engine.features.article_names``), filled for the
claims stored before."""

from django.db import migrations, models


def fill_article_names(apps, schema_editor):
    """Give the claims stored before their article's names, as an import now does: a
    new report places its claims by them, and a stored claim without them would place
    differently from the same claim imported today (the order of import would matter)."""
    from factcheck.engine.features import article_names

    Article = apps.get_model("sources", "Article")
    Claim = apps.get_model("factcheck", "Claim")
    articles = Article.objects.filter(claims__isnull=False).distinct().order_by("pk")
    for article in articles.only("pk", "title", "body").iterator(chunk_size=200):
        names = list(article_names(article.body, article.title))
        Claim.objects.filter(article_id=article.pk).update(article_names=names)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0014_claim_queue_keys"),
        ("sources", "0005_move_review_counts_to_factcheck"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="article_names",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(fill_article_names, migrations.RunPython.noop, elidable=True),
    ]
