"""The Creative Commons licences an editor can choose, each with its name, deed and badge.

Badges are small SVG files drawn for Masthead and served from our own static files: a
republisher's page or a reader's browser never fetches an image from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str  # the policy's stored value, e.g. "cc-by-nd"
    short_name: str  # "CC BY-ND 4.0", the same in every language
    name: Promise  # "Creative Commons Attribution-NoDerivatives 4.0 International"
    deed_url: str
    badge: str  # a static file path
    allows_changes: bool
    allows_commercial_use: bool


def _cc(
    code: str, short: str, name: Promise, path: str, changes: bool, commercial: bool
) -> Licence:
    return Licence(
        code=code,
        short_name=short,
        name=name,
        deed_url=f"https://creativecommons.org/{path}/",
        badge=f"syndication/badges/{code}.svg",
        allows_changes=changes,
        allows_commercial_use=commercial,
    )


LICENCES: dict[str, Licence] = {
    licence.code: licence
    for licence in (
        _cc("cc-by", "CC BY 4.0", _("Creative Commons Attribution 4.0 International"),
            "licenses/by/4.0", True, True),
        _cc("cc-by-sa", "CC BY-SA 4.0",
            _("Creative Commons Attribution-ShareAlike 4.0 International"),
            "licenses/by-sa/4.0", True, True),
        _cc("cc-by-nd", "CC BY-ND 4.0",
            _("Creative Commons Attribution-NoDerivatives 4.0 International"),
            "licenses/by-nd/4.0", False, True),
        _cc("cc-by-nc", "CC BY-NC 4.0",
            _("Creative Commons Attribution-NonCommercial 4.0 International"),
            "licenses/by-nc/4.0", True, False),
        _cc("cc-by-nc-sa", "CC BY-NC-SA 4.0",
            _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"),
            "licenses/by-nc-sa/4.0", True, False),
        _cc("cc-by-nc-nd", "CC BY-NC-ND 4.0",
            _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International"),
            "licenses/by-nc-nd/4.0", False, False),
        _cc("cc0", "CC0 1.0", _("CC0 1.0 Universal (public domain dedication)"),
            "publicdomain/zero/1.0", True, True),
    )
}  # fmt: skip
