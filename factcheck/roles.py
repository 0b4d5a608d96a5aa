"""The desk's two roles and their permissions.

Used by the data migration that creates the groups, and by tests whose database
is flushed between tests (live-server browser tests).
"""

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


def ensure_groups(group_model, permission_model) -> None:
    """Create the groups (if missing) and give them exactly their permissions."""
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            [
                permission_model.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
        )
