"""The engine's docstring examples run, so the documentation cannot drift from the code."""

import doctest
import importlib
import pkgutil

import pytest

import factcheck.engine

MODULES = sorted(m.name for m in pkgutil.iter_modules(factcheck.engine.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"factcheck.engine.{name}")
    result = doctest.testmod(module, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples fail in {name}"
