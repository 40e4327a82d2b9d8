"""Operations on translations: translate an article, correct a segment, review, exclude.

An article is cut into segments; each segment is looked up first among editors' corrections,
then in the translation memory of the language's engine, and only the rest is sent to the
engine. Each language succeeds or fails on its own.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.news.models import ArticlePage

from .engines import EngineError, EngineUnavailable
from .models import ArticleTranslation, SegmentCorrection, TranslationPolicy, source_hash
from .routes import offered_languages, reachable_languages
from .segment_memory import SegmentResult, corrections_for, translate_segments
from .segmenting import translate_plain_text, translate_rich_text
from .signals import translations_changed
from .texts import rebuild_texts_with

logger = logging.getLogger(__name__)

MAX_CORRECTION_LENGTH = 2000
SPACE = re.compile(r"\s+")


@dataclass
class LanguageOutcome:
    language: str
    status: str
    engine: str = ""
    segments: int = 0
    reused: int = 0
    flagged: int = 0
    error: str = ""
    # The intermediate language of a pivoted translation.
    via: str = ""

    @property
    def translated(self) -> int:
        return self.segments - self.reused


@dataclass
class ArticleDocument:
    """One article's translatable text, in the order an editor reads it."""

    article: ArticlePage
    language: str
    sources: list[str] = field(default_factory=list)

    def assemble(self, translate: Callable[[str], str], flagged: set[str]) -> dict[str, Any]:
        """The article's fields with every segment passed through ``translate``."""
        language = self.language

        def plain(text: str) -> str:
            return translate_plain_text(text or "", translate, language)

        body = []
        for item in self.article.body.raw_data:
            value = item["value"]
            if item["type"] == "paragraph":
                value = translate_rich_text(value, translate, language, flagged.add)
            elif item["type"] == "image":
                value = {
                    **value,
                    "caption": plain(value.get("caption", "")),
                    "alt_text": plain(value.get("alt_text", "")),
                }
            elif item["type"] == "quote":
                value = {
                    **value,
                    "quote": plain(value.get("quote", "")),
                    "attribution": plain(value.get("attribution", "")),
                }
            body.append({**item, "value": value})
        return {
            "title": plain(self.article.title),
            "standfirst": plain(self.article.standfirst),
            "featured_image_caption": plain(self.article.featured_image_caption),
            "featured_image_alt": plain(self.article.featured_image_alt),
            "body": body,
        }


def article_document(article: ArticlePage) -> ArticleDocument:
    document = ArticleDocument(article, settings.LANGUAGE_CODE)
    seen: dict[str, None] = {}

    def record(text: str) -> str:
        seen.setdefault(text, None)
        return text

    document.assemble(record, set())
    document.sources = list(seen)
    return document


def target_languages(article: ArticlePage, requested: Iterable[str] | None = None) -> list[str]:
    """The languages this article is translated into: offered, minus the excluded."""
    policy = TranslationPolicy.objects.filter(article=article).first()
    languages = list(offered_languages() if requested is None else requested)
    return [
        code
        for code in languages
        if code != settings.LANGUAGE_CODE and (policy is None or policy.allows(code))
    ]


def translate_article(
    article: ArticlePage | int,
    languages: Iterable[str] | None = None,
    on_language: Callable[[LanguageOutcome], None] | None = None,
) -> list[LanguageOutcome]:
    """Translate an article into each of ``languages`` (default: all configured ones)."""
    if not isinstance(article, ArticlePage):
        article = ArticlePage.objects.get(pk=article)
    document = article_document(article)
    outcomes = []
    for language in target_languages(article, languages):
        outcome = _translate_into(document, language)
        outcomes.append(outcome)
        if on_language:
            on_language(outcome)
    if outcomes:
        _changed(article.pk)
    return outcomes


def _changed(article_id: int) -> None:
    transaction.on_commit(
        lambda: translations_changed.send(sender=ArticleTranslation, article_id=article_id)
    )


def _translate_into(document: ArticleDocument, language: str) -> LanguageOutcome:
    article, source = document.article, document.language
    by_hash = {source_hash(text): text for text in document.sources}
    corrections = corrections_for(list(by_hash), source, language)
    try:
        result = translate_segments(by_hash, source, language, skip=set(corrections))
    except EngineUnavailable:
        # Not offered: nothing to record on the article (the admin lists what to install).
        _report_missing_engine(language)
        return LanguageOutcome(language, "skipped")
    except EngineError as error:
        return _record_failure(article, language, str(error))
    return _record_success(document, language, result, corrections)


