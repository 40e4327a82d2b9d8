"""The demo publication shows comments at once: a thread with replies, one comment in the
queue, an article with comments closed, counts on the front page, and the demo member's
comment on their account page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from masthead.community.models import ArticleDiscussion, Comment
from masthead.membership.models import Reader

pytestmark = pytest.mark.django_db


def test_the_demo_shows_comments_everywhere_they_appear(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    call_command("load-demo", port=8123, verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1:8123")

    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1
    assert Comment.objects.filter(depth=1, status=Comment.Status.APPROVED).count() >= 2
    assert ArticleDiscussion.objects.filter(closed=True).count() == 1
    discussed = Comment.objects.filter(depth=1).first().article
    page = BeautifulSoup(client.get(discussed.url).content, "html.parser")
    assert len(page.select(".comment")) >= 4
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert any("comments" in note.get_text() for note in home.select(".teaser__comments"))

    member = Reader.objects.get(email="member@example.org")
    client.force_login(member.user)
    account = BeautifulSoup(client.get("/account/").content, "html.parser")
    assert "Which of them run on the batteries" in account.select_one(".account-comments").text

    call_command("load-demo", port=8123, verbosity=0)  # again: nothing doubles
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1
