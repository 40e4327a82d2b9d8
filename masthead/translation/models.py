"""Translations kept in light tables of their own (no page copy per language).

* :class:`MachineSegment` — the translation memory: one engine's translation of one source
  sentence into one language, so a sentence is translated once wherever it appears.
* :class:`SegmentCorrection` — an editor's translation of a sentence; it always wins over any
  engine and is reused wherever the sentence appears.
* :class:`ArticleTranslation` — an article assembled in one language, served at ``/<lang>/…``.
* :class:`TranslationPolicy` — per article: not translated at all, or not into some languages.
* :class:`TextTranslation` — the publication's other texts (names, bios, notes) in one language.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from masthead.news.models import ArticlePage


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class MachineSegment(models.Model):
    source_hash = models.CharField(max_length=64)
    source_language = models.CharField(max_length=12)
    target_language = models.CharField(max_length=12)
    engine = models.CharField(max_length=32)
    source_text = models.TextField()
    machine_text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("machine-translated segment")
        constraints = [
            models.UniqueConstraint(
                fields=["source_hash", "source_language", "target_language", "engine"],
                name="unique_machine_segment",
            )
        ]

    def __str__(self) -> str:
        return f"[{self.target_language}/{self.engine}] {self.source_text[:60]}"


class SegmentCorrection(models.Model):
    source_hash = models.CharField(max_length=64)
    source_language = models.CharField(max_length=12)
    target_language = models.CharField(max_length=12)
    source_text = models.TextField()
    corrected_text = models.TextField()
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("segment correction")
        constraints = [
            models.UniqueConstraint(
                fields=["source_hash", "source_language", "target_language"],
                name="unique_segment_correction",
            )
        ]

    def __str__(self) -> str:
        return f"[{self.target_language}] {self.source_text[:60]}"


class ArticleTranslation(models.Model):
    class Status(models.TextChoices):
        DONE = "done", _("translated")
        FAILED = "failed", _("failed")

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=12)
    status = models.CharField(max_length=10, choices=Status.choices)
    error = models.TextField(blank=True)
    title = models.TextField(blank=True)
    standfirst = models.TextField(blank=True)
    featured_image_caption = models.TextField(blank=True)
    featured_image_alt = models.TextField(blank=True)
    # The article's body StreamField data with every text translated (same blocks, same images).
    body = models.JSONField(default=list, blank=True)
    engines = models.JSONField(default=list, blank=True)
    # The language a pivoted translation passed through (English → Spanish → Galician); "" when
    # one engine translated directly.
    via_language = models.CharField(max_length=12, blank=True)
    # The editor's view: [{"source", "hash", "machine", "engine", "corrected", "flagged"}, ...]
    segments = models.JSONField(default=list, blank=True)
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    segment_count = models.PositiveIntegerField(default=0)
    reused_count = models.PositiveIntegerField(default=0)
    flagged_count = models.PositiveIntegerField(default=0)
    translated_at = models.DateTimeField(null=True, blank=True)
    reviewed = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("article translation")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_translation_per_language"
            )
        ]
        indexes = [models.Index(fields=["language", "status"], name="translation_lang_status")]

    def __str__(self) -> str:
        return f"{self.article_id} [{self.language}] {self.status}"


class TranslationPolicy(models.Model):
    article = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, related_name="translation_policy"
    )
    excluded = models.BooleanField(_("do not translate this article"), default=False)
    excluded_languages = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("translation policy")

    def __str__(self) -> str:
        return f"{self.article_id}: excluded={self.excluded} {self.excluded_languages}"

    def allows(self, language: str) -> bool:
        return not self.excluded and language not in self.excluded_languages


class TextTranslation(models.Model):
    """One of the publication's texts (a region's name, a bio, the tagline, the disclaimer) in
    one language, assembled from the same segment memory and corrections as articles."""

    source_hash = models.CharField(max_length=64)
    source_language = models.CharField(max_length=12)
    target_language = models.CharField(max_length=12)
    rich = models.BooleanField(default=False)
    source_text = models.TextField()
    text = models.TextField()
    engines = models.JSONField(default=list, blank=True)
    via_language = models.CharField(max_length=12, blank=True)
    translated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translated text")
        constraints = [
            models.UniqueConstraint(
                fields=["source_hash", "source_language", "target_language", "rich"],
                name="unique_text_translation",
            )
        ]

    def __str__(self) -> str:
        return f"[{self.target_language}] {self.source_text[:60]}"
