"""Readers' pages: sign-in, the account, joining and giving, sharing, Stripe's webhook.

Thin: each view checks its input and calls one service.
"""

from __future__ import annotations

import json

import stripe
from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masthead.formats.digits import localize_digits
from masthead.news.reader_articles import reader_article
from masthead.news.selectors import readable_articles
from masthead.newsletter.rendering import absolute_url
from masthead.newsletter.tokens import manage_token
from masthead.server.limits import over_limit, too_many_requests

from . import accounts, payments, sharing, stripe_api, webhooks
from .access import current_membership, reader_of
from .forms import CodeForm, EmailForm, GiftForm, NameForm, ShareForm
from .models import Campaign, Reader, Tier
from .money import format_money
from .selectors import campaign_progress, members_only_articles, offered_tiers

SESSION_KEY = "membership_sign_in"
NEXT_KEY = "membership_next"


def _refused(
    request: HttpRequest, group: str, rate: str, whose: str | None = None
) -> HttpResponse | None:
    """Count one attempt in ``group`` (by the client's address, or by ``whose``: an email
    address or an account); the shared 429 page when it is one too many, else None."""
    key = None if whose is None else (lambda _group, _request: whose)
    retry_after = over_limit(request, group=f"membership-{group}", rate=rate, key=key)
    if retry_after is None:
        return None
    return too_many_requests(
        request, retry_after, _("That was asked for too often from here or for this address.")
    )


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("membership:account")


