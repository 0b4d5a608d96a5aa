"""The lock files agree with pyproject.toml's pins, offline.

`make lock` writes requirements.lock (runtime) and requirements-dev.lock (runtime plus the dev
extra) from pyproject.toml; `make test`, `make run` and CI install from the dev lock with
hashes. A pin changed in pyproject.toml without re-locking would be silently ignored by the
install, so these tests compare the two without the package index. (`make lock-check`, run by
CI, goes further: it re-resolves and diffs, indirect packages included.)
"""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _pyproject_pins(*, extra: str | None = None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["optional-dependencies"][extra] if extra else project["dependencies"]
    pins = {}
    for line in lines:
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{line}: pyproject.toml pins exact versions"
        pins[canonicalize_name(requirement.name)] = spec.version
    return pins


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text()
    locked = {}
    # One entry per package: its "name==version \" line and the hash lines under it.
    for entry in re.split(r"\n(?=\S)", text):
        match = PIN.match(entry)
        if match is None:
            continue
        assert "--hash=sha256:" in entry, f"{name}: {match[1]} has no hash"
        locked[canonicalize_name(match[1])] = match[2]
    return locked


def test_runtime_lock_pins_pyproject_dependencies():
    locked = _locked("requirements.lock")
    for name, version in _pyproject_pins().items():
        assert locked.get(name) == version, f"{name}=={version}: run `make lock`"


def test_dev_lock_pins_runtime_and_dev_dependencies():
    locked = _locked("requirements-dev.lock")
    wanted = _pyproject_pins() | _pyproject_pins(extra="dev")
    for name, version in wanted.items():
        assert locked.get(name) == version, f"{name}=={version}: run `make lock`"


def test_dev_lock_installs_the_runtime_lock_versions():
    runtime, dev = _locked("requirements.lock"), _locked("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_psycopg_binary_extra_is_locked():
    # psycopg[binary] pulls psycopg-binary through an extra; a lock without it would
    # install the pure-Python psycopg, which needs libpq on the machine.
    assert "psycopg-binary" in _locked("requirements.lock")
