"""The pages pass the validators outsiders will run: the Nu HTML Checker (the W3C's)."""

import pytest

from masthead.news.models import ReportPinnedArticle

from .factories import (
    ArticleFactory,
    AuthorFactory,
    CreditedImageFactory,
    RegionFactory,
    ReportFactory,
    ThemeFactory,
    body,
)

pytestmark = pytest.mark.django_db


def test_reader_pages_are_valid_html(client, site, html_problems):
    region, theme = RegionFactory(), ThemeFactory()
    report = ReportFactory()
    author = AuthorFactory(photo=CreditedImageFactory())
    article = ArticleFactory(
        authors=[author],
        regions=[region],
        themes=[theme],
        reports=[report],
        featured_image=CreditedImageFactory(),
        body=[
            *body(
                "<h2>Heading</h2><p>Text with <a href='https://example.org/'>a link</a>.</p>",
                "<ul><li>One</li><li>Two</li></ul>",
            ),
            ("quote", {"quote": "A quote.", "attribution": "Someone"}),
        ],
    )
    report.pinned_articles.add(ReportPinnedArticle(article=article))
    report.save_revision().publish()
    pages = {
        "home": "/",
        "article": article.url,
        "author": author.url,
        "region": region.url,
        "theme": theme.url,
        "report": report.url,
        "articles": "/articles/",
        "authors": "/authors/",
        "search": "/search/?q=text",
        "not-found": "/no/such/page/",
    }
    problems = html_problems({name: client.get(url).content for name, url in pages.items()})
    assert not problems, "\n".join(problems)