def _sign_in(request: HttpRequest, reader: Reader) -> HttpResponse:
    target = request.session.get(NEXT_KEY)
    login(request, reader.user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(_safe_next(request, target))


def _reader_or_404(request: HttpRequest) -> Reader:
    reader = reader_of(request.user)
    if reader is None:
        raise Http404(_("This page is for reader accounts."))
    return reader


# --- Sign-in ------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if reader_of(request.user) is not None:
            return redirect(_safe_next(request, request.GET.get("next")))
        # The target travels in the form, not the session: looking at this page starts none.
        context = {"form": EmailForm(), "next": _safe_next(request, request.GET.get("next"))}
        return render(request, "membership/sign_in.html", context)
    form = EmailForm(request.POST)
    if refused := _refused(request, "sign-in-ip", settings.MASTHEAD_SIGN_IN_RATE_PER_IP):
        return refused
    if not form.is_valid():
        context = {"form": form, "next": _safe_next(request, request.POST.get("next"))}
        return render(request, "membership/sign_in.html", context, status=400)
    email = form.cleaned_data["email"]
    if refused := _refused(
        request, "sign-in-address", settings.MASTHEAD_SIGN_IN_RATE_PER_ADDRESS, email
    ):
        return refused
    issued = accounts.request_sign_in(email)
    # Known, unknown or blocked address: the same next page.
    request.session[SESSION_KEY] = issued.request_id if issued else 0
    request.session[NEXT_KEY] = _safe_next(request, request.POST.get("next"))
    return redirect("membership:enter_code")


@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    if SESSION_KEY not in request.session:
        return redirect("membership:sign_in")
    form = CodeForm(request.POST or None)
    if request.method == "GET":
        return render(request, "membership/enter_code.html", {"form": form})
    if refused := _refused(request, "sign-in-code", "30/h"):
        return refused
    reader = None
    if form.is_valid():
        reader = accounts.redeem_code(request.session[SESSION_KEY], form.cleaned_data["code"])
    if reader is None:
        form.add_error(
            None,
            _("That code is wrong, used or expired. Check it, or ask for a new one."),
        )
        return render(request, "membership/enter_code.html", {"form": form}, status=400)
    request.session.pop(SESSION_KEY, None)
    return _sign_in(request, reader)


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only its POST signs in, so a mail scanner's GET changes nothing."""
    if accounts.open_request_for_token(token) is None:
        return render(request, "membership/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "membership/sign_in_link.html")
    reader = accounts.redeem_token(token)
    if reader is None:
        return render(request, "membership/link_invalid.html", status=400)
    return _sign_in(request, reader)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("/")


# --- The account page ---------------------------------------------------------------------------
@login_required(login_url="membership:sign_in")
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    reader = _reader_or_404(request)
    form = NameForm(request.POST or None, initial={"name": reader.name})
    if request.method == "POST" and form.is_valid():
        accounts.update_name(reader, form.cleaned_data["name"])
        return redirect("membership:account")
    status = 400 if request.method == "POST" else 200
    return render(request, "membership/account.html", _account_context(reader, form), status=status)


def _account_context(reader: Reader, form: NameForm, **extra: object) -> dict[str, object]:
    return {
        "reader": reader,
        "form": form,
        "email_form": extra.pop("email_form", EmailForm()),
        "membership": getattr(reader, "membership", None),
        "is_current": current_membership(reader) is not None,
        "subscriber": reader.subscriber,
        "newsletter_url": (
            reverse("newsletter:preferences", args=[manage_token(reader.subscriber.pk)])
            if reader.subscriber
            else reverse("newsletter:signup")
        ),
        "gifts": reader.gifts.select_related("campaign")[:50],
        "payments_configured": stripe_api.is_configured(),
        **extra,
    }


@login_required(login_url="membership:sign_in")
@require_POST
def change_email(request: HttpRequest) -> HttpResponse:
    reader = _reader_or_404(request)
    email_form = EmailForm(request.POST)
    error = None
    if refused := _refused(request, "sign-in-ip", settings.MASTHEAD_SIGN_IN_RATE_PER_IP):
        return refused
    if email_form.is_valid():
        try:
            accounts.request_email_change(reader, email_form.cleaned_data["email"])
        except accounts.AccountError as exc:
            error = str(exc)
        else:
            return render(request, "membership/check_new_address.html")
    context = _account_context(
        reader, NameForm(initial={"name": reader.name}), email_form=email_form, email_error=error
    )
    return render(request, "membership/account.html", context, status=400)


@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    if accounts.open_request_for_token(token) is None:
        return render(request, "membership/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "membership/confirm_email.html")
    reader = accounts.confirm_email_change(token)
    if reader is None:
        return render(request, "membership/link_invalid.html", status=400)
    return render(request, "membership/email_changed.html", {"reader": reader})


@login_required(login_url="membership:sign_in")
@require_GET
def download_data(request: HttpRequest) -> HttpResponse:
    reader = _reader_or_404(request)
    response = HttpResponse(
        json.dumps(accounts.export_data(reader), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required(login_url="membership:sign_in")
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    reader = _reader_or_404(request)
    if request.method == "GET":
        return render(request, "membership/delete_account.html", {"reader": reader})
    if request.POST.get("confirm") != "delete":
        return render(
            request,
            "membership/delete_account.html",
            {"reader": reader, "unconfirmed": True},
            status=400,
        )
    try:
        accounts.delete_account(reader)
    except stripe_api.PaymentsError as exc:
        return render(
            request,
            "membership/delete_account.html",
            {"reader": reader, "error": str(exc)},
            status=502,
        )
    logout(request)
    return render(request, "membership/account_deleted.html")


@login_required(login_url="membership:sign_in")
@require_POST
def billing(request: HttpRequest) -> HttpResponse:
    reader = _reader_or_404(request)
    try:
        return redirect(
            payments.billing_portal(reader, absolute_url(reverse("membership:account")))
        )
    except stripe_api.PaymentsError as exc:
        return render(request, "membership/payments_error.html", {"error": str(exc)}, status=502)


# --- Joining ------------------------------------------------------------------------------------
@require_GET
def join(request: HttpRequest) -> HttpResponse:
    teasers = [reader_article(a, request=request) for a in members_only_articles()[:6]]
    return render(
        request,
        "membership/join.html",
        {
            "tiers": offered_tiers(),
            "teasers": teasers,
            "payments_configured": stripe_api.is_configured(),
            "reader": reader_of(request.user),
        },
    )


@require_POST
def checkout(request: HttpRequest, slug: str, interval: str) -> HttpResponse:
    reader = reader_of(request.user)
    if reader is None:
        return redirect(f"{reverse('membership:sign_in')}?next={reverse('membership:join')}")
    tier = get_object_or_404(Tier, slug=slug, active=True)
    if interval not in {"month", "year"}:
        raise Http404
    try:
        url = payments.start_membership_checkout(
            reader,
            tier,
            interval,
            success_url=absolute_url(reverse("membership:welcome")),
            cancel_url=absolute_url(reverse("membership:join")),
        )
    except stripe_api.PaymentsError as exc:
        return render(request, "membership/payments_error.html", {"error": str(exc)}, status=502)
    return redirect(url)


@require_GET
def welcome(request: HttpRequest) -> HttpResponse:
    return render(request, "membership/welcome.html")


# --- Fundraising --------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def campaign(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Campaign, slug=slug)
    form = GiftForm(request.POST or None)
    status = 200
    error = None
    if request.method == "POST":
        if refused := _refused(request, "gift-ip", "20/h"):
            return refused
        if form.is_valid():
            try:
                url = payments.start_gift_checkout(
                    found,
                    form.minor_units(found.currency),
                    monthly=form.cleaned_data["monthly"],
                    reader=reader_of(request.user),
                    success_url=absolute_url(reverse("membership:thanks")),
                    cancel_url=absolute_url(reverse("membership:campaign", args=[found.slug])),
                )
            except stripe_api.PaymentsError as exc:
                error, status = str(exc), 502
            else:
                return redirect(url)
        else:
            status = 400
    return render(
        request,
        "membership/campaign.html",
        {
            "campaign": found,
            "progress": campaign_progress(found),
            "form": form,
            "error": error,
            "payments_configured": stripe_api.is_configured(),
        },
        status=status,
    )


@require_GET
def campaign_progress_json(request: HttpRequest, slug: str, language: str = "") -> JsonResponse:
    # The figures as the page's language writes them (its address names the language, so the
    # page cache keeps one answer per language), so a refresh never turns "1.575,00 EUR" into
    # "€1,575.00".
    language = language or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    found = get_object_or_404(Campaign, slug=slug)
    progress = campaign_progress(found)
    with translation.override(language):
        shown = {
            "raised": format_money(progress["raised"], found.currency),
            "donors": localize_digits(str(progress["donors"]), language),
            "days_left": localize_digits(str(progress["days_left"]), language),
        }
    response = JsonResponse({**progress, "shown": shown})
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "membership/thanks.html")


# --- Sharing by email ---------------------------------------------------------------------------
@login_required(login_url="membership:sign_in")
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, article_id: int) -> HttpResponse:
    reader = _reader_or_404(request)
    article = reader_article(get_object_or_404(readable_articles(), pk=article_id), request=request)
    form = ShareForm(request.POST or None)
    context = {"article": article, "form": form}
    if request.method == "GET":
        return render(request, "membership/share.html", context)
    if not form.is_valid():
        return render(request, "membership/share.html", context, status=400)
    recipients = form.cleaned_data["recipients"]
    refused = _refused(
        request, "share-account", settings.MASTHEAD_SHARE_RATE_PER_ACCOUNT, str(reader.pk)
    ) or _refused(request, "share-ip", settings.MASTHEAD_SHARE_RATE_PER_IP)
    for recipient in recipients:
        rate = settings.MASTHEAD_SHARE_RATE_PER_RECIPIENT
        refused = refused or _refused(request, "share-recipient", rate, recipient)
    if refused:
        return refused
    sharing.share_article(article, recipients)
    # The same answer whether or not a recipient opted out: their choice stays private.
    return render(request, "membership/shared.html", {"article": article})


# RFC 8058 one-click: the recipient's mail program POSTs with no session or CSRF token; the
# signed token alone says whose choice it is, and the only thing it can do is stop mail.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def share_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    email = sharing.email_for_opt_out_token(token)
    if email is None:
        return render(request, "membership/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "membership/share_opt_out.html", {"email": email})
    sharing.opt_out(email)
    return render(request, "membership/share_opted_out.html", {"email": email})


# --- Stripe -------------------------------------------------------------------------------------
@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Stripe signs each delivery; anything unsigned, forged or stale is a 400 and changes
    nothing. The work happens in a task, so Stripe gets its answer at once."""
    try:
        webhooks.receive(request.body, request.headers.get("Stripe-Signature", ""))
    except (ValueError, stripe.SignatureVerificationError, stripe_api.PaymentsNotConfigured):
        return HttpResponseBadRequest("Invalid signature.", content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
