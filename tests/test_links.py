"""``newsroom.links.pk_url`` gives what ``reverse`` gives, for every route taking one number."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, get_resolver, reverse, set_script_prefix

from newsroom.links import pk_url


def one_number_routes() -> list[str]:
    """Every named route of the project whose only argument is one number."""
    names = []
    for app, (_, resolver) in get_resolver().namespace_dict.items():
        for name in resolver.reverse_dict:
            if not isinstance(name, str):
                continue
            for possibilities, *_ in resolver.reverse_dict.getlist(name):
                if any(params == ["pk"] for _, params in possibilities):
                    names.append(f"{app}:{name}")
    return sorted(set(names))


def test_every_one_number_route_gives_what_reverse_gives():
    names = one_number_routes()
    assert "factcheck:claim-verdict" in names and "factcheck:fact-detail" in names
    for name in names:
        for pk in (1, 42, 2_147_483_646):
            assert pk_url(name, pk) == reverse(name, args=[pk]), name


def test_the_script_prefix_is_honoured():
    try:
        set_script_prefix("/desk/")
        assert (
            pk_url("factcheck:fact-detail", 7)
            == "/desk/facts/7/"
            == reverse("factcheck:fact-detail", args=[7])
        )
    finally:
        set_script_prefix("/")
    assert pk_url("factcheck:fact-detail", 7) == "/facts/7/"


def test_a_route_without_a_number_is_refused():
    with pytest.raises(NoReverseMatch):
        pk_url("factcheck:claim-list", 3)


def test_the_template_filter():
    rendered = Template('{% load links %}{{ pk|pk_url:"factcheck:claim-verdict" }}').render(
        Context({"pk": 12})
    )
    assert rendered == reverse("factcheck:claim-verdict", args=[12])
