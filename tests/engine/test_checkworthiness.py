import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine.checkworthiness import (
    MODEL_PATH,
    load_model,
    score_sentence,
    score_sentences,
    sentence_features,
)

STATISTIC = (
    "Unemployment fell to 3.9 percent in March, the lowest rate since 2000, "
    "according to the Bureau of Labor Statistics."
)
GREETING = "Good evening, and thank you all for being here tonight."
OPINION = "I think we have to do better for our children, and I believe we will."


def test_a_statistic_with_a_named_source_outscores_a_greeting_and_an_opinion():
    statistic, greeting, opinion = score_sentences([STATISTIC, GREETING, OPINION])
    assert statistic.probability > greeting.probability
    assert statistic.probability > opinion.probability
    assert statistic.checkworthy
    assert not greeting.checkworthy
    assert not opinion.checkworthy


def test_top_features_are_named_in_words_and_ordered_by_weight():
    score = score_sentence(STATISTIC)
    names = [name for name, _ in score.top_features]
    assert "a percentage" in names
    assert "has a number" in names
    assert all(not n.startswith(("w:", "d:")) for n in names)
    sizes = [abs(c) for _, c in score.top_features]
    assert sizes == sorted(sizes, reverse=True)
    assert all(c > 0 for _, c in score.top_features[:2])
    # An opinion is explained by what pulled it down.
    assert any(c < 0 for _, c in score_sentence(OPINION).top_features)


def test_batch_and_single_scores_agree():
    texts = [STATISTIC, GREETING, OPINION, ""]
    assert score_sentences(texts) == [score_sentence(t) for t in texts]


def test_numbers_share_one_token_and_word_values_do_not_depend_on_the_vocabulary():
    a = sentence_features("Prices rose 50 percent.")
    b = sentence_features("Prices rose 20 per cent.")
    assert a == b
    assert "w:<num> percent" in a
    assert a["d:number"] == 1.0
    words = [v for k, v in a.items() if k.startswith("w:")]
    # 4 words + 3 pairs, each 1/sqrt(7) whether or not the model knows it.
    assert len(words) == 7
    assert all(abs(v - 7**-0.5) < 1e-12 for v in words)


def test_model_is_read_once_and_is_small_with_its_provenance():
    assert load_model() is load_model()
    model = load_model()
    assert MODEL_PATH.stat().st_size < 1_000_000
    assert 0 < model.threshold < 1
    assert model.metadata["dev"]["f1"] >= 0.75
    assert model.metadata["dev"]["threshold_chosen_on"].endswith("_dev.tsv")
    assert "ICWSM 2020" in model.metadata["training_data"]["citation"]
    document = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert all(w != 0 for w in document["weights"].values())


def test_scoring_imports_neither_scikit_learn_numpy_nor_django():
    code = (
        "import sys; from factcheck.engine.checkworthiness import score_sentence; "
        "score_sentence('Taxes rose 3 percent.'); "
        "print(sorted(m for m in ('sklearn', 'numpy', 'scipy', 'django') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@given(st.text(max_size=300))
def test_any_text_gets_a_probability_and_at_most_five_reasons(text):
    score = score_sentence(text)
    assert 0.0 <= score.probability <= 1.0
    assert score.checkworthy == (score.probability >= load_model().threshold)
    assert len(score.top_features) <= 5
