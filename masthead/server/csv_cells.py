"""Admin exports (CSV and XLSX) whose cells a spreadsheet will never run as a formula.

Readers type names, addresses and comments; a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) is a formula to Excel, LibreOffice and Google Sheets, so
an export of what readers typed could run ``=HYPERLINK(...)`` on an editor's machine. Such
cells get a leading apostrophe, as OWASP's CSV-injection guidance says.
"""

from __future__ import annotations

from typing import Any

from wagtail.snippets.views.snippets import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """``value`` with a text cell that would start a formula neutralised."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeIndexView(IndexView):
    """A snippet listing whose CSV and XLSX exports pass every cell through ``formula_safe``."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        return formula_safe(super().preprocess_field_value(field, value, export_format))
