"""The request the desk's views receive, as types for mypy (nothing changes at run time).

django-stubs types ``request.user`` as a user or ``AnonymousUser`` and knows nothing
of the ``htmx`` attribute that django-htmx's middleware sets on every request. A view
annotates its request with one of these to say what it can rely on.
"""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """Any request through ``HtmxMiddleware``: ``request.htmx`` is there (falsy when the
    request is not htmx's)."""

    htmx: HtmxDetails


class SignedInRequest(HtmxRequest):
    """A request that passed ``@login_required``: its user is signed in."""

    user: User
