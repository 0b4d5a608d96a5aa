"""The admin: every page loads with rows, bulk actions go through the services, and
no change made in the admin escapes the history (one door for every change)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from factcheck.models import ArticleRelation, Claim, Evidence, Fact, FactChange, Status
from factcheck.roles import EDITORS
from factcheck.services import add_evidence, assign_fact, record_verdict
from sources.models import Article
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
    # "Nobody", chosen explicitly: unassign.
    run_action(admin_client, "assign_to_editor", facts, assignee="nobody")
    assert FactChange.objects.filter(action="assign", new_value="").count() == 2


def test_assign_action_has_no_default_assignee(admin_client, story, editor):
    page = admin_client.get(changelist(Fact)).content.decode()
    # The first (selected) choice is "choose", not "Nobody".
    options = page[page.index('name="assignee"') :]
    assert options.index('<option value="" selected>— choose an editor —</option>') < (
        options.index('<option value="nobody">Nobody (unassign)</option>')
    )
    assign_fact(fact=story.squadrons, assignee=editor, user=editor, expected_version=None)
    response = run_action(admin_client, "assign_to_editor", [story.squadrons], assignee="")
    assert escape('Choose an editor from the Editors group, or "Nobody" to unassign.') in (
        response.content.decode()
    )
    story.squadrons.refresh_from_db()
    assert story.squadrons.assigned_to == editor
    assert FactChange.objects.filter(action="assign").count() == 1


def test_assign_action_refuses_a_non_editor(admin_client, story, viewer):
    response = run_action(admin_client, "assign_to_editor", [story.squadrons], assignee=viewer.pk)
    assert "Choose an editor from the Editors group" in response.content.decode()
    assert not FactChange.objects.filter(action="assign").exists()


def test_history_is_read_only_in_the_admin(admin_client, story):
    change = FactChange.objects.first()
    url = reverse("admin:factcheck_factchange_delete", args=[change.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert FactChange.objects.filter(pk=change.pk).exists()


# ------------------------------------------------- one door for every change


@pytest.fixture
def staff_editor(editor):
    # Editors are staff: they reach the admin with the Editors group's permissions.
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    return editor


@pytest.fixture
def editor_admin(client, staff_editor):
    client.force_login(staff_editor)
    return client


def admin_url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def snapshot():
    """Everything a history-less change could touch."""
    return (
        list(Fact.objects.order_by("pk").values_list("pk", "version", "status", "note")),
        list(Claim.objects.order_by("pk").values_list("pk", "fact_id", "text")),
        list(Evidence.objects.order_by("pk").values_list("pk", "fact_id", "url", "added_by")),
        FactChange.objects.count(),
        list(Article.objects.order_by("pk").values_list("pk", "title", "body")),
    )


def test_evidence_added_in_the_admin_goes_through_the_service(
    editor_admin, staff_editor, other_editor, story
):
    fact = story.squadrons
    response = editor_admin.post(
        admin_url(Evidence, "add"),
        {
            "fact": fact.pk,
            "url": "https://mod.example.org/release",
            "note": " Ministry release ",
            # Not a field of the form: evidence is always added in the editor's own name.
            "added_by": other_editor.pk,
        },
    )
    assert response.status_code == 302
    item = Evidence.objects.get(fact=fact)
    assert (item.url, item.note, item.added_by) == (
        "https://mod.example.org/release",
        "Ministry release",
        staff_editor,
    )
    fact.refresh_from_db()
    assert fact.version == 2
    change = FactChange.objects.get(fact=fact)
    assert (change.action, change.user, change.new_value) == (
        "evidence_add",
        staff_editor,
        "https://mod.example.org/release Ministry release",
    )
    # The admin's redirect and log name the saved row.
    assert response.url == admin_url(Evidence, "changelist")


def test_evidence_deleted_in_the_admin_goes_through_the_service(editor_admin, staff_editor, story):
    item = Evidence.objects.get(fact=story.trade)
    version = Fact.objects.get(pk=story.trade.pk).version
    response = editor_admin.post(admin_url(Evidence, "delete", item.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert Fact.objects.get(pk=story.trade.pk).version == version + 1
    change = FactChange.objects.filter(fact=story.trade).latest("id")
    assert (change.action, change.user, change.old_value) == (
        "evidence_remove",
        staff_editor,
        "https://example.org/trade Customs data",
    )


def test_evidence_bulk_delete_in_the_admin_goes_through_the_service(
    editor_admin, staff_editor, story
):
    add_evidence(
        fact=story.quote,
        url="https://example.org/q",
        note="",
        user=staff_editor,
        expected_version=1,
    )
    items = list(Evidence.objects.all())
    response = editor_admin.post(
        admin_url(Evidence, "changelist"),
        {"action": "delete_selected", "_selected_action": [e.pk for e in items], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    removed = FactChange.objects.filter(action="evidence_remove", user=staff_editor)
    assert sorted(removed.values_list("fact_id", flat=True)) == sorted(
        [story.trade.pk, story.quote.pk]
    )


def test_evidence_cannot_be_edited_in_place_in_the_admin(editor_admin, story, other_editor):
    item = Evidence.objects.get(fact=story.trade)
    before = snapshot()
    response = editor_admin.post(
        admin_url(Evidence, "change", item.pk),
        {
            "fact": story.quote.pk,
            "url": "https://evil.example",
            "note": "",
            "added_by": other_editor.pk,
        },
    )
    assert response.status_code == 403
    assert snapshot() == before


def fact_form(fact):
    return {
        "summary": "Rewritten",
        "status": "disputed",
        "note": "sneaky",
        "version": fact.version,
        "claims-TOTAL_FORMS": 0,
        "claims-INITIAL_FORMS": 0,
        "evidence-TOTAL_FORMS": 0,
        "evidence-INITIAL_FORMS": 0,
        "changes-TOTAL_FORMS": 0,
        "changes-INITIAL_FORMS": 0,
    }


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_facts_and_claims_cannot_be_changed_added_or_deleted_in_the_admin(
    client, staff_editor, admin_user, story, who
):
    client.force_login(staff_editor if who == "editor" else admin_user)
    fact, claim = story.squadrons, story.rival_squadrons
    before = snapshot()
    attempts = [
        (admin_url(Fact, "add"), fact_form(fact)),
        (admin_url(Fact, "change", fact.pk), fact_form(fact)),
        (admin_url(Fact, "delete", fact.pk), {"post": "yes"}),
        (admin_url(Claim, "add"), {"text": "x", "fact": fact.pk}),
        (admin_url(Claim, "change", claim.pk), {"fact": story.trade.pk, "text": "x"}),
        (admin_url(Claim, "delete", claim.pk), {"post": "yes"}),
        (admin_url(FactChange, "change", FactChange.objects.first().pk), {"reason": "x"}),
    ]
    for target, data in attempts:
        assert client.post(target, data).status_code == 403, target
    for model in (Fact, Claim):
        # The admin offers no delete action on them, and a forged one does nothing.
        page = client.get(admin_url(model, "changelist"))
        form = page.context["action_form"]
        offered = [name for name, _ in form.fields["action"].choices] if form else []
        assert "delete_selected" not in offered
        response = client.post(
            admin_url(model, "changelist"),
            {
                "action": "delete_selected",
                "index": 0,
                "_selected_action": [model.objects.first().pk],
                "post": "yes",
            },
        )
        assert response.status_code in (200, 302)
    assert snapshot() == before


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_articles_are_read_only_in_the_admin(client, staff_editor, admin_user, story, who):
    client.force_login(staff_editor if who == "editor" else admin_user)
    article = Article.objects.first()
    before = snapshot()
    # "Add article" answered 500 (no content hash); now it is refused.
    assert client.get(admin_url(Article, "add")).status_code == 403
    data = {"title": "Hand-typed", "body": "A body.", "source_file": "hand.txt"}
    assert client.post(admin_url(Article, "add"), data).status_code == 403
    assert client.post(admin_url(Article, "change", article.pk), data).status_code == 403
    assert client.post(admin_url(Article, "delete", article.pk), {"post": "yes"}).status_code == 403
    assert snapshot() == before
    # The list says where articles come from, and offers no "Add" button.
    page = client.get(admin_url(Article, "changelist"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Articles are added by importing files" in content
    assert admin_url(Article, "add") not in content
    assert client.get(admin_url(Article, "change", article.pk)).status_code == 200


def test_bulk_actions_still_work_for_a_staff_editor(editor_admin, staff_editor, story):
    response = run_action(editor_admin, "mark_disputed", [story.quote])
    assert "Marked 1 fact as disputed." in response.content.decode()
    change = FactChange.objects.get(fact=story.quote)
    assert (change.action, change.user) == ("status", staff_editor)
