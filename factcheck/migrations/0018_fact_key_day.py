"""Each fact's key rows carry its first report's date, by which a key nominates the facts
reported nearest a new article (``indexes.nearest_per_key``)."""

from collections import defaultdict
from itertools import batched

from django.db import migrations, models
from django.db.models import Min


def date_keys(apps, schema_editor):
    """Give the key rows stored before their fact's first report's date, as an import now
    does: a row left undated would count as reported on any day."""
    Claim = apps.get_model("factcheck", "Claim")
    FactKey = apps.get_model("factcheck", "FactKey")
    fact_ids = FactKey.objects.order_by("fact_id").values_list("fact_id", flat=True).distinct()
    for chunk in batched(fact_ids.iterator(chunk_size=2000), 500):
        by_day = defaultdict(list)
        first = (
            Claim.objects.filter(fact_id__in=chunk)
            .order_by()
            .values("fact_id")
            .annotate(first=Min("article__published"))
            .values_list("fact_id", "first")
        )
        for fact_id, day in first:
            if day is not None:
                by_day[day].append(fact_id)
        for day, facts in by_day.items():
            FactKey.objects.filter(fact_id__in=facts).update(day=day)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0017_claim_topic_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="factkey",
            name="day",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="factkey",
            index=models.Index(fields=["key", "day", "fact"], name="factkey_key_day"),
        ),
        migrations.RunPython(date_keys, migrations.RunPython.noop, elidable=True),
    ]
