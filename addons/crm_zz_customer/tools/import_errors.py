# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Errors that refuse a whole import file.

Each carries a ``code`` and ``params`` (the file's name and what is wrong) from
which Odoo builds a translated message; ``str(error)`` is an English fallback.
"""


class ImportFileError(ValueError):
    """The file as a whole cannot be imported."""

    code = "file"
    template = "The file cannot be imported."

    def __init__(self, **params):
        self.params = params
        super().__init__(self.template.format(**params))


class NotXlsxFile(ImportFileError):
    code = "not_xlsx"
    template = "{filename} is not an Excel .xlsx file."


class CorruptWorkbook(ImportFileError):
    code = "corrupt"
    template = "{filename} is damaged or is not a valid .xlsx workbook."


class EmptyWorkbook(ImportFileError):
    code = "empty"
    template = "{filename} has no rows to import."


class MissingHeaders(ImportFileError):
    code = "missing_headers"
    template = "Row {row}: the required columns {missing} were not found (found: {found})."


class TooManyRows(ImportFileError):
    code = "too_many_rows"
    template = "The sheet has more than {limit} rows (row {row}); split the file."


class ImportTimeout(ImportFileError):
    code = "timeout"
    template = "Reading stopped at row {row} after {seconds} seconds; split the file."
