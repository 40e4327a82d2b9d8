"""One spelling per mailbox: look-alike forms of an address are the same address."""

import pytest
from django.core.exceptions import ValidationError

from masthead.email_address import normalise_email


@pytest.mark.parametrize(
    "raw",
    [
        "bomb@example.org",
        "Bomb@Example.ORG",
        "bomb@\uff45xample.org",  # fullwidth e
        # fullwidth letters and dot
        "\uff42\uff4f\uff4d\uff42@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff4f\uff52\uff47",
        " bomb@example.org\u3000",  # ideographic space around it
        "bomb@example.org.",  # the DNS root dot
    ],
)
def test_compatibility_forms_of_one_address_normalise_to_one_spelling(raw):
    assert normalise_email(raw) == "bomb@example.org"


def test_international_domains_are_stored_in_their_ascii_form():
    assert normalise_email("leser@Bücher.example") == "leser@xn--bcher-kva.example"
    assert normalise_email("leser@xn--bcher-kva.example") == "leser@xn--bcher-kva.example"


@pytest.mark.parametrize(
    "raw",
    [
        "a@[127.0.0.1]",
        "a@[IPv6:::1]",
        "a@127.0.0.1",
        "a@10.0.0.12",
        "root@localhost",
        "root@LOCALHOST",
        "root@\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54",
        "root@mail.localhost",
        "root@printer.local",
        "root@intranet",
        "root@box.internal",
        "root@router.home.arpa",
        "two@example.org,three@example.org",
        "Name <a@example.org>",
        "a@example.org\r\nBcc: b@example.org",
        "",
        "no-at-sign",
        "a@-bad-.example",
    ],
)
def test_addresses_that_are_not_one_public_mailbox_are_refused(raw):
    with pytest.raises(ValidationError):
        normalise_email(raw)
