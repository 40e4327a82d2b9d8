"""The optional view counter: off by default; when on, a tiny image in the republished HTML
counts views per article and republishing page, atomically, with no cookie and no IP address;
page titles are looked up later, never from a private address."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connections
from wagtail.models import PageViewRestriction

from masthead.syndication import services
from masthead.syndication.models import RepublishedView, SyndicationSettings
from masthead.syndication.page_titles import fetch_page_title, is_public_host
from masthead.syndication.republish import problems

PARTNER = "https://partner.example/news/bridge"


@pytest.fixture
def counting(site: Any, syndication: SyndicationSettings) -> SyndicationSettings:
    syndication.count_republished_views = True
    syndication.save()
    return syndication


def pasted(client: Any, article: Any) -> BeautifulSoup:
    page = BeautifulSoup(client.get(f"/republish/{article.pk}/").content, "html.parser")
    return BeautifulSoup(page.find("textarea", id="republish-html").get_text(), "html.parser")


def hit(client: Any, article: Any, referer: str | None = PARTNER) -> Any:
    headers = {"HTTP_REFERER": referer} if referer is not None else {}
    response = client.get(f"/republish/{article.pk}/view.gif", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    return response


@pytest.mark.django_db
def test_off_by_default_no_image_and_nothing_counted(client, story):
    assert not any("view.gif" in img["src"] for img in pasted(client, story).find_all("img"))
    hit(client, story)
    assert not RepublishedView.objects.exists()
    assert b"tiny image" not in client.get("/about/republishing/").content


@pytest.mark.django_db
def test_the_policy_page_says_when_views_are_counted(client, story, counting):
    policy = BeautifulSoup(client.get("/about/republishing/").content, "html.parser")
    assert "counts how often the article is viewed on your page" in policy.main.get_text()


@pytest.mark.django_db
def test_the_image_counts_views_per_page_without_query_or_reader_data(
    client, story, counting, django_capture_on_commit_callbacks
):
    html = pasted(client, story)
    counter = html.find("img", src=f"http://testserver/republish/{story.pk}/view.gif")
    assert counter is not None
    assert (counter["width"], counter["height"], counter["alt"]) == ("1", "1", "")
    assert counter["referrerpolicy"] == "no-referrer-when-downgrade"
    assert problems(str(html)) == []

    with django_capture_on_commit_callbacks() as lookups:
        hit(client, story, PARTNER + "?utm_source=x#top")
    for _ in range(2):
        hit(client, story)
    hit(client, story, "https://other.example/")

    rows = {row.page_url: row.views for row in RepublishedView.objects.all()}
    assert rows == {PARTNER: 3, "https://other.example/": 1}
    assert len(lookups) == 1  # the title lookup is queued for after the commit, not done now
    stored = " ".join(str(value) for value in RepublishedView.objects.values_list().first())
    assert "127.0.0.1" not in stored and "utm_source" not in stored


@pytest.mark.django_db
@pytest.mark.parametrize(
    "referer",
    [
        None,
        "",
        "javascript:alert(1)",
        "http://testserver/articles/bridge-reopens/",  # our own pages
        "https://user:secret@partner.example/",
        "https://partner.example/" + "a" * 3000,
        "http://[::1",
        "ftp://partner.example/",
    ],
)
def test_hostile_or_useless_referers_count_nothing(client, story, counting, referer):
    hit(client, story, referer)
    assert not RepublishedView.objects.exists()


@pytest.mark.django_db
def test_restricted_and_unknown_articles_count_nothing(client, story, counting):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    hit(client, story)
    assert client.get("/republish/999999/view.gif", HTTP_REFERER=PARTNER).status_code == 200
    assert not RepublishedView.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite serialises every write; the race needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_hits_all_count(story):
    threads_count, hits_each = 8, 25
    start = threading.Barrier(threads_count)

    def hammer() -> None:
        start.wait()
        for _ in range(hits_each):
            services.count_view(story.pk, PARTNER)
        connections.close_all()

    threads = [threading.Thread(target=hammer) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert list(RepublishedView.objects.values_list("page_url", "views")) == [
        (PARTNER, threads_count * hits_each)
    ]


class TitledPage(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests += 1  # type: ignore[attr-defined]
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.end_headers()
            return
        body = b"<html><head><title>\n  Partner   News: the bridge </title></head></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def partner_site() -> Iterator[Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), TitledPage)
    server.requests = 0  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"  # type: ignore[attr-defined]
    yield server
    server.shutdown()
    server.server_close()


def test_titles_are_never_fetched_from_private_addresses(partner_site):
    assert fetch_page_title(partner_site.url + "/story") == ""
    assert partner_site.requests == 0
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "fc00::1"):
        assert not is_public_host(address, 80), address
    assert is_public_host("93.184.215.14", 443)


def test_titles_are_read_and_redirects_followed(partner_site):
    assert fetch_page_title(partner_site.url + "/moved", allow_private=True) == (
        "Partner News: the bridge"
    )


@pytest.mark.django_db
def test_the_background_lookup_records_the_title(story, partner_site):
    view = RepublishedView.objects.create(article=story, page_url=partner_site.url + "/story")
    services.record_page_title(view.pk)
    view.refresh_from_db()
    assert view.page_title == "" and view.title_looked_up_at is not None  # private: refused
    services.record_page_title(view.pk, allow_private=True)
    view.refresh_from_db()
    assert view.page_title == "Partner News: the bridge"


@pytest.mark.django_db
def test_editors_see_republishers_on_the_article_and_in_a_list(admin_client, story):
    RepublishedView.objects.create(
        article=story, page_url=PARTNER, page_title="Partner News", views=42
    )
    listing = admin_client.get("/admin/republishing/")
    assert listing.status_code == 200
    assert b"Partner News" in listing.content and b"42" in listing.content
    one = admin_client.get(f"/admin/republishing/article/{story.pk}/")
    assert b"42 views on 1 republishing page." in one.content
    edit = admin_client.get(f"/admin/pages/{story.pk}/edit/")
    assert f"/admin/republishing/article/{story.pk}/".encode() in edit.content
