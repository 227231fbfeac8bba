# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import engine: read an .xlsx, map its headers, validate every row.

Pure Python (openpyxl, xlsxwriter and the normalisers, no Odoo), shared by
every importer of the suite: customers here, trade-show leads in sales.

- ``read_sheet`` opens the workbook in read-only mode, finds the header row
  (Chinese or English aliases), and yields raw rows, bounded in rows and time;
- ``validate_row`` turns a raw row into cleaned values or cell errors;
- ``parse`` does both for a whole file;
- ``write_xlsx`` writes a template, an error report or an export.

Errors carry a ``code`` and ``params`` so that Odoo can translate the message;
``str(error)`` is an English fallback.
"""

import io
import re
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from . import district, normalize

MAX_ROWS = 100_000
MAX_SECONDS = 300
HEADER_SCAN_ROWS = 10
XLSX_MAGIC = b"PK\x03\x04"

# ---------------------------------------------------------------------------
# Errors


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


@dataclass(frozen=True)
class CellError:
    """One invalid cell: Excel row number, column header, value as written."""

    row: int
    column: str
    value: object
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        return MESSAGES[self.code].format(**self.params)


MESSAGES = {
    "required": "a value is required",
    "too_long": "longer than {size} characters",
    "invalid_phone": "not a valid phone number",
    "invalid_credit_code": "not a valid Unified Social Credit Code ({reason})",
    "unknown_value": "no such value is known",
    "invalid_date": "not a date",
    "invalid_number": "not a number",
    "invalid_boolean": "not yes or no",
    "duplicate_in_file": "the same value is already in row {first_row}",
    "write": "refused: {message}",
}


class InvalidCell(ValueError):
    """Raised by a converter; validate_row turns it into a CellError."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# ---------------------------------------------------------------------------
# Columns


@dataclass(frozen=True)
class Column:
    """A column an importer accepts.

    ``kind``: char, phone, credit_code, date, number, integer, boolean,
    choice (``choices`` maps what people write to a value) or place (the same,
    matched with the district normaliser: 金水, 金水区, 410105, 郑州市金水区);
    ``many``: several values separated by , ; 、 (tags).
    """

    field: str
    header: str
    aliases: tuple = ()
    kind: str = "char"
    required: bool = False
    size: int = 0
    choices: dict | None = None
    many: bool = False
    unique: bool = False


def header_key(text):
    """How a header is compared: half-width, lower case, no blanks, no '*'."""
    return re.sub(r"[\s*＊:：]", "", normalize.to_halfwidth(text)).lower()


def choice_key(text):
    return header_key(text)


def build_choices(pairs):
    """{what people write: value} for a choice column, keys normalised."""
    index = {}
    for text, value in pairs:
        key = choice_key(text)
        if key:
            index.setdefault(key, value)
    return index


# ---------------------------------------------------------------------------
# Converters: raw cell value -> clean value, or InvalidCell


