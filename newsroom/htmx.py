"""The one predicate that decides whether a view answers with a fragment."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


def wants_fragment(request: HttpRequest) -> bool:
    """True for an htmx request that swaps part of a page.

    Boosted requests and history restores need the whole page, or the back
    button and a reload would show a bare fragment.
    """
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not htmx.boosted and not htmx.history_restore_request
