"""Uploads over Django's request limits get the upload page with an error naming the limit,
not a bare 400 page (issue #10: 1,000 files, a paste over 2.5 MB)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sources.models import Article, ImportJob

pytestmark = pytest.mark.django_db

URL = "/articles/upload/"


def files(count: int) -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(f"s{n}.txt", b"Title\n\nThe port handled 5 ships.", "text/plain")
        for n in range(count)
    ]


def test_a_thousand_files_get_the_form_with_the_limit(editor_client, settings):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 100  # Django's default, kept
    response = editor_client.post(URL, {"files": files(1000)})
    html = response.content.decode()
    assert response.status_code == 413
    assert "<html" in html and 'id="upload-form"' in html
    assert "Nothing was imported." in html
    assert "Too many files for one upload: at most 100 at a time" in html
    assert "DATA_UPLOAD_MAX_NUMBER_FILES" in html
    assert not ImportJob.objects.exists() and not Article.objects.exists()


def test_a_paste_over_two_and_a_half_megabytes_gets_the_form_with_the_limit(editor_client):
    text = "The port handled 5 ships in March. " * 80_000  # 2.8 MB
    response = editor_client.post(URL, {"text": text})
    html = response.content.decode()
    assert response.status_code == 413
    assert "The pasted text is over the 2,621,440-byte (2.5 MB) limit for one form" in html
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in html and "upload the file instead" in html
    assert not Article.objects.exists()


def test_htmx_gets_the_form_fragment_it_can_swap(editor_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    response = editor_client.post(URL, {"files": files(4)}, headers={"HX-Request": "true"})
    html = response.content.decode()
    # htmx swaps only successful answers.
    assert response.status_code == 200
    assert html.lstrip().startswith('<form id="upload-form"')
    assert "<html" not in html
    assert "at most 3 at a time" in html


def test_under_the_limit_nothing_changes(editor_client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    response = editor_client.post(URL, {"files": files(3)})
    assert response.status_code == 302
    assert ImportJob.objects.get().file_count == 3


def test_anonymous_and_viewers_still_get_a_plain_refusal(client, viewer_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    assert client.post(URL, {"files": files(4)}).status_code == 400
    assert viewer_client.post(URL, {"files": files(4)}).status_code == 400
    assert reverse("intake:article-upload") == URL
