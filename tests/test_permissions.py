"""``newsroom.permissions``: ModelBackend's permissions, read in one statement.

Who may do what must not change: each check is compared with what Django's own
``ModelBackend`` answers, for permissions given to a user, to their groups, to both, to
neither, and for superusers, inactive users and anonymous visitors.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.permissions import PermissionBackend, permissions_of

pytestmark = pytest.mark.django_db

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOGIN = reverse("login")


def permission(label: str) -> Permission:
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def make_user(username: str, *, given=(), groups=(), **fields):
    """A user with the permissions ``given`` and the groups ``groups``, each group a
    (name, permissions) pair."""
    user = get_user_model().objects.create_user(username=username, password="pw", **fields)
    user.user_permissions.add(*(permission(p) for p in given))
    for name, labels in groups:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(p) for p in labels))
        user.groups.add(group)
    return user


def fresh(user):
    # Each request loads its user afresh: no permissions cached on it yet.
    return get_user_model().objects.get(pk=user.pk)


def model_backend_permissions(user) -> set[str]:
    return ModelBackend().get_all_permissions(fresh(user))


@pytest.mark.parametrize(
    "given, groups",
    [
        ((), ()),
        (("factcheck.record_verdict",), ()),
        ((), [("Desk", ["factcheck.record_verdict", "factcheck.view_fact"])]),
        (
            ("sources.add_article", "factcheck.view_fact"),
            [
                ("Desk", ["factcheck.record_verdict", "factcheck.view_fact"]),
                ("Night", ["factcheck.publish_fact"]),
            ],
        ),
    ],
    ids=["none", "given", "from-a-group", "given-and-two-groups"],
)
def test_the_same_permissions_as_model_backend(given, groups):
    user = make_user("someone", given=given, groups=groups)
    expected = set(given) | {label for _, labels in groups for label in labels}
    assert model_backend_permissions(user) == expected
    assert permissions_of(user.pk) == expected
    assert PermissionBackend().get_all_permissions(fresh(user)) == expected


def test_another_users_permissions_do_not_leak():
    make_user(
        "other", given=("factcheck.publish_fact",), groups=[("Desk", ["sources.add_article"])]
    )
    user = make_user("someone", groups=[("Viewers only", ["factcheck.view_fact"])])
    assert permissions_of(user.pk) == {"factcheck.view_fact"}


def test_superusers_have_every_permission_and_inactive_users_none():
    root = make_user("root", is_superuser=True)
    assert PermissionBackend().get_all_permissions(fresh(root)) == model_backend_permissions(root)
    assert len(model_backend_permissions(root)) == Permission.objects.count()
    gone = make_user("gone", given=("factcheck.record_verdict",), is_active=False)
    assert PermissionBackend().get_all_permissions(fresh(gone)) == set()
    assert not fresh(gone).has_perm("factcheck.record_verdict")
    assert PermissionBackend().get_all_permissions(AnonymousUser()) == set()
    assert not AnonymousUser().has_perm("factcheck.record_verdict")


def test_a_request_reads_its_permissions_in_one_query(editor, viewer):
    for user, allowed in ((editor, True), (viewer, False)):
        user = fresh(user)
        with CaptureQueriesContext(connection) as first:
            assert user.has_perm("factcheck.record_verdict") is allowed
        # A refused check goes on to ModelBackend, which finds them in the same cache.
        assert len(first) == 1
        with CaptureQueriesContext(connection) as later:
            assert user.has_perm("factcheck.view_fact")
            assert user.has_perm("factcheck.publish_fact") is allowed
            assert user.has_module_perms("factcheck")
        assert len(later) == 0


def test_model_backend_still_signs_in_so_sessions_keep_their_backend(client, editor):
    assert PermissionBackend().authenticate(None, username="ed", password="pw-ed") is None
    assert client.post(LOGIN, {"username": "ed", "password": "wrong"}).status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.post(LOGIN, {"username": "ed", "password": "pw-ed"}).status_code == 302
    assert client.session["_auth_user_backend"] == MODEL_BACKEND
    # Sessions signed in before this backend name ModelBackend too: still signed in.
    response = client.get(reverse("factcheck:claim-list"))
    assert response.status_code == 200
    assert response.wsgi_request.user == editor
