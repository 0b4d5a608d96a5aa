"""Index keys derived again after an engine upgrade (``analysis.rebuild_keys``)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from factcheck.analysis import _keys, features_of
from factcheck.engine.features import context_for
from factcheck.models import Claim, FactKey
from intake.services import ingest_article

pytestmark = pytest.mark.django_db

REPORT = """Ferry capsizes off Corran Point

date: 2026-04-02
source: Coastline Wire

The ferry was carrying about 230 passengers when it capsized off Corran Point on Thursday, the coastguard said. Rescuers pulled 212 people from the water.
"""


def engine_keys(claim: Claim) -> set[str]:
    sentence = claim.article.body[claim.sentence_start : claim.sentence_end]
    return set(_keys(features_of(claim, context=context_for(claim.text, sentence))))


def test_claims_and_facts_stored_with_old_keys_get_the_engines_keys():
    ingest_article(source_file="ferry.txt", data=REPORT.encode())
    claim = Claim.objects.select_related("article").order_by("pk").first()
    fact_keys = set(FactKey.objects.filter(fact=claim.fact).values_list("key", flat=True))
    assert engine_keys(claim) == set(claim.keys) and engine_keys(claim) <= fact_keys

    # As an older engine left them: fewer keys on the claim and in its fact's index.
    old = sorted(claim.keys)[:1]
    Claim.objects.filter(pk=claim.pk).update(keys=old)
    FactKey.objects.filter(fact=claim.fact).exclude(key__in=old).delete()

    with pytest.raises(CommandError, match="1 claim and 1 fact had index keys"):
        call_command("rebuild_keys", "--check")
    assert sorted(Claim.objects.get(pk=claim.pk).keys) == old  # --check writes nothing

    out = StringIO()
    call_command("rebuild_keys", stdout=out)
    assert out.getvalue().strip().endswith("rebuilt.")
    claim.refresh_from_db()
    assert set(claim.keys) == engine_keys(claim)
    rebuilt = set(FactKey.objects.filter(fact=claim.fact).values_list("key", flat=True))
    assert rebuilt == fact_keys

    out = StringIO()
    call_command("rebuild_keys", "--check", stdout=out)
    assert "Every claim and fact has the engine's index keys" in out.getvalue()
