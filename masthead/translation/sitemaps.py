from __future__ import annotations

from typing import Any

from django.utils import translation as i18n

from masthead.news.selectors import readable_articles
from masthead.news.sitemaps import ReaderSitemap

from .routes import offered_languages


class TranslationSitemap(ReaderSitemap):
    """Every translated article at its own URL (``/pt/articles/…``)."""

    def items(self) -> Any:
        from .models import ArticleTranslation

        site = self.get_wagtail_site()
        return (
            ArticleTranslation.objects.filter(
                status=ArticleTranslation.Status.DONE,
                language__in=offered_languages(),
                article__in=readable_articles().filter(path__startswith=site.root_page.path),
            )
            .select_related("article")
            .only("language", "translated_at", "article__url_path", "article__path")
            .order_by("article_id", "language")
        )

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = []
        for translation in self.paginator.page(page).object_list:
            with i18n.override(translation.language):
                location = translation.article.get_full_url(self.request)
            urls.append(
                {"item": translation, "location": location, "lastmod": translation.translated_at}
            )
        return urls
