"""The styled 403, 404 and 500 pages: the site's layout, not Django's bare text."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from newsroom.views import server_error
from tests.builders import make_article


@pytest.mark.django_db
def test_a_viewer_refused_a_page_gets_the_styled_403(viewer_client, viewer):
    response = viewer_client.get(reverse("intake:article-upload"))
    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "403.html"
    page = response.content.decode()
    assert 'href="/static/css/app.css"' in page
    assert 'aria-label="Main"' in page  # the desk's navigation, with the signed-in user
    assert "You are signed in as <strong>vi</strong>" in page
    assert "Editors group" in page


@pytest.mark.django_db
def test_a_viewer_refused_a_change_gets_the_styled_403(viewer_client):
    article = make_article("The port handled 120 ships.")
    response = viewer_client.post(
        reverse("intake:article-replace-text", args=[article.pk]), {"text": "x"}
    )
    assert response.status_code == 403
    assert "t do that with this account</h1>" in response.content.decode()


@pytest.mark.django_db
def test_unknown_pages_get_the_styled_404(client, editor_client):
    for who in (client, editor_client):
        response = who.get("/no-such-page/")
        assert response.status_code == 404
        page = response.content.decode()
        assert "Page not found" in page and 'href="/static/css/app.css"' in page
        assert 'href="/fact-checks/"' in page
    response = editor_client.get(reverse("factcheck:fact-detail", args=[999_999]))
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_the_500_page_needs_no_request_context_and_no_database():
    # No django_db mark: any query here fails the test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert 'href="/static/css/app.css"' in page
    assert "<title>Server error · Newsroom Fact-Check Desk</title>" in page
    assert 'aria-label="Main"' not in page  # no user, so no navigation


@pytest.mark.django_db
def test_a_crashing_view_answers_with_the_styled_500(editor, monkeypatch):
    def crash():
        raise RuntimeError("broken")

    monkeypatch.setattr("factcheck.views.dashboard.status_counts", crash)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.get(reverse("factcheck:dashboard"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
