import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck.engine.checkworthiness import MODEL_PATH, load_model
from factcheck.management.commands.train_checkworthiness import DEFAULT_DATA

SENTENCES = [
    ("1", "Unemployment fell to 3.9 percent in March, the Labor Department said.", "Yes"),
    ("2", "The deficit has doubled to $1.2 trillion since 2019.", "Yes"),
    ("3", "Good evening, and thank you all for being here tonight.", "No"),
    ("4", "I think we have to do better for our children.", "No"),
]


def write_tsv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_labelled_sentences_are_scored_and_measured(tmp_path):
    tsv = write_tsv(
        tmp_path / "in.tsv", "Sentence_id\tText\tclass_label", ["\t".join(r) for r in SENTENCES]
    )
    out = run("checkworthiness", str(tsv), "--output", str(tmp_path / "out.tsv"))
    lines = (tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Sentence_id\tscore\tclass_label"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert [r[2] for r in rows] == ["Yes", "Yes", "No", "No"]
    assert all(0 <= float(r[1]) <= 1 for r in rows)
    assert "4 sentences scored, 2 check-worthy" in out
    assert "precision 1.000  recall 1.000  F1 1.000" in out


def test_unlabelled_input_prints_no_figures_and_run_id_writes_the_submission_format(tmp_path):
    tsv = write_tsv(
        tmp_path / "in.tsv", "Text\tSentence_id", [f"{r[1]}\t{r[0]}" for r in SENTENCES]
    )
    out = run("checkworthiness", str(tsv), "--output", str(tmp_path / "o.tsv"), "--run-id", "lr")
    assert "F1" not in out
    lines = (tmp_path / "o.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["id\tclass_label\trun_id", "1\tYes\tlr"]


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        ("Sentence_id\tText", None, "no such file"),
        ("id\ttext", ["1\tHello."], "missing column(s) Sentence_id, Text (header has: id, text)"),
        ("Sentence_id\tText", ["1\tHello.", "2\tOne\textra"], "line 3: expected 2 tab-separated"),
        (
            "Sentence_id\tText\tclass_label",
            ["1\tHello.\tmaybe"],
            "must be Yes or No, found 'maybe'",
        ),
        ("Sentence_id\tText", ["1\tHello.", "1\tAgain."], "Sentence_id 1 repeated"),
    ],
)
def test_bad_input_gives_one_clear_line(tmp_path, header, rows, message):
    tsv = tmp_path / "in.tsv"
    if rows is not None:
        write_tsv(tsv, header, rows)
    with pytest.raises(CommandError) as error:
        run("checkworthiness", str(tsv), "--output", str(tmp_path / "out.tsv"))
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert not (tmp_path / "out.tsv").exists()


def test_training_without_the_data_names_what_is_missing(tmp_path):
    with pytest.raises(CommandError, match="missing CT24_checkworthy_english_train.tsv"):
        run("train_checkworthiness", "--data", str(tmp_path), "--output", str(tmp_path / "m.json"))


@pytest.mark.slow
def test_retraining_with_the_shipped_seed_reproduces_the_shipped_model(tmp_path):
    if not DEFAULT_DATA.is_dir():
        pytest.skip(f"training data not found at {DEFAULT_DATA}")
    output = tmp_path / "model.json"
    seed = load_model().metadata["learner"]["seed"]
    out = run("train_checkworthiness", "--output", str(output), "--seed", str(seed))
    assert "chosen C=" in out
    assert output.read_bytes() == MODEL_PATH.read_bytes()
