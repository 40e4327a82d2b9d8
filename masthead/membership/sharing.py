"""Readers sending an article by email through the outlet.

Not an open relay (Jetpack's share form sent 12,000 spam mails a month): only signed-in
readers, a fixed message (headline, standfirst, link) with no free text (not even the
sender's account name, which a spammer would fill with an advert), at most three
recipients, limits per account, per IP and per recipient (views apply them), and a
one-click "never send me shared articles" in every mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from masthead.email_address import normalise_email
from masthead.news.reader_articles import ReaderArticle
from masthead.newsletter.rendering import absolute_url

from .accounts import publication_settings
from .models import ShareOptOut

MAX_RECIPIENTS = 3
OPT_OUT_SALT = "masthead.membership.share-opt-out"


def parse_recipients(raw: str) -> list[str]:
    """Up to three distinct normalised addresses from what the reader typed."""
    parts = [part for part in raw.replace(",", "\n").replace(";", "\n").split() if part]
    if not parts:
        raise ValidationError(_("Enter at least one email address."))
    if len(parts) > MAX_RECIPIENTS:
        raise ValidationError(
            _("Send to at most %(count)d addresses at a time.") % {"count": MAX_RECIPIENTS}
        )
    return list(dict.fromkeys(normalise_email(part) for part in parts))


def opt_out_token(email: str) -> str:
    return signing.Signer(salt=OPT_OUT_SALT).sign(email)


def email_for_opt_out_token(token: str) -> str | None:
    try:
        return signing.Signer(salt=OPT_OUT_SALT).unsign(token)
    except signing.BadSignature:
        return None


def opt_out(email: str) -> None:
    ShareOptOut.objects.get_or_create(email=email)


def share_article(article: ReaderArticle, recipients: list[str]) -> list[str]:
    """Mail ``article`` to each recipient who has not opted out; the addresses mailed."""
    opted_out = set(
        ShareOptOut.objects.filter(email__in=recipients).values_list("email", flat=True)
    )
    publication = publication_settings()
    messages = []
    sent = []
    for recipient in recipients:
        if recipient in opted_out:
            continue
        context = {
            "publication": publication,
            "article": article,
            "opt_out_url": absolute_url(
                reverse("membership:share_opt_out", args=[opt_out_token(recipient)])
            ),
        }
        subject = _("A reader of %(name)s sent you an article: %(headline)s") % {
            "name": publication.publication_name,
            "headline": article.headline,
        }
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split())[:200],
            body=render_to_string("membership/email/shared_article.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient],
            # RFC 8058: mail programs offer the opt-out as one click, POSTed to the link.
            headers={
                "List-Unsubscribe": f"<{context['opt_out_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("membership/email/shared_article.html", context), "text/html"
        )
        messages.append(message)
        sent.append(recipient)
    if messages:
        get_connection().send_messages(messages)
    return sent
