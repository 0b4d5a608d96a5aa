import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from evaluation.same_fact_training import CLUSTERS_DIR, DEFAULT_CLUSTERS, cluster_examples
from factcheck.engine.same_fact import EVIDENCE, MODEL_PATH


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_training_refuses_a_folder_that_is_not_a_gold_cluster(tmp_path):
    with pytest.raises(CommandError, match="not a gold cluster \\(no gold.json\\)"):
        run("train_same_fact", str(tmp_path), "--output", str(tmp_path / "m.json"))
    assert not (tmp_path / "m.json").exists()


def test_a_cluster_without_two_kinds_of_pair_cannot_train(tmp_path):
    # One article: no pair of claims from two articles at all.
    source = CLUSTERS_DIR / "cluster-d-transfer"
    gold = json.loads((source / "gold.json").read_text(encoding="utf-8"))
    first = gold["import_order"][0]
    folder = tmp_path / "one-article"
    folder.mkdir()
    shutil.copy(source / first, folder / first)
    gold["facts"] = [
        {**fact, "mentions": [m for m in fact["mentions"] if m["file"] == first]}
        for fact in gold["facts"]
    ]
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(CommandError, match="needs pairs of the same fact and of different"):
        run("train_same_fact", str(folder), "--output", str(tmp_path / "m.json"))


def test_a_cluster_gives_labelled_pairs_of_both_kinds_with_every_measurement():
    examples = list(cluster_examples(CLUSTERS_DIR / "cluster-d-transfer"))
    assert any(e.same_fact for e in examples)
    assert sum(not e.same_fact for e in examples) > sum(e.same_fact for e in examples)
    for example in examples:
        assert set(example.evidence) == set(EVIDENCE)
        assert all(0.0 <= value <= 1.0 for value in example.evidence.values())


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_model_byte_for_byte(tmp_path):
    output = tmp_path / "same_fact.json"
    seed = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["metadata"]["learner"]["seed"]
    out = run("train_same_fact", "--output", str(output), "--seed", str(seed))
    assert f"trained on {', '.join(DEFAULT_CLUSTERS)}" in out
    assert output.read_bytes() == MODEL_PATH.read_bytes()
