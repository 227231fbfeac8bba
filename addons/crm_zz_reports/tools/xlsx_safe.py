# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text into a spreadsheet cell, never as a formula.

A customer name such as ``=HYPERLINK("http://evil", "点击")`` or ``@SUM(A1)``
typed into the CRM must reach Excel as the text it is. xlsxwriter's generic
``write()`` turns a string beginning with ``=`` into a formula; ``write_string()``
never does. Every text cell of the exports goes through ``write_text``.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text):
    """True when a spreadsheet could take ``text`` for a formula."""
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def write_text(sheet, row, col, text, cell_format=None):
    """Write ``text`` as a string cell, whatever it begins with."""
    return sheet.write_string(row, col, "" if text is None else str(text), cell_format)
