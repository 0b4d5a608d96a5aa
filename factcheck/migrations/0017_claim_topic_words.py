"""Each claim's article topic words (``engine.story_words.article_topic``), added to the
``article_names`` of the claims stored before."""

from django.db import migrations


def add_topic_words(apps, schema_editor):
    """Give the claims stored before their article's topic words, as an import now does:
    a new report is placed in a story by them, and a stored claim without them would be
    placed differently from the same claim imported today (the order of import would
    matter). Run again, it replaces the words rather than adding them twice."""
    from factcheck.engine.story_words import TOPIC_MARK, article_topic

    Article = apps.get_model("sources", "Article")
    Claim = apps.get_model("factcheck", "Claim")
    articles = Article.objects.filter(claims__isnull=False).distinct().order_by("pk")
    for article in articles.only("pk", "title", "body").iterator(chunk_size=200):
        stored = (
            Claim.objects.filter(article_id=article.pk)
            .order_by("pk")
            .values_list("article_names", flat=True)
            .first()
        )
        kept = [n for n in stored or [] if not n.startswith(TOPIC_MARK)]
        names = kept + list(article_topic(article.body, article.title))
        Claim.objects.filter(article_id=article.pk).update(article_names=names)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0016_sqlite_search"),
        ("sources", "0005_move_review_counts_to_factcheck"),
    ]

    operations = [
        migrations.RunPython(add_topic_words, migrations.RunPython.noop, elidable=True),
    ]
