from django.core.management.base import BaseCommand, CommandParser

from intake.uploads import resume_stale_import_jobs


class Command(BaseCommand):
    help = (
        "Queue again the import jobs whose worker died (running, no heartbeat within "
        "IMPORT_JOB_LEASE_SECONDS); they carry on with the files not yet imported. "
        "Example: manage.py resume_import_jobs --takeover (before starting the only worker)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--takeover",
            action="store_true",
            help="resume every running job, however recent its heartbeat: use only when no "
            "other worker is running",
        )

    def handle(self, *args: object, takeover: bool, **options: object) -> None:
        jobs = resume_stale_import_jobs(takeover=takeover)
        if not jobs:
            self.stdout.write("No import job to resume.")
            return
        listed = ", ".join(f"#{job.pk} ({job.processed} of {job.file_count} done)" for job in jobs)
        self.stdout.write(f"Resumed {len(jobs)} import job{'s' if len(jobs) > 1 else ''}: {listed}")
