"""A throwaway database for evaluation runs, made the way Django's test runner makes one.

Evaluation imports articles and runs the claim engine; it must never write to,
delete from or lock the newsroom's live rows. ``throwaway_database()`` points
the connection at a new database (named after the live one and the process id,
so two runs never collide), migrates it, and destroys it afterwards, whatever
happens in between. It works on SQLite (a file in the temporary folder) and on
PostgreSQL (``CREATE DATABASE``, so the role needs ``CREATEDB``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper

# PostgreSQL's limit on identifier length.
MAX_NAME_LENGTH = 63


def throwaway_name(connection: BaseDatabaseWrapper) -> str:
    """A database name of this process's own, never the live database's."""
    suffix = f"evaluate_{os.getpid()}"
    if connection.vendor == "sqlite":
        return str(Path(tempfile.gettempdir()) / f"newsroom-{suffix}.sqlite3")
    live = str(connection.settings_dict["NAME"])
    return f"{live[: MAX_NAME_LENGTH - len(suffix) - 1]}_{suffix}"


@contextmanager
def throwaway_database(*, alias: str = DEFAULT_DB_ALIAS, verbosity: int = 0) -> Iterator[str]:
    """Run the block on a new, migrated, empty database; destroy it afterwards.

    Yields the throwaway database's name. The connection points back at the live
    database when the block ends, even when it raises.

    >>> with throwaway_database():
    ...     import_files(paths)  # lands in the throwaway database
    """
    connection = connections[alias]
    live_name = connection.settings_dict["NAME"]
    saved_test = connection.settings_dict.get("TEST", {})
    connection.settings_dict["TEST"] = {**saved_test, "NAME": throwaway_name(connection)}
    try:
        yield connection.creation.create_test_db(verbosity=verbosity, autoclobber=True)
    finally:
        # create_test_db renames the connection before it migrates: if it got that far
        # (even when migrating failed), there is a database to destroy.
        if connection.settings_dict["NAME"] != live_name:
            connection.creation.destroy_test_db(live_name, verbosity=verbosity)
        connection.settings_dict["TEST"] = saved_test
