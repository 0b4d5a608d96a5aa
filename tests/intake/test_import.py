import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import Claim
from intake.services import Outcome, import_files, ingest_article
from sources.models import Article, Outlet
from sources.parsing import ArticleRejected

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


def test_import_seeds_imports_the_five_seeds():
    output = run("import_seeds")
    assert Article.objects.count() == 5
    assert "5 files: 5 imported, 0 updated, 0 unchanged, 0 failed" in output
    ani = Article.objects.get(source_file__startswith="003_")
    assert ani.wire_credit == "ANI"
    assert str(ani.published) == "2025-12-05"


def test_reimport_changes_nothing():
    run("import_seeds")
    before = list(Article.objects.values_list("id", "content_hash", "updated_at"))
    claims_before = Claim.objects.count()
    output = run("import_seeds")
    assert "0 imported, 0 updated, 5 unchanged, 0 failed" in output
    assert list(Article.objects.values_list("id", "content_hash", "updated_at")) == before
    assert Claim.objects.count() == claims_before


def test_changed_file_with_the_same_name_updates_its_article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ports reopen\n\nThe port handled 120 ships in March, officials said.\n")
    assert import_files([path]).count(Outcome.IMPORTED) == 1
    path.write_text("Ports reopen\n\nThe port handled 150 ships in March, officials said.\n")
    summary = import_files([path])
    assert summary.count(Outcome.UPDATED) == 1
    article = Article.objects.get()
    assert "150 ships" in article.body
    assert all("120" not in c.text for c in article.claims.all())


def test_same_content_under_another_name_is_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text("Ports reopen\n\nThe port handled 120 ships in March.\n")
    (tmp_path / "b.txt").write_text("Ports reopen\n\nThe port handled 120 ships in March.\n")
    summary = import_files(sorted(tmp_path.iterdir()))
    assert summary.results[1].outcome == Outcome.UNCHANGED
    assert summary.results[1].message == "unchanged: same content as a.txt"
    assert Article.objects.count() == 1


def test_outlet_from_the_file_header_is_created_with_its_kind(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Talks end\nsource: Reuters\n\nThe talks ended on Friday.\n")
    import_files([path])
    outlet = Outlet.objects.get()
    assert (outlet.name, outlet.kind) == ("Reuters", Outlet.Kind.WIRE)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty.txt: empty file"),
        ("blank.txt", b"\n \n\t\n", "blank.txt: empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "image.txt: binary file"),
        ("notes.pdf", b"%PDF-1.7 hello", "notes.pdf: unsupported file type .pdf"),
        (
            "tags.html",
            b"<html><body><script>x()</script></body></html>",
            "tags.html: no article text",
        ),
    ],
)
def test_bad_file_gets_a_one_line_error_and_leaves_nothing(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text("Budget passed\n\nParliament passed a $2 billion budget on Monday.\n")
    summary = import_files([bad, good])
    failed = summary.failed
    assert len(failed) == 1 and failed[0].message.startswith(reason)
    assert "\n" not in failed[0].message
    assert list(Article.objects.values_list("source_file", flat=True)) == ["zz_good.txt"]


def test_undecodable_text_is_refused(tmp_path):
    # Bytes that are not UTF-8 and make no sense in any single-byte code page.
    data = bytes(range(128, 256)) * 40
    with pytest.raises(ArticleRejected, match="x.txt: (undecodable text|binary file)"):
        ingest_article(source_file="x.txt", data=data)
    assert Article.objects.count() == 0


def test_non_utf8_file_is_imported_and_the_encoding_reported(tmp_path):
    text = "Café owners in Zürich say rents rose 12 per cent this year, according to the guild.\n"
    path = tmp_path / "cafe.txt"
    path.write_bytes(("Rents rise in Zürich\n\n" + text * 3).encode("cp1252"))
    result = import_files([path]).results[0]
    assert result.outcome == Outcome.IMPORTED
    assert result.message.startswith("decoded as ")
    assert "Zürich" in Article.objects.get().body


def test_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "A sentence about 5 ships. " * 20)
    result = import_files([path]).results[0]
    assert result.outcome == Outcome.FAILED
    assert "big.txt: file is 530 bytes, over the 100-byte limit" in result.message
    assert Article.objects.count() == 0


def test_a_failure_during_analysis_rolls_back_the_article(monkeypatch):
    def explode(*, article):
        raise RuntimeError("engine failed")

    monkeypatch.setattr("factcheck.analysis.extract_claims", lambda *a, **k: explode(article=None))
    with pytest.raises(RuntimeError):
        ingest_article(source_file="a.txt", data=b"Title here\n\nThe port handled 120 ships.")
    assert Article.objects.count() == 0


def test_command_reports_failures_and_exits_non_zero(tmp_path):
    (tmp_path / "good.txt").write_text("Budget passed\n\nParliament passed a budget on Monday.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 of 2 files failed to import"):
        run("import_articles", str(tmp_path))
    assert Article.objects.filter(source_file="good.txt").exists()


def test_folder_without_articles_is_an_error(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(CommandError, match="folder has no article files"):
        run("import_articles", str(tmp_path))


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder"):
        run("import_articles", str(tmp_path / "nope"))


def test_max_bytes_option(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\n" + "Ships docked. " * 50)
    with pytest.raises(CommandError):
        run("import_articles", "--max-bytes", "50", str(path))
    assert Article.objects.count() == 0


@pytest.mark.slow
def test_exit_status_and_summary_from_the_shell(tmp_path):
    """The real command in a subprocess: one-line errors on stderr, exit status 1."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Budget passed\n\nParliament passed a budget on Monday.\n")
    env = {**os.environ, "DATABASE_URL": "sqlite:///" + str(tmp_path / "db.sqlite3")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    done = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "error: empty.txt: empty file" in done.stderr
    assert "2 files: 1 imported, 0 updated, 0 unchanged, 1 failed" in done.stdout
