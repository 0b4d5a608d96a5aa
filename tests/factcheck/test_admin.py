"""The admin: every page loads with rows, and bulk actions go through the services."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from factcheck.models import ArticleRelation, Claim, Evidence, Fact, FactChange, Status
from factcheck.roles import EDITORS
from factcheck.services import add_evidence, record_verdict
from tests.factcheck.desk_scenario import build_story

pytestmark = pytest.mark.django_db

MODELS = [Fact, Claim, ArticleRelation, FactChange, Evidence]


@pytest.fixture
def admin_user(django_user_model, editor):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    # Superusers may assign, but only members of the Editors group can be assigned.
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def story(editor):
    story = build_story()
    record_verdict(fact=story.trade, status=Status.CORROBORATED, user=editor, expected_version=1)
    add_evidence(
        fact=story.trade,
        url="https://example.org/trade",
        note="Customs data",
        user=editor,
        expected_version=2,
    )
    return story


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def changelist(model):
    return reverse(f"admin:factcheck_{model._meta.model_name}_changelist")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_facets_load(admin_client, story, model):
    url = changelist(model)
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0
    assert admin_client.get(url, {"q": "squadrons"}).status_code == 200
    assert admin_client.get(url, {"_facets": "True"}).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_page_loads(admin_client, story, model):
    obj = model.objects.first()
    url = reverse(f"admin:factcheck_{model._meta.model_name}_change", args=[obj.pk])
    assert admin_client.get(url).status_code == 200


def test_list_filters_apply(admin_client, story):
    response = admin_client.get(changelist(Fact), {"status__exact": "corroborated"})
    assert list(response.context["cl"].result_list) == [story.trade]
    response = admin_client.get(changelist(Claim), {"kind__exact": "anonymous"})
    assert [c.fact for c in response.context["cl"].result_list] == [story.anonymous]


@pytest.mark.parametrize(
    ("model", "field"),
    [(Claim, "fact"), (Claim, "article"), (FactChange, "fact"), (Evidence, "fact")],
)
def test_autocomplete_fields_answer(admin_client, story, model, field):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "factcheck",
            "model_name": model._meta.model_name,
            "field_name": field,
            "term": "s",
        },
    )
    assert response.status_code == 200
    assert response.json()["results"]


def run_action(client, action, facts, **extra):
    return client.post(
        changelist(Fact),
        {"action": action, "_selected_action": [f.pk for f in facts], **extra},
        follow=True,
    )


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("mark_corroborated", "corroborated"),
        ("mark_single_source", "single_source"),
        ("mark_disputed", "disputed"),
    ],
)
def test_mark_actions_record_verdicts_with_history(admin_client, admin_user, story, action, status):
    facts = [story.squadrons, story.quote]
    response = run_action(admin_client, action, facts)
    assert response.status_code == 200
    for fact in facts:
        fact.refresh_from_db()
        assert fact.status == status
        change = FactChange.objects.get(fact=fact)
        assert (change.action, change.new_value, change.user) == ("status", status, admin_user)
        assert change.reason == "Bulk action in the admin"


def test_assign_action_offers_only_editors(admin_client, story, editor, viewer):
    response = admin_client.get(changelist(Fact))
    page = response.content.decode()
    assert "Assign to editor" in page
    assert f'<option value="{editor.pk}">ed</option>' in page
    assert f'<option value="{viewer.pk}">' not in page


def test_assign_action_assigns_with_history(admin_client, admin_user, story, editor):
    facts = [story.squadrons, story.quote]
    response = run_action(admin_client, "assign_to_editor", facts, assignee=editor.pk)
    assert "Assigned 2 facts to ed." in response.content.decode()
    for fact in facts:
        fact.refresh_from_db()
        assert fact.assigned_to == editor
        change = FactChange.objects.get(fact=fact)
        assert (change.action, change.new_value, change.user) == ("assign", "ed", admin_user)
    # Empty choice: unassign.
    run_action(admin_client, "assign_to_editor", facts, assignee="")
    assert FactChange.objects.filter(action="assign", new_value="").count() == 2


def test_assign_action_refuses_a_non_editor(admin_client, story, viewer):
    response = run_action(admin_client, "assign_to_editor", [story.squadrons], assignee=viewer.pk)
    assert "Choose an editor from the Editors group." in response.content.decode()
    assert not FactChange.objects.filter(action="assign").exists()


def test_history_is_read_only_in_the_admin(admin_client, story):
    change = FactChange.objects.first()
    url = reverse("admin:factcheck_factchange_delete", args=[change.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert FactChange.objects.filter(pk=change.pk).exists()
