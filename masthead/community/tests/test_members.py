"""Signed-in readers (the membership app's accounts) and comments: commenting as the account,
"members only", the comment history on the account page, the data export, and what deleting
the account does to comments. Community and membership meet only through news's extension
point and Django's user; these tests drive both through their real pages."""

from __future__ import annotations

import json
import time

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from masthead.community.models import Comment, Commenter, CommunitySettings
from masthead.membership import accounts

from .conftest import stamp_at

pytestmark = pytest.mark.django_db


def reader(email="ana@example.org", name="Ana Member"):
    found = accounts.reader_for_email(email)
    return accounts.update_name(found, name)


def signed_in(account):
    client = Client()
    client.force_login(account.user)
    return client


def post(client, article, **fields):
    data = {
        "body": "A member's view of the bridge.",
        "shown": stamp_at(time.time() - 30),
        "website": "",
        **fields,
    }
    return client.post(f"/comments/{article.pk}/post/", data, REMOTE_ADDR="203.0.113.9")


def approved(article, email, body, name="Someone"):
    commenter, _ = Commenter.objects.get_or_create(
        email=email, defaults={"confirmed_at": timezone.now()}
    )
    made = Comment.objects.create(
        article=article,
        commenter=commenter,
        author_name=name,
        body=body,
        status=Comment.Status.APPROVED,
        approved_at=timezone.now(),
        ip_address="198.51.100.4",
    )
    Comment.objects.filter(pk=made.pk).update(root=made)
    made.root_id = made.pk
    return made


def test_a_signed_in_reader_comments_as_their_account_without_confirming(
    article, rules, smtp, django_capture_on_commit_callbacks
):
    ana = reader()
    client = signed_in(ana)
    page = client.get(f"/comments/{article.pk}/").content.decode()
    assert "You comment as Ana Member" in page
    assert 'id="comment-email"' not in page and 'id="comment-name"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        # A forged name or address in the post changes nothing: the account gives both.
        response = post(client, article, name="Someone Else", email="other@example.org")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.author_name == "Ana Member"
    assert comment.commenter.user_id == ana.user_id
    assert comment.commenter.email == "ana@example.org"
    assert comment.status == Comment.Status.PENDING  # moderated (first comment), not unconfirmed
    assert smtp.received == []  # no confirmation mail for a member

    rules.moderation = CommunitySettings.Moderation.NONE
    rules.save()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, article, body="Straight through.")
    assert Comment.objects.get(body="Straight through.").status == Comment.Status.APPROVED
    assert Commenter.objects.count() == 1


def test_members_only_turns_guests_to_sign_in_and_lets_members_post(
    client, article, rules, post_comment, django_capture_on_commit_callbacks
):
    rules.who_may_comment = CommunitySettings.Who.MEMBERS
    rules.save()
    section = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert "Members can comment" in section.select_one(".comments__write").get_text()
    page = BeautifulSoup(client.get(f"/comments/{article.pk}/").content, "html.parser")
    assert page.select_one(f'form[action="/comments/{article.pk}/post/"]') is None
    sign_in = page.select_one('a[href^="/account/sign-in/"]')
    assert sign_in is not None and f"next=%2Fcomments%2F{article.pk}%2F" in sign_in["href"]
    assert post_comment(body="A guest tries.").status_code == 403
    assert not Comment.objects.exists()

    member_client = signed_in(reader())
    page = BeautifulSoup(member_client.get(f"/comments/{article.pk}/").content, "html.parser")
    assert page.select_one(f'form[action="/comments/{article.pk}/post/"]') is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert post(member_client, article).status_code == 302
    assert Comment.objects.get().author_name == "Ana Member"


def test_a_member_without_a_name_is_sent_to_their_account_first(article):
    client = signed_in(reader(name=""))
    page = client.get(f"/comments/{article.pk}/").content.decode()
    assert "add it on your account page" in page and 'href="/account/"' in page
    response = post(client, article)
    assert response.status_code == 400
    assert "account page" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_guest_typing_a_members_address_waits_for_a_moderator(
    article, rules, post_comment, django_capture_on_commit_callbacks
):
    rules.moderation = CommunitySettings.Moderation.NONE
    rules.save()
    with django_capture_on_commit_callbacks(execute=True):
        post(signed_in(reader()), article, body="Really me.")
    assert Comment.objects.get(body="Really me.").status == Comment.Status.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(email="ana@example.org", name="Ana", body="Or is it?")
    assert response.status_code == 302
    held = Comment.objects.get(body="Or is it?")
    assert held.status == Comment.Status.PENDING
    assert held.hold_reason == "A reader account's address, not signed in"


