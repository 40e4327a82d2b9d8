"""Reader-facing newsletter pages: sign-up, confirmation, unsubscribe, preferences, archive.

Thin: each view checks its input and calls one service."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from masthead.server.client_address import client_ip
from masthead.server.limits import over_limit, too_many_requests

from . import services
from .forms import PreferencesForm, SignupForm
from .models import NewsletterIssue, Subscriber
from .queries import archive_issues, web_issue
from .tokens import form_timestamp, subscriber_for_confirm_token, subscriber_for_manage_token

# Pages that show a reader's address or act on their subscription: no shared cache, no
# browser history copy.
private_page = cache_control(private=True, no_store=True)


# No CSRF token: the form is in every page's footer, and a token would set a cookie on every
# page and keep caches from storing them. A forged sign-up can only start double opt-in, which
# the address's owner must still confirm; the per-IP rate limit applies all the same.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _signup_page(request, SignupForm(language=get_language()))
    retry_after = over_limit(
        request, group="newsletter-signup", rate=settings.MASTHEAD_NEWSLETTER_SIGNUP_RATE
    )
    if retry_after:
        return too_many_requests(request, retry_after, _("Too many sign-ups from your connection."))
    form = SignupForm(request.POST, language=get_language())
    if form.filled_the_trap():
        # The same page a person sees, so a bot learns nothing; nothing is stored or sent.
        return redirect("newsletter:check_inbox")
    if form.came_back_too_soon():
        # A person who was very quick, or whose browser ran no script: one more press, on a
        # page with a fresh stamp, goes through.
        form.add_error(None, _("Please check your details and press Subscribe again."))
        return _signup_page(request, form, status=400)
    if not form.is_valid():
        return _signup_page(request, form, status=400)
    try:
        services.subscribe(
            form.cleaned_data["email"],
            language=form.cleaned_data["language"],
            frequency=form.cleaned_data["frequency"],
            ip=_valid_ip(client_ip(request)),
            form=(request.POST.get("source") or "signup-page")[:64],
        )
    except ValidationError as error:
        form.add_error("email", error)
        return _signup_page(request, form, status=400)
    return redirect("newsletter:check_inbox")


def _signup_page(request: HttpRequest, form: SignupForm, status: int = 200) -> HttpResponse:
    """The sign-up page; never cached, so its form carries a fresh stamp."""
    context = {"form": form, "stamp": form_timestamp()}
    return render(request, "newsletter/signup.html", context, status=status)


@private_page
@require_safe
def form_stamp(request: HttpRequest) -> JsonResponse:
    """A fresh form stamp for the sign-up forms in cached pages, fetched when one is used."""
    return JsonResponse({"stamp": form_timestamp()})


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/check_inbox.html")


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only its POST confirms, so mail scanners that follow links can't."""
    subscriber_id = subscriber_for_confirm_token(token)
    if subscriber_id is None or not Subscriber.objects.filter(pk=subscriber_id).exists():
        return render(request, "newsletter/link_invalid.html", {"expired": True}, status=400)
    if request.method != "POST":
        return render(request, "newsletter/confirm.html")
    subscriber = services.confirm_subscription(subscriber_id)
    if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
        return render(request, "newsletter/link_invalid.html", {"expired": True}, status=400)
    return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})


@csrf_exempt
@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click unsubscribe: mail clients POST ``List-Unsubscribe=One-Click`` with no
    session or CSRF token, so this view is CSRF-exempt and trusts only the signed token. The
    visible link's GET shows a button instead of unsubscribing, as link scanners follow GETs."""
    subscriber_id = subscriber_for_manage_token(token)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id else None
    if subscriber is None:
        return render(request, "newsletter/link_invalid.html", status=400)
    if request.method != "POST":
        return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return render(
            request, "newsletter/unsubscribe.html", {"subscriber": subscriber}, status=400
        )
    services.unsubscribe(subscriber.pk)
    return render(request, "newsletter/unsubscribed.html", {"token": token})


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscriber_id = subscriber_for_manage_token(token)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id else None
    if subscriber is None:
        return render(request, "newsletter/link_invalid.html", status=400)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(
                subscriber,
                language=form.cleaned_data["language"],
                frequency=form.cleaned_data["frequency"],
            )
            saved = True
    else:
        form = PreferencesForm(
            initial={"language": subscriber.language, "frequency": subscriber.frequency}
        )
    return render(
        request,
        "newsletter/preferences.html",
        {"form": form, "subscriber": subscriber, "token": token, "saved": saved},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def archive(request: HttpRequest) -> HttpResponse:
    from masthead.news.models import paginate

    issues = paginate(request, archive_issues(), 30)
    return render(request, "newsletter/archive.html", {"issues": issues})


def issue_page(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssue, slug=slug, status=NewsletterIssue.Status.SENT)
    context = web_issue(issue, get_language() or settings.LANGUAGE_CODE)
    if context is None:
        raise Http404
    return render(request, "newsletter/issue.html", context)
