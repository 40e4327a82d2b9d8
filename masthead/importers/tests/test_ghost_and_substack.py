"""``import-ghost`` and ``import-substack`` through the same pipeline, read back from the site."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import CommandError
from wagtail.models import PageViewRestriction

from masthead.news.models import ArticlePage, AuthorPage, CreditedImage, ThemePage
from masthead.newsletter.models import Subscriber

from .conftest import FIXTURES, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def ghost_images(tmp_path: Path) -> Path:
    """A copy of Ghost's content/images folder."""
    from masthead.news.tests.factories import png_bytes

    folder = tmp_path / "images" / "2024" / "05"
    folder.mkdir(parents=True)
    (folder / "wall.png").write_bytes(png_bytes(320, 200, "#445566"))
    return tmp_path / "images"


def test_ghost_export_becomes_articles_authors_themes_and_subscribers(
    client: Any, site: Any, ghost_images: Path
) -> None:
    summary = run(
        "import-ghost",
        str(FIXTURES / "ghost.json"),
        "--site-url",
        "https://tidewater.example",
        "--uploads",
        str(ghost_images),
    )
    assert (
        "Created: 3 articles, 2 authors, 1 images, 1 newsletter subscribers, 1 themes." in summary
    )
    assert "categories → themes, tags → themes" in summary
    assert "newsletter subscriber “not an address”: not an email address" in summary

    wall = ArticlePage.objects.get(slug="sea-wall-repairs")
    assert wall.standfirst == "Three months of work on the promenade."
    assert [link.author.title for link in wall.article_authors.order_by("sort_order")] == [
        "Ines Carvalho",
        "Sam Reed",
    ]
    assert [t.title for t in wall.themes.all()] == ["Coast"]  # #hero is internal
    assert wall.featured_image_alt == "Sea wall at low tide"
    assert wall.featured_image_caption == "Photo: Ines Carvalho"
    assert [b.block_type for b in wall.body] == ["paragraph", "image", "paragraph"]
    assert CreditedImage.objects.count() == 1
    html = client.get(wall.url).content.decode()
    assert "<b>sea wall</b>" in html and "The wall in April." in html
    assert 'href="/storm-report/"' in html  # __GHOST_URL__ link, answered by a redirect
    assert AuthorPage.objects.get(title="Ines Carvalho").bio == "Ines covers the coast."

    paid = ArticlePage.objects.get(slug="insurance-files")
    assert PageViewRestriction.objects.filter(page=paid).exists()
    assert "Paid-heron" not in client.get(paid.url).content.decode()
    assert not ArticlePage.objects.filter(title="About").exists()  # a page, not a post
    assert list(Subscriber.objects.values_list("email", "consent_form")) == [
        ("reader.one@example.org", "ghost-import")
    ]

    for old, new in {
        "/sea-wall-repairs/": wall.url,
        "/storm-report/": ArticlePage.objects.get(slug="storm-report").url,
        "/tag/coast/": ThemePage.objects.get(slug="coast").url,
        "/author/ines/": AuthorPage.objects.get(title="Ines Carvalho").url,
        "/tag/coast/rss/": f"{ThemePage.objects.get(slug='coast').url}feed/rss/",
    }.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old

    again = run(
        "import-ghost", str(FIXTURES / "ghost.json"), "--site-url", "https://tidewater.example"
    )
    assert "Created: nothing." in again
    assert "Unchanged since the last import: 3 articles, 1 newsletter subscribers." in again
    assert ArticlePage.objects.count() == 3


def test_a_file_that_is_not_a_ghost_export_is_refused(site: Any, tmp_path: Path) -> None:
    for content, message in (
        ("{not json", "is not valid JSON"),
        ('{"a": 1}', "not a Ghost export"),
    ):
        path = tmp_path / "export.json"
        path.write_text(content)
        with pytest.raises(CommandError, match=message):
            run("import-ghost", str(path))
    assert not ArticlePage.objects.exists()


@pytest.fixture
def substack_zip(tmp_path: Path) -> Path:
    archive = tmp_path / "substack-export"
    shutil.make_archive(str(archive), "zip", FIXTURES / "substack")
    return archive.with_suffix(".zip")


def test_substack_export_becomes_articles_with_redirects_and_subscribers(
    client: Any, site: Any, substack_zip: Path
) -> None:
    summary = run(
        "import-substack",
        str(substack_zip),
        "--author",
        "Rosa Estuary",
        "--site-url",
        "https://estuary.substack.com",
    )
    assert "Created: 3 articles, 1 authors, 2 newsletter subscribers." in summary
    assert "A post whose file went missing”: posts/104.missing-file.html is not in the export" in (
        summary
    )
    assert "estuary.png (neither --uploads nor --fetch-media was given)" in summary

    first = ArticlePage.objects.get(slug="first-dispatch")
    assert first.live and first.standfirst == "Why we started, and what comes next."
    assert [link.author.title for link in first.article_authors.order_by("sort_order")] == [
        "Rosa Estuary"
    ]
    html = client.get(first.url).content.decode()
    assert "<i>estuary</i>" in html and "<h3>What we cover</h3>" in html
    assert "Dawn over the estuary." in html  # the caption stays though the image is missing
    assert "Subscribe" not in html.split("<article")[1].split("</article>")[0]
    assert 'href="/p/paid-deep-dive"' in html

    paid = ArticlePage.objects.get(slug="paid-deep-dive")
    assert PageViewRestriction.objects.filter(page=paid).exists()
    assert "Paid-cormorant" not in client.get(paid.url).content.decode()
    assert not ArticlePage.objects.get(slug="unfinished").live

    response = client.get("/p/first-dispatch")
    assert (response.status_code, response["Location"]) == (301, first.url)
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "first@example.org",
        "paying@example.org",
    ]


def test_a_file_that_is_not_a_substack_export_is_refused(site: Any, tmp_path: Path) -> None:
    not_zip = tmp_path / "export.zip"
    not_zip.write_text("hello")
    with pytest.raises(CommandError, match="is not a zip file"):
        run("import-substack", str(not_zip))
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "hi")
    with pytest.raises(CommandError, match="not a Substack export"):
        run("import-substack", str(empty))
    assert not ArticlePage.objects.exists()


def test_a_scheduled_post_without_a_date_stays_a_draft(site: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        '{"data": {"posts": [{"id": "s1", "title": "Soon", "slug": "soon", "status": '
        '"scheduled", "visibility": "public", "html": "<p>Not yet.</p>"}]}}'
    )
    run("import-ghost", str(path))
    soon = ArticlePage.objects.get(slug="soon")
    assert not soon.live and soon.go_live_at is None
