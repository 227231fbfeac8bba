# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import engine: read an .xlsx, map its headers, validate every row.

Pure Python (lxml, xlsxwriter and the normalisers, no Odoo), shared by
every importer of the suite: customers here, trade-show leads in sales.

- ``read_sheet`` streams the first worksheet, finds the header row
  (Chinese or English aliases), and yields raw rows, bounded in rows and time;
- ``validate_row`` turns a raw row into cleaned values or cell errors;
- ``parse`` does both for a whole file;
- ``write_xlsx`` writes a template, an error report or an export.

Errors carry a ``code`` and ``params`` so that Odoo can translate the message;
``str(error)`` is an English fallback.
"""

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import xlsxwriter

from . import district, normalize

# The reader and its errors live in their own modules; they are re-exported
# here, where the importers have always found them.
from .import_errors import (  # noqa: F401
    BadCsv,
    CompressionRatioTooHigh,
    CorruptWorkbook,
    EmptyWorkbook,
    EncodingError,
    ImportFileError,
    ImportTimeout,
    MissingHeaders,
    NotXlsxFile,
    ParseBudgetExceeded,
    RowTooLarge,
    SharedStringsTooLarge,
    TooManyColumns,
    TooManyRows,
    UnsafeXml,
    WorkbookTooLarge,
)
from .workbook_reader import (  # noqa: F401
    HEADER_SCAN_ROWS,
    LIMITS,
    MAC_EPOCH,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SECONDS,
    WINDOWS_EPOCH,
    Limits,
    Sheet,
    Workbook,
    from_excel,
    header_key,
    is_date_format,
    open_workbook,
    plain_key,
    read_sheet,
    unquote_formula,
)


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
    result = None
    for chunk in iter_parse(content, columns, filename=filename, size=0, **limits):
        result = chunk
    return result


def iter_parse(content, columns, filename="file", size=1000, first=0, **limits):
    """Read and validate a file in chunks: a ParseResult for every ``size``
    rows read (``first`` rows for the first one if given; the last one maybe
    shorter; ``size=0``: one for the whole file). A value of a unique column
    is checked against the whole file. File-level errors are raised, at the
    start or when reached."""
    sheet = read_sheet(content, columns, filename=filename, **limits)
    # a column the sheet does not have is empty in every row (and not
    # required: read_sheet checked that)
    absent = {c.field: [] if c.many else None for c in columns if c.field not in sheet.positions}
    present = [c for c in columns if c.field in sheet.positions]
    unique = [c for c in columns if c.unique]
    seen = {c.field: {} for c in unique}
    result = ParseResult(sheet.header_row, [], [])
    for row_number, raw in sheet.rows:
        result.total += 1
        values, errors = validate_row(row_number, raw, present)
        for field_name, empty in absent.items():
            values[field_name] = [] if empty == [] else empty
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
        if size and result.total >= (first or size):
            yield result
            result = ParseResult(sheet.header_row, [], [])
            first = 0
    if result.total or not size:
        yield result


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
