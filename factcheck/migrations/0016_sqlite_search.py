"""The queue's ``?q=`` on SQLite: FTS5 tables over claim text and article title.

PostgreSQL searches through the GIN indexes of ``0004_queue_indexes``; this migration does
nothing there. On SQLite it creates two external-content FTS5 tables (they store the index
only; the text stays in ``factcheck_claim`` and ``sources_article``), fills them from the
rows already stored, and adds triggers that keep them in step with every insert, delete
and change of the text or title, whoever writes it (the ORM, a bulk copy in SQL, a
deletion by cascade).

The tokenizer keeps diacritics, as PostgreSQL's "simple" configuration does: "cafe" does
not find "café" on either database. Case is folded on both.

Beware: Django alters a SQLite table by copying it into a new one and dropping the old,
and dropping a table drops its triggers. A later migration that alters ``factcheck_claim``
or ``sources_article`` on SQLite must create these triggers again (``SQLITE_TRIGGERS``
below, copied into it); ``tests/factcheck/test_search.py`` fails until it does.
"""

from django.db import migrations

TOKENIZE = "unicode61 remove_diacritics 0"
# (FTS table, content table, indexed column): the FTS column has the content column's name,
# which is how an external-content table reads it back.
SEARCHED = [
    ("claim_text_fts", "factcheck_claim", "text"),
    ("article_title_fts", "sources_article", "title"),
]


def sqlite_triggers(fts: str, table: str, column: str) -> list[str]:
    delete = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    insert = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    return [
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        # Only a change of the searched column: a verdict rewriting claims' queue keys
        # leaves the index alone.
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {column} ON {table} "
        f"BEGIN {delete} {insert} END",
    ]


SQLITE_TRIGGERS = {fts: sqlite_triggers(fts, table, column) for fts, table, column in SEARCHED}


def create_search_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for fts, table, column in SEARCHED:
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
            f"content_rowid='id', tokenize='{TOKENIZE}')"
        )
        for trigger in SQLITE_TRIGGERS[fts]:
            schema_editor.execute(trigger)
        # The rows stored before this migration.
        schema_editor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_search_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for fts, _, _ in SEARCHED:
        for action in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{action}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0015_claim_article_names"),
        ("sources", "0005_move_review_counts_to_factcheck"),
    ]

    operations = [
        migrations.RunPython(create_search_tables, drop_search_tables, elidable=False),
    ]
