from django.dispatch import Signal

# Sent (sender=ArticleTranslation, article_id=...) whenever what readers see of an article's
# translations changes: a run finished, a correction, a review, an exclusion. Page caches
# listen to it, since translations finish after the publish that started them.
translations_changed = Signal()
