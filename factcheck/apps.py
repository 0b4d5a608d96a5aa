from django.apps import AppConfig
from django.db.models.signals import pre_delete


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = "Fact-check: claims, facts and verdicts"

    def ready(self) -> None:
        from sources.models import Article

        # A signal, against the house rule, because dependencies point one way:
        # sources stores articles and must never import the claim engine, yet
        # every deletion of an article (``Article.delete()``, a queryset's delete,
        # which sends pre_delete per article, an admin that allows it) must take
        # its reports out of the facts. pre_delete, because the claims are still
        # there to say which facts and components they were in. The receiver only
        # hands over to the engine's service, in the deletion's transaction.
        pre_delete.connect(
            _withdraw_deleted_article, sender=Article, dispatch_uid="factcheck-withdraw-article"
        )


def _withdraw_deleted_article(sender: type, instance: object, **kwargs: object) -> None:
    from factcheck.analysis import withdraw_article
    from sources.models import Article

    assert isinstance(instance, Article)
    withdraw_article(article=instance)
