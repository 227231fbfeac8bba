# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text that a spreadsheet would run as a formula, and how exports neutralise it.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is taken by Excel, WPS and LibreOffice as a formula (CSV injection). Exports write
such text as a string cell (.xlsx) or with a leading apostrophe (CSV), which the
suite's importer strips again, so that phones such as ``+8613800138000``, codes and
names survive a round trip unchanged.

The apostrophe is also written before text that already begins with apostrophes
followed by such a character (``'=A1`` is written ``''=A1``), and the importer strips
exactly one: whatever the text, ``strip_csv_guard(csv_cell(text)) == text``.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text):
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def needs_csv_guard(text):
    """Whether CSV writes ``text`` with a leading apostrophe: a formula start,
    possibly behind apostrophes of its own."""
    return isinstance(text, str) and is_formula_like(text.lstrip("'"))


def csv_cell(text):
    """The CSV form of a text value: an apostrophe before formula-like text."""
    return "'" + text if needs_csv_guard(text) else text


def strip_csv_guard(text):
    """What ``csv_cell`` wrote, read back: exactly one leading apostrophe goes, and
    only before (apostrophes and) a formula start; other text is left alone."""
    if isinstance(text, str) and text.startswith("'") and needs_csv_guard(text[1:]):
        return text[1:]
    return text
