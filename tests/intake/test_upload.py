"""Adding articles from the browser: pasted text and uploaded files."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.models import Claim
from intake.uploads import INLINE_MAX_BYTES, pasted_article_bytes, pasted_source_file
from sources.models import Article, ImportJob, Outlet
from sources.parsing import parse_file

pytestmark = pytest.mark.django_db

URL = "/articles/upload/"

STORY = (
    "The port of Mundra handled 120 ships in March, the port authority said on Monday.\n\n"
    "Exports through the port rose 14% to $3.2 billion in the financial year, "
    "according to the commerce ministry."
)


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def upload(name: str, content: bytes | str) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/plain")


def story_file(n: int) -> str:
    body = f"The port handled {100 + n} ships in March, officials said."
    return f"Port story {n}\nsource: Daily {n}\n\n{body}\n"


def test_url_and_name():
    assert reverse("intake:article-upload") == URL


def test_form_page_for_editor(editor_client):
    response = editor_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and "multiple" in html
    assert 'hx-post="/articles/upload/"' in html
    assert '<label for="id_text">' in html


def test_form_fragment_for_htmx(editor_client):
    response = editor_client.get(URL, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="upload-form"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_viewer_is_forbidden(viewer_client):
    assert viewer_client.get(URL).status_code == 403
    assert viewer_client.post(URL, {"text": STORY}).status_code == 403
    assert Article.objects.count() == 0


def test_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    response = client.post(URL, {"text": STORY})
    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_pasted_bytes_are_what_the_importer_reads():
    data = pasted_article_bytes(
        text=STORY,
        title="Mundra port busier.",
        outlet="Coastal Times",
        published=dt.date(2025, 4, 2),
        url="https://coastal.example/mundra",
    )
    assert data.startswith(
        b"# Mundra port busier.\nsource: Coastal Times\ndate 2025-04-02\n"
        b"url: https://coastal.example/mundra\n\nThe port of Mundra"
    )
    parsed = parse_file(data, name="x.txt", suffix=".txt")
    assert parsed.title == "Mundra port busier."
    assert parsed.outlet_name == "Coastal Times"
    assert parsed.published == dt.date(2025, 4, 2)
    assert parsed.url == "https://coastal.example/mundra"
    assert parsed.body.startswith("The port of Mundra handled 120 ships")
    name = pasted_source_file(data)
    assert name.startswith("pasted-") and name.endswith(".txt") and len(name) == 23


def test_editor_paste_creates_article_with_claims(editor_client):
    response = editor_client.post(
        URL,
        {
            "text": STORY,
            "title": "Mundra port busier",
            "outlet": "Coastal Times",
            "published": "2025-04-02",
            "url": "https://coastal.example/mundra",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.title == "Mundra port busier"
    assert article.outlet == Outlet.objects.get(name="Coastal Times")
    assert article.published == dt.date(2025, 4, 2)
    assert article.url == "https://coastal.example/mundra"
    assert article.source_file.startswith("pasted-")
    assert Claim.objects.filter(article=article).exists()
    assert any("120 ships" in c.text for c in article.claims.all())
    page = editor_client.get(response["Location"])
    assert "Imported “Mundra port busier”" in page.content.decode()


def test_htmx_paste_answers_with_hx_redirect(editor_client):
    response = editor_client.post(URL, {"text": STORY}, headers={"HX-Request": "true"})
    article = Article.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == article.get_absolute_url()


def test_pasting_the_same_text_again_changes_nothing(editor_client):
    editor_client.post(URL, {"text": STORY, "title": "Mundra port busier"})
    response = editor_client.post(URL, {"text": STORY, "title": "Mundra port busier"})
    article = Article.objects.get()
    assert response["Location"] == article.get_absolute_url()
    assert "Already imported" in editor_client.get(response["Location"]).content.decode()


def test_one_file_upload_is_imported_in_the_request(editor_client):
    response = editor_client.post(URL, {"files": [upload("mundra.txt", story_file(1))]})
    article = Article.objects.get()
    assert article.source_file == "mundra.txt"
    assert article.outlet.name == "Daily 1"
    assert response["Location"] == article.get_absolute_url()
    assert ImportJob.objects.count() == 0


def test_outlet_field_overrides_the_files_outlet(editor_client):
    editor_client.post(URL, {"files": [upload("a.txt", story_file(1))], "outlet": "Wire Co"})
    assert Article.objects.get().outlet.name == "Wire Co"


def test_html_file_upload(editor_client):
    html = (
        "<html><head><title>Ships in March</title></head><body><article>"
        "<h1>Ships in March</h1><p>The port handled 120 ships in March, officials said. "
        "Exports rose 14% to $3.2 billion in the year, the ministry said.</p>"
        "</article></body></html>"
    )
    response = editor_client.post(URL, {"files": [upload("ships.html", html)]})
    article = Article.objects.get()
    assert response["Location"] == article.get_absolute_url()
    assert "<p>" not in article.body


def test_several_files_become_a_background_job(editor_client, editor):
    files = [upload(f"story{n}.txt", story_file(n)) for n in range(3)]
    response = editor_client.post(URL, {"files": files})
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.created_by == editor
    assert job.file_count == 3
    assert job.status == ImportJob.Status.DONE
    assert job.totals["imported"] == 3
    assert Article.objects.count() == 3


def test_large_paste_becomes_a_background_job(editor_client):
    paragraph = "The port handled 120 ships in March, officials said on Monday afternoon. "
    text = "\n\n".join(paragraph * 10 for _ in range(INLINE_MAX_BYTES // 700 + 5))
    assert len(text.encode()) > INLINE_MAX_BYTES
    response = editor_client.post(URL, {"text": text, "title": "A very long report"})
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.file_count == 1
    assert job.status == ImportJob.Status.DONE
    assert Article.objects.get().title == "A very long report"


def test_htmx_background_upload_answers_with_hx_redirect(editor_client):
    files = [upload(f"story{n}.txt", story_file(n)) for n in range(2)]
    response = editor_client.post(URL, {"files": files}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == ImportJob.objects.get().get_absolute_url()


def assert_refused(response, message: str):
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html, html
    assert Article.objects.count() == 0
    assert ImportJob.objects.count() == 0
    assert Outlet.objects.count() == 0


def test_empty_file_is_refused(editor_client):
    response = editor_client.post(URL, {"files": [upload("empty.txt", b"  \n")]})
    assert_refused(response, "empty.txt: empty file")


def test_binary_file_is_refused(editor_client):
    response = editor_client.post(URL, {"files": [upload("photo.txt", b"\x89PNG\r\n\x00\x00\x01")]})
    assert_refused(response, "photo.txt: binary file, not text")


def test_too_large_file_is_refused(editor_client, settings):
    settings.IMPORT_MAX_BYTES = 1000
    response = editor_client.post(URL, {"files": [upload("long.txt", "word " * 400)]})
    assert_refused(response, "long.txt: file is 2,000 bytes, over the 1,000-byte limit")


def test_unsupported_file_type_is_refused(editor_client):
    response = editor_client.post(URL, {"files": [upload("report.pdf", b"%PDF-1.4 text")]})
    assert_refused(response, "report.pdf: unsupported file type .pdf")


def job_rows(job) -> dict[str, tuple[str, str]]:
    return {r["source_file"]: (r["outcome"], r["message"]) for r in job.results}


def test_one_bad_file_does_not_block_the_good_ones(editor_client, settings):
    settings.IMPORT_MAX_BYTES = 1000
    files = [
        upload("good.txt", story_file(1)),
        upload("empty.txt", b""),
        upload("photo.txt", b"\x89PNG\r\n\x00\x00\x01"),
        upload("report.pdf", b"%PDF-1.4 text"),
        upload("long.txt", "word " * 400),
        upload("also-good.md", story_file(2)),
    ]
    response = editor_client.post(URL, {"files": files})
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == ImportJob.Status.DONE
    assert job.file_count == 6
    assert job.totals == {"imported": 2, "updated": 0, "unchanged": 0, "failed": 4}
    assert sorted(a.source_file for a in Article.objects.all()) == ["also-good.md", "good.txt"]
    rows = job_rows(job)
    assert rows["empty.txt"] == ("failed", "empty.txt: empty file")
    assert rows["photo.txt"] == ("failed", "photo.txt: binary file, not text")
    assert rows["report.pdf"][1].startswith("report.pdf: unsupported file type .pdf")
    assert rows["long.txt"][1].startswith("long.txt: file is 2,000 bytes, over the 1,000-byte")
    # The job page names each file chosen, with its one-line reason.
    page = editor_client.get(response["Location"]).content.decode()
    for name in ("good.txt", "also-good.md", "empty.txt", "photo.txt", "report.pdf", "long.txt"):
        assert f"<code>{name}</code>" in page
    summary = "6 of 6 files processed: 2 imported, 0 updated, 0 unchanged, 4 failed."
    assert summary in " ".join(page.split())


def test_the_reasons_are_the_import_commands(editor_client, tmp_path, settings):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    files = {"empty.txt": b"", "photo.txt": b"\x89PNG\r\n\x00\x00\x01"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)
    chosen = [upload(name, data) for name, data in files.items()]
    editor_client.post(URL, {"files": [upload("good.txt", story_file(1)), *chosen]})
    for _, message in job_rows(ImportJob.objects.get()).values():
        if message.startswith(tuple(files)):
            assert f"error: {message}" in err.getvalue()


def test_a_single_one_of_two_same_named_files_is_imported(editor_client):
    files = [upload("a.txt", story_file(1)), upload("a.txt", story_file(2))]
    response = editor_client.post(URL, {"files": files})
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert [(r["source_file"], r["outcome"]) for r in job.results] == [
        ("a.txt", "failed"),
        ("a.txt", "imported"),
    ]
    assert "a.txt: chosen twice" in job.results[0]["message"]
    assert Article.objects.get().source_file == "a.txt"


def test_when_every_file_is_bad_nothing_is_imported_and_each_is_named(editor_client):
    files = [upload("empty.txt", b""), upload("report.pdf", b"%PDF-1.4 text")]
    response = editor_client.post(URL, {"files": files})
    assert_refused(response, "empty.txt: empty file")
    html = response.content.decode()
    assert "report.pdf: unsupported file type .pdf" in html
    # The file picker is cleared: the page says what was chosen.
    assert "You chose 2 files" in html
    assert "<code>empty.txt</code>" in html and "<code>report.pdf</code>" in html


def test_text_without_article_gets_the_importers_message(editor_client):
    response = editor_client.post(URL, {"text": "source: Daily Planet\ndate 2025-01-02\n"})
    assert_refused(response, "Pasted text: no article text after removing headers and boilerplate")


def test_nothing_given(editor_client):
    response = editor_client.post(URL, {"text": "   "})
    assert_refused(response, "Paste an article&#x27;s text or choose files to upload.")


def test_text_and_files_together_are_refused(editor_client):
    response = editor_client.post(URL, {"text": STORY, "files": [upload("a.txt", story_file(1))]})
    assert_refused(response, "Paste text or choose files, not both.")


def test_errors_come_back_as_the_form_fragment_for_htmx(editor_client):
    response = editor_client.post(
        URL, {"files": [upload("empty.txt", b"")]}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="upload-form"')
    assert "empty.txt: empty file" in html
    assert "HX-Redirect" not in response
    assert Article.objects.count() == 0


def test_article_text_is_escaped_in_messages(editor_client):
    response = editor_client.post(
        URL, {"text": STORY, "title": "<script>alert(1)</script> port"}, follow=True
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; port" in html


def test_upload_over_the_total_limit_is_refused(editor_client, monkeypatch):
    from intake import forms

    monkeypatch.setattr(forms, "UPLOAD_MAX_TOTAL_BYTES", 150)
    files = [upload(f"story{n}.txt", story_file(n)) for n in range(3)]
    response = editor_client.post(URL, {"files": files})
    assert_refused(response, "over the 150-byte limit for one upload")


def test_file_with_text_already_imported_under_another_name(editor_client):
    editor_client.post(URL, {"files": [upload("first.txt", story_file(1))]})
    response = editor_client.post(URL, {"files": [upload("again.txt", story_file(1))]}, follow=True)
    assert Article.objects.get().source_file == "first.txt"
    assert "Already imported as first.txt" in response.content.decode()
