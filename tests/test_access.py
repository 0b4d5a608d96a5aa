"""Every URL pattern, as an anonymous visitor, a viewer and an editor see it.

The table below must name every pattern of the project (admin aside, which
Django guards itself): a new URL without an entry here fails the first test.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from factcheck.models import Evidence, FactChange, Status
from sources.models import ImportJob
from tests.builders import make_article, make_claim, make_fact, publish

pytestmark = pytest.mark.django_db

PUBLIC = "public"  # anyone may GET
DESK = "desk"  # login needed; viewers and editors may GET
EDITORS = "editors"  # login needed; GET only for editors (viewers 403)
CHANGE = "change"  # POST only; login needed; viewers 403

ACCESS = {
    "login": PUBLIC,
    "logout": "logout",
    "factcheck:article-list": DESK,
    "factcheck:article-detail": DESK,
    "intake:article-upload": EDITORS,
    "intake:import-job": EDITORS,
    "intake:article-replace-text": CHANGE,
    "factcheck:dashboard": DESK,
    "factcheck:claim-list": DESK,
    "factcheck:claim-export": DESK,
    "factcheck:claim-article-options": DESK,
    "factcheck:claim-outlet-options": DESK,
    "factcheck:claim-panel": DESK,
    "factcheck:fact-detail": DESK,
    "factcheck:claim-verdict": CHANGE,
    "factcheck:claim-undo": CHANGE,
    "factcheck:fact-undo": CHANGE,
    "factcheck:fact-verdict": CHANGE,
    "factcheck:fact-note": CHANGE,
    "factcheck:fact-assign": CHANGE,
    "factcheck:fact-evidence-add": CHANGE,
    "factcheck:fact-evidence-remove": CHANGE,
    "factcheck:fact-evidence-visibility": CHANGE,
    "factcheck:fact-factcheck": CHANGE,
    "factcheck:fact-request-review": CHANGE,
    "factcheck:fact-approve": CHANGE,
    "factcheck:fact-clear-review": CHANGE,
    "factcheck:fact-split": CHANGE,
    "factcheck:fact-merge": CHANGE,
    "factcheck:fact-merge-compare": EDITORS,
    "factcheck:fact-unmerge": CHANGE,
    "factcheck:fact-publish": CHANGE,
    "factcheck:fact-unpublish": CHANGE,
    "factcheck:public-index": PUBLIC,
    "factcheck:public-feed": PUBLIC,
    "factcheck:public-fact": PUBLIC,
    "factcheck:methodology": PUBLIC,
}


def url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    # Built once for the module, not for each of its hundred tests (the publication
    # through the service was most of a test's time), in a transaction rolled back when
    # the module is done. Each test runs in a savepoint inside it (pytest-django's db),
    # so what a test changes is undone after it.
    from django.contrib.auth.models import Group, Permission

    from factcheck.roles import EDITORS, ensure_groups

    with django_db_blocker.unblock(), transaction.atomic():
        # A transactional test run before this module flushes the groups the data
        # migration made (pytest-django runs those last, but the order is not ours).
        ensure_groups(Group, Permission)
        editor = get_user_model().objects.create_user(username="ed", password="pw-ed")
        editor.groups.add(Group.objects.get(name=EDITORS))
        article = make_article("The port handled 120 ships in March, officials said.")
        fact = make_fact()
        claim = make_claim(article, "120 ships", fact=fact)
        fact = publish(fact, status=Status.CORROBORATED)
        evidence = Evidence.objects.create(fact=fact, url="https://example.org/a", added_by=editor)
        job = ImportJob.objects.create(created_by=editor)
        other = make_fact()
        make_claim(make_article("The port handled 121 ships in March."), "121 ships", fact=other)
        merge = FactChange.objects.create(fact=other, action=FactChange.Action.MERGE, user=editor)
        yield {
            "editor": editor,
            "article": article,
            "fact": fact,
            "claim": claim,
            "evidence": evidence,
            "job": job,
            "other": other,
            "merge": merge,
        }
        transaction.set_rollback(True)


@pytest.fixture
def world(_world, db):
    """The module's rows, read afresh for each test."""
    return {name: type(row).objects.get(pk=row.pk) for name, row in _world.items()}


@pytest.fixture
def editor(world):
    # The world's editor, who started its import job (only they may see it).
    return world["editor"]


def url_of(name: str, world) -> str:
    args = {
        "factcheck:article-detail": [world["article"].pk],
        "intake:import-job": [world["job"].pk],
        "intake:article-replace-text": [world["article"].pk],
        "factcheck:claim-verdict": [world["claim"].pk],
        "factcheck:claim-undo": [world["claim"].pk],
        "factcheck:claim-panel": [world["claim"].pk],
        "factcheck:fact-evidence-remove": [world["fact"].pk, world["evidence"].pk],
        "factcheck:fact-evidence-visibility": [world["fact"].pk, world["evidence"].pk],
        "factcheck:public-fact": [world["fact"].pk],
        "factcheck:fact-unmerge": [world["other"].pk, world["merge"].pk],
    }.get(name)
    if name == "factcheck:fact-merge-compare":
        return reverse(name, args=[world["fact"].pk]) + f"?other={world['other'].pk}"
    if args is None and name.startswith("factcheck:fact-"):
        args = [world["fact"].pk]
    return reverse(name, args=args or [])


def test_the_table_names_every_url_pattern():
    assert url_names() == set(ACCESS)


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_anonymous_visitor(client, world, name):
    url = url_of(name, world)
    access = ACCESS[name]
    if access == PUBLIC:
        assert client.get(url).status_code == 200
    elif access == CHANGE:
        response = client.post(url, {"status": Status.DISPUTED})
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert client.get(url).status_code == 405
    elif access == "logout":
        assert client.post(url).status_code == 302
    else:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_viewer_reads_and_changes_nothing(viewer_client, world, name):
    url = url_of(name, world)
    access = ACCESS[name]
    if access in (PUBLIC, DESK):
        assert viewer_client.get(url).status_code == 200
    elif access == EDITORS:
        assert viewer_client.get(url).status_code == 403
    elif access == CHANGE:
        # The world's fact was published (through the service): it has a history.
        before = (world["fact"].version, world["fact"].changes.count())
        assert viewer_client.post(url, {"status": Status.DISPUTED}).status_code == 403
        world["fact"].refresh_from_db()
        assert (world["fact"].version, world["fact"].changes.count()) == before


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_editor_gets_every_page_and_every_change(editor_client, world, name):
    url = url_of(name, world)
    access = ACCESS[name]
    if access in (PUBLIC, DESK, EDITORS):
        assert editor_client.get(url).status_code == 200
    elif access == CHANGE:
        # Not refused: a change answers 200 (or redirects to its page without htmx),
        # a form missing fields 400, a stale version 409.
        response = editor_client.post(url, {"status": Status.DISPUTED})
        assert response.status_code in (200, 302, 400, 409)
        if response.status_code == 302:
            assert "/login/" not in response["Location"]


def test_htmx_posts_need_the_csrf_token(editor, world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("factcheck:fact-verdict", args=[world["fact"].pk])
    response = client.post(url, {"status": Status.DISPUTED}, headers={"HX-Request": "true"})
    assert response.status_code == 403
