"""Sign-up with double opt-in, through a real SMTP server, and what hostile input gets."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client

from masthead.newsletter.models import Subscriber
from masthead.newsletter.tokens import FORM_SALT, confirm_token

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    from django.core.cache import cache

    cache.clear()
    settings.MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS = 2.0


def aged_stamp(seconds: float = 10.0) -> str:
    """A form stamp as if the form had been shown ``seconds`` ago."""
    signer = signing.TimestampSigner(salt=FORM_SALT)
    timestamp = signing.b62_encode(int(time.time() - seconds))
    value = f"signup{signer.sep}{timestamp}"
    return f"{value}{signer.sep}{signer.signature(value)}"


@pytest.fixture
def post_signup(django_capture_on_commit_callbacks):
    """Submit the sign-up form as a reader who took their time; tasks queued on commit run
    (the test's own transaction never commits)."""

    def post(client: Client, **overrides: str):
        data = {
            "email": "new.reader@example.org",
            "language": "fr",
            "frequency": "weekly",
            "website": "",
            "shown": aged_stamp(),
            "source": "footer",
        }
        ip = overrides.pop("ip", "203.0.113.5")
        data.update(overrides)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/newsletter/", data, REMOTE_ADDR=ip)

    return post


def test_double_opt_in_through_real_smtp(smtp, site, post_signup):
    client = Client()
    response = post_signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert (subscriber.language, subscriber.frequency) == ("fr", "weekly")
    assert subscriber.consent_ip == "203.0.113.5" and subscriber.consent_form == "footer"
    assert subscriber.consent_at is not None

    assert len(smtp.received) == 1
    message = smtp.received[0].message
    assert smtp.received[0].recipients == ["new.reader@example.org"]
    text = message.get_body(("plain",)).get_content()
    url = re.search(r"http://testserver(/newsletter/confirm/\S+/)", text).group(1)
    assert url in message.get_body(("html",)).get_content()

    # A link scanner's GET confirms nothing.
    page = client.get(url)
    assert page.status_code == 200 and b'method="post"' in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    # The button's POST (with the page's CSRF token) does.
    csrf_client = Client(enforce_csrf_checks=True)
    page = csrf_client.get(url)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
    confirmed = csrf_client.post(url, {"csrfmiddlewaretoken": token.decode()})
    assert confirmed.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at


def test_expired_or_forged_confirmation_link_is_refused(settings, site):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    token = confirm_token(subscriber.pk)
    client = Client()
    assert client.post(f"/newsletter/confirm/{token}x/").status_code == 400
    settings.MASTHEAD_NEWSLETTER_CONFIRM_DAYS = -1  # every token is now too old
    response = client.post(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400 and b"expired" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_same_answer_whether_or_not_the_address_exists(smtp, site, post_signup):
    SubscriberFactory(email="known@example.org")
    client = Client()
    known = post_signup(client, email="KNOWN@example.org")
    unknown = post_signup(client, email="unknown@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert Subscriber.objects.filter(email__iexact="known@example.org").count() == 1
    # The confirmed reader is not mailed again; the new one gets a confirmation.
    assert [m.recipients for m in smtp.received] == [["unknown@example.org"]]


@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "reader@example.org\r\nBcc: victim@example.org",
        "reader@example.org\nSubject: hi",
        "a@example.org, b@example.org",
        "Reader <reader@example.org>",
        "x" * 300 + "@example.org",
        "",
    ],
)
def test_invalid_or_injected_address_gets_a_clear_message(smtp, site, email, post_signup):
    response = post_signup(Client(), email=email)
    assert response.status_code == 400
    assert b"email address" in response.content.lower() or b"characters" in response.content
    assert not Subscriber.objects.exists()
    assert smtp.received == []


def test_a_filled_honeypot_stores_and_sends_nothing(smtp, site, post_signup):
    filled_trap = post_signup(Client(), website="http://spam.example")
    assert filled_trap.status_code == 302  # looks like success to a bot
    assert not Subscriber.objects.exists()
    assert smtp.received == []


def test_signups_are_rate_limited_per_ip(smtp, site, settings, post_signup):
    # Counted per day: a minute's window could roll over between posts on a slow machine.
    settings.MASTHEAD_NEWSLETTER_SIGNUP_RATE = "3/d"
    client = Client()
    answers = [post_signup(client, email=f"r{n}@example.org").status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]
    assert post_signup(client, email="other@example.org", ip="198.51.100.7").status_code == 302
    assert Subscriber.objects.count() == 4


def test_behind_the_proxy_the_limit_follows_the_address_nginx_saw(
    settings, smtp, site, post_signup
):
    settings.MASTHEAD_NEWSLETTER_SIGNUP_RATE = "2/d"
    settings.MASTHEAD_CLIENT_IP_FROM_PROXY = True
    client = Client()

    def from_reader(address: str, n: int, forged_prefix: str = ""):
        forwarded = f"{forged_prefix}{address}"
        client.defaults["HTTP_X_FORWARDED_FOR"] = forwarded
        return post_signup(client, email=f"r{n}.{address}@example.org", ip="127.0.0.1")

    assert from_reader("198.51.100.1", 1).status_code == 302
    assert from_reader("198.51.100.1", 2).status_code == 302
    # A forged first entry does not escape the limit: nginx's own entry comes last.
    assert from_reader("198.51.100.1", 3, forged_prefix="10.9.9.9, ").status_code == 429
    assert from_reader("198.51.100.2", 4).status_code == 302
    assert Subscriber.objects.get(email="r4.198.51.100.2@example.org").consent_ip == "198.51.100.2"


def test_repeated_signups_do_not_flood_an_inbox(smtp, site, post_signup):
    client = Client()
    for n in range(3):
        post_signup(client, ip=f"203.0.113.{n + 10}")
    assert len(smtp.received) == 1


def test_footer_and_page_show_the_form_in_the_readers_language(site, home):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/newsletter/", HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    assert b'name="website"' in page.content  # the honeypot is there, hidden
    front = client.get("/")
    assert front.status_code == 200
    assert b'action="/newsletter/"' in front.content
    assert b'<option value="en" selected>' in front.content
    # The footer form sets no cookie, so pages stay cacheable.
    assert "Set-Cookie" not in front.headers and not front.cookies


def test_preferences_link_rejects_bad_tokens_and_bad_choices(site):
    subscriber = SubscriberFactory()
    from masthead.newsletter.tokens import manage_token

    client = Client()
    assert client.get("/newsletter/preferences/1:forged/").status_code == 400
    url = f"/newsletter/preferences/{manage_token(subscriber.pk)}/"
    response = client.post(url, {"language": "xx-evil", "frequency": "hourly"})
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.frequency) == ("en", "daily")


