"""The desk's two roles, their permissions, and who counts as an editor.

Used by tests whose database is flushed between tests (live-server browser
tests) to recreate the groups; the data migration that first created them keeps
its own frozen copy of these definitions.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q, QuerySet

EDITORS = "Editors"
VIEWERS = "Viewers"

VIEWER_PERMISSIONS = [
    ("factcheck", "view_fact"),
    ("factcheck", "view_claim"),
    ("factcheck", "view_evidence"),
    ("factcheck", "view_factchange"),
    ("factcheck", "view_articlerelation"),
    ("sources", "view_article"),
    ("sources", "view_outlet"),
]
EDITOR_PERMISSIONS = [
    *VIEWER_PERMISSIONS,
    ("factcheck", "record_verdict"),
    ("factcheck", "publish_fact"),
    ("factcheck", "change_fact"),
    ("factcheck", "change_claim"),
    ("factcheck", "add_evidence"),
    ("factcheck", "delete_evidence"),
    ("sources", "add_article"),
    ("sources", "add_outlet"),
]
ROLES = {EDITORS: EDITOR_PERMISSIONS, VIEWERS: VIEWER_PERMISSIONS}


def ensure_groups(group_model: type[Group], permission_model: type[Permission]) -> None:
    """Create the groups (if missing) and give them exactly their permissions."""
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            [
                permission_model.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
        )


def editors() -> QuerySet[User]:
    """Users who may record verdicts, so may be assigned a fact: the desk's one test of
    "who is an editor". By permission, not group name, so a superuser or a user given
    the permission directly counts too.
    """
    can_verdict = Permission.objects.filter(
        codename="record_verdict", content_type__app_label="factcheck"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=can_verdict)
            | Q(user_permissions__in=can_verdict)
        )
        .distinct()
        .order_by("username")
    )
