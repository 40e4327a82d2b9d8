"""Translating whole articles with the real engines: Apertium (en→es) and Firefox
Translations (en→pt), the translation memory, corrections, exclusions and failures."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from masthead.news.models import ArticlePage
from masthead.translation import services
from masthead.translation.models import ArticleTranslation, MachineSegment, SegmentCorrection

pytestmark = pytest.mark.django_db


def structure(html: str) -> list[tuple[str, str | None]]:
    """The elements of a fragment in order, with each link's target."""
    soup = BeautifulSoup(html, "html.parser")
    return [(tag.name, tag.get("href")) for tag in soup.find_all(True)]


def words(html: str) -> set[str]:
    text = BeautifulSoup(html, "html.parser").get_text(" ").lower()
    return set(re.findall(r"\w+", text))


@pytest.mark.parametrize(
    ("language", "engine", "native_words"),
    [
        ("es", "apertium", {"el", "la", "puente", "ciudad"}),
        ("pt", "fxtranslate", {"o", "a", "ponte", "cidade"}),
    ],
)
def test_article_translated_with_structure_links_and_names_kept(
    request, article, languages, language, engine, native_words
):
    if engine == "apertium":
        request.getfixturevalue("apertium")
    [outcome] = services.translate_article(article.pk, [language])

    assert outcome.status == "done", outcome.error
    assert outcome.engine == engine
    translation = ArticleTranslation.objects.get(article=article, language=language)
    original_blocks = list(article.body.raw_data)
    assert [b["type"] for b in translation.body] == [b["type"] for b in original_blocks]
    for original, translated in zip(original_blocks, translation.body, strict=True):
        if original["type"] == "paragraph":
            assert structure(translated["value"]) == structure(original["value"])
            assert translated["value"] != original["value"]
        if original["type"] == "image":
            assert translated["value"]["image"] == original["value"]["image"]
            assert translated["value"]["caption"] != original["value"]["caption"]
    body_html = "".join(b["value"] for b in translation.body if b["type"] == "paragraph")
    # Names survive; the link still wraps the name; the text is now in the other language.
    assert '<a href="https://example.org/souza">Ana Souza</a>' in body_html
    assert "Riverton" in body_html
    assert words(body_html) & native_words == native_words
    assert not words(body_html) & {"the", "would", "river", "council"}
    assert translation.title != article.title
    assert translation.standfirst != article.standfirst
    quote = next(b for b in translation.body if b["type"] == "quote")["value"]
    assert quote["attribution"] == "Ana Souza"
    assert quote["quote"] != "We will finally have our bridge back."
    assert translation.engines == [engine]
    assert translation.source_revision_id == article.live_revision_id


@pytest.mark.usefixtures("apertium")
def test_second_run_is_all_cache_hits(article, languages):
    services.translate_article(article.pk, ["es"])
    rows = MachineSegment.objects.count()

    [outcome] = services.translate_article(article.pk, ["es"])

    assert outcome.reused == outcome.segments > 10
    assert MachineSegment.objects.count() == rows


@pytest.mark.usefixtures("apertium")
def test_editing_one_paragraph_reuses_at_least_ninety_percent(article, languages):
    paragraphs = [
        f"<p>Paragraph {n} of the story says something about the bridge. It has a second "
        f"sentence about the river number {n}. A third sentence closes paragraph {n}.</p>"
        for n in range(12)
    ]
    article.body = [("paragraph", RichText(p)) for p in paragraphs]
    article.save_revision().publish()
    services.translate_article(article.pk, ["es"])

    paragraphs[5] = "<p>This paragraph was rewritten by the editor after the vote.</p>"
    article = ArticlePage.objects.get(pk=article.pk)
    article.body = [("paragraph", RichText(p)) for p in paragraphs]
    article.save_revision().publish()
    [outcome] = services.translate_article(article.pk, ["es"])

    assert outcome.reused / outcome.segments >= 0.9
    assert outcome.translated == 1


def test_correction_wins_and_survives_a_rerun_and_is_reused_elsewhere(
    article, languages, admin_user
):
    services.translate_article(article.pk, ["pt"])
    translation = ArticleTranslation.objects.get(article=article, language="pt")
    sentence = next(s for s in translation.segments if s["source"].startswith("The city council"))

    services.correct_segment(
        translation, sentence["hash"], "A câmara municipal aprovou o plano.", admin_user
    )
    services.translate_article(article.pk, ["pt"])

    translation.refresh_from_db()
    html = "".join(b["value"] for b in translation.body if b["type"] == "paragraph")
    assert "A câmara municipal aprovou o plano." in html
    row = next(s for s in translation.segments if s["hash"] == sentence["hash"])
    assert row["corrected"] == "A câmara municipal aprovou o plano."

    from masthead.news.tests.factories import ArticleFactory, body

    other = ArticleFactory(
        body=body("<p>The city council approved the plan after a long debate.</p>")
    )
    services.translate_article(other.pk, ["pt"])
    other_html = ArticleTranslation.objects.get(article=other, language="pt").body[0]["value"]
    assert other_html == "<p>A câmara municipal aprovou o plano.</p>"


