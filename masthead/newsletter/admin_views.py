"""The editors' newsletter screens in Wagtail's admin: issues (preview, edit, test, send,
schedule, progress) and the subscriber list's CSV import and export."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import services
from .models import Frequency, NewsletterIssue
from .progress import progress_of
from .rendering import render_issue

ISSUE_PERMISSION = "newsletter.change_newsletterissue"
SUBSCRIBER_PERMISSION = "newsletter.add_subscriber"
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class IssueTextForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    intro = forms.CharField(
        label=gettext_lazy("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Send a test to"),
        help_text=gettext_lazy("One or more addresses, separated by commas or new lines."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M"],
        help_text=gettext_lazy("In the newsletter's time zone."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))


@permission_required(ISSUE_PERMISSION, raise_exception=True)
def issue_index(request: HttpRequest) -> HttpResponse:
    issues = list(NewsletterIssue.objects.order_by("-pk")[:50])
    rows = [(issue, progress_of(issue.pk)) for issue in issues]
    return render(
        request,
        "newsletter/admin/issue_index.html",
        {"rows": rows, "header_title": _("Newsletter issues"), "header_icon": "mail"},
    )


@require_POST
@permission_required(ISSUE_PERMISSION, raise_exception=True)
def issue_build(request: HttpRequest) -> HttpResponse:
    frequency = request.POST.get("frequency", Frequency.DAILY)
    try:
        issue = services.build_issue(frequency)
    except services.NewsletterError as exc:
        messages.error(request, str(exc))
        return redirect("newsletter_admin:issues")
    messages.success(request, _("Issue built. Check it, then send or schedule it."))
    return redirect("newsletter_admin:issue", issue.pk)


@permission_required(ISSUE_PERMISSION, raise_exception=True)
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    text_form = IssueTextForm(initial={"subject": issue.subject, "intro": issue.intro})
    test_form = TestSendForm()
    schedule_form = ScheduleForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "save":
            text_form = IssueTextForm(request.POST)
            if text_form.is_valid() and _run(
                request, services.update_issue, issue, **text_form.cleaned_data
            ):
                messages.success(request, _("Saved."))
                return redirect("newsletter_admin:issue", issue.pk)
        elif action == "test":
            test_form = TestSendForm(request.POST)
            if test_form.is_valid():
                addresses = test_form.cleaned_data["addresses"].replace(",", "\n").split()
                sent = _run(request, services.send_test, issue, addresses)
                if sent:
                    messages.success(
                        request, _("Test sent to %(count)d address(es).") % {"count": sent}
                    )
                    return redirect("newsletter_admin:issue", issue.pk)
        elif action == "schedule":
            schedule_form = ScheduleForm(request.POST)
            # The editor types a time in the newsletter's time zone.
            with timezone.override(ZoneInfo(settings.MASTHEAD_NEWSLETTER_TIME_ZONE)):
                valid = schedule_form.is_valid()
            if valid:
                when = schedule_form.cleaned_data["send_at"]
                if _run(request, services.schedule_issue, issue, when):
                    messages.success(request, _("Scheduled."))
                    return redirect("newsletter_admin:issue", issue.pk)
        elif action == "unschedule":
            if _run(request, services.schedule_issue, issue, None):
                messages.success(request, _("Schedule cleared."))
            return redirect("newsletter_admin:issue", issue.pk)
        elif action == "send":
            if issue.status == NewsletterIssue.Status.SENT:
                messages.error(request, _("This issue was already sent."))
            else:
                services.start_sending(issue)
                messages.success(request, _("Sending has started; this page shows its progress."))
            return redirect("newsletter_admin:issue", issue.pk)
    return render(
        request,
        "newsletter/admin/issue_detail.html",
        {
            "issue": issue,
            "progress": progress_of(issue.pk),
            "articles": issue.entries.select_related("article"),
            "text_form": text_form,
            "test_form": test_form,
            "schedule_form": schedule_form,
            "header_title": issue.subject,
            "header_icon": "mail",
            "time_zone": settings.MASTHEAD_NEWSLETTER_TIME_ZONE,
        },
    )


def _run(request: HttpRequest, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a service, turning its NewsletterError into a message for the editor."""
    try:
        return operation(*args, **kwargs) or True
    except services.NewsletterError as exc:
        messages.error(request, str(exc))
        return None
    except OSError as exc:
        messages.error(
            request, _("The mail server could not be reached: %(error)s") % {"error": exc}
        )
        return None


@permission_required(ISSUE_PERMISSION, raise_exception=True)
def issue_preview(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    language = request.GET.get("language") or settings.LANGUAGE_CODE
    if language not in services.language_codes():
        language = settings.LANGUAGE_CODE
    rendered = render_issue(issue, language)
    if kind == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    response = HttpResponse(rendered.html)
    # Shown in the issue page's frame.
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@permission_required(SUBSCRIBER_PERMISSION, raise_exception=True)
def subscriber_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm()
    result = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_IMPORT_BYTES:
                form.add_error("file", _("The file is larger than 20 MB; split it."))
            else:
                try:
                    text = upload.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    form.add_error("file", _("Save the file as UTF-8 CSV and try again."))
                else:
                    result = services.import_subscribers(io.StringIO(text, newline=""))
                    if not result.errors:
                        messages.success(
                            request,
                            _(
                                "Imported %(created)d subscriber(s); "
                                "%(skipped)d already on the list."
                            )
                            % {"created": result.created, "skipped": result.skipped_existing},
                        )
                        return redirect("newsletter_admin:import")
    return render(
        request,
        "newsletter/admin/import.html",
        {
            "form": form,
            "result": result,
            "header_title": _("Import subscribers"),
            "header_icon": "upload",
        },
        status=400 if result and result.errors else 200,
    )


@permission_required("newsletter.view_subscriber", raise_exception=True)
def subscriber_export(request: HttpRequest) -> StreamingHttpResponse:
    stamp = dt.date.today().isoformat()
    response = StreamingHttpResponse(
        services.export_subscribers(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
    return response
