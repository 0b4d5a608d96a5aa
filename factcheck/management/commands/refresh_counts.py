from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.counts import Drift, find_drift, repair_counts


def _said(drift: Drift) -> str:
    def ids(rows: list[int]) -> str:
        shown = ", ".join(f"#{pk}" for pk in rows[:10])
        return f" ({shown}{', …' if len(rows) > 10 else ''})" if rows else ""

    said = (
        f"{len(drift.articles)} article{'s' if len(drift.articles) != 1 else ''}"
        f"{ids(drift.articles)} and {len(drift.facts)} fact{'s' if len(drift.facts) != 1 else ''}"
        f"{ids(drift.facts)} had counts that differ from their claims"
    )
    if drift.queue_facts:
        n = len(drift.queue_facts)
        said += (
            f"; the claims of {n} fact{'s' if n != 1 else ''}{ids(drift.queue_facts)} kept "
            "queue keys that differ from their fact and article"
        )
    return said


class Command(BaseCommand):
    help = (
        "Recount what articles and facts keep about their claims (the articles' claims and "
        "facts with and without a verdict, the facts' reporting articles, the review queue's "
        "keys kept on each claim) wherever it differs from the claims, and say which were "
        "wrong. The desk keeps them right; this repairs. Example: manage.py refresh_counts. "
        "With --check, only report, and exit with status 1 when any is wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="report only; exit 1 if any count is wrong"
        )

    def handle(self, *args: object, check: bool, **options: object) -> None:
        if check:
            drift = find_drift()
            if drift:
                raise CommandError(f"{_said(drift)}: run manage.py refresh_counts to repair")
            self.stdout.write("Every kept count matches the claims.")
            return
        drift = repair_counts()
        if drift:
            self.stdout.write(f"{_said(drift)}; recounted.")
        else:
            self.stdout.write("Every kept count matches the claims; nothing to recount.")
