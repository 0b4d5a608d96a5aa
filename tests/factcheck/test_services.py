"""Editors' changes to facts: each writes its history, stale edits are refused."""

import pytest

from factcheck.models import Claim, Evidence, Fact, FactChange, FactKey, Status
from factcheck.services import (
    InvalidChange,
    StaleEdit,
    add_evidence,
    assign_fact,
    merge_facts,
    publish_fact,
    record_verdict,
    remove_evidence,
    set_note,
    split_claim,
    undo_verdict,
    unpublish_fact,
)
from tests.builders import make_article, make_claim, make_fact
from tests.factcheck.desk_scenario import build_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_editor_publishes(settings):
    # These tests are about verdicts, history and regrouping; the second editor's
    # approval before publishing is covered by tests/factcheck/test_workflow.py.
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False


def history(fact):
    return list(
        FactChange.objects.filter(fact=fact)
        .order_by("id")
        .values_list("action", "old_value", "new_value")
    )


# -------------------------------------------------------------------- verdicts


def test_record_verdict_writes_history_and_bumps_the_version(editor):
    fact = make_fact()
    fact = record_verdict(
        fact=fact, status=Status.DISPUTED, user=editor, expected_version=1, reason="Two figures"
    )
    assert (fact.status, fact.version, fact.status_changed_by) == ("disputed", 2, editor)
    assert fact.status_changed_at is not None
    change = FactChange.objects.get(fact=fact)
    assert (change.action, change.old_value, change.new_value, change.reason, change.user) == (
        "status",
        "",
        "disputed",
        "Two figures",
        editor,
    )


def test_same_verdict_again_changes_nothing(editor):
    fact = record_verdict(fact=make_fact(), status="disputed", user=editor, expected_version=1)
    again = record_verdict(fact=fact, status="disputed", user=editor, expected_version=2)
    assert again.version == 2
    assert FactChange.objects.count() == 1


def test_unknown_verdict_is_refused(editor):
    with pytest.raises(InvalidChange):
        record_verdict(fact=make_fact(), status="true", user=editor, expected_version=1)


def test_stale_verdict_names_who_changed_the_fact_and_its_state(editor, other_editor):
    fact = make_fact()
    record_verdict(fact=fact, status=Status.CORROBORATED, user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit) as refused:
        record_verdict(fact=fact, status=Status.DISPUTED, user=editor, expected_version=1)
    message = str(refused.value)
    assert "changed by ed2" in message
    assert "it is now: Corroborated" in message
    assert refused.value.fact.version == 2
    fact.refresh_from_db()
    assert fact.status == Status.CORROBORATED
    assert FactChange.objects.count() == 1


def test_a_published_verdict_cannot_be_cleared(editor):
    # ``confirmed``: the verdict differs from the engine's suggestion (single source).
    fact = record_verdict(fact=make_fact(), status="disputed", user=editor, expected_version=1)
    fact = publish_fact(fact=fact, user=editor, expected_version=2, confirmed=True)
    with pytest.raises(InvalidChange):
        record_verdict(fact=fact, status="", user=editor, expected_version=3)


# ------------------------------------------------------- note and assignment


def test_set_note_strips_and_writes_history(editor):
    fact = set_note(fact=make_fact(), note="  Ask the ministry. ", user=editor, expected_version=1)
    assert fact.note == "Ask the ministry."
    assert history(fact) == [("note", "", "Ask the ministry.")]
    set_note(fact=fact, note="Ask the ministry.", user=editor, expected_version=2)
    assert FactChange.objects.count() == 1


