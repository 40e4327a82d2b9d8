"""Reader-facing comment and share pages. Thin: each view checks its input and calls a service.

The article page (cached, the same for everyone) carries the first comments and a link here;
these pages are never cached, so their forms can carry a CSRF token and the reader's input.
"""

from __future__ import annotations

import hashlib
import ipaddress

from csp.decorators import csp_update
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from masthead.news.extensions import reader_account, sign_in_url
from masthead.news.models import ArticlePage
from masthead.news.reader_articles import ReaderArticle, reader_articles
from masthead.server.client_address import client_ip
from masthead.server.limits import over_limit, too_many_requests

from . import services, share
from .forms import CommentForm, EditForm, MastodonForm, MemberCommentForm
from .models import Comment
from .queries import (
    comment_count,
    community_settings,
    discussion_state,
    readable_article,
    thread_page,
)
from .tokens import (
    author_token,
    comment_for_author_token,
    commenter_for_confirm_token,
    commenter_for_notifications_token,
)


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _reader_article(request: HttpRequest, article_id: int) -> tuple[ArticlePage, ReaderArticle]:
    article = readable_article(article_id)
    if article is None:
        raise Http404(_("No such article."))
    return article, reader_articles([article], get_language(), request=request)[0]


def _rate_limited(request: HttpRequest, retry_after: int) -> HttpResponse:
    return too_many_requests(
        request, retry_after, _("You're sending too fast. Wait a few minutes, then try again.")
    )


@never_cache
@require_http_methods(["GET"])
def comments(request: HttpRequest, article_id: int) -> HttpResponse:
    """The whole thread, page by page, and the form."""
    article, reader = _reader_article(request, article_id)
    form_class = MemberCommentForm if reader_account(request.user) else CommentForm
    return _comments_page(request, article, reader, form_class(initial=_reply_initial(request)))


def _reply_initial(request: HttpRequest) -> dict[str, int]:
    reply_to = request.GET.get("reply_to", "")
    return {"parent": int(reply_to)} if reply_to.isdigit() and len(reply_to) < 19 else {}


def _comments_page(
    request: HttpRequest,
    article: ArticlePage,
    reader: ReaderArticle,
    form: CommentForm,
    status: int = 200,
    message: str = "",
) -> HttpResponse:
    rules = community_settings()
    state = discussion_state(article, rules)
    member = reader_account(request.user)
    page, threads = thread_page(article.pk, request.GET.get("page", 1))
    parent_id = form["parent"].value()
    replying_to = None
    if parent_id and str(parent_id).isdigit():
        replying_to = Comment.objects.filter(
            pk=int(parent_id), article=article, status=Comment.Status.APPROVED
        ).first()
    return render(
        request,
        "community/comments.html",
        {
            "article": reader,
            "state": state,
            "rules": rules,
            "page_obj": page,
            "threads": threads,
            "count": comment_count(article.pk),
            "form": form,
            "replying_to": replying_to,
            "message": message,
            "member": member,
            "may_post": state.open and (member is not None or not state.members_only),
            "sign_in_url": sign_in_url(request.get_full_path()) if member is None else None,
        },
        status=status,
    )


@never_cache
@require_POST
def post_comment(request: HttpRequest, article_id: int) -> HttpResponse:
    retry_after = over_limit(
        request, group="community-comment-ip", rate=settings.MASTHEAD_COMMENT_RATE_PER_IP
    )
    if retry_after:
        return _rate_limited(request, retry_after)
    article, reader = _reader_article(request, article_id)
    member = reader_account(request.user)
    form = MemberCommentForm(request.POST) if member else CommentForm(request.POST)
    if form.looks_like_a_bot():
        # What a person sees after posting, so a bot learns nothing; nothing is stored or sent.
        return render(request, "community/posted.html", {"status": Comment.Status.UNCONFIRMED})
    if not form.is_valid():
        return _comments_page(request, article, reader, form, status=400)
    if member is not None and not member.name:
        message = _("Add the name to show with your comments on your account page first.")
        return _comments_page(request, article, reader, form, status=400, message=message)
    email = member.email if member else form.cleaned_data["email"]
    retry_after = over_limit(
        request,
        group="community-comment-address",
        rate=settings.MASTHEAD_COMMENT_RATE_PER_ADDRESS,
        key=lambda _group, _request: email,
    )
    if retry_after:
        return _rate_limited(request, retry_after)
    try:
        comment = services.post_comment(
            article=article,
            name=form.cleaned_data.get("name", ""),
            email=email,
            body=form.cleaned_data["body"],
            parent_id=form.cleaned_data["parent"],
            notify_replies=form.cleaned_data["notify_replies"],
            ip=_valid_ip(client_ip(request)),
            language=get_language() or "",
            member=member,
        )
    except services.CommentRefused as refused:
        return _comments_page(
            request, article, reader, form, status=refused.status, message=refused.message
        )
    return redirect("community:yours", token=author_token(comment.pk))


