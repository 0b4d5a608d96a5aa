"""Give every fact already published its first Publication, and every worked-on fact its stage.

The public pages now read only publications, so a fact published before they
existed gets version 1, a snapshot of what its public page showed then (the
summary, the rating, the reports and the differing values). The snapshot code
is frozen here as it was when this migration was written: a migration must not
change when factcheck/snapshots.py does later.
"""

import datetime as dt

from django.db import migrations

WORDING = {
    "single_source": ("Single source", 2, "Single source: not independently confirmed"),
    "disputed": ("Disputed", 1, "Disputed: reports give different figures"),
}


def _rating(fact) -> dict:
    if fact.status == "corroborated":
        wording = (
            f"Corroborated by {fact.origin_count} independent reports"
            if fact.origin_count >= 2
            else "Corroborated by independent sources"
        )
        return {"status": fact.status, "label": "Corroborated", "value": 3, "wording": wording}
    label, value, wording = WORDING[fact.status]
    return {"status": fact.status, "label": label, "value": value, "wording": wording}


def _web(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else ""


def _snapshot(fact, claims) -> dict:
    by_article = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    articles = sorted(
        (group[0].article for group in by_article.values()),
        key=lambda a: (a.published is None, a.published or dt.date.max, a.pk),
    )
    differing = []
    if fact.status == "disputed":
        for conflict in fact.conflicts or []:
            for side in (conflict.get("a") or {}, conflict.get("b") or {}):
                value = str(side.get("text") or side.get("value") or "")
                reporters = []
                for claim in claims:
                    if any(
                        v.get("type") == side.get("type") and v.get("value") == side.get("value")
                        for v in claim.values or []
                    ):
                        reporter = {
                            "outlet": claim.article.outlet.name if claim.article.outlet_id else "",
                            "headline": claim.article.title,
                        }
                        if reporter not in reporters:
                            reporters.append(reporter)
                if value and value not in [d["value"] for d in differing]:
                    differing.append({"value": value, "reported_by": reporters})
    return {
        "statement": " ".join(fact.summary.split()),
        "claimant": "",
        "claimant_kind": "Person",
        "rating": _rating(fact),
        "conclusion": "",
        "evidence": [],
        "appearances": [
            {
                "article": article.pk,
                "url": _web(article.url),
                "headline": article.title,
                "outlet": article.outlet.name if article.outlet_id else "",
                "byline": article.byline,
                "date": article.published.isoformat() if article.published else "",
                "wire_credit": article.wire_credit,
                "quotes": [
                    {
                        "before": article.body[c.sentence_start : c.start],
                        "claim": article.body[c.start : c.end],
                        "after": article.body[c.end : c.sentence_end],
                    }
                    for c in sorted(by_article[article.pk], key=lambda c: c.start)
                ],
            }
            for article in articles
        ],
        "differing": differing,
    }


def snapshot_published(apps, schema_editor):
    Fact = apps.get_model("factcheck", "Fact")
    Claim = apps.get_model("factcheck", "Claim")
    Publication = apps.get_model("factcheck", "Publication")
    Fact.objects.exclude(status="").update(stage="in_progress")
    for fact in Fact.objects.filter(published_at__isnull=False).exclude(status=""):
        claims = list(
            Claim.objects.filter(fact=fact)
            .select_related("article__outlet")
            .order_by("article_id", "start")
        )
        Publication.objects.create(
            fact=fact,
            number=1,
            snapshot=_snapshot(fact, claims),
            published_by=None,
            published_at=fact.published_at,
        )
        Fact.objects.filter(pk=fact.pk).update(stage="published")


def forget_publications(apps, schema_editor):
    apps.get_model("factcheck", "Publication").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0007_publications_and_workflow"),
        ("sources", "0003_article_origin_and_job_lease"),
    ]

    operations = [migrations.RunPython(snapshot_published, forget_publications)]