def test_stale_note_is_refused(editor, other_editor):
    fact = make_fact()
    set_note(fact=fact, note="theirs", user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        set_note(fact=fact, note="mine", user=editor, expected_version=1)
    fact.refresh_from_db()
    assert fact.note == "theirs"


def test_assign_and_unassign(editor, other_editor):
    fact = assign_fact(fact=make_fact(), assignee=other_editor, user=editor)
    assert fact.assigned_to == other_editor
    fact = assign_fact(fact=fact, assignee=None, user=editor, expected_version=2)
    assert fact.assigned_to is None
    assert history(fact) == [("assign", "", "ed2"), ("assign", "ed2", "")]


def test_stale_assignment_is_refused(editor, other_editor):
    fact = make_fact()
    set_note(fact=fact, note="x", user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit):
        assign_fact(fact=fact, assignee=editor, user=editor, expected_version=1)


# -------------------------------------------------------------------- evidence


def test_add_and_remove_evidence_write_history(editor):
    fact = make_fact()
    item = add_evidence(
        fact=fact, url="https://example.org/a", note=" release ", user=editor, expected_version=1
    )
    assert (item.note, item.added_by) == ("release", editor)
    fact.refresh_from_db()
    assert fact.version == 2
    fact = remove_evidence(evidence=item, user=editor, expected_version=2)
    assert fact.version == 3
    assert not Evidence.objects.exists()
    assert history(fact) == [
        ("evidence_add", "", "https://example.org/a release"),
        ("evidence_remove", "https://example.org/a release", ""),
    ]


def test_stale_evidence_add_is_refused(editor, other_editor):
    fact = make_fact()
    set_note(fact=fact, note="x", user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        add_evidence(
            fact=fact, url="https://example.org/a", note="", user=editor, expected_version=1
        )
    assert not Evidence.objects.exists()
    assert [a for a, _, _ in history(fact)] == ["note"]


def test_stale_evidence_remove_is_refused(editor, other_editor):
    fact = make_fact()
    item = add_evidence(
        fact=fact, url="https://example.org/a", note="", user=editor, expected_version=1
    )
    set_note(fact=fact, note="x", user=other_editor, expected_version=2)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        remove_evidence(evidence=item, user=editor, expected_version=2)
    assert Evidence.objects.filter(pk=item.pk).exists()
    fact.refresh_from_db()
    assert fact.version == 3


# ------------------------------------------------------------------ publishing


def test_publish_needs_a_verdict(editor):
    with pytest.raises(InvalidChange):
        publish_fact(fact=make_fact(), user=editor, expected_version=1)


def test_publish_and_unpublish_write_history(editor):
    fact = record_verdict(fact=make_fact(), status="corroborated", user=editor, expected_version=1)
    fact = publish_fact(fact=fact, user=editor, expected_version=2, confirmed=True)
    assert fact.is_published
    assert Fact.objects.published().get() == fact
    fact = unpublish_fact(fact=fact, user=editor, expected_version=3)
    assert not fact.is_published
    assert history(fact)[1:] == [
        ("publish", "", "version 1: Corroborated"),
        ("unpublish", "version 1", ""),
    ]


def test_stale_publish_is_refused(editor, other_editor):
    fact = record_verdict(fact=make_fact(), status="corroborated", user=editor, expected_version=1)
    set_note(fact=fact, note="wait", user=other_editor, expected_version=2)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        publish_fact(fact=fact, user=editor, expected_version=2, confirmed=True)
    fact.refresh_from_db()
    assert not fact.is_published


# ------------------------------------------------------------------ regrouping


def test_split_moves_the_claim_keeps_history_and_recomputes(editor):
    story = build_story()
    assert story.squadrons.suggested_status == Status.DISPUTED
    new_fact = split_claim(
        claim=story.rival_squadrons, user=editor, expected_version=1, reason="Other delivery"
    )
    story.rival_squadrons.refresh_from_db()
    assert story.rival_squadrons.fact == new_fact
    assert story.rival_squadrons.match_score is None
    assert history(story.squadrons) == [
        (
            "split",
            f"claim #{story.rival_squadrons.pk} ({story.rival.source_file})",
            f"fact #{new_fact.pk}",
        )
    ]
    assert history(new_fact) == [
        (
            "split",
            f"fact #{story.squadrons.pk}",
            f"claim #{story.rival_squadrons.pk} ({story.rival.source_file})",
        )
    ]
    # Without the rival's 4 of 5, wire and its copy agree: one origin, no conflict.
    story.squadrons.refresh_from_db()
    assert story.squadrons.suggested_status == Status.SINGLE_SOURCE
    assert story.squadrons.conflicts == []
    assert story.squadrons.origin_count == 1
    assert new_fact.suggested_status == Status.SINGLE_SOURCE


def test_split_refuses_the_only_claim(editor):
    story = build_story()
    with pytest.raises(InvalidChange):
        split_claim(claim=story.quote.claims.get(), user=editor, expected_version=1)


def test_stale_split_is_refused(editor, other_editor):
    story = build_story()
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        split_claim(claim=story.rival_squadrons, user=editor, expected_version=1)
    story.rival_squadrons.refresh_from_db()
    assert story.rival_squadrons.fact_id == story.squadrons.pk
    assert [a for a, _, _ in history(story.squadrons)] == ["note"]


def test_split_refuses_a_claim_that_left_the_fact_meanwhile(editor, other_editor):
    story = build_story()
    claim = Claim.objects.select_related("fact").get(pk=story.rival_squadrons.pk)
    split_claim(claim=story.rival_squadrons, user=other_editor, expected_version=1)
    # ``claim`` still says it is in the old fact; without a version the move is refused.
    with pytest.raises(InvalidChange, match="no longer part"):
        split_claim(claim=claim, user=editor, expected_version=None)
    with pytest.raises(StaleEdit):
        split_claim(claim=claim, user=editor, expected_version=1)


def test_merge_moves_claims_and_keys_and_keeps_the_other_facts_history(editor):
    story = build_story()
    FactKey.objects.create(fact=story.attribution, key="pair:russia|squadron")
    record_verdict(fact=story.attribution, status="single_source", user=editor, expected_version=1)
    target = merge_facts(
        target=story.squadrons,
        other=story.attribution,
        user=editor,
        expected_version=1,
        reason="same",
    )
    assert Claim.objects.filter(fact=target).count() == 4
    assert not Claim.objects.filter(fact=story.attribution).exists()
    assert FactKey.objects.filter(fact=target, key="pair:russia|squadron").exists()
    assert not FactKey.objects.filter(fact=story.attribution).exists()
    # The other fact's verdict carries over, recorded on the target.
    assert target.status == "single_source"
    assert history(target) == [
        ("status", "", "single_source"),
        ("merge", f"fact #{story.attribution.pk}", f"fact #{target.pk}"),
    ]
    # The emptied fact stays, with its history.
    other = Fact.objects.get(pk=story.attribution.pk)
    assert [a for a, _, _ in history(other)] == ["status", "merge"]
    assert target.suggested_status == Status.DISPUTED


def test_merge_recomputes_the_suggestion(editor):
    a, b = make_article("Port handled 120 ships."), make_article("Port handled 120 ships too.")
    one = make_claim(a, "120 ships").fact
    two = make_claim(b, "120 ships").fact
    target = merge_facts(target=one, other=two, user=editor, expected_version=1)
    assert target.suggested_status == Status.CORROBORATED
    assert target.origin_count == 2


def test_merge_refuses_itself_and_published_facts(editor):
    story = build_story()
    with pytest.raises(InvalidChange):
        merge_facts(target=story.trade, other=story.trade, user=editor, expected_version=1)
    fact = record_verdict(fact=story.quote, status="single_source", user=editor, expected_version=1)
    publish_fact(fact=fact, user=editor, expected_version=2, confirmed=True)
    with pytest.raises(InvalidChange, match="Unpublish"):
        merge_facts(target=story.trade, other=story.quote, user=editor, expected_version=1)


def test_stale_merge_is_refused(editor, other_editor):
    story = build_story()
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=1)
    with pytest.raises(StaleEdit, match="changed by ed2"):
        merge_facts(
            target=story.squadrons, other=story.attribution, user=editor, expected_version=1
        )
    assert Claim.objects.filter(fact=story.attribution).exists()
    assert [a for a, _, _ in history(story.squadrons)] == ["note"]
    assert history(story.attribution) == []


def test_opposite_merges_one_after_the_other_the_second_is_stale(editor, other_editor):
    story = build_story()
    one, two = story.squadrons, story.attribution
    # Both editors loaded their page at version 1; the first merge moves both facts on.
    merge_facts(target=one, other=two, user=editor, expected_version=1)
    with pytest.raises(StaleEdit, match="changed by ed"):
        merge_facts(target=two, other=one, user=other_editor, expected_version=1)
    assert not Claim.objects.filter(fact=two).exists()
    assert [a for a, _, _ in history(one)] == ["merge"]
    assert [a for a, _, _ in history(two)] == ["merge"]


# ------------------------------------------------------------------------ undo


def undo_history(fact):
    return list(
        FactChange.objects.filter(fact=fact)
        .order_by("id")
        .values_list("action", "old_value", "new_value", "reason")
    )


def test_undo_restores_the_previous_verdict_with_a_new_change(editor, other_editor):
    fact = make_fact()
    fact = record_verdict(fact=fact, status=Status.SINGLE_SOURCE, user=editor, expected_version=1)
    fact = record_verdict(
        fact=fact, status=Status.DISPUTED, user=editor, expected_version=2, reason="Two figures"
    )
    change = fact.changes.first()
    fact = undo_verdict(fact=fact, change=change, user=other_editor, expected_version=3)
    assert fact.status == Status.SINGLE_SOURCE
    assert fact.version == 4
    assert fact.status_changed_by == other_editor
    # Nothing is deleted: the undone verdict stays, and the undo is a change of its own.
    assert undo_history(fact) == [
        ("status", "", "single_source", ""),
        ("status", "single_source", "disputed", "Two figures"),
        ("status", "disputed", "single_source", f"Undo of change #{change.pk}"),
    ]
    assert fact.changes.first().user == other_editor


def test_undo_of_the_first_verdict_leaves_no_verdict(editor):
    fact = record_verdict(
        fact=make_fact(), status=Status.CORROBORATED, user=editor, expected_version=1
    )
    fact = undo_verdict(fact=fact, change=fact.changes.first(), user=editor, expected_version=2)
    assert fact.status == ""
    assert Fact.objects.needing_editor().filter(pk=fact.pk).exists()


def test_undo_flags_the_fact_again_when_the_verdict_cleared_a_re_review(editor):
    fact = make_fact(status=Status.CORROBORATED, needs_review=True)
    fact = record_verdict(fact=fact, status=Status.DISPUTED, user=editor, expected_version=1)
    assert not fact.needs_review
    verdict = fact.changes.first()
    assert verdict.details == {"needs_review_before": True}
    fact = undo_verdict(fact=fact, change=verdict, user=editor, expected_version=2)
    assert (fact.status, fact.needs_review) == (Status.CORROBORATED, True)
    # Undoing the undo (a redo) clears the flag again with the verdict.
    fact = undo_verdict(fact=fact, change=fact.changes.first(), user=editor, expected_version=3)
    assert (fact.status, fact.needs_review) == (Status.DISPUTED, False)


def test_undo_on_a_stale_page_is_refused(editor, other_editor):
    fact = record_verdict(fact=make_fact(), status=Status.DISPUTED, user=editor, expected_version=1)
    change = fact.changes.first()
    set_note(fact=fact, note="Checking the port's figures", user=other_editor, expected_version=2)
    with pytest.raises(StaleEdit, match="ed2"):
        undo_verdict(fact=fact, change=change, user=editor, expected_version=2)
    fact.refresh_from_db()
    assert fact.status == Status.DISPUTED
    assert fact.changes.count() == 2


def test_undo_of_a_verdict_the_fact_has_moved_on_from_is_refused(editor, other_editor):
    fact = record_verdict(fact=make_fact(), status=Status.DISPUTED, user=editor, expected_version=1)
    change = fact.changes.first()
    fact = assign_fact(fact=fact, assignee=other_editor, user=editor, expected_version=2)
    # The editor saw the latest version, but the verdict is no longer the latest change.
    with pytest.raises(InvalidChange, match="only its latest change can be undone"):
        undo_verdict(fact=fact, change=change, user=editor, expected_version=fact.version)
    fact.refresh_from_db()
    assert (fact.status, fact.version, fact.changes.count()) == (Status.DISPUTED, 3, 2)


def test_only_a_verdict_of_this_fact_can_be_undone(editor):
    fact = set_note(fact=make_fact(), note="A note", user=editor, expected_version=1)
    with pytest.raises(InvalidChange, match="is not a verdict"):
        undo_verdict(fact=fact, change=fact.changes.first(), user=editor, expected_version=2)
    other = record_verdict(
        fact=make_fact(), status=Status.DISPUTED, user=editor, expected_version=1
    )
    with pytest.raises(InvalidChange, match="is not a verdict on fact"):
        undo_verdict(fact=fact, change=other.changes.first(), user=editor, expected_version=2)
    assert fact.changes.count() == 1


def test_undo_will_not_clear_a_published_verdict(editor):
    fact = record_verdict(fact=make_fact(), status=Status.DISPUTED, user=editor, expected_version=1)
    verdict = fact.changes.first()
    # ``confirmed``: the verdict differs from the engine's suggestion (single source).
    publish_fact(fact=fact, user=editor, expected_version=2, confirmed=True)
    # Publishing is the latest change: the verdict can no longer be undone at all.
    with pytest.raises(InvalidChange):
        undo_verdict(fact=fact, change=verdict, user=editor, expected_version=3)
    fact.refresh_from_db()
    assert fact.status == Status.DISPUTED and fact.published_at is not None