def _text(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize.clean_name(value)


def _convert_char(value, column):
    text = _text(value)
    if column.size and len(text) > column.size:
        raise InvalidCell("too_long", size=column.size)
    return text


def _convert_phone(value, column):
    try:
        return normalize.normalize_phone(_text(value))
    except normalize.InvalidValue as err:
        raise InvalidCell("invalid_phone") from err


def _convert_credit_code(value, column):
    try:
        return normalize.normalize_uscc(_text(value))
    except normalize.InvalidValue as err:
        raise InvalidCell("invalid_credit_code", reason=err.reason) from err


DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def _convert_date(value, column):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # a date cell without a date format: Excel's serial number
        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, TypeError) as err:
            raise InvalidCell("invalid_date") from err
    text = _text(value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidCell("invalid_date")


def _convert_number(value, column):
    if isinstance(value, bool):
        raise InvalidCell("invalid_number")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = re.sub(r"[\s,，¥￥元]", "", _text(value))
        try:
            number = Decimal(text)
        except InvalidOperation as err:
            raise InvalidCell("invalid_number") from err
    if not number.is_finite():
        raise InvalidCell("invalid_number")
    if column.kind == "integer":
        if number != number.to_integral_value():
            raise InvalidCell("invalid_number")
        return int(number)
    return number


TRUE_WORDS = {"1", "true", "yes", "y", "是", "有", "√", "x"}
FALSE_WORDS = {"0", "false", "no", "n", "否", "无", "×"}


def _convert_boolean(value, column):
    if isinstance(value, bool):
        return value
    key = choice_key(value)
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise InvalidCell("invalid_boolean")


def _convert_choice(value, column):
    key = choice_key(_text(value))
    if key in column.choices:
        return column.choices[key]
    raise InvalidCell("unknown_value")


def _convert_place(value, column):
    try:
        return district.match_place(_text(value), column.choices)
    except district.UnknownPlace as err:
        raise InvalidCell("unknown_value") from err


CONVERTERS = {
    "char": _convert_char,
    "phone": _convert_phone,
    "credit_code": _convert_credit_code,
    "date": _convert_date,
    "number": _convert_number,
    "integer": _convert_number,
    "boolean": _convert_boolean,
    "choice": _convert_choice,
    "place": _convert_place,
}
MANY_SEPARATORS = re.compile(r"[,，;；、/\n]")


def _is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def convert(column, value):
    """The clean value of one cell (None when empty), or InvalidCell."""
    if _is_empty(value):
        if column.required:
            raise InvalidCell("required")
        return [] if column.many else None
    converter = CONVERTERS[column.kind]
    if column.many:
        parts = [part for part in MANY_SEPARATORS.split(_text(value)) if part.strip()]
        return [converter(part, column) for part in parts]
    result = converter(value, column)
    if result in ("", None) and column.required:
        raise InvalidCell("required")
    return result


def validate_row(row_number, raw, columns):
    """(clean values by field, [CellError]) for one raw row {field: value}."""
    values, errors = {}, []
    for column in columns:
        value = raw.get(column.field)
        try:
            values[column.field] = convert(column, value)
        except InvalidCell as err:
            errors.append(CellError(row_number, column.header, value, err.code, err.params))
    return values, errors


# ---------------------------------------------------------------------------
# Reading


@dataclass
class Sheet:
    """The header row found and the columns mapped to the sheet's positions."""

    header_row: int
    positions: dict  # field -> 0-based column index
    rows: object  # iterator of (row number, raw {field: value})


def open_workbook(content, filename="file"):
    if not content or not bytes(content[:4]) == XLSX_MAGIC:
        raise NotXlsxFile(filename=filename)
    try:
        return openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True, keep_links=False
        )
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as err:
        raise CorruptWorkbook(filename=filename) from err


def _find_header(rows, columns):
    """(row number, {field: position}) of the row naming the most columns."""
    lookup = {}
    for column in columns:
        for alias in (column.header, column.field, *column.aliases):
            lookup.setdefault(header_key(alias), column.field)
    best = (0, 0, {}, [])
    first_found = []
    for row_number, cells in rows:
        if not first_found:
            first_found = [str(c).strip() for c in cells if not _is_empty(c)]
        positions = {}
        for position, cell in enumerate(cells):
            fname = lookup.get(header_key(cell)) if isinstance(cell, str) else None
            if fname and fname not in positions:
                positions[fname] = position
        if len(positions) > len(best[2]):
            found = [str(c).strip() for c in cells if not _is_empty(c)]
            best = (row_number, len(positions), positions, found)
    return best[0], best[2], best[3] or first_found


