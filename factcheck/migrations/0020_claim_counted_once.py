"""Each claim's article's nouns counted with one amount (``engine.features.counted_once``),
added to the ``article_names`` of the claims stored before."""

from django.db import migrations


def add_counted_once(apps, schema_editor):
    """Give the claims stored before the nouns their article counts once, as an import now
    does: two reports that each count firefighters once are one fact by them, and a stored
    claim without them would be grouped differently from the same claim imported today.
    Run again, it replaces the marks rather than adding them twice."""
    from factcheck.engine.features import ONE_AMOUNT_MARK, counted_once

    Claim = apps.get_model("factcheck", "Claim")
    article_ids = (
        Claim.objects.order_by("article_id").values_list("article_id", flat=True).distinct()
    )
    for article_id in article_ids.iterator(chunk_size=500):
        claims = list(
            Claim.objects.filter(article_id=article_id)
            .order_by("pk")
            .values_list("values", "article_names")
        )
        if not claims:
            continue
        kept = [n for n in claims[0][1] or [] if not n.startswith(ONE_AMOUNT_MARK)]
        once = counted_once(v for values, _ in claims for v in values or [])
        Claim.objects.filter(article_id=article_id).update(article_names=kept + list(once))


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0019_fact_key_last_day"),
    ]

    operations = [
        migrations.RunPython(add_counted_once, migrations.RunPython.noop, elidable=True),
    ]
