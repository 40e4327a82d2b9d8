"""The optional Akismet check, for real: the ``akismet`` library talks HTTP to a local
stand-in of Akismet's comment-check API (``MASTHEAD_AKISMET_API_URL``). Spam is held as spam,
ham goes on, and an Akismet that fails, hangs, refuses the key or talks nonsense holds the
comment for a moderator: never lost, never published unchecked, and the site stays up."""

from __future__ import annotations

import time

import pytest
from django.utils import timezone

from masthead.community import services
from masthead.community.models import Comment, Commenter, CommunitySettings

from .akismet_standin import GUARANTEED_SPAM, KEY, AkismetStandIn

pytestmark = pytest.mark.django_db


@pytest.fixture
def akismet_server(settings, rules):
    with AkismetStandIn() as server:
        settings.MASTHEAD_AKISMET_API_KEY = KEY
        settings.MASTHEAD_AKISMET_API_URL = server.url
        settings.MASTHEAD_AKISMET_TIMEOUT = 1.0
        settings.MASTHEAD_BASE_URL = "https://news.example.org"
        # Every confirmed comment would be published at once, but for Akismet.
        rules.moderation = CommunitySettings.Moderation.NONE
        rules.save()
        Commenter.objects.create(email="ana@example.org", confirmed_at=timezone.now())
        yield server


def test_spam_by_akismet_is_kept_as_spam_and_akismet_gets_what_it_needs(
    akismet_server, article, post_comment
):
    response = post_comment(name=GUARANTEED_SPAM, body="Cheap watches, great prices.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.status, comment.status_reason) == (Comment.Status.SPAM, "Akismet")
    (check,) = akismet_server.checks()
    assert check["api_key"] == KEY
    assert check["blog"] == "https://news.example.org"
    assert check["user_ip"] == "203.0.113.7"
    assert check["comment_type"] == "comment"
    assert check["comment_author"] == GUARANTEED_SPAM
    assert check["comment_author_email"] == "ana@example.org"
    assert check["comment_content"] == "Cheap watches, great prices."
    assert check["permalink"] == f"https://news.example.org{article.url}"
    assert check["blog_lang"] == "en"


def test_ham_by_akismet_goes_on_through_moderation(akismet_server, post_comment):
    post_comment(body="The ferry was late again today.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED and comment.hold_reason == ""
    assert len(akismet_server.checks()) == 1


def test_an_edit_is_checked_again(akismet_server, post_comment):
    post_comment(body="An innocent first version.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED
    services.edit_comment(comment.pk, f"Now with {GUARANTEED_SPAM} links.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM
    assert len(akismet_server.checks()) == 2


@pytest.mark.parametrize("trouble", ["error", "slow", "garbage", "bad key", "unreachable"])
def test_when_akismet_fails_the_comment_is_held_not_lost_and_the_site_stays_up(
    akismet_server, article, client, post_comment, settings, trouble
):
    if trouble == "bad key":
        settings.MASTHEAD_AKISMET_API_KEY = "not-a-key"
    elif trouble == "unreachable":
        settings.MASTHEAD_AKISMET_API_URL = "http://127.0.0.1:9"  # nothing listens there
    else:
        akismet_server.state.mode = trouble
        akismet_server.state.delay = 12.0
    started = time.monotonic()
    response = post_comment(body="Held while Akismet is away.")
    assert time.monotonic() - started < 9  # the 3 s time-out ended it, not Akismet's 12 s
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.body == "Held while Akismet is away."
    assert comment.status == Comment.Status.PENDING  # moderation is off: only the hold did this
    assert comment.hold_reason == "Spam check unavailable"
    assert client.get(article.url).status_code == 200
    assert client.get(f"/comments/{article.pk}/").status_code == 200


def test_a_held_guest_comment_stays_held_after_confirmation(
    akismet_server, post_comment, django_capture_on_commit_callbacks
):
    akismet_server.state.mode = "error"
    post_comment(email="new@example.org", body="From a new address.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.UNCONFIRMED
    services.confirm_commenter(comment.commenter_id)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_without_a_key_akismet_is_never_asked(akismet_server, post_comment, settings):
    settings.MASTHEAD_AKISMET_API_KEY = ""
    post_comment(body="No key, no check.")
    assert Comment.objects.get().status == Comment.Status.APPROVED
    assert akismet_server.state.requests == []