def read_sheet(
    content,
    columns,
    filename="file",
    max_rows=MAX_ROWS,
    max_seconds=MAX_SECONDS,
    clock=time.monotonic,
):
    """Open the first sheet and map its header row; rows are read lazily.

    Raises NotXlsxFile, CorruptWorkbook, EmptyWorkbook, MissingHeaders; the
    row iterator raises TooManyRows and ImportTimeout.
    """
    workbook = open_workbook(content, filename)
    if not workbook.worksheets:
        raise EmptyWorkbook(filename=filename)
    sheet = workbook.worksheets[0]
    # the <dimension> the file declares, when it does: refuse early
    declared = sheet.max_row if isinstance(sheet.max_row, int) else 0
    if declared > max_rows + HEADER_SCAN_ROWS:
        raise TooManyRows(limit=max_rows, row=declared)
    try:
        cells = sheet.iter_rows(values_only=True)
        head = []
        for row_number, row in enumerate(cells, start=1):
            head.append((row_number, row))
            if row_number >= HEADER_SCAN_ROWS:
                break
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise CorruptWorkbook(filename=filename) from err
    if not any(any(not _is_empty(c) for c in row) for _n, row in head):
        raise EmptyWorkbook(filename=filename)
    header_row, positions, found = _find_header(head, columns)
    missing = [c.header for c in columns if c.required and c.field not in positions]
    if not positions or missing:
        raise MissingHeaders(
            row=header_row or 1,
            missing=", ".join(missing or [c.header for c in columns if c.required]),
            found=", ".join(found) or "-",
        )

    def rows():
        started = clock()
        remaining = (row for row in head if row[0] > header_row)
        numbered = ((n, row) for n, row in enumerate(cells, start=len(head) + 1))
        data_rows = 0
        for row_number, row in _chain(remaining, numbered):
            if row_number % 500 == 0 and clock() - started > max_seconds:
                raise ImportTimeout(row=row_number, seconds=max_seconds)
            raw = {
                fname: row[position] if position < len(row) else None
                for fname, position in positions.items()
            }
            if all(_is_empty(v) for v in raw.values()):
                continue
            data_rows += 1
            if data_rows > max_rows:
                raise TooManyRows(limit=max_rows, row=row_number)
            yield row_number, raw

    return Sheet(header_row, positions, _guard(rows(), filename))


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _guard(iterator, filename):
    """A damaged part of the zip shows only while reading: name it corrupt."""
    try:
        yield from iterator
    except (zipfile.BadZipFile, KeyError, OSError) as err:
        raise CorruptWorkbook(filename=filename) from err


@dataclass
class ParseResult:
    header_row: int
    rows: list  # [(row number, clean values)] of the valid rows
    errors: list  # [CellError]
    total: int = 0

    @property
    def error_rows(self):
        return len({error.row for error in self.errors})


def parse(content, columns, filename="file", **limits):
    """Read and validate a whole file. File-level errors are raised."""
    sheet = read_sheet(content, columns, filename=filename, **limits)
    unique = [c for c in columns if c.unique]
    seen = {c.field: {} for c in unique}
    result = ParseResult(sheet.header_row, [], [])
    for row_number, raw in sheet.rows:
        result.total += 1
        values, errors = validate_row(row_number, raw, columns)
        for column in unique:
            value = values.get(column.field)
            if value in (None, ""):
                continue
            first_row = seen[column.field].setdefault(value, row_number)
            if first_row != row_number:
                errors.append(
                    CellError(
                        row_number,
                        column.header,
                        raw.get(column.field),
                        "duplicate_in_file",
                        {"first_row": first_row},
                    )
                )
        if errors:
            result.errors.extend(errors)
        else:
            result.rows.append((row_number, values))
    return result


# ---------------------------------------------------------------------------
# Writing


def write_xlsx(headers, rows, sheet_name="Sheet1", widths=None, date_format="yyyy-mm-dd"):
    """An .xlsx (bytes) with a bold header row; rows are lists of plain values."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    dates = workbook.add_format({"num_format": date_format})
    for position, header in enumerate(headers):
        sheet.write_string(0, position, header, bold)
        width = (widths or {}).get(position) or max(10, min(40, len(str(header)) * 2 + 2))
        sheet.set_column(position, position, width)
    sheet.freeze_panes(1, 0)
    for row_index, row in enumerate(rows, start=1):
        for position, value in enumerate(row):
            if value is None or value is False:
                continue
            if isinstance(value, datetime | date):
                sheet.write_datetime(row_index, position, value, dates)
            elif isinstance(value, Decimal):
                sheet.write_number(row_index, position, float(value))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(row_index, position, value)
            else:
                sheet.write_string(row_index, position, str(value))
    workbook.close()
    return output.getvalue()
