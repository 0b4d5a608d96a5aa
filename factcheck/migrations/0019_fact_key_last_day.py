"""Each fact's key rows carry the span of its reports, its last report's date beside its
first, so that a key nominates only the facts a new article's claims may match in time
(``indexes.nearest_per_key``)."""

from collections import defaultdict
from itertools import batched

from django.db import migrations, models
from django.db.models import Count, Max, Min


def span_keys(apps, schema_editor):
    """Give the key rows stored before their fact's span of reports, as an import now
    does: the last report's date, or none when a report is undated (such a fact may be
    matched whatever the date); the first report's again, as 0018 gave it."""
    Claim = apps.get_model("factcheck", "Claim")
    FactKey = apps.get_model("factcheck", "FactKey")
    fact_ids = FactKey.objects.order_by("fact_id").values_list("fact_id", flat=True).distinct()
    for chunk in batched(fact_ids.iterator(chunk_size=2000), 500):
        by_span = defaultdict(list)
        spans = (
            Claim.objects.filter(fact_id__in=chunk)
            .order_by()
            .values("fact_id")
            .annotate(
                first=Min("article__published"),
                last=Max("article__published"),
                undated=Count("pk") - Count("article__published"),
            )
            .values_list("fact_id", "first", "last", "undated")
        )
        for fact_id, first, last, undated in spans:
            by_span[first, None if undated else last].append(fact_id)
        for (first, last), facts in by_span.items():
            FactKey.objects.filter(fact_id__in=facts).update(day=first, last_day=last)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0018_fact_key_day"),
    ]

    operations = [
        migrations.AddField(
            model_name="factkey",
            name="last_day",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="factkey",
            index=models.Index(fields=["key", "last_day", "fact"], name="factkey_key_last_day"),
        ),
        migrations.RunPython(span_keys, migrations.RunPython.noop, elidable=True),
    ]
