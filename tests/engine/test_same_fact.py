"""The learned same-fact evidence: the shipped model, its explanations, and where match uses it."""

import json

import pytest

from factcheck.engine.features import ClaimFeatures
from factcheck.engine.matching import match
from factcheck.engine.same_fact import (
    EVIDENCE,
    MODEL_FORMAT,
    MODEL_PATH,
    SOFT_VETOES,
    load_model,
)


def claim(text: str, values: list[dict], entities: list[str], kind: str = "quantity"):
    return ClaimFeatures(text=text, kind=kind, values=values, entities=entities, context=text)


def states(n: int, text: str) -> dict:
    return {"type": "count", "value": n, "unit": "state", "text": text}


SOLD_IN_FIVE = claim(
    "The cough syrup was sold in five states: Kerala, Goa, Assam, Bihar and Odisha",
    [states(5, "five states")],
    ["state"],
)


def test_the_shipped_model_weighs_only_the_evidence_match_measures():
    document = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert document["format"] == MODEL_FORMAT
    assert set(document["weights"]) == set(EVIDENCE)
    assert document["threshold"] == 0.5
    # Trained on the team's own clusters only: the others stay a test it never saw.
    assert document["metadata"]["training_data"]["clusters"] == [
        "cluster-c-storm",
        "cluster-d-transfer",
        "cluster-e-lithium",
    ]


def test_more_alike_wording_never_lowers_the_probability():
    model = load_model()
    probabilities = [
        model.weigh({"wording": w / 10, "figures_equal": 1.0}).probability for w in range(11)
    ]
    assert probabilities == sorted(probabilities)


def test_a_weighing_explains_itself_by_its_largest_shares_in_words():
    weighing = load_model().weigh({"wording": 0.6, "figures_agree": 1.0, "figures_equal": 1.0})
    names = [name for name, _ in weighing.contributions]
    assert names[0] == "wording"
    assert set(names) == {"wording", "figures_agree", "figures_equal"}
    text = weighing.explain()
    assert text.startswith("wording alike +")
    assert "the same amount +" in text


def test_the_same_round_figure_in_other_words_is_one_fact_by_the_evidence_together():
    # Too unlike for "similar wording", too round for "the same figure": the same five
    # states with the same unit, and half the wording, together say one fact.
    shipped = claim(
        "Meant for toddlers, it reached pharmacies of five states out east",
        [states(5, "five states")],
        ["state"],
    )
    assert not match(SOLD_IN_FIVE, shipped, learned=False).same_fact
    result = match(SOLD_IN_FIVE, shipped)
    assert result.same_fact
    assert result.rule == "learned_evidence"
    assert result.veto == "" and result.vetoes == ()
    assert any(r.startswith("the evidence together (") for r in result.reasons)
    assert result.agrees is True


def test_the_evidence_does_not_invent_a_dispute_from_another_figure():
    seven = claim(
        "Meant for toddlers, it reached pharmacies of seven states out east",
        [states(7, "seven states")],
        ["state"],
    )
    assert not match(SOLD_IN_FIVE, seven).same_fact
    evidence = match(SOLD_IN_FIVE, seven, learned=False).evidence
    assert evidence["figures_equal"] == 0.0 and evidence["figures_agree"] == 0.0


def test_a_hard_rule_is_never_outweighed():
    a = claim(
        'The minister said: "We will not raise fuel duty this year, whatever the deficit."',
        [],
        ["minister", "fuel duty"],
        kind="quote",
    )
    b = claim(
        'The minister said: "Our hospitals will get every penny they were promised."',
        [],
        ["minister", "hospitals"],
        kind="quote",
    )
    result = match(a, b)
    assert "different_quotations" in result.vetoes
    assert not set(result.vetoes) <= SOFT_VETOES
    assert not result.same_fact


def test_two_stories_stay_apart_however_alike_the_evidence():
    # The model was trained within single stories, so it never weighs a story veto.
    assert "different_stories" not in SOFT_VETOES
    assert "different_stories" not in EVIDENCE


def test_a_pair_a_rule_decides_carries_no_measurements_unless_asked():
    same_words = claim(SOLD_IN_FIVE.text, SOLD_IN_FIVE.values, SOLD_IN_FIVE.entities)
    decided = match(SOLD_IN_FIVE, same_words)
    assert decided.rule == "similar_wording" and decided.evidence == {}
    assert set(match(SOLD_IN_FIVE, same_words, learned=False).evidence) == set(EVIDENCE)


def test_every_measurement_is_between_zero_and_one():
    shipped = claim(
        "Distributors shipped it onwards to five states in all", [states(5, "five states")], []
    )
    evidence = match(SOLD_IN_FIVE, shipped, learned=False).evidence
    assert set(evidence) == set(EVIDENCE)
    assert all(0.0 <= value <= 1.0 for value in evidence.values())


def test_a_model_file_of_another_format_or_with_unknown_evidence_is_refused(tmp_path):
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "other/1", "weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a same-fact-linear/1 model"):
        load_model(wrong)
    unknown = tmp_path / "unknown.json"
    unknown.write_text(
        json.dumps(
            {"format": MODEL_FORMAT, "weights": {"vibes": 1.0}, "intercept": 0, "threshold": 0.5}
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="unknown evidence \\['vibes'\\]"):
        load_model(unknown)
