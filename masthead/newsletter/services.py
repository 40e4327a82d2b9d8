"""Operations on subscribers and issues: every change of state goes through a function here."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from masthead.email_address import normalise_email
from masthead.news.models import PublicationSettings
from masthead.news.selectors import readable_articles
from masthead.server.csv_cells import formula_safe

from .email_message import build_message
from .models import Delivery, Frequency, IssueArticle, NewsletterIssue, Subscriber
from .rendering import absolute_url, render_issue
from .tokens import confirm_token

MAX_ARTICLES_PER_ISSUE = 20
RESEND_CONFIRMATION_AFTER = dt.timedelta(minutes=15)


class NewsletterError(Exception):
    """Something an editor or reader asked for can't be done; the message says why."""


# --- Subscribers -------------------------------------------------------------------------------
def language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def subscribe(
    email: str, *, language: str, frequency: str, ip: str | None, form: str
) -> Subscriber | None:
    """Start double opt-in for ``email`` and queue the confirmation mail.

    Whatever the address's history, the caller shows the same answer; only a new, pending,
    unsubscribed or bounced address gets a (new) confirmation mail. A confirmed address is
    left alone and one that complained is never mailed again.
    """
    from .tasks import send_confirmation

    email = normalise_email(email)
    if language not in language_codes():
        language = settings.LANGUAGE_CODE
    if frequency not in Frequency.values:
        frequency = Frequency.DAILY
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email,
                        language=language,
                        frequency=frequency,
                        status=Subscriber.Status.PENDING,
                    )
            except IntegrityError:
                # Two sign-ups for one address at once: the other request created it.
                return None
        elif subscriber.status in {Subscriber.Status.CONFIRMED, Subscriber.Status.COMPLAINED}:
            return None
        elif (
            subscriber.status == Subscriber.Status.PENDING
            and subscriber.consent_at
            and now - subscriber.consent_at < RESEND_CONFIRMATION_AFTER
        ):
            # Repeated sign-ups (from many addresses, say) must not flood one inbox.
            return None
        subscriber.language = language
        subscriber.frequency = frequency
        subscriber.status = Subscriber.Status.PENDING
        subscriber.consent_at = now
        subscriber.consent_ip = ip
        subscriber.consent_form = form[:64]
        subscriber.save()
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))
    return subscriber


