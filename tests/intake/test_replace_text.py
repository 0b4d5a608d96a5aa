"""Replacing an article's text from the desk: editors only, with a reason; facts flagged."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from factcheck.models import FactChange, Status
from factcheck.priority import refresh_queue_keys
from tests.builders import make_article, make_claim, make_fact

pytestmark = pytest.mark.django_db

NEW_TEXT = "Port story\n\nThe port handled 150 ships in March, officials said.\n"


@pytest.fixture
def checked():
    article = make_article("The port handled 120 ships in March, officials said.")
    fact = make_fact(status=Status.CORROBORATED)
    make_claim(article, "120 ships", fact=fact)
    return article, fact


def url(article):
    return reverse("intake:article-replace-text", args=[article.pk])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_and_viewers_are_refused(viewer, checked):
    article, _ = checked
    data = {"text": NEW_TEXT, "reason": "Outlet corrected"}
    response = Client().post(url(article), data)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert signed_in(viewer).post(url(article), data).status_code == 403
    article.refresh_from_db()
    assert "120 ships" in article.body


def test_a_reason_is_required(editor_client, checked):
    article, fact = checked
    response = editor_client.post(url(article), {"text": NEW_TEXT, "reason": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Why the text is replaced" in html
    article.refresh_from_db()
    assert "120 ships" in article.body
    assert not FactChange.objects.filter(fact=fact).exists()


def test_a_bad_file_is_refused_on_the_form(editor_client, checked):
    article, _ = checked
    bad = SimpleUploadedFile("new.txt", b"\x00\x01\x02binary" * 10)
    response = editor_client.post(url(article), {"file": bad, "reason": "Corrected"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    article.refresh_from_db()
    assert "120 ships" in article.body


def test_pasted_text_replaces_the_article_and_flags_its_fact(editor_client, checked):
    article, fact = checked
    response = editor_client.post(url(article), {"text": NEW_TEXT, "reason": "Outlet corrected"})
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    assert "150 ships" in article.body
    fact.refresh_from_db()
    assert fact.needs_review
    change = FactChange.objects.filter(fact=fact).latest("pk")
    assert change.reason == "Outlet corrected"
    page = editor_client.get(response["Location"]).content.decode()
    assert "flagged for review" in page


def test_a_file_replaces_the_text(editor_client, checked):
    article, fact = checked
    new = SimpleUploadedFile("corrected.txt", NEW_TEXT.encode())
    response = editor_client.post(url(article), {"file": new, "reason": "Corrected file"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert "150 ships" in article.body and article.source_file == "corrected.txt"
    fact.refresh_from_db()
    assert fact.needs_review


def test_the_form_shows_to_editors_only(editor, viewer, checked):
    article, _ = checked
    page = article.get_absolute_url()
    assert 'id="replace-text"' in signed_in(editor).get(page).content.decode()
    assert 'id="replace-text"' not in signed_in(viewer).get(page).content.decode()


def test_the_badge_shows_on_the_fact_page_and_the_queue(editor_client, checked):
    article, fact = checked
    badge = "Needs re-review"
    assert badge not in editor_client.get(fact.get_absolute_url()).content.decode()
    assert badge not in editor_client.get(reverse("factcheck:claim-list")).content.decode()
    fact.needs_review = True
    fact.save(update_fields=["needs_review"])
    # As the services that flag a fact do, its claims' queue keys too (factcheck.priority).
    refresh_queue_keys(fact_ids={fact.pk})
    assert badge in editor_client.get(fact.get_absolute_url()).content.decode()
    assert badge in editor_client.get(reverse("factcheck:claim-list")).content.decode()
