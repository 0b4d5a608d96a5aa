"""Writes that belong to sources alone: outlets, found or made from a name.

Storing an article together with its claims is intake's job (``intake.services``),
because it needs the claim engine; this app knows nothing of claims.
"""

from __future__ import annotations

import hashlib
import re

from django.utils.text import slugify

from .models import Outlet, OutletKind

# Outlets whose kind we know from their name, so imports classify them without a form.
KNOWN_WIRES = {"ani", "pti", "ians", "uni", "reuters", "ap", "afp", "associated press", "bloomberg"}
KNOWN_STATE_MEDIA = {
    "tass",
    "ria novosti",
    "sputnik",
    "rt",
    "xinhua",
    "cgtn",
    "press tv",
    "dd news",
    "prasar bharati",
    "kcna",
}


def outlet_kind_for(name: str) -> OutletKind:
    key = name.strip().lower()
    if key in KNOWN_WIRES:
        return Outlet.Kind.WIRE
    if key in KNOWN_STATE_MEDIA:
        return Outlet.Kind.STATE_MEDIA
    return Outlet.Kind.OTHER


def get_or_create_outlet(*, name: str) -> Outlet | None:
    name = re.sub(r"\s+", " ", name).strip()
    if not name:
        return None
    slug = slugify(name)[:200] or hashlib.sha256(name.encode()).hexdigest()[:12]
    outlet = Outlet.objects.filter(slug=slug).first()
    if outlet is None:
        outlet = Outlet.objects.create(name=name, slug=slug, kind=outlet_kind_for(name))
    return outlet
