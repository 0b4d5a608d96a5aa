import pytest

from intake.services import Outcome, import_files
from sources.models import Article

pytestmark = pytest.mark.django_db


def test_an_article_past_the_engine_budget_fails_in_one_line_and_leaves_nothing(settings, tmp_path):
    settings.ENGINE_SECONDS_PER_ARTICLE = -1
    path = tmp_path / "slow.txt"
    path.write_text("A headline here\n\nTrade reached $68.7B in FY25, officials said.\n")

    summary = import_files([path])

    [result] = summary.results
    assert result.outcome == Outcome.FAILED
    assert result.message == (
        "slow.txt: claim extraction took over -1 s and stopped at sentence 1 of 1 "
        "(character 0 of 45)"
    )
    assert not Article.objects.exists()
