"""Merges an editor can trust: suggested by the engine's matching, compared, undoable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.merging import merge_suggestions
from factcheck.models import Claim, Fact, FactChange, FactKey, Status
from factcheck.services import (
    InvalidChange,
    StaleEdit,
    merge_facts,
    record_verdict,
    split_claim,
    undo_merge,
)
from intake.services import ingest_article
from tests.builders import make_article, make_claim, make_fact, publish

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}

HARBOUR = """Harbour traffic at a record

Published: 2026-03-03

The port of Kestrel Bay handled 412 container ships in February, the harbour
authority said on Monday, the highest monthly figure in its history.
"""
HARBOUR_AGAIN = """Kestrel Bay's busiest month

Published: 2026-03-04

Kestrel Bay's port received 412 container ships during February, according to
figures the harbour authority released this week.
"""
SCHOOLS = """New schools for Kestrel Bay

Published: 2026-03-04

The council of Kestrel Bay will open 9 new primary schools by 2028, the mayor said.
"""


def ingest(name: str, text: str) -> None:
    ingest_article(source_file=name, data=text.encode())


def ships_claims() -> list[Claim]:
    return list(Claim.objects.filter(text__contains="412").order_by("pk"))


@pytest.fixture
def split_ships(editor):
    """Two reports of one figure that the engine grouped, then an editor split apart."""
    ingest("harbour.txt", HARBOUR)
    ingest("harbour-again.txt", HARBOUR_AGAIN)
    ingest("schools.txt", SCHOOLS)
    first, second = ships_claims()
    assert first.fact_id == second.fact_id, "the engine groups the two reports"
    fact = first.fact
    split_off = split_claim(claim=second, user=editor, expected_version=fact.version)
    fact.refresh_from_db()
    return fact, split_off


def test_the_engine_suggests_a_fact_it_matches_with_its_reasons(split_ships):
    fact, split_off = split_ships
    suggestions = merge_suggestions(fact)
    assert [s.fact.pk for s in suggestions] == [split_off.pk]
    assert suggestions[0].reasons, "the suggestion says why in words"
    assert suggestions[0].rule


def test_a_fact_sharing_only_keys_is_not_suggested(split_ships):
    fact, split_off = split_ships
    schools = Claim.objects.get(text__contains="schools").fact
    for key in FactKey.objects.filter(fact=fact).values_list("key", flat=True)[:3]:
        FactKey.objects.get_or_create(fact=schools, key=key)
    assert schools.pk not in [s.fact.pk for s in merge_suggestions(fact)]


def test_the_comparison_page_shows_both_facts_and_the_decision(editor_client, split_ships):
    fact, split_off = split_ships
    page = editor_client.get(reverse("factcheck:fact-detail", args=[fact.pk])).content.decode()
    compare = reverse("factcheck:fact-merge-compare", args=[fact.pk])
    assert f"{compare}?other={split_off.pk}" in page

    response = editor_client.get(compare, {"other": split_off.pk})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Harbour traffic at a record" in content
    assert "Kestrel Bay&#x27;s busiest month" in content
    assert "calls them <strong>one fact</strong>" in content
    assert 'name="confirm"' in content
    # Nothing changed by looking.
    assert Claim.objects.filter(fact=split_off).exists()


def test_comparing_with_an_unknown_fact_goes_back_with_a_message(editor_client):
    fact = make_fact()
    compare = reverse("factcheck:fact-merge-compare", args=[fact.pk])
    response = editor_client.get(compare, {"other": "999999"}, follow=True)
    assert "There is no fact #999999." in response.content.decode()


def test_a_confirmed_merge_then_undone_restores_both_facts(editor_client, editor, split_ships):
    fact, split_off = split_ships
    record_verdict(
        fact=split_off, status=Status.CORROBORATED, user=editor, expected_version=split_off.version
    )
    split_off.refresh_from_db()
    moved = set(split_off.claims.values_list("pk", flat=True))
    keys = set(FactKey.objects.filter(fact=split_off).values_list("key", flat=True))
    response = editor_client.post(
        reverse("factcheck:fact-merge", args=[fact.pk]),
        {"other": split_off.pk, "version": fact.version, "confirm": "1", "reason": "Same"},
    )
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.status == Status.CORROBORATED, "the verdict came with the merged fact"
    assert moved <= set(fact.claims.values_list("pk", flat=True))
    # The merged-away fact's page leads to the fact it joined.
    old_page = editor_client.get(reverse("factcheck:fact-detail", args=[split_off.pk]))
    assert old_page.url == fact.get_absolute_url()

    merge = FactChange.objects.get(fact=fact, action=FactChange.Action.MERGE)
    page = editor_client.get(fact.get_absolute_url()).content.decode()
    undo_url = reverse("factcheck:fact-unmerge", args=[fact.pk, merge.pk])
    assert undo_url in page
    response = editor_client.post(undo_url, {"version": fact.version}, headers=HX)
    assert response.status_code == 200
    assert "Merge undone" in response.content.decode()

    split_off.refresh_from_db()
    fact.refresh_from_db()
    assert set(split_off.claims.values_list("pk", flat=True)) == moved
    assert keys <= set(FactKey.objects.filter(fact=split_off).values_list("key", flat=True))
    assert split_off.merged_into is None
    assert fact.status == "", "the verdict the merge brought is taken back"
    assert split_off.status == Status.CORROBORATED
    # History is appended to, never rewritten: the merge row stays, the undo is new.
    actions = list(FactChange.objects.filter(fact=fact).values_list("action", flat=True))
    assert actions[:3] == ["unmerge", "status", "merge"]
    assert FactChange.objects.filter(fact=split_off, action="unmerge").exists()
    # The same merge cannot be undone twice.
    merge.refresh_from_db()
    with pytest.raises(InvalidChange):
        undo_merge(change=merge, user=editor, expected_version=fact.version)


def test_undo_is_refused_when_a_moved_claim_has_left_since(editor):
    target, other = make_fact(), make_fact()
    article = make_article("The port handled 120 ships in March and 130 in April.")
    keep = make_claim(article, "120 ships", fact=target)
    moving = make_claim(make_article("The port handled 120 ships."), "120 ships", fact=other)
    merge_facts(target=target, other=other, user=editor, expected_version=1)
    target.refresh_from_db()
    split_claim(claim=Claim.objects.get(pk=moving.pk), user=editor, expected_version=target.version)
    target.refresh_from_db()
    merge = FactChange.objects.get(fact=target, action="merge")
    with pytest.raises(InvalidChange, match="no longer in fact"):
        undo_merge(change=merge, user=editor, expected_version=target.version)
    assert Claim.objects.get(pk=keep.pk).fact_id == target.pk


def test_undo_on_a_stale_page_is_refused(editor, other_editor):
    target, other = make_fact(), make_fact()
    make_claim(make_article("The port handled 120 ships."), "120 ships", fact=other)
    merge_facts(target=target, other=other, user=editor, expected_version=1)
    merge = FactChange.objects.get(fact=target, action="merge")
    seen = Fact.objects.get(pk=target.pk).version
    record_verdict(fact=target, status=Status.DISPUTED, user=other_editor, expected_version=seen)
    with pytest.raises(StaleEdit):
        undo_merge(change=merge, user=editor, expected_version=seen)


def test_a_merged_away_fact_cannot_be_merged_again(editor):
    target, other, third = make_fact(), make_fact(), make_fact()
    make_claim(make_article("The port handled 120 ships."), "120 ships", fact=other)
    merge_facts(target=target, other=other, user=editor, expected_version=1)
    with pytest.raises(InvalidChange, match="already merged into"):
        merge_facts(target=third, other=other, user=editor, expected_version=1)


def test_undo_never_leaves_a_published_fact_without_its_verdict(editor):
    target, other = make_fact(), make_fact()
    make_claim(make_article("The port handled 120 ships."), "120 ships", fact=target)
    make_claim(make_article("The port handled 120 ships in March."), "120 ships", fact=other)
    record_verdict(fact=other, status=Status.CORROBORATED, user=editor, expected_version=1)
    merge_facts(target=target, other=other, user=editor, expected_version=1)
    target = publish(Fact.objects.get(pk=target.pk), user=editor)
    merge = FactChange.objects.get(fact=target, action="merge")
    with pytest.raises(InvalidChange, match="unpublish it before undoing"):
        undo_merge(change=merge, user=editor, expected_version=target.version)
    target.refresh_from_db()
    assert target.status == Status.CORROBORATED


def test_candidates_are_the_unmerged_facts_sharing_most_keys():
    fact = make_fact(summary="this one")
    for key in ("a", "b", "c", "d"):
        FactKey.objects.create(fact=fact, key=key)
    shares = {}
    for n, keys in enumerate(["a", "ab", "abc", "b", "cd", "abcd", "x", "d"]):
        other = make_fact(summary=f"other {n}")
        for key in keys:
            FactKey.objects.create(fact=other, key=key)
        shares[other.pk] = len(set(keys) & set("abcd"))
    # A merged-away fact is never a candidate, however many keys it shares.
    merged = make_fact(summary="merged", merged_into=fact)
    for key in "abcd":
        FactKey.objects.create(fact=merged, key=key)

    expected = sorted((pk for pk, n in shares.items() if n), key=lambda pk: (-shares[pk], -pk))
    found = Fact.objects.sharing_keys_with(fact, limit=4)
    assert [(f.pk, f.shared_keys) for f in found] == [(pk, shares[pk]) for pk in expected[:4]]
    assert [f.pk for f in Fact.objects.sharing_keys_with(fact, limit=20)] == expected
