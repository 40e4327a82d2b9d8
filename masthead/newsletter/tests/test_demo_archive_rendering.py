"""The demo reader, the public archive, and the prepared (fast) message being the same mail
as Django's own serialisation."""

from __future__ import annotations

import email
import email.policy

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from masthead.news.tests.factories import ArticleFactory, AuthorFactory
from masthead.newsletter.demo import DEMO_READER, load_demo_newsletter
from masthead.newsletter.email_message import build_message
from masthead.newsletter.models import NewsletterIssue, Subscriber
from masthead.newsletter.prepared_messages import MessageTemplate
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.sending import IssueSender
from masthead.newsletter.services import build_issue

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_demo_reader_is_confirmed_and_loading_twice_changes_nothing(site):
    first, created_first = load_demo_newsletter()
    second, created_second = load_demo_newsletter()
    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert Subscriber.objects.get().email == DEMO_READER
    assert second.status == Subscriber.Status.CONFIRMED


def test_editors_may_run_the_newsletter(site):
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_newsletterissue", "add_subscriber", "view_subscriber"} <= codenames


def test_sent_issues_form_a_public_archive_and_drafts_stay_private(smtp, site):
    SubscriberFactory()
    ArticleFactory(
        title="Archived story",
        selected_for_newsletter=True,
        authors=[AuthorFactory(title="Ana Ruiz")],
    )
    sent = build_issue("daily")
    IssueSender(sent).run()
    ArticleFactory(title="Draft story", selected_for_newsletter=True, published_at=None)
    draft = build_issue("daily")

    client = Client()
    archive = client.get("/newsletter/archive/")
    assert archive.status_code == 200
    sent.refresh_from_db()
    assert f"/newsletter/issues/{sent.slug}/".encode() in archive.content
    assert draft.slug.encode() not in archive.content
    page = client.get(f"/newsletter/issues/{sent.slug}/")
    assert page.status_code == 200
    assert b"Archived story" in page.content and b"Ana Ruiz" in page.content
    assert b"/newsletter/unsubscribe/" not in page.content  # no reader's links on the web
    assert client.get(f"/newsletter/issues/{draft.slug}/").status_code == 404
    assert client.get("/newsletter/archive/?page=99").status_code == 404


def parsed(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


def test_prepared_message_matches_djangos_own_serialisation(site, settings):
    settings.MASTHEAD_NEWSLETTER_FROM = "Le Courrier <nouvelles@courrier.example>"
    ArticleFactory(
        title="Élections: ce qui change",
        selected_for_newsletter=True,
        standfirst="Une phrase très longue " * 40,
    )
    issue = build_issue("daily")
    issue.subject = "Édition du matin — «spécial»"
    rendered = render_issue(issue, "fr")
    template = MessageTemplate(issue, rendered)
    assert template.data is not None  # the fast path is in use

    message_id = "<newsletter.1.42@courrier.example>"
    fast = parsed(template.message_for(42, "lea@example.org", message_id, None).serialised)
    slow = parsed(
        build_message(issue, rendered, 42, "lea@example.org", message_id)
        .message()
        .as_bytes(linesep="\r\n")
    )
    for header in (
        "Subject",
        "From",
        "To",
        "Message-ID",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
        "List-Id",
    ):
        assert str(fast[header]).strip() == str(slow[header]).strip(), header
    assert fast["Date"]
    for kind in ("plain", "html"):
        assert fast.get_body((kind,)).get_content() == slow.get_body((kind,)).get_content()


def test_issue_in_a_draft_state_is_not_in_the_archive_listing(site):
    ArticleFactory(selected_for_newsletter=True)
    build_issue("daily")
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT
    assert b"No issue has been sent yet" in Client().get("/newsletter/archive/").content
