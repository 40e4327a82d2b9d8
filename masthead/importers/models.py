"""What an import made from which item of which export, so a second run updates, never duplicates.

Each row keys one item of a source (``wordpress:old.example`` post 123, author ``jane``, image
URL ...) to the page or image it became, with a digest of the item as last imported: a re-run
skips what did not change and updates what did.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from masthead.news.models import CreditedImage


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        AUTHOR = "author", _("author")
        TERM = "term", _("category or tag")
        IMAGE = "image", _("image")
        COMMENT = "comment", _("comment")

    source = models.CharField(
        max_length=255, help_text=_("The export's origin, e.g. 'wordpress:old.example'.")
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source_id = models.CharField(max_length=512)
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        CreditedImage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # What it became when that is neither a page nor an image: a comment's id. Not a foreign
    # key, so the importers work whether or not the comments app is installed.
    object_id = models.BigIntegerField(null=True, blank=True)
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="unique_imported_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.source_id}"
