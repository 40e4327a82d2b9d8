"""Fixtures for the community app's tests: an article (and its Portuguese version), the site's
comment rules, a real SMTP server, and a helper that posts the comment form like a person."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import LazySettings
from django.core import signing
from django.test import Client

from masthead.community import tokens
from masthead.community.models import CommunitySettings
from masthead.news.tests.factories import ArticleFactory, AuthorFactory
from masthead.newsletter.tests.smtp_sink import SmtpSink


@pytest.fixture
def article(home: Any) -> Any:
    return ArticleFactory(
        title="The city will reopen the old bridge & the ferry",
        slug="bridge-reopens",
        standfirst="The council approved the plan on Monday; work starts in May.",
        authors=[
            AuthorFactory(title="Nadia Haddad", slug="nadia-haddad"),
            AuthorFactory(title="Tomás Ribeiro", slug="tomas-ribeiro"),
        ],
    )


@pytest.fixture
def portuguese(article: Any, settings: LazySettings) -> Any:
    """A reviewed Portuguese version of ``article``, served at /pt/..."""
    from masthead.translation.models import ArticleTranslation

    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    # update_or_create: where publishing runs tasks at once, a machine translation may exist.
    translation, _created = ArticleTranslation.objects.update_or_create(
        article=article,
        language="pt",
        defaults=dict(
            status="done",
            title="A cidade vai reabrir a velha ponte",
            standfirst="A câmara aprovou o plano na segunda-feira.",
            body=[dict(block) for block in article.body.get_prep_value()],
            reviewed=True,
        ),
    )
    return translation


@pytest.fixture
def rules(site: Any) -> CommunitySettings:
    return CommunitySettings.for_site(site)


@pytest.fixture
def smtp(settings: LazySettings) -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 10
        settings.MASTHEAD_COMMENT_FROM = "The Courier <comments@courier.example>"
        settings.MASTHEAD_BASE_URL = "http://testserver"
        yield sink


def stamp_at(when: float) -> str:
    signer = signing.TimestampSigner(salt=tokens.FORM_SALT)
    original = signer.timestamp
    signer.timestamp = lambda: signing.b62_encode(int(when))  # type: ignore[method-assign]
    try:
        return signer.sign("comment")
    finally:
        signer.timestamp = original  # type: ignore[method-assign]


@pytest.fixture
def post_comment(client: Client, article: Any) -> Callable[..., Any]:
    """``post_comment(body=..., email=..., **fields)``: the form as a person sends it."""

    def post(target: Any = None, ip: str = "203.0.113.7", **fields: Any) -> Any:
        data = {
            "name": "Ana Souza",
            "email": "ana@example.org",
            "body": "Good to see the bridge back.",
            "shown": stamp_at(time.time() - 30),
            "website": "",
            **fields,
        }
        article_id = (target or article).pk
        return client.post(f"/comments/{article_id}/post/", data, REMOTE_ADDR=ip)

    return post
