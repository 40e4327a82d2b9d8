"""The extension point: apps above ``news`` add to readers' pages through named slots, and
``news`` itself neither imports nor includes anything of theirs."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils.html import format_html
from wagtail import hooks

from masthead.news import extensions
from masthead.news.extensions import FragmentContext
from masthead.news.tests.factories import ArticleFactory

NEWS = Path(__file__).resolve().parents[1]
APPS_ABOVE_NEWS = ("translation", "newsletter", "community", "membership", "syndication")


@pytest.fixture
def slot_probe() -> Iterator[list[FragmentContext]]:
    """A fragment in every slot that records what it was told and marks where it landed."""
    seen: list[FragmentContext] = []
    registered = []
    for slot in extensions.SLOTS:

        def probe(context: FragmentContext, slot: str = slot) -> str:
            seen.append(context)
            return format_html('<meta data-probe="{}">', slot)

        extensions.fragment(slot)(probe)
        registered.append((f"masthead_fragment_{slot}", probe))
    yield seen
    for name, function in registered:
        hooks._hooks[name] = [entry for entry in hooks._hooks[name] if entry[0] is not function]


@pytest.mark.django_db
def test_each_slot_shows_what_apps_register_with_the_article_as_the_reader_sees_it(
    client: Any, site: Any, slot_probe: list[FragmentContext]
) -> None:
    article = ArticleFactory(title="A story with fragments")
    html = client.get(article.url).content.decode()

    # Every slot but the account page's own.
    assert re.findall(r'data-probe="(\w+)"', html) == [
        s for s in extensions.SLOTS if s != "account"
    ]
    by_article = [context for context in slot_probe if context.article is not None]
    assert {context.article.headline for context in by_article} == {"A story with fragments"}
    assert all(context.page.pk == article.pk for context in slot_probe)
    assert all(context.language == "en" for context in slot_probe)


@pytest.mark.django_db
def test_fragments_are_told_whether_every_reader_may_read_the_article(
    client: Any, site: Any, slot_probe: list[FragmentContext], django_user_model: Any
) -> None:
    """Worked out once by news, so comments and republishing need no query of their own: a
    signed-in reader who may open a login-restricted article still gets ``False``."""
    from wagtail.models import PageViewRestriction

    public = ArticleFactory()
    client.get(public.url)
    assert {c.article_readable for c in slot_probe if c.article is not None} == {True}
    assert not any(c.article_readable for c in slot_probe if c.article is None)

    restricted = ArticleFactory()
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    client.force_login(django_user_model.objects.create_user("reader", "r@example.org", "pw"))
    slot_probe.clear()
    assert client.get(restricted.url).status_code == 200
    assert {c.article_readable for c in slot_probe if c.article is not None} == {False}


def test_once_per_request_computes_once_per_request_and_every_time_without_one() -> None:
    from django.test import RequestFactory

    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    assert extensions.once_per_request(first, "k", compute) == 1
    assert extensions.once_per_request(first, "k", compute) == 1
    assert extensions.once_per_request(second, "k", compute) == 2
    assert extensions.once_per_request(first, "other", compute) == 3
    assert extensions.once_per_request(None, "k", compute) == 4
    assert extensions.once_per_request(None, "k", compute) == 5


@pytest.mark.django_db
def test_listing_pages_show_the_page_wide_slots_only(
    client: Any, site: Any, slot_probe: list[FragmentContext]
) -> None:
    html = client.get("/articles/").content.decode()
    assert re.findall(r'data-probe="(\w+)"', html) == ["head", "header", "banner", "footer"]


def test_a_fragment_for_an_unknown_slot_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match="article_end"):
        extensions.fragment("sidebar")


def test_a_fragment_returning_plain_text_is_escaped() -> None:
    def careless(context: FragmentContext) -> str:
        return "<script>alert(1)</script>"

    extensions.fragment("footer", order=999)(careless)
    try:
        html = extensions.render_fragments("footer", FragmentContext(request=None, language="en"))
    finally:
        hooks._hooks["masthead_fragment_footer"] = [
            entry for entry in hooks._hooks["masthead_fragment_footer"] if entry[0] is not careless
        ]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_teaser_notes_are_asked_once_per_listing_and_escaped(client: Any, site: Any) -> None:
    calls: list[list[str]] = []

    def note(articles: Any, language: str) -> dict[int, str]:
        calls.append([article.headline for article in articles])
        return {article.id: f"<b>{language}</b>" for article in articles}

    first = ArticleFactory(title="First listed")
    ArticleFactory(title="Second listed")
    hooks.register(extensions.TEASER_NOTES_HOOK, note)
    try:
        html = client.get("/articles/").content.decode()
    finally:
        hooks._hooks[extensions.TEASER_NOTES_HOOK] = [
            entry for entry in hooks._hooks[extensions.TEASER_NOTES_HOOK] if entry[0] is not note
        ]
    assert calls == [["Second listed", "First listed"]]  # one call for the whole page
    assert html.count('<span class="teaser__notes">&lt;b&gt;en&lt;/b&gt;</span>') == 2
    assert first.title in html


def test_without_an_accounts_app_nobody_has_a_reader_account() -> None:
    class Someone:
        is_authenticated = True
        pk = 1

    saved = hooks._hooks.get(extensions.READER_ACCOUNTS_HOOK, [])
    hooks._hooks[extensions.READER_ACCOUNTS_HOOK] = []
    try:
        assert extensions.reader_account(Someone()) is None
        assert extensions.sign_in_url("/x/") is None
    finally:
        hooks._hooks[extensions.READER_ACCOUNTS_HOOK] = saved


def test_news_neither_imports_nor_includes_the_apps_above_it() -> None:
    offences = []
    for path in NEWS.rglob("*.py"):
        if "tests" in path.relative_to(NEWS).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if any(name.startswith(f"masthead.{app}") for app in APPS_ABOVE_NEWS):
                    offences.append(f"{path.name}:{node.lineno} imports {name}")
    for path in (NEWS / "templates").rglob("*.html"):
        for app in APPS_ABOVE_NEWS:
            if f'"{app}/' in path.read_text() or f"'{app}/" in path.read_text():
                offences.append(f"{path.name} includes a {app} template")
    site_templates = NEWS.parent / "templates"
    for path in site_templates.rglob("*.html"):
        for app in APPS_ABOVE_NEWS:
            if re.search(rf"include ['\"]{app}/", path.read_text()):
                offences.append(f"{path.name} includes a {app} template")
    assert offences == []