@pytest.mark.usefixtures("apertium")
def test_language_without_engine_records_no_failure_and_others_go_on(article, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["fr", "pt", "ca"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {
        "default": ["fxtranslate", "argos"],
        "ca": ["apertium"],
    }

    outcomes = {o.language: o for o in services.translate_article(article.pk)}

    assert outcomes["pt"].status == "done"
    assert outcomes["ca"].status == "done"
    # No engine reaches French: nothing recorded on the article (the admin says what to install).
    assert outcomes["fr"].status == "skipped"
    assert not ArticleTranslation.objects.filter(article=article, language="fr").exists()


@pytest.mark.usefixtures("apertium")
def test_http_engine_failure_falls_back_to_the_next_engine(article, settings, fake_api):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["es"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["libretranslate", "apertium"]}
    settings.LIBRETRANSLATE_URL = fake_api.url
    fake_api.mode = "error"
    from masthead.translation.engines import get_engine

    get_engine.cache_clear()

    [outcome] = services.translate_article(article.pk)

    assert outcome.status == "done"
    assert outcome.engine == "apertium"
    get_engine.cache_clear()


def test_excluded_article_and_languages_are_not_translated(article, languages):
    services.translate_article(article.pk)
    services.set_policy(article, excluded=False, excluded_languages=["es"])

    assert list(
        ArticleTranslation.objects.filter(article=article).values_list("language", flat=True)
    ) == ["pt"]
    assert [o.language for o in services.translate_article(article.pk)] == ["pt"]

    services.set_policy(article, excluded=True, excluded_languages=[])
    assert services.translate_article(article.pk) == []
    assert not ArticleTranslation.objects.filter(article=article).exists()


@pytest.mark.usefixtures("apertium")
def test_publishing_queues_translation_after_commit(
    home, languages, django_capture_on_commit_callbacks
):
    from masthead.news.tests.factories import ArticleFactory

    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(title="The bridge is open")

    assert set(
        ArticleTranslation.objects.filter(article=article, status="done").values_list(
            "language", flat=True
        )
    ) == {"pt", "es"}


@pytest.mark.usefixtures("apertium")
def test_a_scheduled_article_is_translated_when_it_goes_live_not_before(
    home, languages, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime as dt

    from django.utils import timezone

    from masthead.news.scheduled_publishing import publish_scheduled
    from masthead.news.tests.factories import ArticleFactory

    article = ArticleFactory(title="The bridge opens next week", live=False)
    go_live_at = timezone.now() + dt.timedelta(minutes=5)
    article.go_live_at = go_live_at
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # the admin's "Schedule"
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert not ArticleTranslation.objects.filter(article=article).exists()

    with monkeypatch.context() as later, django_capture_on_commit_callbacks(execute=True):
        later.setattr(timezone, "now", lambda: go_live_at + dt.timedelta(seconds=1))
        assert len(publish_scheduled()) == 1
    assert set(
        ArticleTranslation.objects.filter(article=article, status="done").values_list(
            "language", flat=True
        )
    ) == {"pt", "es"}


@pytest.mark.usefixtures("apertium")
def test_hostile_correction_is_stored_as_plain_text(article, languages, admin_user):
    services.translate_article(article.pk, ["es"])
    translation = ArticleTranslation.objects.get(article=article, language="es")
    digest = translation.segments[0]["hash"]

    services.correct_segment(
        translation,
        digest,
        '<script>alert(1)</script><b onmouseover="x()">Hola</b> & adiós',
        admin_user,
    )

    stored = SegmentCorrection.objects.get(source_hash=digest).corrected_text
    assert stored == "Hola & adiós"
    translation.refresh_from_db()
    assert "<script" not in translation.title and "onmouseover" not in str(translation.body)


@pytest.mark.usefixtures("apertium")  # the Spanish translation it reviews is Apertium's
def test_translations_changed_is_sent_for_page_caches(
    article, languages, admin_user, django_capture_on_commit_callbacks
):
    from masthead.translation.signals import translations_changed

    received = []

    def receiver(sender, article_id, **kwargs):
        received.append(article_id)

    translations_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.translate_article(article.pk, ["es"])
            services.mark_reviewed(
                ArticleTranslation.objects.get(article=article, language="es"), admin_user
            )
            services.set_policy(article, excluded=True, excluded_languages=[])
    finally:
        translations_changed.disconnect(receiver)

    assert received == [article.pk] * 3


@pytest.mark.usefixtures("apertium")
def test_translate_all_articles_for_the_demo_uses_installed_engines_only(article, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt", "es", "fr"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["fxtranslate", "apertium", "argos"]}
    settings.MASTHEAD_TRANSLATION_PIVOTS = []  # French only through Spanish

    outcomes = services.translate_all_articles(installed_only=True)

    assert sorted(o.language for o in outcomes) == ["es", "pt"]
    assert not ArticleTranslation.objects.filter(language="fr").exists()
    assert services.describe_outcomes(outcomes) == (
        "Translated 1 articles into 2 languages: es (apertium), pt (fxtranslate)."
    )
