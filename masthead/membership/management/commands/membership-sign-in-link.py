"""Print a fresh sign-in link for a reader (the demo member by default), for demos and
support: it works once, for MASTHEAD_SIGN_IN_MINUTES, like an emailed one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from masthead.membership import accounts
from masthead.membership.demo import DEMO_MEMBER
from masthead.newsletter.rendering import absolute_url


class Command(BaseCommand):
    help = "Print a one-time sign-in link for a reader's email address (default: the demo member)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", nargs="?", default=DEMO_MEMBER)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            issued = accounts.request_sign_in(options["email"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if issued is None:
            raise CommandError("That address's domain is on the blocklist.")
        self.stdout.write(absolute_url(reverse("membership:sign_in_link", args=[issued.token])))
