"""Comparing what the engine stored after imports in several orders."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from evaluation.management.commands.evaluate_engine import Command as EvaluateEngine
from evaluation.orders import OrderState, compare_states

A = frozenset({("file::tiny/a.txt", 0, 20), ("file::tiny/b.txt", 5, 30)})
B = frozenset({("file::tiny/c.txt", 0, 12)})
REFERENCE = OrderState(
    groups={A: ("corroborated", "two origins"), B: ("single_source", "one")},
    relations=frozenset({("file::tiny/a.txt", "file::tiny/c.txt")}),
)


def test_the_same_state_is_identical():
    difference = compare_states(REFERENCE, REFERENCE)
    assert difference.identical
    assert difference.line() == (
        "0 of 2 groups differ, 0 shared groups with another suggestion or reason, "
        "0 copy relations differ"
    )


def test_a_claim_in_another_group_a_suggestion_and_a_relation_are_counted():
    split = OrderState(
        groups={
            frozenset({("file::tiny/a.txt", 0, 20)}): ("single_source", "one"),
            frozenset({("file::tiny/b.txt", 5, 30)}): ("single_source", "one"),
            B: ("disputed", "a.txt and c.txt disagree"),
        },
        relations=frozenset({("file::tiny/c.txt", "file::tiny/a.txt")}),
    )
    difference = compare_states(REFERENCE, split)
    assert not difference.identical
    assert (difference.groups_differing, difference.statuses_differing) == (1, 1)
    assert difference.relations_differing == 2
    assert "only in the first order: {a.txt@0, b.txt@5}" in difference.examples
    assert "suggested single_source / disputed: {c.txt@0}" in difference.examples


# Imports the cluster once per order, each on a throwaway database: seconds.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_command_imports_a_cluster_in_several_orders(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    bodies = {
        "a.txt": "The council approved a 1.42-km bridge that will cost $88 million.",
        "b.txt": "Officials said the 1,420-metre bridge would cost $88m to build.",
        "c.txt": "A 1.42-kilometre bridge costing $91 million was approved, the mayor said.",
    }
    for name, body in bodies.items():
        (folder / name).write_text(
            f"Bridge approved\ndate 2026-05-04\n\n{body}\n", encoding="utf-8"
        )
    (folder / "gold.json").write_text(json.dumps({"import_order": sorted(bodies)}))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "other.txt").write_text(
        "Harbour fees rise\ndate 2026-05-04\n\nThe port raised its fees by 4 per cent.\n"
    )
    out = StringIO()

    call_command(
        EvaluateEngine(),
        *("--orders", "3", "--clusters", str(folder), "--articles", str(seeds)),
        stdout=out,
    )

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("order 0 (as given): 4 articles, ")
    groups = int(lines[0].split(", ")[1].split()[0])
    assert groups >= 2
    assert [line.split(": ", 1)[1] for line in lines[1:]] == [
        f"0 of {groups} groups differ, 0 shared groups with another suggestion or reason, "
        "0 copy relations differ"
    ] * 2


# A small generated corpus imported twice, each on a throwaway database: seconds.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_command_imports_a_generated_corpus_in_several_orders():
    out = StringIO()

    call_command(EvaluateEngine(), *("--orders", "2", "--corpus", "24", "--seed", "5"), stdout=out)

    first, second = out.getvalue().splitlines()
    assert first.startswith("order 0 (as given): 24 articles, ")
    groups = int(first.split(", ")[1].split()[0])
    assert second == (
        f"order 1 (shuffled, seed 1): 0 of {groups} groups differ, 0 shared groups with "
        "another suggestion or reason, 0 copy relations differ"
    )
