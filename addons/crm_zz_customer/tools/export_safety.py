# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text that a spreadsheet would run as a formula, and how exports neutralise it.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is taken by Excel, WPS and LibreOffice as a formula (CSV injection). Exports write
such text as a string cell (.xlsx) or with a leading apostrophe (CSV), which the
suite's importer strips again, so that phones such as ``+8613800138000`` survive a
round trip unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text):
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def csv_cell(text):
    """The CSV form of a text value: an apostrophe before formula-like text."""
    return "'" + text if is_formula_like(text) else text


def strip_csv_guard(text):
    """What ``csv_cell`` wrote, read back: the apostrophe goes only before formula-like text."""
    if isinstance(text, str) and text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text
