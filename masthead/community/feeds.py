"""An RSS feed of each article's newest comments, for readers who follow a discussion."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from masthead.news.reader_articles import ReaderArticle, reader_articles

from .models import Comment
from .queries import latest_comments, readable_article
from .text import render_comment


class ArticleCommentsFeed(Feed):
    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, article_id: int) -> ReaderArticle:
        article = readable_article(article_id)
        if article is None:
            raise Http404(_("No such article."))
        return reader_articles([article], get_language(), request=request)[0]

    def title(self, article: ReaderArticle) -> str:
        return _("Comments on “%(headline)s”") % {"headline": article.headline}

    def link(self, article: ReaderArticle) -> str:
        return self.request.build_absolute_uri(reverse("community:comments", args=[article.id]))

    def description(self, article: ReaderArticle) -> str:
        return article.standfirst

    def items(self, article: ReaderArticle) -> list[Comment]:
        return latest_comments(article.id, settings.MASTHEAD_FEED_ITEMS)

    def item_title(self, comment: Comment) -> str:
        return _("%(name)s commented") % {"name": comment.author_name}

    def item_description(self, comment: Comment) -> str:
        return render_comment(comment.body)

    def item_link(self, comment: Comment) -> str:
        url = reverse("community:comments", args=[comment.article_id])
        return self.request.build_absolute_uri(url) + f"#comment-{comment.pk}"

    def item_pubdate(self, comment: Comment) -> Any:
        return comment.created_at
