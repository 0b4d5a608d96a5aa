"""Scoring against gold news clusters: the pure scorer, and the command on a tiny cluster."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from evaluation.clusters import ClaimRow, FactRow, Snapshot, score_cluster
from evaluation.management.commands.evaluate_engine import Command as EvaluateEngine
from evaluation.management.commands.evaluate_engine import (
    score_clusters_together,
    score_news_cluster,
)
from sources.models import Article

GOLD = {
    "cluster": "tiny",
    "import_order": ["a.txt", "b.txt", "c.txt"],
    "articles": [
        {"file": "a.txt", "origin": "A", "is_copy_of": None},
        {"file": "b.txt", "origin": "B", "is_copy_of": None},
        {"file": "c.txt", "origin": "A", "is_copy_of": "a.txt"},
    ],
    "copy_pairs": [{"original": "a.txt", "copy": "c.txt"}],
    "no_other_copy_relations": True,
    "facts": [
        {
            "id": "length",
            "description": "length of the bridge",
            "expected_status": "corroborated",
            "acceptable_suggestions": ["corroborated"],
            "mentions": [
                {"file": "a.txt", "key_phrase": "a 1.42-km bridge"},
                {"file": "b.txt", "key_phrase": "1,420-metre span"},
            ],
        },
        {
            "id": "cost",
            "description": "cost of the bridge",
            "expected_status": "single_source",
            "mentions": [{"file": "a.txt", "key_phrase": "cost $88 million"}],
        },
    ],
    "must_not_group": [
        {
            "a": {"file": "a.txt", "key_phrase": "cost $88 million", "fact": "cost"},
            "b": {"file": "b.txt", "key_phrase": "1,420-metre span", "fact": "length"},
        }
    ],
    "anonymous_flag_expected": {"b.txt": ["1,420-metre span"]},
}
BODIES = {
    "a.txt": "Crews finished a 1.42-km bridge that cost $88 million.",
    "b.txt": "A person familiar with the works said the 1,420-metre span opened.",
    "c.txt": "Crews finished a 1.42-km bridge that cost $88 million. (Wire)",
}


def test_scorer_counts_groups_statuses_merges_copies_and_flags():
    claims = {
        "a.txt": [ClaimRow(14, 30, 1), ClaimRow(36, 52, 2)],
        "b.txt": [ClaimRow(33, 49, 1, ("anonymous_source",))],
        "c.txt": [ClaimRow(14, 30, 1), ClaimRow(36, 52, 2)],
    }
    facts = {1: FactRow("corroborated", "two origins"), 2: FactRow("single_source", "one")}
    figures = score_cluster(GOLD, Snapshot(BODIES, claims, facts, {("a.txt", "c.txt")}))
    assert (figures.found, figures.mentions) == (3, 3)
    assert (figures.correct_pairs, figures.gold_pairs, figures.predicted_pairs) == (1, 1, 1)
    assert (figures.status_right, figures.status_total) == (2, 2)
    assert figures.whole_facts == figures.multi_origin_facts == 1
    assert not figures.mixed_groups and not figures.must_not_group_broken
    assert (figures.copies_found, figures.copies, figures.extra_relations) == (1, 1, [])
    assert (figures.anonymous_flagged, figures.anonymous_expected) == (1, 1)


def test_a_merged_look_alike_and_a_missed_copy_are_reported():
    claims = {
        "a.txt": [ClaimRow(14, 30, 1), ClaimRow(36, 52, 1)],
        "b.txt": [ClaimRow(33, 49, 1)],
    }
    facts = {1: FactRow("disputed", "1.42 km vs $88 million")}
    figures = score_cluster(GOLD, Snapshot(BODIES, claims, facts, set()))
    assert figures.mixed_groups == ["fact #1 holds cost, length (grouping)"]
    assert (figures.mixed_by_grouping, figures.mixed_by_one_claim) == (1, 0)
    assert len(figures.must_not_group_broken) == 1
    assert figures.copies_found == 0
    assert figures.anonymous_flagged == 0
    assert figures.status_right == 0


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_cluster_is_imported_and_scored_on_a_throwaway_database(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    for name, body in BODIES.items():
        (folder / name).write_text(f"Bridge opens\ndate 2026-05-04\n\n{body}\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    live_name = connection.settings_dict["NAME"]

    figures = score_news_cluster(folder, seeds=[])

    assert (figures.found, figures.mentions) == (3, 3)
    assert figures.copies_found == 1
    assert "length: found 2/2" in figures.report()
    assert connection.settings_dict["NAME"] == live_name
    assert not Article.objects.exists()


def _write_cluster(folder, names, tail=""):
    """The tiny cluster with its files renamed by ``names`` (old name -> new), and
    ``tail`` after each body (the import skips an article it already holds)."""
    folder.mkdir()
    for name, body in BODIES.items():
        text = f"Bridge opens\ndate 2026-05-04\n\n{body}{tail}\n"
        (folder / names[name]).write_text(text, encoding="utf-8")
    gold = json.loads(json.dumps(GOLD).replace(".txt", "_renamed.txt"))
    for old, new in names.items():
        gold = json.loads(json.dumps(gold).replace(old.replace(".txt", "_renamed.txt"), new))
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_clusters_scored_together_show_facts_that_join_stories(tmp_path):
    # The same reports filed twice under other names: in one database the engine joins
    # them, which in a real newsroom would be two stories joined.
    _write_cluster(tmp_path / "one", {n: f"one_{n}" for n in BODIES})
    _write_cluster(tmp_path / "two", {n: f"two_{n}" for n in BODIES}, tail=" It opened.")

    scored, across = score_clusters_together([tmp_path / "one", tmp_path / "two"], seeds=[])

    assert [f.name for f in scored] == ["one", "two"]
    assert all((f.found, f.mentions) == (3, 3) for f in scored)
    assert across and all("joins one, two" in line for line in across)
    assert "one_a.txt" in across[0] and "two_a.txt" in across[0]
    assert not Article.objects.exists()


def test_clusters_scored_together_must_not_share_a_file_name(tmp_path):
    from django.core.management.base import CommandError

    _write_cluster(tmp_path / "one", {n: n for n in BODIES})
    _write_cluster(tmp_path / "two", {n: n for n in BODIES})
    with pytest.raises(CommandError, match=r"a\.txt is also a file of one"):
        score_clusters_together([tmp_path / "one", tmp_path / "two"], seeds=[])


def test_a_folder_without_gold_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no gold.json"):
        call_command(EvaluateEngine(), "--clusters", str(tmp_path), stdout=StringIO())


def test_a_group_mixed_by_one_claim_carrying_two_facts_is_told_apart_from_grouping():
    from evaluation.clusters import _why_mixed

    # One claim spans both the bridge's length and its cost.
    claims = {"a.txt": [ClaimRow(14, 52, 1)], "b.txt": [ClaimRow(33, 49, 1)]}
    facts = {1: FactRow("corroborated", "two origins")}
    figures = score_cluster(GOLD, Snapshot(BODIES, claims, facts, set()))
    assert figures.mixed_groups == ["fact #1 holds cost, length (one claim)"]
    assert (figures.mixed_by_one_claim, figures.mixed_by_grouping) == (1, 0)
    assert _why_mixed({"a", "b", "c"}, [{"a", "b"}, {"b", "c"}]) == "one_claim"
    assert _why_mixed({"a", "b", "c"}, [{"a", "b"}, {"c"}]) == "both"
