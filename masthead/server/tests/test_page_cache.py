"""The readers' page cache: fast for the crowd, never stale after a publish, never personal."""

import pytest
from django.contrib.auth.models import User

from masthead.news.models import PublicationSettings
from masthead.news.tests.factories import ArticleFactory, CreditedImageFactory
from masthead.server.page_cache import page_key

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_from_the_cache(client, site):
    article = ArticleFactory()
    first = client.get(article.url)
    second = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_publishing_empties_the_cache(client, site):
    ArticleFactory(title="Yesterday's lead")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"

    ArticleFactory(title="A breaking story")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "A breaking story" in response.content.decode()


def test_unpublishing_and_settings_and_image_credit_changes_empty_the_cache(client, site):
    image = CreditedImageFactory(credit="Photo: Old Credit")
    article = ArticleFactory(featured_image=image)
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    image.credit = "Photo: Corrected Credit"
    image.save()
    assert "Corrected Credit" in client.get(article.url).content.decode()

    publication = PublicationSettings.for_site(site)
    publication.publication_name = "Renamed Gazette"
    publication.save()
    assert "Renamed Gazette" in client.get(article.url).content.decode()

    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_staff_error_pages_and_posts_are_never_cached(client, site):
    article = ArticleFactory()
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/no/such/page/")
        assert "X-Page-Cache" not in client.get("/healthz")

    User.objects.create_superuser("boss", password="pw-not-used")
    client.login(username="boss", password="pw-not-used")
    for _ in range(2):
        response = client.get(article.url)
        assert "X-Page-Cache" not in response
        assert "userbar" in response.content.decode()  # the staff toolbar, never shown to readers
    client.logout()
    assert "userbar" not in client.get(article.url).content.decode()


# --- What a probe of the running demo found (issue 14) ------------------------------------------
def test_a_cache_hit_carries_every_header_of_the_render_but_cookies(client, site):
    article = ArticleFactory()
    miss = client.get(article.url)
    hit = client.get(article.url)
    assert hit["X-Page-Cache"] == "hit"
    for name in ("X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options"):
        assert miss.has_header(name), name
        assert hit[name] == miss[name], name
    assert {k: v for k, v in hit.items() if k != "X-Page-Cache"} == {
        k: v for k, v in miss.items() if k != "X-Page-Cache"
    }
    assert not hit.cookies


def test_reader_pages_have_a_content_security_policy_that_forbids_framing_elsewhere(client, site):
    article = ArticleFactory()
    policy = client.get(article.url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["frame-ancestors"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives.get("script-src", directives["default-src"])
    assert directives["object-src"] == "'none'"


def test_a_made_up_session_cookie_does_not_bypass_the_cache(client, site):
    article = ArticleFactory()
    client.get(article.url)
    client.cookies["sessionid"] = "made-up-session-key-0123456789abcd"
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_a_real_session_still_bypasses_the_cache(client, site):
    article = ArticleFactory()
    client.get(article.url)
    User.objects.create_user("reader", password="pw-not-used")
    client.login(username="reader", password="pw-not-used")
    assert "X-Page-Cache" not in client.get(article.url)


def test_pages_are_keyed_on_the_query_parameters_they_use_only(client, site):
    article = ArticleFactory(title="Salmon quotas doubled")
    assert client.get(article.url, {"utm_source": "x1"})["X-Page-Cache"] == "miss"
    assert client.get(article.url, {"utm_source": "x2", "junk": "9"})["X-Page-Cache"] == "hit"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    # The parameters a page uses give different pages.
    assert client.get("/search/", {"q": "salmon"})["X-Page-Cache"] == "miss"
    other = client.get("/search/", {"q": "quotas", "fbclid": "1"})
    assert other["X-Page-Cache"] == "miss"
    assert client.get("/search/", {"q": "quotas"})["X-Page-Cache"] == "hit"
    assert client.get("/articles/", {"page": "1"})["X-Page-Cache"] == "miss"
    assert client.get("/articles/", {"page": "1", "ref": "mail"})["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "path",
    [
        "/comments/4/post/",
        "/pt/comments/4/",
        "/share/mastodon/4/",
        "/account/sign-in/",
        "/es/account/",
        "/members/join/supporter/monthly/",
        "/stripe/webhook/",
        "/newsletter/confirm/abc/",
        "/pt/newsletter/",
        "/republish/4/view.gif",
        "/admin/pages/",
        "/static/masthead.css",
    ],
)
def test_each_app_keeps_its_own_reader_endpoints_out_of_the_cache(path):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_HOST": "news.example"}
    assert page_key(environ) is None


@pytest.mark.parametrize("path", ["/", "/pt/", "/members/", "/republish/4/", "/about/permissions/"])
def test_reader_pages_beside_those_endpoints_are_cached(path):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_HOST": "news.example"}
    assert page_key(environ) == ("http", "news.example", path, "", "")


def test_held_purges_happen_once_at_the_end_and_not_held_ones_at_once(client, site):
    from masthead.server.purging import purges_held, purges_not_held

    seen = ArticleFactory(title="Already read")
    other = ArticleFactory(title="Elsewhere")
    for url in ("/", seen.url, other.url):
        client.get(url)
    with purges_held():
        ArticleFactory(title="Imported in bulk")
        assert client.get("/")["X-Page-Cache"] == "hit"  # held: the front page waits
        with purges_not_held():
            seen.title = "Already read, corrected"
            seen.save_revision().publish()
        assert client.get(seen.url)["X-Page-Cache"] == "miss"  # a page readers saw: at once
        assert client.get(other.url)["X-Page-Cache"] == "hit"
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"  # one purge of everything on the way out
    assert "Imported in bulk" in response.content.decode()
    assert client.get(other.url)["X-Page-Cache"] == "miss"
