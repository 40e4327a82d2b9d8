"""Staff login throttling (django-axes) behind the reverse proxy, and the page passwords readers
type: guessing is slowed per address, and one address can't lock out everyone."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from masthead.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.MASTHEAD_CLIENT_IP_FROM_PROXY = True
    settings.MASTHEAD_LOGIN_FAILURES_PER_ADDRESS = 20


@pytest.fixture
def editor(site):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "right-pw-1")


def login(address: str, username: str, password: str):
    """A login through the proxy, which appends the reader's address to X-Forwarded-For."""
    return Client().post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_guesses_from_one_address_do_not_lock_the_editor_out_elsewhere(axes_on, editor):
    answers = [login("198.51.100.66", "editor", f"guess-{n}").status_code for n in range(6)]
    assert answers[-1] == 429
    # The editor, behind the same proxy but from their own address, still gets in.
    assert login("203.0.113.10", "editor", "right-pw-1").status_code == 302


def test_guesses_spread_over_many_usernames_from_one_address_are_throttled(axes_on, editor):
    answers = [login("198.51.100.77", f"user{n}", "guess").status_code for n in range(21)]
    assert 429 not in answers[:19]
    assert answers[-1] == 429
    # The right password of an existing account does not help that address any more.
    assert login("198.51.100.77", "editor", "right-pw-1").status_code == 429
    assert login("203.0.113.10", "editor", "right-pw-1").status_code == 302


def test_the_lock_out_page_says_how_long_to_wait(axes_on, editor, settings):
    settings.AXES_COOLOFF_TIME = 0.25  # hours
    for n in range(5):
        login("198.51.100.88", "editor", f"guess-{n}")
    locked = login("198.51.100.88", "editor", "guess-again")
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert b"15 minutes" in locked.content


def test_page_passwords_are_rate_limited_per_address_and_per_page(site, settings):
    settings.MASTHEAD_PAGE_PASSWORD_RATE = "5/10m"
    article = ArticleFactory()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"

    def guess(address: str, password: str):
        return Client().post(
            url, {"password": password, "return_url": article.url}, REMOTE_ADDR=address
        )

    answers = [guess("198.51.100.5", f"guess-{n}").status_code for n in range(6)]
    assert 429 not in answers[:5] and answers[5] == 429
    assert "Retry-After" in guess("198.51.100.5", "open-sesame")
    # Another reader at another address still gets in with the right password...
    assert guess("203.0.113.7", "open-sesame").status_code == 302
    # ...until the page itself has seen too many tries from everywhere.
    settings.MASTHEAD_PAGE_PASSWORD_RATE_PER_PAGE = "8/10m"
    for n in range(8):
        guess(f"192.0.2.{n + 1}", "wrong")
    assert guess("203.0.113.8", "open-sesame").status_code == 429