def test_manage_tokens_are_the_signers_own_and_only_for_their_reader():
    from masthead.newsletter.tokens import (
        MANAGE_SALT,
        manage_token,
        subscriber_for_manage_token,
    )

    signer = signing.Signer(salt=MANAGE_SALT)
    for subscriber_id in (1, 42, 987_654_321, 2**62):
        token = manage_token(subscriber_id)
        assert token == signer.sign(str(subscriber_id))  # links already mailed keep working
        assert subscriber_for_manage_token(token) == subscriber_id
    assert manage_token(1) != manage_token(2)
    assert subscriber_for_manage_token(manage_token(1).replace("1:", "2:", 1)) is None
    assert subscriber_for_manage_token(signing.Signer(salt="other").sign("1")) is None


def test_unsubscribe_link_of_an_issue_is_followable(site):
    subscriber = SubscriberFactory()
    from masthead.newsletter.rendering import reader_links

    unsubscribe, _ = reader_links(subscriber.pk)
    client = Client()
    path = urlsplit(unsubscribe).path
    assert b"List-Unsubscribe" in client.get(path).content
    client.post(path, {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


# --- What a probe of the running demo found (issue 14) ------------------------------------------
def test_look_alike_spellings_of_one_address_get_one_subscriber_and_one_mail(
    smtp, site, post_signup
):
    client = Client()
    for n, email in enumerate(
        [
            "bomb@example.org",
            "bomb@\uff45xample.org",
            "BOMB@Example.ORG.",
            "\uff42\uff4f\uff4d\uff42@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff4f\uff52\uff47",
        ]
    ):
        assert post_signup(client, email=email, ip=f"203.0.113.{n + 20}").status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["bomb@example.org"]
    assert [m.recipients for m in smtp.received] == [["bomb@example.org"]]


@pytest.mark.parametrize("email", ["a@[127.0.0.1]", "root@localhost", "x@printer.local"])
def test_ip_literal_and_local_only_addresses_are_refused(smtp, site, email, post_signup):
    response = post_signup(Client(), email=email)
    assert response.status_code == 400
    assert b"domain name" in response.content
    assert not Subscriber.objects.exists() and smtp.received == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("language", "xx-evil", b"Choose one of the languages"), ("frequency", "hourly", b"daily")],
)
def test_an_unknown_language_or_frequency_says_what_was_wrong(
    site, field, value, message, post_signup
):
    response = post_signup(Client(), **{field: value})
    assert response.status_code == 400
    assert message in response.content
    assert f'id="newsletter-signup-page-{field}-error"'.encode() in response.content
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("shown", ["too-fast", "", "signup:forged:stamp", "a-day-old"])
def test_a_reader_too_fast_or_without_a_fresh_stamp_is_asked_to_try_again(
    smtp, site, shown, post_signup, settings
):
    # A minute's minimum, so a second-old stamp is too fresh however slow the machine; a second
    # old, not new, so the stamp made while answering (whole seconds) can't equal it.
    settings.MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS = 60
    stamps = {"too-fast": aged_stamp(1), "a-day-old": aged_stamp(24 * 3600)}
    posted_at = time.time()
    response = post_signup(Client(), shown=stamps.get(shown, shown))
    assert response.status_code == 400
    assert b"press Subscribe again" in response.content
    assert b'value="new.reader@example.org"' in response.content  # nothing to type again
    assert not Subscriber.objects.exists() and smtp.received == []
    # The form shown again carries a stamp made while answering this post (stamps count whole
    # seconds, hence the one second of slack), so the second press goes through.
    fresh = re.search(rb'name="shown" value="([^"]+)"', response.content).group(1).decode()
    from masthead.newsletter.tokens import form_age_seconds

    assert fresh != stamps.get(shown, shown)
    age = form_age_seconds(fresh)
    assert age is not None and age <= time.time() - posted_at + 1


