"""Login throttling (django-axes): a username+IP locked after 5 wrong passwords."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")


def attempt(client, url, username, password, ip="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN], ids=["desk", "admin"])
def test_six_wrong_passwords_lock_the_login_even_with_the_right_one(client, editor, url):
    if url == ADMIN_LOGIN:
        editor.is_staff = True
        editor.save()
    statuses = [attempt(client, url, "ed", "wrong").status_code for _ in range(6)]
    # The fifth failure locks: it and every later attempt get the lockout page.
    assert statuses == [200, 200, 200, 200, 429, 429]
    response = attempt(client, url, "ed", "pw-ed")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Login locked" in page
    assert "Too many failed logins for <strong>ed</strong>" in page
    assert "locked for 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_another_user_and_another_address_are_unaffected(client, editor, viewer):
    for _ in range(6):
        attempt(client, LOGIN, "ed", "wrong")
    assert attempt(client, LOGIN, "ed", "pw-ed").status_code == 429
    # The same address, another username.
    response = attempt(client, LOGIN, viewer.username, "pw-" + viewer.username)
    assert response.status_code == 302
    client.post(reverse("logout"))
    # The same username from another address.
    response = attempt(client, LOGIN, "ed", "pw-ed", ip="198.51.100.9")
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    for _ in range(4):
        attempt(client, LOGIN, "ed", "wrong")
    assert attempt(client, LOGIN, "ed", "pw-ed").status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert attempt(client, LOGIN, "ed", "wrong").status_code == 200
    assert attempt(client, LOGIN, "ed", "pw-ed").status_code == 302


def test_a_wrong_password_still_shows_the_login_form_error(client, editor):
    response = attempt(client, LOGIN, "ed", "wrong")
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()
