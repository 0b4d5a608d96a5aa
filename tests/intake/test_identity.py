"""An article's identity is its origin (address, file on disk, or upload and bytes), never
its bare file name; replacing the text of a checked article is an editor's recorded act."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from factcheck.models import Claim, Fact, FactChange, Status
from factcheck.services import record_verdict
from intake.services import (
    ORIGIN_MAX,
    Outcome,
    file_key,
    import_files,
    ingest_article,
    origin_of,
    replace_article_text,
)
from sources.models import Article
from sources.parsing import ArticleRejected

pytestmark = pytest.mark.django_db

PORT = "Port traffic\n\nThe port of Mundra handled 120 ships in March, the port authority said.\n"
BUDGET = "Budget passed\n\nParliament passed a $2 billion budget on Monday, the minister said.\n"


def write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_two_files_with_one_name_from_two_folders_are_two_articles(tmp_path):
    north = write(tmp_path / "north", "report.txt", PORT)
    south = write(tmp_path / "south", "report.txt", BUDGET)
    summary = import_files([north, south])
    assert [r.outcome for r in summary.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    assert "1 other article from elsewhere had this file name" in summary.results[1].message
    articles = Article.objects.order_by("id")
    assert [a.source_file for a in articles] == ["report.txt", "report.txt"]
    assert [a.origin for a in articles] == ["file:-:north/report.txt", "file:-:south/report.txt"]
    assert "Mundra" in articles[0].body and "budget" in articles[1].body
    # Importing both again changes nothing; neither replaces the other.
    again = import_files([north, south])
    assert [r.outcome for r in again.results] == [Outcome.UNCHANGED, Outcome.UNCHANGED]


def test_an_unrelated_upload_with_a_taken_name_is_a_new_article():
    first = ingest_article(source_file="report.txt", data=PORT.encode())
    second = ingest_article(source_file="report.txt", data=BUDGET.encode())
    assert second.outcome == Outcome.IMPORTED
    assert second.article.pk != first.article.pk
    first.article.refresh_from_db()
    assert "Mundra" in first.article.body
    assert Article.objects.filter(source_file="report.txt").count() == 2


def test_an_unrelated_browser_upload_with_a_taken_name_leaves_the_first_article(editor_client):
    for text in (PORT, BUDGET):
        upload = SimpleUploadedFile("report.txt", text.encode(), content_type="text/plain")
        assert editor_client.post("/articles/upload/", {"files": [upload]}).status_code == 302
    bodies = sorted(Article.objects.values_list("body", flat=True))
    assert len(bodies) == 2 and "budget" in bodies[0] and "Mundra" in bodies[1]


def test_the_same_file_on_disk_edited_updates_its_article(tmp_path):
    path = write(tmp_path / "inbox", "report.txt", PORT)
    first = import_files([path]).results[0]
    path.write_text(PORT.replace("120", "150"))
    second = import_files([path]).results[0]
    assert second.outcome == Outcome.UPDATED
    assert second.article.pk == first.article.pk
    assert "150 ships" in Article.objects.get().body


def test_the_same_address_is_the_same_article_whatever_the_file_name():
    url = "url: https://News.example.com/2025/port#comments\n"
    first = ingest_article(source_file="a.txt", data=("Port traffic\n" + url + PORT[13:]).encode())
    changed = ("Port traffic\n" + url.replace("News", "news") + PORT[13:]).replace("120", "130")
    second = ingest_article(source_file="renamed.txt", data=changed.encode())
    assert second.outcome == Outcome.UPDATED
    assert second.article.pk == first.article.pk
    article = Article.objects.get()
    assert article.origin == "url:https://news.example.com/2025/port"
    # The display name follows the latest file; the export's column still reads it.
    assert article.source_file == "renamed.txt"


def test_export_keeps_the_source_file_column(tmp_path):
    import_files(
        [write(tmp_path / "a", "report.txt", PORT), write(tmp_path / "b", "report.txt", BUDGET)]
    )
    out = tmp_path / "claims.jsonl"
    call_command("export_claims", "--format", "jsonl", "--output", str(out), stderr=StringIO())
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and {row["source_file"] for row in rows} == {"report.txt"}
    assert {row["article_title"] for row in rows} == {"Port traffic", "Budget passed"}


def test_origin_forms():
    assert origin_of(url="", outlet=None, path="seeds/1.txt", name="1.txt", digest="ab" * 32) == (
        "file:-:seeds/1.txt"
    )
    assert origin_of(url="", outlet=None, path="", name="1.txt", digest="ab" * 32) == (
        "upload:-:1.txt:" + "ab" * 8
    )
    # Not an address (no scheme or host): the file's other origin is used.
    assert origin_of(url="n/a", outlet=None, path="", name="x.txt", digest="cd" * 32).startswith(
        "upload:"
    )
    long = origin_of(url="", outlet=None, path="d/" + "x" * 700, name="x", digest="ef" * 32)
    other = origin_of(url="", outlet=None, path="d/" + "x" * 699 + "y", name="x", digest="ef" * 32)
    assert len(long) == ORIGIN_MAX and long != other


def test_file_key_is_folder_and_name(tmp_path):
    assert file_key(tmp_path / "seeds" / "001.txt") == "seeds/001.txt"


# --- checked articles ----------------------------------------------------------------


def checked(editor, *, publish: bool = False) -> tuple[Article, Fact]:
    article = ingest_article(source_file="report.txt", path="inbox/report.txt", data=PORT.encode())
    fact = article.article.claims.first().fact
    fact = record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=None)
    if publish:
        Fact.objects.filter(pk=fact.pk).update(published_at=timezone.now())
    return article.article, fact


@pytest.mark.parametrize("publish", [False, True])
def test_reimport_refuses_to_replace_the_text_of_a_checked_article(editor, publish):
    article, fact = checked(editor, publish=publish)
    claims = list(article.claims.values_list("pk", "text"))
    with pytest.raises(ArticleRejected) as refused:
        ingest_article(
            source_file="report.txt",
            path="inbox/report.txt",
            data=PORT.replace("120", "9").encode(),
        )
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(
        f"report.txt: not imported; it would replace the text of article #{article.pk}"
    )
    assert "“Port traffic”" in message and "an editor must replace its text" in message
    article.refresh_from_db()
    assert "120 ships" in article.body
    assert list(article.claims.values_list("pk", "text")) == claims
    assert not FactChange.objects.filter(action=FactChange.Action.ARTICLE_TEXT).exists()


def test_a_batch_goes_on_after_a_refused_checked_article(editor, tmp_path):
    checked(editor)
    path = write(tmp_path / "inbox", "report.txt", PORT.replace("120", "9"))
    other = write(tmp_path / "inbox", "budget.txt", BUDGET)
    summary = import_files([path, other])
    assert [r.outcome for r in summary.results] == [Outcome.FAILED, Outcome.IMPORTED]


def test_an_unchecked_article_is_updated_by_reimport():
    first = ingest_article(source_file="r.txt", path="inbox/r.txt", data=PORT.encode())
    second = ingest_article(
        source_file="r.txt", path="inbox/r.txt", data=PORT.replace("120", "9").encode()
    )
    assert second.outcome == Outcome.UPDATED and second.article.pk == first.article.pk


def test_an_editor_replaces_the_text_with_a_reason_and_the_facts_are_flagged(editor):
    article, fact = checked(editor)
    version = fact.version
    result = replace_article_text(
        article=article,
        data=PORT.replace("120", "9").encode(),
        user=editor,
        reason="The port authority corrected its figure",
    )
    assert result.outcome == Outcome.UPDATED
    assert result.message == "text replaced; 1 fact flagged for review"
    article.refresh_from_db()
    assert "9 ships" in article.body and article.origin == "file:-:inbox/report.txt"
    fact.refresh_from_db()
    assert fact.needs_review and fact.version == version + 1
    change = fact.changes.get(action=FactChange.Action.ARTICLE_TEXT)
    assert change.user == editor
    assert change.reason == "The port authority corrected its figure"
    assert change.old_value.startswith(f"article #{article.pk} “Port traffic” (text ")
    assert change.old_value != change.new_value
    # The editor's next verdict clears the flag, with its own history row.
    fact = record_verdict(
        fact=fact, status=Status.CORROBORATED, user=editor, expected_version=fact.version
    )
    assert not fact.needs_review
    assert fact.changes.filter(action=FactChange.Action.STATUS).count() == 2


def test_replacing_text_needs_a_reason(editor):
    article, fact = checked(editor)
    with pytest.raises(ArticleRejected, match="say why the text of article"):
        replace_article_text(
            article=article, data=b"Other\n\nNew text here.", user=editor, reason=" "
        )
    assert not Fact.objects.filter(needs_review=True).exists()


def test_a_legacy_article_is_rekeyed_when_its_bytes_come_again(tmp_path):
    path = write(tmp_path / "seeds", "old.txt", PORT)
    result = ingest_article(source_file="old.txt", data=PORT.encode())
    Article.objects.filter(pk=result.article.pk).update(origin="legacy:old.txt")
    again = import_files([path]).results[0]
    assert again.outcome == Outcome.UNCHANGED
    assert Article.objects.get().origin == "file:-:seeds/old.txt"


def test_migration_gives_old_articles_an_origin():
    from importlib import import_module

    from django.apps import apps

    from tests.builders import make_article

    migration = import_module("sources.migrations.0003_article_origin_and_job_lease")
    with_url = make_article(url="HTTPS://Example.com/a#x", source_file="a.txt")
    same_url = make_article(url="https://example.com/a", source_file="b.txt")
    plain = make_article(source_file="c.txt")
    migration.give_existing_articles_an_origin(apps, None)
    origins = dict(Article.objects.values_list("source_file", "origin"))
    assert origins == {
        "a.txt": "url:https://example.com/a",
        "b.txt": "legacy:b.txt",
        "c.txt": "legacy:c.txt",
    }
    assert {with_url.pk, same_url.pk, plain.pk} == set(Article.objects.values_list("pk", flat=True))
    assert Claim.objects.count() == 0
