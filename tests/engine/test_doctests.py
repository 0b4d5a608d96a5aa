"""The engine's docstring examples run, so the documentation cannot drift from the code."""

import doctest
import importlib
import pkgutil

import pytest

import factcheck.engine

# Walked, not just listed, so the modules of a subpackage (``quantities.finder``) count too.
MODULES = sorted(
    m.name.removeprefix("factcheck.engine.")
    for m in pkgutil.walk_packages(factcheck.engine.__path__, "factcheck.engine.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"factcheck.engine.{name}")
    result = doctest.testmod(module, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples fail in {name}"
