"""The article page with comments, and the comments page with its form, are valid HTML."""

from __future__ import annotations

import pytest
from django.utils import timezone

from masthead.community.models import Comment, Commenter

pytestmark = pytest.mark.django_db


def test_article_and_comments_pages_are_valid_html(client, article, html_problems):
    commenter = Commenter.objects.create(email="ana@example.org", confirmed_at=timezone.now())
    top = Comment.objects.create(
        article=article,
        commenter=commenter,
        author_name="Ana <b>",
        status="approved",
        body="A *thought* with [a link](https://example.org/) & <script>x</script>\n\n> quoted",
    )
    Comment.objects.filter(pk=top.pk).update(root=top)
    Comment.objects.create(
        article=article,
        commenter=commenter,
        author_name="Bo",
        status="approved",
        body="- a list\n- of two",
        parent=top,
        root=top,
        depth=1,
    )
    pages = {
        "article": client.get(article.url).content,
        "comments": client.get(f"/comments/{article.pk}/?reply_to={top.pk}").content,
        "mastodon": client.get(f"/share/mastodon/{article.pk}/").content,
    }
    assert b"comment__body" in pages["article"] and b'id="comment-form"' in pages["comments"]
    problems = html_problems(pages)
    assert problems == [], "\n".join(problems)