def _record_success(
    document: ArticleDocument,
    language: str,
    result: SegmentResult,
    corrections: dict[str, str],
) -> LanguageOutcome:
    memory, route, translated_now = result.machine, result.route, result.translated_now
    engine = route.label

    def lookup(text: str) -> str:
        digest = source_hash(text)
        return corrections.get(digest) or memory[digest]

    flagged: set[str] = set()
    fields = document.assemble(lookup, flagged)
    segments = [
        {
            "source": text,
            "hash": source_hash(text),
            "machine": memory.get(source_hash(text), ""),
            "engine": engine if source_hash(text) in memory else "",
            "corrected": corrections.get(source_hash(text), ""),
            "via": result.intermediate.get(source_hash(text), ""),
            "flagged": text in flagged,
        }
        for text in document.sources
    ]
    article = document.article
    with transaction.atomic():
        existing = (
            ArticleTranslation.objects.select_for_update()
            .filter(article=article, language=language)
            .first()
        )
        translation = existing or ArticleTranslation(article=article, language=language)
        old_hashes = {segment["hash"] for segment in translation.segments}
        if translation.reviewed and old_hashes != {segment["hash"] for segment in segments}:
            # The original changed since the review: the new text is unreviewed.
            translation.reviewed = False
            translation.reviewed_by = None
            translation.reviewed_at = None
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.status = ArticleTranslation.Status.DONE
        translation.error = ""
        translation.engines = route.engine_names
        translation.via_language = route.via
        translation.segments = segments
        translation.source_revision_id = article.live_revision_id
        translation.segment_count = len(segments)
        translation.reused_count = len(segments) - translated_now
        translation.flagged_count = len(flagged)
        translation.translated_at = timezone.now()
        translation.save()
    return LanguageOutcome(
        language,
        "done",
        engine=engine,
        via=route.via,
        segments=len(segments),
        reused=len(segments) - translated_now,
        flagged=len(flagged),
    )


# Languages whose missing engine this process has already explained in its log.
_missing_engine_reported: set[str] = set()


def _report_missing_engine(language: str) -> None:
    """Say once per process what to install for a language, not once per article: a worker
    translating 30 articles into 60 languages without engines would print 1,800 such lines."""
    if language in _missing_engine_reported:
        logger.debug("No engine for %s (reported above).", language)
        return
    _missing_engine_reported.add(language)
    # The full hint is on the translation record and in `masthead translate engines`.
    logger.warning(
        "No installed translation engine for %s; 'masthead translate engines' says what to "
        "install.",
        language,
    )


def _record_failure(
    article: ArticlePage, language: str, error: str, *, log: bool = True
) -> LanguageOutcome:
    if log:
        logger.info("Article %s not translated into %s: %s", article.pk, language, error)
    with transaction.atomic():
        existing = (
            ArticleTranslation.objects.select_for_update()
            .filter(article=article, language=language)
            .first()
        )
        if existing and existing.status == ArticleTranslation.Status.DONE:
            # Keep serving the last good translation; the error tells editors it is stale.
            existing.error = error
            existing.save(update_fields=["error"])
        else:
            ArticleTranslation.objects.update_or_create(
                article=article,
                language=language,
                defaults={"status": ArticleTranslation.Status.FAILED, "error": error},
            )
    return LanguageOutcome(language, "failed", error=error)


def languages_with_engines() -> list[str]:
    """The offered languages that an installed engine reaches, directly or through a pivot."""
    reachable = set(reachable_languages())
    return [code for code in offered_languages() if code in reachable]


def translate_all_articles(
    languages: Iterable[str] | None = None,
    on_article: Callable[[ArticlePage, list[LanguageOutcome]], None] | None = None,
    installed_only: bool = False,
) -> list[LanguageOutcome]:
    """Translate every live article; returns every outcome.

    The demo loader calls it with ``installed_only=True``: only the languages some installed
    engine can do, so a machine without models records no failures.
    """
    if installed_only:
        installed = languages_with_engines()
        languages = [code for code in (languages or installed) if code in installed]
    outcomes: list[LanguageOutcome] = []
    for article in ArticlePage.objects.live().order_by("pk"):
        article_outcomes = translate_article(article, languages)
        outcomes.extend(article_outcomes)
        if on_article:
            on_article(article, article_outcomes)
    from .texts import translate_texts

    translate_texts(languages=languages)
    return outcomes


