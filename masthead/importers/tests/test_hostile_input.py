"""Broken, foreign and hostile exports: a clear error, nothing written, nothing unsafe kept."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import CommandError
from wagtail.models import Page

from masthead.importers.models import ImportedItem
from masthead.news.models import ArticlePage, CreditedImage

from .conftest import FIXTURES, run

WXR = FIXTURES / "wordpress.xml"

pytestmark = pytest.mark.django_db

MINIMAL = """<?xml version="1.0" encoding="{encoding}"?>{doctype}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel><title>Small site</title><link>https://small.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>{title}</title><link>https://small.example/?p=1</link>
<content:encoded><![CDATA[{content}]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt>
<wp:post_name>first</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item>
</channel></rss>
"""


def export(tmp_path: Path, *, encoding: str = "UTF-8", doctype: str = "", **fields: str) -> Path:
    path = tmp_path / "export.xml"
    text = MINIMAL.format(
        encoding=encoding,
        doctype=doctype,
        title=fields.get("title", "A title"),
        content=fields.get("content", "Some text."),
    )
    path.write_bytes(text.encode(encoding))
    return path


def nothing_written() -> bool:
    return not ArticlePage.objects.exists() and not ImportedItem.objects.exists()


def test_a_truncated_export_is_refused_and_nothing_is_written(site: Any, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.xml"
    data = WXR.read_bytes()
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(CommandError, match=r"not well-formed XML near line \d+"):
        run("import-wordpress", str(truncated))
    assert nothing_written()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>Not an export</body></html>", "root element is <html>, not <rss>"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title>'
            b"<item><title>x</title></item></channel></rss>",
            "not a WordPress export",
        ),
        (b"\x89PNG\r\n\x1a\n binary", "not well-formed XML"),
        (b"", "not well-formed XML"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    site: Any, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "other.xml"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("import-wordpress", str(path))
    assert nothing_written()


def test_entities_are_never_expanded_nor_fetched(site: Any, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE")
    doctype = (
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    )
    path = export(tmp_path, doctype=doctype, title="&xxe;&d;")
    try:
        run("import-wordpress", str(path))
    except CommandError as error:  # refusing the file outright is as good
        assert "TOP-SECRET" not in str(error)
    for page in ArticlePage.objects.all():
        assert "TOP-SECRET" not in page.title and "aaaa" not in page.title


def test_control_characters_are_removed_and_reported(site: Any, tmp_path: Path) -> None:
    path = export(tmp_path, title="Bell\x07 and \x0bvertical tab", content="Text\x01 here.")
    summary = run("import-wordpress", str(path))
    assert "Removed 3 control character(s) that XML forbids, the first at byte" in summary
    assert ArticlePage.objects.get().title == "Bell and vertical tab"


def test_a_windows_1252_export_is_read_in_its_encoding(site: Any, tmp_path: Path) -> None:
    title = "Café \u2013 “quoted” €5"  # every character outside ASCII that cp1252 has
    run("import-wordpress", str(export(tmp_path, encoding="windows-1252", title=title)))
    assert ArticlePage.objects.get().title == title


def test_a_huge_post_is_skipped_and_listed(site: Any, tmp_path: Path) -> None:
    path = export(tmp_path, content="word " * 400_000)
    summary = run("import-wordpress", str(path), "--max-post-mb", "1")
    assert "its content is 2.0 MB, over the 1 MB limit" in summary
    assert nothing_written()


def test_script_and_event_handlers_never_reach_the_page(client: Any, site: Any, tmp_path) -> None:
    hostile = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">x</a>'
        '<img src=x onerror="alert(2)"></p><script>alert(3)</script>'
        '<iframe src="javascript:alert(4)"></iframe><style>body{display:none}</style>'
        "<p><b>bold <i>unclosed</p><svg onload=alert(5)><text>svg text</text></svg>"
    )
    run("import-wordpress", str(export(tmp_path, content=hostile)))
    article = ArticlePage.objects.get()
    html = client.get(article.url).content.decode()
    for bad in ("steal()", "javascript:", "alert(", "onerror", "onload", "display:none"):
        assert bad not in html, bad
    assert "Hello" in html and "bold" in html and "svg text" in html


def test_an_empty_title_and_body_make_a_placeholder_not_a_crash(client: Any, site: Any, tmp_path):
    run("import-wordpress", str(export(tmp_path, title="", content="")))
    article = ArticlePage.objects.get()
    assert article.title == "(Untitled WordPress post 1)"
    assert "had no text" in client.get(article.url).content.decode()


def test_an_unknown_time_zone_is_a_clear_error(site: Any) -> None:
    with pytest.raises(CommandError, match="“Mars/Olympus” is not a time zone"):
        run("import-wordpress", str(WXR), "--time-zone", "Mars/Olympus")


@pytest.fixture
def old_site(tmp_path: Path, uploads: Path) -> Iterator[str]:
    """The old site's uploads served over HTTP on a free loopback port."""
    (uploads / "2024" / "05" / "huge.png").write_bytes(b"x" * 3_000_000)
    root = tmp_path / "webroot"
    (root / "wp-content").mkdir(parents=True)
    (root / "wp-content" / "uploads").symlink_to(uploads)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_media_downloads_once_with_a_size_cap(site: Any, tmp_path: Path, old_site: str):
    text = WXR.read_text().replace("https://old.example", old_site)
    text = text.replace("lost-photo.jpg", "huge.png")
    local = tmp_path / "local.xml"
    local.write_text(text)
    summary = run("import-wordpress", str(local), "--fetch-media", "--media-max-mb", "1")
    assert "Created: 7 articles, 3 authors, 6 comments, 1 images, 3 themes." in summary
    assert "huge.png (3,000,000 bytes, over the 1,000,000-byte limit)" in summary
    image = CreditedImage.objects.get()
    assert image.width == 640 and image.height == 360
    assert ArticlePage.objects.get(slug="harbour-budget-approved").featured_image == image

    # Run again with the server gone: nothing needs downloading twice.
    again = run("import-wordpress", str(local), "--fetch-media")
    assert "Unchanged since the last import: 7 articles, 6 comments." in again
    assert CreditedImage.objects.count() == 1


def test_an_image_path_leading_out_of_the_uploads_folder_is_refused(
    site: Any, tmp_path: Path, uploads: Path
) -> None:
    (tmp_path / "outside.png").write_bytes((uploads / "2024/05/night-ferry.png").read_bytes())
    content = '<img src="https://small.example/wp-content/uploads/../../outside.png">'
    summary = run(
        "import-wordpress", str(export(tmp_path, content=content)), "--uploads", str(uploads)
    )
    assert "leads outside the uploads folder" in summary
    assert CreditedImage.objects.count() == 0
    assert Page.objects.filter(title="A title").exists()


def test_an_unescaped_cdata_end_inside_a_post_is_repaired_and_reported(site: Any, tmp_path):
    path = export(tmp_path, content="<p>In code: items[ids[0]]> 3, and more.</p>")
    summary = run("import-wordpress", str(path))
    assert "Escaped 1 “]]>” inside CDATA sections (the exporter forgot to), the first at byte" in (
        summary
    )
    body = ArticlePage.objects.get().body[0].value.source
    assert "items[ids[0]]&gt; 3, and more." in body
