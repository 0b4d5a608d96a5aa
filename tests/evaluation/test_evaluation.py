"""Scoring the engine against labels and against a generated corpus's truth."""

from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from evaluation.corpus import GeneratedArticle
from evaluation.management.commands.evaluate_engine import Command as EvaluateEngine
from evaluation.scoring import evaluate, evaluate_corpus
from factcheck.models import Claim, Fact
from sources.models import Article
from tests.builders import make_article, make_claim


def generated(name: str, relation: str = "original", copy_of=None, contradicted=()):
    return GeneratedArticle(
        name=name,
        text="",
        event=1,
        outlet="Outlet",
        relation=relation,
        copy_of=copy_of,
        contradicted=tuple(contradicted),
    )


TRUTH = [
    generated("a.txt"),
    generated("b.txt", "copy", "a.txt"),
    generated("c.txt", "copy", "a.txt"),
    generated("d.txt", "rewrite", "a.txt"),
    generated("e.txt", contradicted=["f1"]),
    generated("f.txt", "copy", "e.txt", contradicted=["f1"]),
    generated("g.txt"),
]


def test_copies_are_scored_against_their_origin_in_either_direction():
    figures = evaluate_corpus(
        TRUTH,
        # b->a reversed is still right; b~c share an origin; a~g is wrong; d and f missed.
        relations=[("b.txt", "a.txt"), ("a.txt", "c.txt"), ("b.txt", "c.txt"), ("a.txt", "g.txt")],
        disputed={},
    )
    assert (figures.true_copies, figures.direct_copies_found) == (4, 2)
    assert (figures.found_copies, figures.correct_copies) == (4, 3)


def test_disputes_are_scored_by_the_articles_that_state_a_wrong_value():
    figures = evaluate_corpus(
        TRUTH,
        relations=[],
        disputed={1: {"a.txt", "e.txt"}, 2: {"a.txt", "g.txt"}},
    )
    assert figures.contradicting == 2  # e and its copy f
    assert (figures.disputed_facts, figures.disputed_with_contradiction) == (2, 1)
    assert figures.contradicting_caught == 1
    assert "dispute precision    0.50" in figures.report()
    assert "facts joining events" not in figures.report()


def test_facts_holding_claims_of_two_events_are_counted():
    truth = [
        generated("a.txt"),
        generated("b.txt", "copy", "a.txt"),
        replace(generated("c.txt"), event=2),
    ]
    figures = evaluate_corpus(
        truth,
        relations=[],
        disputed={},
        facts={1: {"a.txt", "b.txt"}, 2: {"b.txt", "c.txt"}, 3: {"c.txt"}},
    )
    assert (figures.facts, figures.facts_joining_events) == (3, 1)
    assert "facts joining events 1 of 3 facts" in figures.report()


def test_grouping_lists_wrong_and_missed_pairs():
    labels = {
        "articles": {
            "x.txt": [{"id": "x1", "quote": "alpha"}, {"id": "x2", "quote": "beta"}],
            "y.txt": [{"id": "y1", "quote": "alpha"}, {"id": "y2", "quote": "gamma"}],
        },
        "groups": [["x1", "y1"]],
    }
    bodies = {"x.txt": "alpha beta", "y.txt": "alpha gamma"}
    # x's one claim covers both of its statements and joins y's gamma claim.
    claims = {"x.txt": [(0, 10, 1)], "y.txt": [(0, 5, 2), (6, 11, 1)]}
    figures = evaluate(labels, bodies, claims)
    assert figures.wrong_pairs == [("x1", "y2"), ("x2", "y2")]
    assert figures.missed_pairs == [("x1", "y1")]


# The command switches the connection to a database of its own and back, which a
# test wrapped in a transaction cannot do: these are transactional tests.
# The command object is passed directly: without DEV_TOOLS the app is not
# installed and the command has no name.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_evaluate_engine_leaves_the_live_database_untouched():
    live = make_article(source_file="live.txt", body="The port handled 12 ships on Monday.")
    make_claim(live, "12 ships")
    before = (Article.objects.count(), Claim.objects.count(), Fact.objects.count())
    live_name = connection.settings_dict["NAME"]
    out = StringIO()
    call_command(EvaluateEngine(), "--corpus", "12", "--seed", "3", stdout=out)
    text = out.getvalue()
    # Every claim scored overlaps a seed label: the live article's "12 ships",
    # which overlaps none, was not imported into the scored database.
    assert "extraction precision 1.00 (" in text
    assert "grouping recall" in text
    assert "corpus of 12 generated articles" in text
    assert "copy recall" in text and "dispute precision" in text
    assert connection.settings_dict["NAME"] == live_name
    assert (Article.objects.count(), Claim.objects.count(), Fact.objects.count()) == before
    assert Article.objects.get().pk == live.pk
    assert not Article.objects.filter(source_file__startswith="gen_").exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_throwaway_database_is_destroyed_even_when_the_block_fails(tmp_path):
    from evaluation.database import throwaway_database

    live_name = connection.settings_dict["NAME"]
    with pytest.raises(RuntimeError), throwaway_database() as name:
        assert name != live_name
        assert connection.settings_dict["NAME"] == name
        make_article(source_file="throwaway.txt")
        raise RuntimeError
    assert connection.settings_dict["NAME"] == live_name
    assert not Article.objects.filter(source_file="throwaway.txt").exists()
    if connection.vendor == "sqlite":
        from pathlib import Path

        assert not Path(name).exists()
