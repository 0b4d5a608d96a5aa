from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.analysis import rebuild_keys


class Command(BaseCommand):
    help = (
        "Give every stored claim the index keys the engine now derives, and every fact the "
        "key index of its claims: run it once after an upgrade that changes the engine's "
        "keys, so that new reports find the facts stored before it. Imports wait while a "
        "batch is rebuilt. Example: manage.py rebuild_keys. With --check, only report, and "
        "exit with status 1 when any key differs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="report only; exit 1 if any key differs"
        )

    def handle(self, *args: object, check: bool, **options: object) -> None:
        claims, facts = rebuild_keys(check=check)
        said = (
            f"{claims} claim{'s' if claims != 1 else ''} and {facts} "
            f"fact{'s' if facts != 1 else ''} had index keys that differ from the engine's"
        )
        if check:
            if claims or facts:
                raise CommandError(f"{said}: run manage.py rebuild_keys")
            self.stdout.write("Every claim and fact has the engine's index keys.")
        elif claims or facts:
            self.stdout.write(f"{said}; rebuilt.")
        else:
            self.stdout.write("Every claim and fact has the engine's index keys; nothing to do.")