def test_cached_pages_carry_no_stamp_and_the_form_fetches_a_fresh_one(site, home):
    client = Client()
    client.get("/")
    front = client.get("/")
    assert front["X-Page-Cache"] == "hit"
    assert b'name="shown" value=""' in front.content
    assert b'data-stamp-url="/newsletter/form-stamp/"' in front.content
    assert b"newsletter-signup.js" in front.content
    stamp = client.get("/newsletter/form-stamp/")
    assert stamp.status_code == 200
    assert "no-store" in stamp["Cache-Control"]
    from masthead.newsletter.tokens import form_age_seconds

    assert form_age_seconds(stamp.json()["stamp"]) < 5


def test_the_rate_limit_answer_says_how_long_to_wait(smtp, site, settings, post_signup):
    settings.MASTHEAD_NEWSLETTER_SIGNUP_RATE = "1/10m"
    client = Client()
    assert post_signup(client, email="first@example.org").status_code == 302
    limited = post_signup(client, email="second@example.org")
    assert limited.status_code == 429
    wait = int(limited["Retry-After"])
    assert 0 < wait <= 600
    minutes = -(-wait // 60)
    assert f"{minutes} minute".encode() in limited.content


def test_pages_with_personal_data_are_never_stored_by_caches(site):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    from masthead.newsletter.tokens import manage_token

    client = Client()
    manage = manage_token(subscriber.pk)
    for url in [
        f"/newsletter/confirm/{confirm_token(subscriber.pk)}/",
        f"/newsletter/preferences/{manage}/",
        f"/newsletter/unsubscribe/{manage}/",
        "/newsletter/preferences/1:forged/",
    ]:
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


def test_head_works_wherever_get_does(site):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    from masthead.newsletter.tokens import manage_token

    client = Client()
    manage = manage_token(subscriber.pk)
    for url in [
        "/healthz",
        "/newsletter/",
        f"/newsletter/confirm/{confirm_token(subscriber.pk)}/",
        f"/newsletter/preferences/{manage}/",
        f"/newsletter/unsubscribe/{manage}/",
        "/newsletter/form-stamp/",
    ]:
        assert client.head(url).status_code == 200, url
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # HEAD changed nothing


def test_the_signup_page_is_valid_html(site, html_problems):
    problems = html_problems({"newsletter": Client().get("/newsletter/").content})
    assert not problems, "\n".join(problems)
