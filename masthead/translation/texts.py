"""The publication's texts besides articles, in every offered language: whole pages, not an
article in Galician framed by English region names, bios and notes.

Which texts: region, theme and report names and descriptions, author bios (never their names),
section titles (the header's menu) and introductions, the tagline, the disclaimer, the
republishing policy and the note under every article. Each is cut into sentences and
translated through the same segment memory, routes and editors' corrections as articles
(:mod:`.segment_memory`), then kept whole in :class:`~.models.TextTranslation`, keyed by the
hash of the original text. A short text the interface catalogue translates (the default
section names) takes the catalogue's words unless an editor corrected it. Readers' pages get
them through ``news``'s ``TEXT_VERSIONS_HOOK`` (:class:`TranslatedTexts`); an editor's
correction of a sentence rebuilds the texts that contain it (:func:`rebuild_texts_with`).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Site

from masthead.news.models import (
    ArticleIndexPage,
    AuthorPage,
    PublicationSettings,
    RegionPage,
    ReportPage,
    SectionIndexPage,
    ThemePage,
)
from masthead.news.selectors import readable_pages

from .engines import EngineError, EngineUnavailable
from .models import TextTranslation, source_hash
from .routes import offered_languages
from .segment_memory import corrections_for, translate_segments
from .segmenting import translate_plain_text, translate_rich_text
from .signals import translations_changed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublicationText:
    text: str
    rich: bool = False


def publication_texts() -> list[PublicationText]:
    """Every text readers see besides articles and names, once each (of pages readers may
    see: a private region's description is never sent to an engine)."""
    found: dict[tuple[str, bool], None] = {}

    def add(text: str, rich: bool = False) -> None:
        if text and text.strip():
            found.setdefault((text, rich), None)

    for page in readable_pages(RegionPage.objects.all()).only("title", "description"):
        add(page.title)
        add(page.description)
    for page in readable_pages(ThemePage.objects.all()).only("title", "description"):
        add(page.title)
        add(page.description)
    for page in readable_pages(ReportPage.objects.all()).only("title", "introduction"):
        add(page.title)
        add(page.introduction, rich=True)
    for page in readable_pages(AuthorPage.objects.all()).only("bio"):
        add(page.bio)
    for model in (SectionIndexPage, ArticleIndexPage):
        for page in readable_pages(model.objects.all()).only("title", "introduction"):
            add(page.title)
            add(page.introduction)
    for site in Site.objects.all():
        # The header's menu: whatever pages the editors put in it.
        for page in readable_pages(site.root_page.get_children()).in_menu().only("title"):
            add(page.title)
        publication = PublicationSettings.for_site(site)
        add(publication.tagline)
        for field in ("disclaimer", "republishing_policy", "article_footer_note"):
            add(getattr(publication, field), rich=True)
    return [PublicationText(text, rich) for text, rich in found]


def translate_texts(
    texts: Iterable[PublicationText] | None = None, languages: Iterable[str] | None = None
) -> int:
    """Translate the publication's texts (default: all) into ``languages`` (default: every
    offered one); only texts not yet translated reach the segment memory. Returns how many
    texts were (re)translated."""
    texts = list(publication_texts() if texts is None else texts)
    source = settings.LANGUAGE_CODE
    made = 0
    for language in offered_languages() if languages is None else languages:
        if language == source:
            continue
        done = set(
            TextTranslation.objects.filter(
                source_language=source,
                target_language=language,
                source_hash__in=[source_hash(t.text) for t in texts],
            ).values_list("source_hash", "rich")
        )
        missing = [t for t in texts if (source_hash(t.text), t.rich) not in done]
        if not missing:
            continue
        try:
            made += _translate_into(missing, source, language)
        except EngineUnavailable:
            continue
        except EngineError as error:
            logger.warning("Texts not translated into %s: %s", language, error)
    if made:
        transaction.on_commit(
            lambda: translations_changed.send(sender=TextTranslation, article_id=None)
        )
    return made


def rebuild_texts_with(sentence: str, language: str) -> int:
    """Rebuild the texts that contain ``sentence`` in ``language`` and in the languages reached
    through it, after an editor corrected (or un-corrected) that sentence there."""
    affected = [item for item in publication_texts() if sentence in item.text]
    if not affected:
        return 0
    hashes = [source_hash(item.text) for item in affected]
    languages = {language} | set(
        TextTranslation.objects.filter(via_language=language, source_hash__in=hashes)
        .values_list("target_language", flat=True)
        .distinct()
    )
    TextTranslation.objects.filter(source_hash__in=hashes, target_language__in=languages).delete()
    return translate_texts(affected, sorted(languages))


def _sentences(texts: list[PublicationText], source: str) -> list[str]:
    seen: dict[str, None] = {}

    def record(sentence: str) -> str:
        seen.setdefault(sentence, None)
        return sentence

    for item in texts:
        _assemble(item, record, source)
    return list(seen)


def _assemble(item: PublicationText, translate: object, source: str) -> str:
    if item.rich:
        return translate_rich_text(item.text, translate, source)  # type: ignore[arg-type]
    return translate_plain_text(item.text, translate, source)  # type: ignore[arg-type]


def _from_catalogue(text: str, language: str) -> str | None:
    """The interface catalogue's words for a short plain text, where it has them: the default
    section names ("Articles", "In-depth reports") as the catalogues' translators wrote them,
    rather than a rule-based engine's guess ("Prendas")."""
    with translation.override(language):
        found = translation.gettext(text)
    return found if found != text else None


def _names() -> list[str]:
    """Names that stay as they are inside any text: the publications', their copyright
    holders' and the authors' (longest first, so "Meridian Review Media" goes before
    "Meridian Review")."""
    found = set(readable_pages(AuthorPage.objects.all()).values_list("title", flat=True))
    for site in Site.objects.all():
        publication = PublicationSettings.for_site(site)
        found |= {publication.publication_name, publication.copyright_holder}
    return sorted((name for name in found if name and name.strip()), key=len, reverse=True)


def _keep_names(sentence: str, translated: str, rendered: dict[str, str]) -> str:
    """Put back each name of ``sentence`` that the engine turned into words of the language
    ("The Meridian Review" as "La Reseña Meridiana"): where the name's own translation appears
    in the sentence's, the name takes its place."""
    for name, words in rendered.items():
        if name in sentence and words and words.lower() != name.lower():
            translated = re.sub(
                re.escape(words), lambda _m, name=name: name, translated, flags=re.I
            )
    return translated


def _translate_into(texts: list[PublicationText], source: str, language: str) -> int:
    # An editor's correction of the whole text wins over the catalogue; the catalogue over the
    # engines.
    corrected = set(corrections_for([source_hash(t.text) for t in texts], source, language))
    from_catalogue = {
        item: found
        for item in texts
        if not item.rich
        and source_hash(item.text) not in corrected
        and (found := _from_catalogue(item.text, language))
    }
    to_translate = [item for item in texts if item not in from_catalogue]
    sentences = {source_hash(s): s for s in _sentences(to_translate, source)}
    names = [name for name in _names() if any(name in s for s in sentences.values())]
    sentences.update({source_hash(name): name for name in names})
    corrections = corrections_for(list(sentences), source, language)
    result = (
        translate_segments(sentences, source, language, skip=set(corrections))
        if sentences
        else None
    )

    rendered = {name: result.machine.get(source_hash(name), "") for name in names} if result else {}

    def lookup(sentence: str) -> str:
        digest = source_hash(sentence)
        if digest in corrections:
            return corrections[digest]
        return _keep_names(sentence, result.machine[digest], rendered)  # type: ignore[union-attr]

    for item in texts:
        TextTranslation.objects.update_or_create(
            source_hash=source_hash(item.text),
            source_language=source,
            target_language=language,
            rich=item.rich,
            defaults={
                "source_text": item.text,
                "text": from_catalogue.get(item) or _assemble(item, lookup, source),
                "engines": []
                if item in from_catalogue or result is None
                else result.route.engine_names,
                "via_language": ""
                if item in from_catalogue or result is None
                else result.route.via,
            },
        )
    return len(texts)


TEXTS_GENERATION_KEY = "masthead:translation:texts-generation"


class TranslatedTexts:
    """The ``news`` text source: every translated text of a language, loaded in one query and
    kept in this process until translations change (a generation token in the shared cache
    tells every process)."""

    def __init__(self) -> None:
        self._loaded: dict[str, tuple[str, dict[tuple[str, bool], str]]] = {}

    def text(self, text: str, language: str, *, rich: bool) -> str | None:
        if language not in offered_languages():
            return None
        return self._texts(language).get((source_hash(text), rich))

    def _texts(self, language: str) -> dict[tuple[str, bool], str]:
        generation = cache.get_or_set(TEXTS_GENERATION_KEY, lambda: uuid.uuid4().hex, None)
        loaded = self._loaded.get(language)
        if loaded is None or loaded[0] != generation:
            rows = TextTranslation.objects.filter(
                source_language=settings.LANGUAGE_CODE, target_language=language
            ).values_list("source_hash", "rich", "text")
            loaded = (generation, {(digest, rich): text for digest, rich, text in rows})
            self._loaded[language] = loaded
        return loaded[1]


def forget_texts(**kwargs: object) -> None:
    """Every process reloads its texts on next use (a new token, never a counter: an emptied
    cache must not bring back a generation some process already holds)."""
    cache.set(TEXTS_GENERATION_KEY, uuid.uuid4().hex, None)
