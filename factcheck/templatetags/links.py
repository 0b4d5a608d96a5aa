"""``{{ claim.pk|pk_url:"factcheck:claim-verdict" }}``: ``{% url %}`` for a one-number route,
without reversing it again for every row (``newsroom.links``)."""

from __future__ import annotations

from django import template

from newsroom.links import pk_url as _pk_url

register = template.Library()


@register.filter
def pk_url(pk: int, name: str) -> str:
    return _pk_url(name, pk)
