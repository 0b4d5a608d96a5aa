from django.conf import settings
from django.core.management.base import CommandParser

from intake.services import find_article_files

from .import_articles import Command as ImportArticlesCommand


class Command(ImportArticlesCommand):
    help = (
        "Import the bundled seed articles from seeds/ (idempotent). Example: manage.py import_seeds"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        pass

    def handle(self, *args: object, **options: object) -> None:
        self.import_and_report(list(find_article_files([settings.BASE_DIR / "seeds"])))
