"""Scoring the engine against labels and against a generated corpus's truth."""

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.evaluation import evaluate, evaluate_corpus
from sources.corpus import GeneratedArticle
from sources.models import Article


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


@pytest.mark.django_db
def test_evaluate_engine_scores_a_generated_corpus_and_rolls_it_back():
    out = StringIO()
    call_command("evaluate_engine", "--corpus", "40", "--seed", "3", stdout=out)
    text = out.getvalue()
    assert "corpus of 40 generated articles" in text
    assert "copy recall" in text and "dispute precision" in text
    assert not Article.objects.exists()