@never_cache
@require_http_methods(["GET", "POST"])
def your_comment(request: HttpRequest, token: str) -> HttpResponse:
    """The author's own view of their comment: where it stands, edit (for a while), delete."""
    comment_id = comment_for_author_token(token)
    comment = (
        Comment.objects.filter(pk=comment_id).select_related("article").first()
        if comment_id
        else None
    )
    if comment is None or comment.status == Comment.Status.DELETED:
        return render(request, "community/link_invalid.html", status=400)
    form = EditForm(initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            services.delete_comment(comment.pk)
            return render(request, "community/deleted.html")
        form = EditForm(request.POST)
        if form.is_valid():
            try:
                comment = services.edit_comment(comment.pk, form.cleaned_data["body"])
            except services.CommentRefused as refused:
                form.add_error(None, refused.message)
                status = refused.status
        else:
            status = 400
    editable_until = comment.created_at + services.EDIT_WINDOW
    return render(
        request,
        "community/yours.html",
        {
            "comment": comment,
            "form": form,
            "token": token,
            "can_edit": timezone.now() < editable_until,
            "comments_url": reverse("community:comments", args=[comment.article_id]),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only its POST confirms, so mail scanners that follow links can't."""
    commenter_id = commenter_for_confirm_token(token)
    if commenter_id is None:
        return render(request, "community/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "community/confirm.html")
    commenter = services.confirm_commenter(commenter_id)
    if commenter is None:
        return render(request, "community/link_invalid.html", status=400)
    statuses = set(commenter.comments.values_list("status", flat=True))
    return render(request, "community/confirmed.html", {"statuses": statuses})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click unsubscribe from reply notifications: mail clients POST with no
    session or CSRF token, so this view trusts only the signed token; GET shows a button."""
    commenter_id = commenter_for_notifications_token(token)
    if commenter_id is None:
        return render(request, "community/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "community/unsubscribe.html")
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return render(request, "community/unsubscribe.html", status=400)
    services.unsubscribe_notifications(commenter_id)
    return render(request, "community/unsubscribed.html")


@never_cache
@require_POST
def flag(request: HttpRequest, comment_id: int) -> HttpResponse:
    retry_after = over_limit(
        request, group="community-flag", rate=settings.MASTHEAD_COMMENT_RATE_PER_IP
    )
    if retry_after:
        return _rate_limited(request, retry_after)
    comment = Comment.objects.filter(pk=comment_id).only("article_id").first()
    if comment is None or readable_article(comment.article_id) is None:
        raise Http404(_("No such comment."))
    # The reader is a keyed hash of their address: enough to count one flag each, nothing more.
    key = hashlib.sha256(f"{settings.SECRET_KEY}|{client_ip(request)}".encode()).hexdigest()
    services.flag_comment(comment_id, key)
    return render(
        request,
        "community/flagged.html",
        {"comments_url": reverse("community:comments", args=[comment.article_id])},
    )


# Never in the page cache: it keys pages on ?page and ?q only, and this page answers ?instance.
@never_cache
# Its form ends in a redirect to the reader's server, which form-action 'self' would block.
@csp_update({"form-action": ["https:"]})
@require_http_methods(["GET", "HEAD"])
def share_mastodon(request: HttpRequest, article_id: int) -> HttpResponse:
    """Ask for the reader's Mastodon server, then send them to its share page (and only there)."""
    _article, reader = _reader_article(request, article_id)
    if "instance" not in request.GET:
        return render(
            request, "community/share_mastodon.html", {"article": reader, "form": MastodonForm()}
        )
    form = MastodonForm(request.GET)
    host = share.mastodon_instance(request.GET.get("instance", "")) if form.is_valid() else None
    if host is None:
        form.add_error(
            "instance",
            _("That isn't a server name. Type it like mastodon.social (no https://, no path)."),
        )
        return render(
            request, "community/share_mastodon.html", {"article": reader, "form": form}, status=400
        )
    return HttpResponseRedirect(share.mastodon_share_url(host, reader))
