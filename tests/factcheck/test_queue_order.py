"""What the review queue lists by default and in which order (``ClaimQuerySet`` methods)."""

from datetime import date

import pytest

from factcheck.models import Claim, Fact, Status
from factcheck.services import record_verdict
from tests.builders import make_article, make_claim, make_fact

pytestmark = pytest.mark.django_db

CONFLICT = [{"a": {"type": "count", "value": 120}, "b": {"type": "count", "value": 130}}]


def ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def test_needing_editor_is_no_verdict_or_flagged_for_re_review(editor):
    open_claim = make_claim(make_article())
    judged = make_claim(make_article(), fact=make_fact(status=Status.CORROBORATED))
    flagged = make_claim(make_article(), fact=make_fact(status=Status.DISPUTED, needs_review=True))
    assert set(ids(Claim.objects.needing_editor())) == {open_claim.pk, flagged.pk}
    assert set(ids(Claim.objects.with_verdict())) == {judged.pk, flagged.pk}
    # A verdict takes the claim out; it clears the flag, so the flagged one leaves too.
    record_verdict(
        fact=open_claim.fact, status=Status.SINGLE_SOURCE, user=editor, expected_version=1
    )
    record_verdict(fact=flagged.fact, status=Status.DISPUTED, user=editor, expected_version=1)
    assert ids(Claim.objects.needing_editor()) == []
    assert set(Fact.objects.needing_editor()) == set()


def test_priority_order_follows_the_documented_keys():
    """Contested, re-review, origins, articles, score, recency, then fact and claim ids."""
    old, new = date(2026, 3, 1), date(2026, 3, 9)

    def claim(fact, *, score=0.5, published=new):
        return make_claim(make_article(published=published), fact=fact, score=score)

    # Lowest keys everywhere: origin 1, one article, score 0.5, older article.
    plain_old = claim(make_fact(), published=old)
    plain_new = claim(make_fact())
    undated = claim(make_fact(), published=None)
    higher_score = claim(make_fact(), score=0.9)
    # Same origins as the plain ones, but two reporting articles (a copy).
    copied = make_fact()
    copied_a, copied_b = claim(copied, score=0.1), claim(copied, score=0.2)
    two_origins = claim(make_fact(origin_count=2), score=0.1)
    flagged = claim(make_fact(status=Status.CORROBORATED, needs_review=True), score=0.1)
    suggested_disputed = claim(make_fact(suggested_status=Status.DISPUTED), score=0.1)
    with_conflicts = claim(make_fact(conflicts=CONFLICT, origin_count=2), score=0.1)
    # Ties on every key but the fact: the lower fact id first, then the lower claim id.
    tie_a, tie_b = claim(make_fact(), score=0.3), claim(make_fact(), score=0.3)

    order = ids(Claim.objects.by_priority())
    assert order == [
        with_conflicts.pk,  # contested, 2 origins
        suggested_disputed.pk,  # contested, 1 origin
        flagged.pk,
        two_origins.pk,
        copied_b.pk,  # two articles; higher score first within the fact
        copied_a.pk,
        higher_score.pk,
        plain_new.pk,
        plain_old.pk,
        undated.pk,
        tie_a.pk,
        tie_b.pk,
    ]


def test_priority_ties_keep_pages_stable():
    """Claims equal on every key come in fact then claim id order, the same every time."""
    fact = make_fact()
    article = make_article("Ships: 120 ships. 130 ships. 140 ships.")
    claims = [make_claim(article, f"{n} ships.", fact=fact, score=0.5) for n in (140, 120, 130)]
    assert ids(Claim.objects.by_priority()) == sorted(c.pk for c in claims)


def test_facts_by_priority_for_the_inbox():
    flagged = make_fact(status=Status.DISPUTED, needs_review=True)
    contested = make_fact(conflicts=CONFLICT)
    wide = make_fact(origin_count=3)
    plain = make_fact()
    order = list(Fact.objects.by_priority())
    assert order == [contested, flagged, wide, plain]
    assert [f.contested for f in order] == [1, 0, 0, 0]