def test_staff_signed_in_to_the_admin_comment_as_guests(article, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-long-1x")
    client = Client()
    client.force_login(editor)
    page = client.get(f"/comments/{article.pk}/").content.decode()
    assert 'id="comment-email"' in page  # no reader account: the guest form


def test_history_on_the_account_page_includes_earlier_guest_comments(
    article, django_capture_on_commit_callbacks
):
    as_guest = approved(article, "ana@example.org", "Written as a guest.", name="Ana")
    approved(article, "bo@example.org", "Someone else's.")
    ana = reader()
    client = signed_in(ana)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, article, body="Written signed in.")
    assert Commenter.objects.get(email="ana@example.org").user_id == ana.user_id

    page = BeautifulSoup(client.get("/account/").content, "html.parser")
    history = page.select_one(".account-comments")
    texts = [q.get_text(strip=True) for q in history.select("blockquote")]
    assert texts == ["Written signed in.", "Written as a guest."]
    assert article.title in history.get_text()
    manage = history.select("a[href^='/comments/yours/']")[1]["href"]
    assert client.get(manage).status_code == 200  # the guest comment's own page
    assert f"/comments/{article.pk}/#comment-{as_guest.pk}" in str(history)


def test_the_data_download_carries_the_comments(article):
    approved(article, "ana@example.org", "Mine.", name="Ana")
    approved(article, "bo@example.org", "Not mine.")
    client = signed_in(reader())
    data = json.loads(client.get("/account/data.json").content)
    assert [c["text"] for c in data["comments"]] == ["Mine."]
    assert data["comments"][0]["article"] == article.title


def delete_account(client):
    response = client.post("/account/delete/", {"confirm": "delete"})
    assert response.status_code == 200
    return response


def test_deleting_the_account_keeps_comments_anonymised_by_default(
    article, settings, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    ana = reader()
    mine = approved(article, "ana@example.org", "Keep my words.", name="Ana Member")
    reply = Comment.objects.create(
        article=article,
        commenter=Commenter.objects.create(email="bo@example.org", confirmed_at=timezone.now()),
        author_name="Bo",
        body="A reply to Ana.",
        parent=mine,
        root=mine,
        depth=1,
        status=Comment.Status.APPROVED,
    )
    anonymous = Client()
    assert "Ana Member" in anonymous.get(article.url).content.decode()
    assert anonymous.get(article.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(signed_in(ana))

    mine.refresh_from_db()
    assert mine.status == Comment.Status.APPROVED and mine.body == "Keep my words."
    assert (mine.author_name, mine.commenter, mine.ip_address) == ("Former reader", None, None)
    assert not Commenter.objects.filter(email="ana@example.org").exists()
    response = anonymous.get(article.url)
    assert response["X-Page-Cache"] == "miss"  # the cached page with the name was purged
    html = response.content.decode()
    assert "Ana Member" not in html and "Former reader" in html
    assert "Keep my words." in html and "A reply to Ana." in html
    reply.refresh_from_db()
    assert reply.commenter.email == "bo@example.org"


def test_deleting_the_account_removes_comments_when_the_site_says_so(
    article, rules, django_capture_on_commit_callbacks
):
    rules.on_account_deletion = CommunitySettings.OnAccountDeletion.REMOVE
    rules.save()
    ana = reader()
    approved(article, "ana@example.org", "Remove my words.", name="Ana Member")
    approved(article, "bo@example.org", "Bo stays.", name="Bo")
    client = signed_in(ana)
    assert "your comments are removed" in client.get("/account/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client)
    gone = Comment.objects.get(author_name="Former reader")
    assert (gone.status, gone.body, gone.commenter) == (Comment.Status.DELETED, "", None)
    html = Client().get(article.url).content.decode()
    assert "Remove my words." not in html and "Bo stays." in html
