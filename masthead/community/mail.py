"""The two messages the community app sends: a guest's address confirmation, and a reply
notification. Neither carries anything a stranger wrote except an approved reply, so neither
can be used to send spam through the outlet."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.news.models import PublicationSettings
from masthead.server.base_url import absolute_url

from .models import Comment, Commenter
from .queries import readable_article
from .text import render_comment
from .tokens import confirm_token, notifications_token


def comments_url(article_id: int, language: str) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return absolute_url(reverse("community:comments", args=[article_id]))


def send_confirmation(commenter_id: int, comment_id: int) -> bool:
    """Mail the confirmation link; False when the address is confirmed already."""
    commenter = Commenter.objects.filter(pk=commenter_id, confirmed_at__isnull=True).first()
    comment = Comment.objects.filter(pk=comment_id, commenter_id=commenter_id).first()
    if commenter is None or comment is None:
        return False
    article = readable_article(comment.article_id)
    language = comment.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "publication": _publication(),
            "headline": article.title if article else "",
            "confirm_url": absolute_url(
                reverse("community:confirm", args=[confirm_token(commenter.pk)])
            ),
            "days": settings.MASTHEAD_COMMENT_CONFIRM_DAYS,
        }
        subject = _("Confirm your email to publish your comment")
        text = render_to_string("community/email/confirm.txt", context)
    EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.MASTHEAD_COMMENT_FROM, to=[commenter.email]
    ).send()
    return True


def send_reply_notification(reply_id: int) -> bool:
    """Tell the parent comment's author about an approved reply, if they asked to be told."""
    reply = (
        Comment.objects.filter(pk=reply_id, status=Comment.Status.APPROVED, reply_notified_at=None)
        .select_related("parent__commenter", "commenter")
        .first()
    )
    if reply is None or reply.parent is None:
        return False
    parent = reply.parent
    recipient = parent.commenter
    if (
        recipient is None  # the parent's writer deleted their account
        or not parent.notify_replies
        or parent.status != Comment.Status.APPROVED
        or recipient.reply_notifications_off
        or recipient.pk == reply.commenter_id
        or readable_article(reply.article_id) is None
    ):
        return False
    # Claim first, so a retried task never mails twice.
    if not Comment.objects.filter(pk=reply.pk, reply_notified_at=None).update(
        reply_notified_at=timezone.now()
    ):
        return False
    token = notifications_token(recipient.pk)
    unsubscribe_url = absolute_url(reverse("community:unsubscribe", args=[token]))
    language = parent.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "publication": _publication(),
            "reply": reply,
            "reply_html": render_comment(reply.body),
            "thread_url": comments_url(reply.article_id, language) + f"#comment-{reply.pk}",
            "unsubscribe_url": unsubscribe_url,
        }
        subject = _("%(name)s replied to your comment") % {"name": reply.author_name}
        text = render_to_string("community/email/reply.txt", context)
        html = render_to_string("community/email/reply.html", context)
    message = EmailMultiAlternatives(
        subject=subject.replace("\r", " ").replace("\n", " "),
        body=text,
        from_email=settings.MASTHEAD_COMMENT_FROM,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def send_moderation_digest() -> int:
    """Mail the editors who asked for it how many comments wait, with a link to the queue."""
    from .queries import community_settings

    rules = community_settings()
    recipients = rules.digest_recipient_list()
    waiting = Comment.objects.filter(status=Comment.Status.PENDING)
    count = waiting.count()
    if not recipients or not count:
        return 0
    context = {
        "publication": _publication(),
        "count": count,
        "comments": waiting.select_related("article").order_by("created_at")[:20],
        "queue_url": absolute_url(reverse("wagtailsnippets_community_comment:list"))
        + "?status=pending",
    }
    subject = _("%(count)d comments wait for moderation") % {"count": count}
    text = render_to_string("community/email/digest.txt", context)
    EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.MASTHEAD_COMMENT_FROM, to=recipients
    ).send()
    return len(recipients)


def _publication() -> PublicationSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return PublicationSettings.for_site(site) if site else PublicationSettings()
