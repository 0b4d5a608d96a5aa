from django.db import migrations
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_reviews(apps, schema_editor):
    """Articles stored before their review counts were kept: counted from their claims, in
    one statement (a frozen copy of ``factcheck.counts.fresh_article_counts``)."""
    Article = apps.get_model("sources", "Article")
    Claim = apps.get_model("factcheck", "Claim")
    claims = Claim.objects.filter(article_id=OuterRef("pk")).order_by().values("article_id")
    unreviewed = claims.filter(fact__status="")

    def count(rows, field, distinct=False):
        return Coalesce(Subquery(rows.annotate(n=Count(field, distinct=distinct)).values("n")), 0)

    Article.objects.update(
        claim_count=count(claims, "pk"),
        unreviewed_claim_count=count(unreviewed, "pk"),
        fact_count=count(claims, "fact_id", distinct=True),
        unreviewed_fact_count=count(unreviewed, "fact_id", distinct=True),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0010_fact_article_count"),
        ("sources", "0004_article_review_counts"),
    ]

    # Going back leaves the columns to sources' migration, which drops them.
    operations = [migrations.RunPython(count_reviews, migrations.RunPython.noop)]
