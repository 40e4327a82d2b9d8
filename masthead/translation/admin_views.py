"""The admin's Translations area: coverage, per-article languages and exclusions, the
side-by-side segment editor, and the review of machine-made interface strings."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from masthead.news.models import ArticlePage

from . import interface_review, services
from .forms import CorrectionForm, PolicyForm
from .languages import NATIVE_NAMES
from .models import ArticleTranslation, TranslationPolicy
from .queries import coverage_by_language
from .routes import install_hints, missing_languages, offered_languages, pivot_languages

PERMISSION = "translation.change_articletranslation"


@permission_required(PERMISSION, raise_exception=True)
def coverage(request: HttpRequest) -> HttpResponse:
    figures = coverage_by_language()
    missing = set(missing_languages())
    offered = [code for code in offered_languages() if code not in missing]
    pivots = pivot_languages(offered)
    languages = [
        {
            "code": code,
            "name": NATIVE_NAMES[code],
            "via": pivots.get(code, ""),
            "done": figures.get(code, {}).get("done", 0),
            "failed": figures.get(code, {}).get("failed", 0),
        }
        for code in NATIVE_NAMES
        if code in offered
    ]
    # Every other language, grouped by what would bring it: shown once, not per article.
    unreachable = [c for c in NATIVE_NAMES if c != settings.LANGUAGE_CODE and c not in offered]
    installable = [
        {"hint": hint, "languages": [NATIVE_NAMES[code] for code in codes]}
        for hint, codes in install_hints(unreachable)
    ]
    articles = ArticlePage.objects.live().order_by("-published_at", "-pk").only("id", "title")
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    # Count only for the articles on this page: cheap however many translations exist.
    counts = {
        row["article_id"]: row
        for row in ArticleTranslation.objects.filter(article_id__in=[a.pk for a in page])
        .values("article_id")
        .annotate(
            done=Count("id", filter=Q(status="done")),
            failed=Count("id", filter=Q(status="failed")),
            reviewed=Count("id", filter=Q(reviewed=True)),
        )
    }
    for item in page:
        row = counts.get(item.pk, {})
        item.done, item.failed, item.reviewed = (
            row.get(k, 0) for k in ("done", "failed", "reviewed")
        )
    return TemplateResponse(
        request,
        "translation/admin/coverage.html",
        {
            "languages": languages,
            "installable": installable,
            "articles": page,
            "configured": len(languages),
        },
    )


@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def article(request: HttpRequest, article_id: int) -> HttpResponse:
    page = get_object_or_404(ArticlePage, pk=article_id)
    policy = TranslationPolicy.objects.filter(article=page).first()
    initial = {
        "excluded": bool(policy and policy.excluded),
        "excluded_languages": policy.excluded_languages if policy else [],
    }
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if request.POST.get("action") == "translate":
            from .tasks import translate_article_task

            transaction.on_commit(lambda: translate_article_task.enqueue(page.pk))
            messages.success(request, _("Translation queued."))
            return redirect("translation_admin:article", article_id=page.pk)
        if form.is_valid():
            services.set_policy(
                page, form.cleaned_data["excluded"], form.cleaned_data["excluded_languages"]
            )
            messages.success(request, _("Translation settings saved."))
            return redirect("translation_admin:article", article_id=page.pk)
    translations = {t.language: t for t in ArticleTranslation.objects.filter(article=page)}
    rows = [
        {"code": code, "name": NATIVE_NAMES[code], "translation": translations.get(code)}
        for code in NATIVE_NAMES
        if code in offered_languages()
    ]
    return TemplateResponse(
        request, "translation/admin/article.html", {"article": page, "rows": rows, "form": form}
    )


@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def editor(request: HttpRequest, article_id: int, language: str) -> HttpResponse:
    translation = get_object_or_404(
        ArticleTranslation.objects.select_related("article"),
        article_id=article_id,
        language=language,
        status=ArticleTranslation.Status.DONE,
    )
    error_for: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action in {"review", "unreview"}:
            services.mark_reviewed(translation, request.user, reviewed=action == "review")
            messages.success(request, _("Review status saved."))
            return redirect("translation_admin:editor", article_id=article_id, language=language)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            digest, text = form.cleaned_data["segment"], form.cleaned_data["text"]
            try:
                if text.strip():
                    services.correct_segment(translation, digest, text, request.user)
                else:
                    services.remove_correction(translation, digest)
            except ValidationError as error:
                error_for[digest] = " ".join(error.messages)
            else:
                messages.success(request, _("Correction saved."))
                return redirect(
                    "translation_admin:editor", article_id=article_id, language=language
                )
        else:
            error_for[request.POST.get("segment", "")] = _("That correction could not be saved.")
        status = 400
    segments = [
        {**segment, "error": error_for.get(segment["hash"], "")} for segment in translation.segments
    ]
    return TemplateResponse(
        request,
        "translation/admin/editor.html",
        {
            "translation": translation,
            "article": translation.article,
            "language_name": NATIVE_NAMES.get(language, language),
            "segments": segments,
            # Errors about segments no longer on the page.
            "errors": list(error_for.values()),
        },
        status=status,
    )


@permission_required(PERMISSION, raise_exception=True)
def interface_languages(request: HttpRequest) -> HttpResponse:
    """Each offered language with the interface entries a machine made, waiting for review."""
    languages = [
        {
            "code": code,
            "name": NATIVE_NAMES[code],
            "waiting": interface_review.awaiting_review(code),
        }
        for code in NATIVE_NAMES
        if code in offered_languages() and code != settings.LANGUAGE_CODE
    ]
    return TemplateResponse(
        request, "translation/admin/interface_languages.html", {"languages": languages}
    )


@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def interface_entries(request: HttpRequest, language: str) -> HttpResponse:
    """The machine-made entries of one language: accept each, or correct it."""
    if language not in NATIVE_NAMES or language == settings.LANGUAGE_CODE:
        raise Http404
    error_for: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        key = request.POST.get("key", "")
        forms = None
        if request.POST.get("action") == "correct":
            forms = request.POST.getlist("form")
        try:
            interface_review.review_entry(language, key, forms)
        except ValidationError as error:
            error_for[key] = " ".join(error.messages)
            status = 400
        else:
            messages.success(
                request, _("Correction saved.") if forms is not None else _("Entry accepted.")
            )
            return redirect("translation_admin:interface_entries", language=language)
    entries = Paginator(interface_review.machine_entries(language), 50).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "translation/admin/interface_entries.html",
        {
            "language": language,
            "language_name": NATIVE_NAMES[language],
            "entries": entries,
            "errors": error_for,
        },
        status=status,
    )
