"""Comments end to end through the real views, a real database and a real SMTP server."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.community import services
from masthead.community.models import ArticleDiscussion, Ban, Comment, Commenter, CommunitySettings
from masthead.community.tokens import author_token
from masthead.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def confirm_link(smtp, index=-1):
    text = smtp.received[index].message.get_body(("plain",)).get_content()
    return re.search(r"http://testserver(/comments/confirm/\S+/)", text).group(1)


def thread_texts(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [body.get_text(" ", strip=True) for body in soup.select(".comment__body")]


def approved_comment(article, body="An approved comment.", email="old@example.org", **kwargs):
    commenter, _ = Commenter.objects.get_or_create(
        email=email, defaults={"confirmed_at": timezone.now()}
    )
    comment = Comment.objects.create(
        article=article,
        commenter=commenter,
        author_name=kwargs.pop("name", "Old Reader"),
        body=body,
        status=Comment.Status.APPROVED,
        approved_at=timezone.now(),
        **kwargs,
    )
    if comment.parent_id is None:
        Comment.objects.filter(pk=comment.pk).update(root=comment)
        comment.root_id = comment.pk
    return comment


def test_guest_confirms_once_by_button_then_first_comment_waits_then_later_ones_publish(
    client, article, post_comment, smtp, rules, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(email="  Ana@EXAMPLE.org ")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.UNCONFIRMED
    assert comment.commenter.email == "ana@example.org"
    assert "sent you a link" in client.get(response["Location"]).content.decode()
    assert len(smtp.received) == 1
    message = smtp.received[0].message
    assert message["To"] == "ana@example.org"
    assert "Good to see the bridge back" not in message.as_string()  # no reader's text in mail

    link = confirm_link(smtp)
    page = client.get(link)  # what a mail scanner does
    assert page.status_code == 200 and "Yes, this is my address" in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.UNCONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link)
    assert "waits for a moderator" in confirmed.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING  # the first comment from a new address
    assert thread_texts(client, article.url) == []

    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([comment.pk], Comment.Status.APPROVED)
    assert thread_texts(client, article.url) == ["Good to see the bridge back."]

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="And a second thought.", email="ana@example.org")
    second = Comment.objects.get(body="And a second thought.")
    assert second.status == Comment.Status.APPROVED  # a confirmed address with an approved comment
    assert len(smtp.received) == 1  # no second confirmation mail
    assert thread_texts(client, article.url) == [
        "Good to see the bridge back.",
        "And a second thought.",
    ]


def test_one_thread_per_article_shown_in_every_language(client, article, portuguese):
    approved_comment(article, body="Shown in both languages.")
    assert thread_texts(client, "/pt/articles/bridge-reopens/") == ["Shown in both languages."]
    assert thread_texts(client, article.url) == ["Shown in both languages."]
    soup = BeautifulSoup(client.get("/pt/articles/bridge-reopens/").content, "html.parser")
    assert soup.select_one(".comments__write")["href"] == f"/pt/comments/{article.pk}/#comment-form"


def test_approving_a_comment_refreshes_the_cached_article_page(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    commenter = Commenter.objects.create(email="x@example.org", confirmed_at=timezone.now())
    comment = Comment.objects.create(
        article=article, commenter=commenter, author_name="X", body="Fresh", status="pending"
    )
    Comment.objects.filter(pk=comment.pk).update(root=comment)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([comment.pk], Comment.Status.APPROVED)
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Fresh" in response.content.decode()


def test_replies_nest_one_level_by_default_and_deeper_with_the_setting(
    client, article, post_comment, rules, django_capture_on_commit_callbacks
):
    top = approved_comment(article, body="Top.", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="Reply.", email="ana@example.org", parent=top.pk)
    reply = Comment.objects.get(body="Reply.")
    assert (reply.parent_id, reply.root_id, reply.depth) == (top.pk, top.pk, 1)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="Reply to reply.", email="ana@example.org", parent=reply.pk)
    flat = Comment.objects.get(body="Reply to reply.")
    assert (flat.parent_id, flat.depth) == (top.pk, 1)  # joins the same level

    rules.reply_depth = 2
    rules.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="Deeper.", email="ana@example.org", parent=reply.pk)
    deeper = Comment.objects.get(body="Deeper.")
    assert (deeper.parent_id, deeper.root_id, deeper.depth) == (reply.pk, top.pk, 2)
    soup = BeautifulSoup(client.get(f"/comments/{article.pk}/").content, "html.parser")
    nested = soup.select(
        f"#comment-{top.pk} #comment-{reply.pk} #comment-{deeper.pk} .comment__body"
    )
    assert nested and nested[0].get_text(strip=True) == "Deeper."


def test_reply_notification_by_real_smtp_with_one_click_unsubscribe(
    client, article, post_comment, smtp, django_capture_on_commit_callbacks
):
    top = approved_comment(article, body="Top.", email="asker@example.org", notify_replies=True)
    approved_comment(article, body="Earlier.", email="answerer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            body="Here is *my* answer.",
            name="Answerer",
            email="answerer@example.org",
            parent=top.pk,
        )
    assert [r.recipients for r in smtp.received] == [["asker@example.org"]]
    message = smtp.received[0].message
    assert message["Subject"] == "Answerer replied to your comment"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.search(r"<http://testserver(/\S+)>", message["List-Unsubscribe"]).group(1)
    html = message.get_body(("html",)).get_content()
    assert "<em>my</em>" in html

    assert client.get(unsubscribe).status_code == 200  # a GET (link scanner) changes nothing
    assert not Commenter.objects.get(email="asker@example.org").reply_notifications_off
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Commenter.objects.get(email="asker@example.org").reply_notifications_off

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="Another answer.", email="answerer@example.org", parent=top.pk)
    assert len(smtp.received) == 1


def test_no_notification_for_a_reply_that_waits_for_moderation(
    article, post_comment, smtp, django_capture_on_commit_callbacks
):
    top = approved_comment(article, body="Top.", email="asker@example.org", notify_replies=True)
    Commenter.objects.create(email="new@example.org", confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(body="Unmoderated.", email="new@example.org", parent=top.pk)
    assert Comment.objects.get(body="Unmoderated.").status == Comment.Status.PENDING
    assert smtp.received == []


@pytest.mark.parametrize("how", ["article", "age", "members"])
def test_closed_comments_show_the_thread_but_take_nothing(
    client, article, post_comment, rules, how
):
    approved_comment(article, body="Before closing.")
    if how == "article":
        ArticleDiscussion.objects.create(article=article, closed=True)
    elif how == "age":
        rules.close_after_days = 3
        rules.save()
        type(article).objects.filter(pk=article.pk).update(
            published_at=timezone.now() - dt.timedelta(days=4)
        )
    else:
        rules.who_may_comment = CommunitySettings.Who.MEMBERS
        rules.save()
    assert thread_texts(client, article.url) == ["Before closing."]
    page = client.get(f"/comments/{article.pk}/").content.decode()
    assert f'action="/comments/{article.pk}/post/"' not in page  # no form for a guest
    response = post_comment(body="After closing.")
    assert response.status_code == 403
    assert not Comment.objects.filter(body="After closing.").exists()


def test_restricted_articles_have_no_comments_anywhere(client, article, home):
    approved_comment(article, body="Secret discussion.")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    for url in (
        f"/comments/{article.pk}/",
        f"/comments/{article.pk}/feed/",
        f"/share/mastodon/{article.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Secret discussion" not in response.content
    draft = ArticleFactory(live=False)
    assert client.get(f"/comments/{draft.pk}/").status_code == 404


def test_comment_feed_lists_approved_comments(client, article):
    import feedparser

    approved_comment(article, body="In the feed.")
    commenter = Commenter.objects.create(email="p@example.org")
    Comment.objects.create(
        article=article, commenter=commenter, author_name="P", body="Pending one", status="pending"
    )
    feed = feedparser.parse(client.get(f"/comments/{article.pk}/feed/").content)
    assert [entry.summary for entry in feed.entries] == ["<p>In the feed.</p>"]


def test_thread_and_count_cost_the_same_queries_for_5_or_500_comments(
    client, article, django_assert_max_num_queries
):
    def add(count):
        for n in range(count):
            top = approved_comment(article, body=f"Comment {n}", email="bulk@example.org")
            approved_comment(
                article, body=f"Reply {n}", email="bulk@example.org", parent=top, root=top, depth=1
            )

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add(5)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/comments/{article.pk}/")
    with CaptureQueriesContext(connection) as few_article:
        client.get(article.url)
    add(250)
    with django_assert_max_num_queries(len(few)):
        response = client.get(f"/comments/{article.pk}/")
    assert response.status_code == 200
    with django_assert_max_num_queries(len(few_article)):
        assert client.get(article.url).status_code == 200


def test_flags_send_a_comment_back_to_the_queue(
    client, article, rules, django_capture_on_commit_callbacks
):
    comment = approved_comment(article, body="Flag me.")
    rules.flags_to_requeue = 2
    rules.save()
    client.get(f"/comments/{article.pk}/")
    csrf = client.cookies["csrftoken"].value
    client.post(
        f"/comments/flag/{comment.pk}/", {"csrfmiddlewaretoken": csrf}, REMOTE_ADDR="198.51.100.1"
    )
    client.post(
        f"/comments/flag/{comment.pk}/", {"csrfmiddlewaretoken": csrf}, REMOTE_ADDR="198.51.100.1"
    )
    comment.refresh_from_db()
    assert (comment.flag_count, comment.status) == (1, Comment.Status.APPROVED)  # one per reader
    client.post(
        f"/comments/flag/{comment.pk}/", {"csrfmiddlewaretoken": csrf}, REMOTE_ADDR="198.51.100.2"
    )
    comment.refresh_from_db()
    assert (comment.flag_count, comment.status) == (2, Comment.Status.PENDING)


def test_author_edits_go_through_moderation_and_close_after_ten_minutes(
    client, article, rules, django_capture_on_commit_callbacks
):
    rules.moderation = CommunitySettings.Moderation.LINKS
    rules.save()
    comment = approved_comment(article, body="Innocent.")
    url = f"/comments/yours/{author_token(comment.pk)}/"
    client.get(url)
    csrf = client.cookies["csrftoken"].value
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"csrfmiddlewaretoken": csrf, "action": "edit", "body": "Buy at https://spam.example"},
        )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING and comment.edited_at is not None

    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=11)
    )
    response = client.post(
        url, {"csrfmiddlewaretoken": csrf, "action": "edit", "body": "Later edit"}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Buy at https://spam.example"

    client.post(url, {"csrfmiddlewaretoken": csrf, "action": "delete"})
    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Comment.Status.DELETED, "")
    assert client.get(f"/comments/yours/{author_token(comment.pk)}/").status_code == 400


def test_bans_by_address_domain_and_ip_range_and_timed(article, post_comment):
    Ban.objects.create(email="@spam.example", reason="spam domain")
    assert post_comment(email="x@spam.example").status_code == 403
    Ban.objects.create(ip_network="192.0.2.0/24")
    assert post_comment(email="y@example.org", ip="192.0.2.99").status_code == 403
    Ban.objects.create(email="z@example.org", until=timezone.now() - dt.timedelta(days=1))
    assert post_comment(email="z@example.org", ip="198.51.100.9").status_code == 302
    assert list(Comment.objects.values_list("commenter__email", flat=True)) == ["z@example.org"]


def test_blocklist_and_link_count_hold_comments_as_spam(article, post_comment, rules):
    rules.blocked_words = "casino\n"
    rules.blocked_domains = "pills.example"
    rules.max_links = 1
    rules.save()
    post_comment(body="Try the CASINO tonight")
    post_comment(body="See https://shop.pills.example/x", email="b@example.org", ip="198.51.100.3")
    post_comment(
        body="https://a.example and https://b.example", email="c@example.org", ip="198.51.100.4"
    )
    post_comment(body="Just one https://a.example link", email="d@example.org", ip="198.51.100.5")
    statuses = dict(Comment.objects.values_list("commenter__email", "status"))
    assert statuses == {
        "ana@example.org": "spam",
        "b@example.org": "spam",
        "c@example.org": "spam",
        "d@example.org": "unconfirmed",
    }


def test_moderation_modes(article, post_comment, rules, django_capture_on_commit_callbacks):
    Commenter.objects.create(email="ana@example.org", confirmed_at=timezone.now())
    approved_comment(article, email="ana@example.org")
    for mode, body, expected in [
        ("none", "Plain.", "approved"),
        ("first", "Plain again.", "approved"),
        ("links", "With https://example.org/ link.", "pending"),
        ("links", "No link.", "approved"),
        ("all", "Anything.", "pending"),
    ]:
        rules.moderation = mode
        rules.save()
        with django_capture_on_commit_callbacks(execute=True):
            post_comment(body=body)
        assert Comment.objects.get(body=body).status == expected, mode


def test_an_article_with_5000_comments_costs_what_one_with_5_does(client, article, settings):
    """Pages of threads: the article page shows the first page, the comments page one page at
    a time, so neither grows with the thread (queries and page size, page cache off; speed
    belongs in bench/, not in a timed test)."""
    from django.db import connection
    from django.db.models import F
    from django.test.utils import CaptureQueriesContext

    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    commenter = Commenter.objects.create(email="bulk@example.org", confirmed_at=timezone.now())

    def add(threads):
        now = timezone.now()
        tops = Comment.objects.bulk_create(
            Comment(
                article=article,
                commenter=commenter,
                author_name="Reader",
                body=f"Comment {n} with *a little* markup.",
                status=Comment.Status.APPROVED,
                created_at=now,
            )
            for n in range(threads)
        )
        Comment.objects.filter(depth=0, root__isnull=True).update(root_id=F("id"))
        if tops[0].pk is None:  # backends that don't return ids from bulk_create
            tops = list(Comment.objects.filter(depth=0).order_by("-pk")[:threads])
        Comment.objects.bulk_create(
            Comment(
                article=article,
                commenter=commenter,
                author_name="Replier",
                body="A reply.",
                status=Comment.Status.APPROVED,
                parent_id=top.pk,
                root_id=top.pk,
                depth=1,
                created_at=now,
            )
            for top in tops
        )

    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(response.content), len(queries)

    urls = [article.url, f"/comments/{article.pk}/", f"/comments/{article.pk}/?page=40"]
    settings.MASTHEAD_COMMENTS_PER_PAGE = 50
    add(3)  # 6 comments
    small = {url: measure(url) for url in urls}
    add(47)  # 100: exactly one full page of threads with their replies
    full_page = {url: measure(url)[0] for url in urls}
    add(2450)  # 5,000 in all
    assert Comment.objects.filter(article=article).count() == 5000
    for url in urls:
        size, queries = measure(url)
        assert queries <= small[url][1], url
        # A page of the thread, not the thread: as big as one full page, give or take the
        # pagination links and longer comment ids.
        assert size < full_page[url] + 3_000, (url, size, full_page[url])
