"""The share control: plain links, a percent-encoded mailto:, and a Mastodon hop that can only
go to a real host name's /share page."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from masthead.community.share import mastodon_instance

pytestmark = pytest.mark.django_db


def share_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    control = soup.select_one(".article__header details.share")
    assert control is not None
    return {a["class"][0].removeprefix("share__"): a["href"] for a in control.select("a")}


def test_mailto_carries_headline_standfirst_byline_and_link(client, article):
    links = share_links(client, article.url)
    mailto = urlsplit(links["email"])
    assert mailto.scheme == "mailto"
    query = dict(part.split("=", 1) for part in mailto.query.split("&"))
    assert " " not in mailto.query and "\n" not in mailto.query  # everything percent-encoded
    assert unquote(query["subject"]) == "The city will reopen the old bridge & the ferry"
    body = unquote(query["body"])
    assert body.split("\r\n\r\n") == [
        "The council approved the plan on Monday; work starts in May.",
        "By Nadia Haddad and Tomás Ribeiro",
        "http://testserver/articles/bridge-reopens/",
    ]


def test_portuguese_readers_share_the_portuguese_version(client, article, portuguese):
    links = share_links(client, "/pt/articles/bridge-reopens/")
    query = dict(part.split("=", 1) for part in urlsplit(links["email"]).query.split("&"))
    assert unquote(query["subject"]) == "A cidade vai reabrir a velha ponte"
    assert unquote(query["body"]).endswith("http://testserver/pt/articles/bridge-reopens/")
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [
        "http://testserver/pt/articles/bridge-reopens/"
    ]
    assert links["mastodon"] == f"/pt/share/mastodon/{article.pk}/"


def test_every_service_gets_a_plain_link_and_no_third_party_script(client, article):
    links = share_links(client, article.url)
    assert set(links) == {
        "email",
        "bluesky",
        "mastodon",
        "x",
        "facebook",
        "linkedin",
        "telegram",
        "whatsapp",
    }
    url = "http://testserver/articles/bridge-reopens/"
    assert parse_qs(urlsplit(links["bluesky"]).query)["text"][0].endswith(url)
    assert parse_qs(urlsplit(links["x"]).query)["url"] == [url]
    assert parse_qs(urlsplit(links["linkedin"]).query)["url"] == [url]
    assert parse_qs(urlsplit(links["telegram"]).query)["url"] == [url]
    assert parse_qs(urlsplit(links["whatsapp"]).query)["text"][0].endswith(url)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    for script in soup.find_all("script", src=True):
        assert script["src"].startswith("/static/")
    assert not soup.find_all("img", src=lambda src: src and not src.startswith(("/", "data:")))


def test_mastodon_asks_for_the_instance_then_redirects_to_its_share_page(client, article):
    form = client.get(f"/share/mastodon/{article.pk}/")
    assert form.status_code == 200 and b'name="instance"' in form.content
    for typed in ("mastodon.social", "https://Mastodon.Social/", "@ana@mastodon.social"):
        response = client.get(f"/share/mastodon/{article.pk}/", {"instance": typed})
        assert response.status_code == 302
        target = urlsplit(response["Location"])
        assert (target.scheme, target.netloc, target.path) == ("https", "mastodon.social", "/share")
        assert parse_qs(target.query)["text"][0].endswith("/articles/bridge-reopens/")


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "evil.example/phish?x=",
        "evil.example:8443",
        "user:pass@evil.example",
        "//evil.example",
        "javascript:alert(1)",
        "127.0.0.1",
        "localhost",
        "evil.example\r\nSet-Cookie: x=1",
        "-bad-.example",
        "a" * 400,
        "http://evil.example",
    ],
)
def test_mastodon_refuses_anything_but_a_host_name(client, article, typed):
    assert mastodon_instance(typed) is None
    response = client.get(f"/share/mastodon/{article.pk}/", {"instance": typed})
    assert response.status_code == 400
    assert b"field-error" in response.content  # a message says what to type


def test_bots_requesting_share_urls_get_clean_answers(client, article):
    assert (
        client.get(f"/share/mastodon/{article.pk}/?text=spam&url=https://evil.example").status_code
        == 200
    )
    assert client.get("/share/mastodon/999999/").status_code == 404
    assert client.head(f"/share/mastodon/{article.pk}/").status_code == 200
    assert client.post(f"/share/mastodon/{article.pk}/").status_code == 405
    # Numbers past what the database can hold are a 404, not an overflow (a 500).
    huge = "9" * 25
    for path in (
        f"/share/mastodon/{huge}/",
        f"/comments/{huge}/",
        f"/comments/{huge}/feed/",
        f"/comments/{huge}/post/",
        f"/comments/flag/{huge}/",
        f"/account/share/{huge}/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code in {403, 404}, path
