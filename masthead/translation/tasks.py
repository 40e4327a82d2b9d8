from django_tasks import task

from . import services


@task(queue_name="translation")
def translate_article_task(article_id: int) -> None:
    """Translate one article into every configured language it is not excluded from."""
    services.translate_article(article_id)
