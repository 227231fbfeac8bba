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
    template = "{filename} is neither an Excel .xlsx workbook nor a CSV file."


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


# Refusals of hostile or oversized files: each names the file and what is wrong.


class WorkbookTooLarge(ImportFileError):
    """A part of the .xlsx (or the CSV file, or the zip's directory) is too large.

    ``size`` is what the zip declares (or what was read), ``limit`` the cap, in bytes
    (for the zip directory: in entries).
    """

    code = "too_large"
    template = "{filename}: {part} holds {size} bytes, more than the {limit} an import reads."


class CompressionRatioTooHigh(ImportFileError):
    """A part inflates far more than Excel's XML ever does: a zip bomb."""

    code = "compression_ratio"
    template = (
        "{filename}: {part} inflates {ratio} times, more than the {limit} times "
        "of a real workbook; the file is refused."
    )


class TooManyColumns(ImportFileError):
    code = "too_many_columns"
    template = "{filename}: row {row} has more than {limit} columns."


class RowTooLarge(ImportFileError):
    """One row (or what lies between two rows) is more XML than a row can be."""

    code = "row_too_large"
    template = "{filename}: row {row} takes more than {limit} bytes; the file is refused."


class SharedStringsTooLarge(ImportFileError):
    """``what`` is "count" (texts) or "characters" (their total length)."""

    code = "shared_strings"
    template = "{filename}: the workbook's texts exceed {limit} ({what}); split the file."


class ParseBudgetExceeded(ImportFileError):
    """The reader's own budget: ``budget`` is "seconds" (CPU time spent reading)
    or "bytes" (uncompressed bytes read); ``row`` the last row read (0: none)."""

    code = "parse_budget"
    template = (
        "{filename}: reading stopped at row {row}, the file needs more than {limit} "
        "{budget} to read; split the file."
    )


class UnsafeXml(ImportFileError):
    """A part declares a DOCTYPE (entities, external references): Excel never does."""

    code = "unsafe_xml"
    template = "{filename}: {part} declares a DOCTYPE, which no spreadsheet writes; refused."


class EncodingError(ImportFileError):
    """A CSV file is not text in the encoding its beginning showed."""

    code = "encoding"
    template = (
        "{filename}: row {row} is not valid {encoding} text; save the file as "
        "CSV UTF-8 and upload it again."
    )


class BadCsv(ImportFileError):
    code = "bad_csv"
    template = "{filename}: row {row} cannot be read as CSV ({reason})."
