"""Month names kept in Masthead's own catalogues, so that ``makemessages`` keeps them and a
language can write them its way: Portuguese, Galician and Italian in lower case ("25 de
novembro de 2026"), and languages Django has no catalogue for (Occitan, Aragonese, Sardinian)
at all. Django's date filter looks them up by these same messages."""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
