from django.conf import settings

from intake.services import find_article_files

from .import_articles import Command as ImportArticlesCommand


class Command(ImportArticlesCommand):
    help = (
        "Import the bundled seed articles from seeds/ (idempotent). Example: manage.py import_seeds"
    )

    def add_arguments(self, parser):
        pass

    def handle(self, *args, **options):
        self.import_and_report(list(find_article_files([settings.BASE_DIR / "seeds"])))