def describe_outcomes(outcomes: Iterable[LanguageOutcome]) -> str:
    """One line for a command's summary: which languages, by which engine, what failed."""
    engines: dict[str, set[str]] = {}
    articles: dict[str, int] = {}
    failed: set[str] = set()
    for outcome in outcomes:
        if outcome.status == "skipped":
            continue
        if outcome.status == "done":
            engines.setdefault(outcome.language, set()).add(outcome.engine)
            articles[outcome.language] = articles.get(outcome.language, 0) + 1
        else:
            failed.add(outcome.language)
    if not engines:
        return "Nothing translated: no installed engine covers the configured languages."
    done = ", ".join(
        f"{code} ({', '.join(sorted(names))})" for code, names in sorted(engines.items())
    )
    line = f"Translated {max(articles.values())} articles into {len(engines)} languages: {done}"
    failed -= set(engines)
    return line + (f"; {len(failed)} languages failed." if failed else ".")


def clean_correction(text: str) -> str:
    """An editor's correction as plain text: markup and scripts removed, whitespace tidied."""
    plain = html.unescape(nh3.clean(text, tags=set()))
    plain = SPACE.sub(" ", plain).strip()
    if not plain:
        raise ValidationError(
            _("A correction can't be empty; clear the field to keep the machine text.")
        )
    if len(plain) > MAX_CORRECTION_LENGTH:
        raise ValidationError(
            _("A correction can be at most %(max)d characters.") % {"max": MAX_CORRECTION_LENGTH}
        )
    return plain


def correct_segment(
    translation: ArticleTranslation, digest: str, text: str, user: Any
) -> SegmentCorrection:
    """Save an editor's translation of one sentence and rebuild the article with it.

    The correction applies wherever the sentence appears, in every article.
    """
    segment = next((s for s in translation.segments if s["hash"] == digest), None)
    if segment is None:
        raise ValidationError(_("That sentence is no longer part of this article."))
    correction, _created = SegmentCorrection.objects.update_or_create(
        source_hash=digest,
        source_language=settings.LANGUAGE_CODE,
        target_language=translation.language,
        defaults={
            "source_text": segment["source"],
            "corrected_text": clean_correction(text),
            "corrected_by": user,
        },
    )
    rebuild(translation)
    _rebuild_pivoted(translation)
    rebuild_texts_with(segment["source"], translation.language)
    return correction


def remove_correction(translation: ArticleTranslation, digest: str) -> None:
    removed = SegmentCorrection.objects.filter(
        source_hash=digest,
        source_language=settings.LANGUAGE_CODE,
        target_language=translation.language,
    )
    sentences = list(removed.values_list("source_text", flat=True))
    removed.delete()
    rebuild(translation)
    _rebuild_pivoted(translation)
    for sentence in sentences:
        rebuild_texts_with(sentence, translation.language)


def rebuild(translation: ArticleTranslation) -> None:
    """Reassemble one translation from memory and corrections (no engine call for known text)."""
    reviewed = (translation.reviewed, translation.reviewed_by_id, translation.reviewed_at)
    translate_article(translation.article_id, [translation.language])
    # A correction is an editor's own work: it does not undo their review.
    ArticleTranslation.objects.filter(pk=translation.pk).update(
        reviewed=reviewed[0], reviewed_by_id=reviewed[1], reviewed_at=reviewed[2]
    )


def _rebuild_pivoted(translation: ArticleTranslation) -> None:
    """The article's translations made through ``translation``'s language take its correction."""
    for pivoted in ArticleTranslation.objects.filter(
        article_id=translation.article_id, via_language=translation.language
    ):
        rebuild(pivoted)


def mark_reviewed(translation: ArticleTranslation, user: Any, reviewed: bool = True) -> None:
    translation.reviewed = reviewed
    translation.reviewed_by = user if reviewed else None
    translation.reviewed_at = timezone.now() if reviewed else None
    translation.save(update_fields=["reviewed", "reviewed_by", "reviewed_at"])
    _changed(translation.article_id)


def set_policy(article: ArticlePage, excluded: bool, excluded_languages: Iterable[str]) -> None:
    """Exclude the article, or some languages, from translation; those versions go offline."""
    known = set(offered_languages())
    languages = sorted(set(excluded_languages) & known)
    TranslationPolicy.objects.update_or_create(
        article=article, defaults={"excluded": excluded, "excluded_languages": languages}
    )
    withdrawn = ArticleTranslation.objects.filter(article=article)
    if not excluded:
        withdrawn = withdrawn.filter(language__in=languages)
    withdrawn.delete()
    _changed(article.pk)
