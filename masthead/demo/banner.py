"""What ``load-demo`` and ``masthead serve --demo-banner`` tell the visitor about the demo: the
languages its engines will translate into, and when its scheduled article goes live."""

from __future__ import annotations

import math

from django.utils import timezone

from masthead.news.models import ArticlePage

from .content_files import demo_content


def describe_demo_translation() -> str:
    """Which languages the installed engines will translate the demo into (in the worker)."""
    from django.conf import settings

    from masthead.translation.routes import best_route
    from masthead.translation.services import languages_with_engines

    languages = languages_with_engines()
    if not languages:
        return (
            "Translations: no installed engine covers the configured languages "
            "(masthead translate engines says what to install)."
        )
    routes = {code: best_route(settings.LANGUAGE_CODE, code) for code in languages}
    by_engine = ", ".join(
        f"{code} ({route.label if not route.via else 'via ' + route.via})"
        for code, route in routes.items()
        if route is not None
    )
    from masthead.translation.interface_review import awaiting_review

    waiting = {code: awaiting_review(code) for code in languages}
    review = (
        f" {sum(waiting.values())} machine-made interface strings in "
        f"{sum(1 for n in waiting.values() if n)} languages await review in the admin "
        "(Translations → Review machine-made interface strings)."
        if any(waiting.values())
        else ""
    )
    return (
        f"Translations: the task worker translates every article, and the names, bios and "
        f"notes around them, into {by_engine}; other languages wait for an engine "
        f"(masthead translate engines).{review}"
    )


def describe_scheduled_articles(base_url: str) -> list[str]:
    """For the banner: each scheduled demo article's headline, when the clock publishes it (or
    published it, once it has) and where it then appears."""
    now = timezone.now()
    lines = []
    slugs = [spec["slug"] for spec in demo_content().scheduled_articles]
    for article in ArticlePage.objects.filter(slug__in=slugs).order_by("pk"):
        address = f"{base_url}{article.url}"
        if article.live:
            went_live = timezone.localtime(article.first_published_at)
            lines.append(
                f"“{article.title}” went live at {went_live:%Y-%m-%d %H:%M %Z}, published by "
                f"the clock: {address}"
            )
            continue
        revision = article.scheduled_revision
        if revision is None:
            continue  # an editor took it off the schedule
        go_live_at = revision.approved_go_live_at
        minutes = math.ceil((go_live_at - now).total_seconds() / 60)
        when = f"in {minutes} minute{'' if minutes == 1 else 's'}" if minutes > 0 else "due now"
        lines.append(
            f"“{article.title}” goes live at {timezone.localtime(go_live_at):%H:%M %Z} ({when}): "
            f"the clock publishes it, then it shows on the front page and at {address}"
        )
    return lines