def send_confirmation_email(subscriber_id: int) -> bool:
    """Mail the confirmation link to a pending subscriber; False if there is nothing to do."""
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber is None:
        return False
    publication = _publication()
    url = absolute_url(reverse("newsletter:confirm", args=[confirm_token(subscriber.pk)]))
    with translation.override(subscriber.language):
        context = {
            "publication": publication,
            "confirm_url": url,
            "days": settings.MASTHEAD_NEWSLETTER_CONFIRM_DAYS,
        }
        subject = _("Confirm your subscription to %(name)s") % {
            "name": publication.publication_name
        }
        text = render_to_string("newsletter/email/confirm.txt", context)
        html = render_to_string("newsletter/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.MASTHEAD_NEWSLETTER_FROM,
        to=[subscriber.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def confirm_subscription(subscriber_id: int) -> Subscriber | None:
    """Confirm a pending subscriber (idempotent for one already confirmed)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return None
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def unsubscribe(subscriber_id: int) -> Subscriber | None:
    """Stop all mail to the subscriber at once, including issues being sent right now."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None:
            return None
        if subscriber.status in {Subscriber.Status.CONFIRMED, Subscriber.Status.PENDING}:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["status", "unsubscribed_at"])
        _suppress_pending_deliveries(subscriber.pk, "unsubscribed")
    return subscriber


def update_preferences(subscriber: Subscriber, *, language: str, frequency: str) -> Subscriber:
    if language not in language_codes():
        raise NewsletterError(_("Choose one of the languages offered."))
    if frequency not in Frequency.values:
        raise NewsletterError(_("Choose daily or weekly."))
    subscriber.language = language
    subscriber.frequency = frequency
    subscriber.save(update_fields=["language", "frequency"])
    return subscriber


def suppress_address(email: str, status: str, reason: str) -> int:
    """A bounce or complaint reported by the provider: never mail this address again."""
    try:
        email = normalise_email(email)
    except ValidationError:
        email = email.strip()
    subscribers = list(Subscriber.objects.filter(email__iexact=email))
    for subscriber in subscribers:
        subscriber.status = status
        subscriber.suppressed_reason = reason[:255]
        subscriber.save(update_fields=["status", "suppressed_reason"])
        _suppress_pending_deliveries(subscriber.pk, status)
    return len(subscribers)


def _suppress_pending_deliveries(subscriber_id: int, reason: str) -> None:
    Delivery.objects.filter(subscriber_id=subscriber_id, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SUPPRESSED, last_error=f"subscriber is {reason}"
    )


# --- CSV import and export -----------------------------------------------------------------------
CSV_COLUMNS = [
    "email",
    "language",
    "frequency",
    "status",
    "consent_at",
    "consent_ip",
    "consent_form",
    "confirmed_at",
    "unsubscribed_at",
]


@dataclass
class ImportResult:
    created: int = 0
    skipped_existing: int = 0
    errors: list[str] = field(default_factory=list)


def import_subscribers(rows: Iterable[str], *, form: str = "csv-import") -> ImportResult:
    """Import confirmed subscribers from CSV text with an ``email`` column and optional
    ``language`` and ``frequency`` columns. All or nothing: any bad row is reported by its
    line number and nothing is imported."""
    result = ImportResult()
    reader = csv.DictReader(rows)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        result.errors.append(_unreadable_csv(reader.line_num + 1, error))
        return result
    if not fieldnames or "email" not in [name.strip().lower() for name in fieldnames]:
        result.errors.append(_("Line 1: the header must include an 'email' column."))
        return result
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    languages = language_codes()
    seen: set[str] = set()
    valid: list[tuple[str, str, str]] = []  # small tuples: a big file stays affordable
    now = timezone.now()
    try:
        for row in reader:
            _check_row(row, reader.line_num, languages, seen, valid, result)
    except csv.Error as error:
        result.errors.append(_unreadable_csv(reader.line_num + 1, error))
    if result.errors:
        return result
    try:
        created = _insert_imported(valid, form=form, now=now)
    except IntegrityError:
        result.errors.append(
            _(
                "Someone added some of these addresses during the import; nothing was imported. "
                "Import the file again."
            )
        )
        return result
    result.created = created
    result.skipped_existing = len(valid) - created
    return result


def _unreadable_csv(line: int, error: csv.Error) -> str:
    # Python's csv module refuses fields over 128 KiB (and broken quoting); no address is that
    # long, so the file is not a subscriber list.
    return _(
        "Line %(line)d: a field is longer than %(limit)d characters, or the quoting is broken "
        "(%(error)s). Check that the file is a CSV of addresses."
    ) % {"line": line, "limit": csv.field_size_limit(), "error": error}


def _check_row(
    row: dict[str, str],
    line: int,
    languages: set[str],
    seen: set[str],
    valid: list[tuple[str, str, str]],
    result: ImportResult,
) -> None:
    """Add one CSV row to ``valid``, or its problem to ``result.errors``."""
    try:
        email = normalise_email(row.get("email") or "")
    except ValidationError:
        result.errors.append(
            _("Line %(line)d: '%(value)s' is not a valid email address.")
            % {"line": line, "value": (row.get("email") or "")[:100]}
        )
        return
    language = (row.get("language") or settings.LANGUAGE_CODE).strip()
    frequency = (row.get("frequency") or Frequency.DAILY).strip().lower()
    if language not in languages:
        result.errors.append(
            _("Line %(line)d: unknown language '%(value)s'.")
            % {"line": line, "value": language[:20]}
        )
        return
    if frequency not in Frequency.values:
        result.errors.append(
            _("Line %(line)d: frequency must be 'daily' or 'weekly', not '%(value)s'.")
            % {"line": line, "value": frequency[:20]}
        )
        return
    if email.lower() in seen:
        result.errors.append(
            _("Line %(line)d: %(email)s appears twice in the file.")
            % {"line": line, "email": email}
        )
        return
    seen.add(email.lower())
    valid.append((email, language, frequency))


def _insert_imported(valid: list[tuple[str, str, str]], *, form: str, now: dt.datetime) -> int:
    """Insert the new addresses in one transaction (all or nothing), 500 at a time."""
    created = 0
    with transaction.atomic():
        for start in range(0, len(valid), 500):
            chunk = valid[start : start + 500]
            existing = set(
                Subscriber.objects.annotate(lower_email=Lower("email"))
                .filter(lower_email__in=[email.lower() for email, _l, _f in chunk])
                .values_list("lower_email", flat=True)
            )
            new = [
                Subscriber(
                    email=email,
                    language=language,
                    frequency=frequency,
                    status=Subscriber.Status.CONFIRMED,
                    consent_at=now,
                    consent_form=form,
                    confirmed_at=now,
                )
                for email, language, frequency in chunk
                if email.lower() not in existing
            ]
            Subscriber.objects.bulk_create(new)
            created += len(new)
    return created


def csv_safe(value: object) -> str:
    """A CSV cell as text that spreadsheet programs will not run as a formula."""
    return formula_safe("" if value is None else str(value))


def export_subscribers() -> Iterator[str]:
    """The subscriber list as CSV lines, read in chunks so any size streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return value

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for row in Subscriber.objects.order_by("pk").values_list(*CSV_COLUMNS).iterator(2000):
        writer.writerow([csv_safe(value) for value in row])
        yield flush()


# --- Issues --------------------------------------------------------------------------------------
def newsletter_now() -> dt.datetime:
    return timezone.now().astimezone(ZoneInfo(settings.MASTHEAD_NEWSLETTER_TIME_ZONE))


def build_issue(
    frequency: str = Frequency.DAILY, *, now: dt.datetime | None = None
) -> NewsletterIssue:
    """Assemble the next issue from the articles selected for the newsletter and published
    since the previous issue of this frequency. Raises NewsletterError when there are none."""
    if frequency not in Frequency.values:
        raise NewsletterError(_("Frequency must be 'daily' or 'weekly'."))
    now = now or timezone.now()
    local_now = now.astimezone(ZoneInfo(settings.MASTHEAD_NEWSLETTER_TIME_ZONE))
    previous = NewsletterIssue.objects.filter(frequency=frequency).order_by("-period_end").first()
    default_span = dt.timedelta(days=7 if frequency == Frequency.WEEKLY else 1)
    period_start = previous.period_end if previous else now - default_span
    articles = list(
        readable_articles()
        .filter(selected_for_newsletter=True, published_at__gt=period_start, published_at__lte=now)
        .order_by("-published_at", "-pk")[:MAX_ARTICLES_PER_ISSUE]
    )
    if not articles:
        raise NewsletterError(
            _(
                "No articles selected for the newsletter were published since %(start)s. Mark "
                "articles 'selected for the newsletter' in the admin, then build again."
            )
            % {"start": period_start.astimezone(local_now.tzinfo).strftime("%Y-%m-%d %H:%M %Z")}
        )
    publication = _publication()
    date_text = local_now.date().isoformat()
    if frequency == Frequency.WEEKLY:
        subject = _("%(name)s: the week's stories, %(date)s")
    else:
        subject = _("%(name)s: today's stories, %(date)s")
    subject = subject % {"name": publication.publication_name, "date": date_text}
    with transaction.atomic():
        issue = NewsletterIssue.objects.create(
            subject=subject[:200],
            frequency=frequency,
            edition_date=local_now.date(),
            period_start=period_start,
            period_end=now,
            slug=_unique_slug(f"{date_text}-{frequency}"),
        )
        IssueArticle.objects.bulk_create(
            IssueArticle(issue=issue, article=article, sort_order=position)
            for position, article in enumerate(articles)
        )
    return issue


def _unique_slug(base: str) -> str:
    slug = slugify(base)
    candidate, number = slug, 2
    while NewsletterIssue.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def update_issue(issue: NewsletterIssue, *, subject: str, intro: str) -> NewsletterIssue:
    if issue.status != NewsletterIssue.Status.DRAFT:
        raise NewsletterError(_("This issue is already being sent; it can no longer be edited."))
    subject = " ".join(subject.split())
    if not subject:
        raise NewsletterError(_("The subject can't be empty."))
    issue.subject = subject[:200]
    issue.intro = intro
    issue.save(update_fields=["subject", "intro"])
    return issue


def schedule_issue(issue: NewsletterIssue, when: dt.datetime | None) -> NewsletterIssue:
    if issue.status != NewsletterIssue.Status.DRAFT:
        raise NewsletterError(_("This issue is already being sent."))
    if when is not None and when < timezone.now() - dt.timedelta(minutes=1):
        raise NewsletterError(_("Choose a time in the future."))
    issue.scheduled_for = when
    issue.save(update_fields=["scheduled_for"])
    return issue


def start_sending(issue: NewsletterIssue) -> None:
    """Queue the issue for sending (the worker creates the delivery records, then sends)."""
    from .tasks import send_issue_task

    issue_id = issue.pk
    transaction.on_commit(lambda: send_issue_task.enqueue(issue_id))


def send_test(issue: NewsletterIssue, addresses: list[str]) -> int:
    """Send the issue to a few chosen addresses, marked as a test; they get no delivery
    record and their links lead to a harmless preview."""
    valid = []
    for raw in addresses:
        try:
            valid.append(normalise_email(raw))
        except ValidationError:
            raise NewsletterError(
                _("'%(value)s' is not a valid email address.") % {"value": raw[:100]}
            ) from None
    if not valid or len(valid) > 20:
        raise NewsletterError(_("Give between 1 and 20 addresses."))
    rendered = render_issue(issue, settings.LANGUAGE_CODE)
    rendered = type(rendered)(
        subject=_("[Test] %(subject)s") % {"subject": rendered.subject},
        html=rendered.html,
        text=rendered.text,
    )
    connection = get_connection(fail_silently=False)
    messages = [
        build_message(issue, rendered, 0, address, f"<newsletter-test.{issue.pk}.{n}@localhost>")
        for n, address in enumerate(valid)
    ]
    with connection:
        return connection.send_messages(messages)


def _publication() -> PublicationSettings:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return PublicationSettings.for_site(site) if site else PublicationSettings()
