# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import engine: read an .xlsx, map its headers, validate every row.

Pure Python (lxml, xlsxwriter and the normalisers, no Odoo), shared by
every importer of the suite: customers here, trade-show leads in sales.

- ``read_sheet`` streams the first worksheet, finds the header row
  (Chinese or English aliases), and yields raw rows, bounded in rows and time;
- ``validate_row`` turns a raw row into cleaned values, warnings (a value
  left empty, the row kept) and refusals (the row is not imported);
- ``parse`` does both for a whole file and merges the rows of one record
  (the same key in a ``unique`` column, or the same ``merge_key``);
- ``write_xlsx`` writes a template, an error report or an export.

Errors carry a ``code`` and ``params`` so that Odoo can translate the message;
``str(error)`` is an English fallback.
"""

import io
import json
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
    warning: bool = False  # the value is left empty, the row is imported

    @property
    def message(self):
        return MESSAGES[self.code].format(**self.params)


MESSAGES = {
    "required": "a value is required",
    "too_long": "longer than {size} characters",
    "invalid_phone": "not a valid phone number",
    "invalid_credit_code": "not a valid Unified Social Credit Code ({reason})",
    "unknown_value": "no such value is known",
    "ambiguous": "names several records: {names}",
    "invalid_email": "not an email address",
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
    ``many``: several values separated by , ; 、 (tags);
    ``strict``: a bad value refuses the row (``required`` ones too); in any
    other column it is a warning and the value is left empty;
    ``unique``: rows with the same value are one record, merged;
    ``matcher``: for a choice, a function (text, choices) -> value tried when
    the text is no key of ``choices`` (a close match), raising KeyError.
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
    strict: bool = False
    matcher: object = None

    @property
    def refuses(self):
        """Whether a bad value in this column refuses the whole row."""
        return self.required or self.strict


def choice_key(text):
    """How a value of a choice column is compared: half-width, lower case, no
    blanks (the reader's plain_key, without the header synonyms)."""
    return plain_key(text)


class NewName(str):
    """A value no record has, to be created under this name (where the user
    asked for it: tags, industries); the importer creates it before writing."""


def create_missing(text, choices):
    """A Column matcher: an unknown value becomes a NewName."""
    return NewName(text)


class Ambiguous:
    """A choice key that names several records: never resolved to one."""

    def __init__(self, values):
        self.values = values

    def __repr__(self):
        return f"Ambiguous({self.values!r})"


def build_choices(pairs, strong=()):
    """{what people write: value} for a choice column, keys normalised.

    A key that names two different values is Ambiguous, unless one of them
    comes from ``strong`` pairs (a record's own name beats another's alias).
    """
    index, strong_keys = {}, set()
    for text, value in strong:
        key = choice_key(text)
        if not key:
            continue
        _add_choice(index, key, value)
        strong_keys.add(key)
    for text, value in pairs:
        key = choice_key(text)
        if key and key not in strong_keys:
            _add_choice(index, key, value)
    return index


def _add_choice(index, key, value):
    known = index.get(key, value)
    if isinstance(known, Ambiguous):
        if value not in known.values:
            known.values.append(value)
    elif known != value:
        index[key] = Ambiguous([known, value])
    else:
        index[key] = value


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
        return normalize.normalize_phone(value)
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


def _chosen(value):
    if isinstance(value, Ambiguous):
        raise InvalidCell("ambiguous", candidates=list(value.values))
    return value


def _convert_choice(value, column):
    text = _text(value)
    key = choice_key(text)
    if key in column.choices:
        return _chosen(column.choices[key])
    if column.matcher is None:
        raise InvalidCell("unknown_value")
    try:
        value = column.matcher(text, column.choices)
    except KeyError as err:
        raise InvalidCell("unknown_value") from err
    return _chosen(value)


def _convert_place(value, column):
    try:
        return _chosen(district.match_place(_text(value), column.choices))
    except district.UnknownPlace as err:
        raise InvalidCell("unknown_value") from err


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _convert_email(value, column):
    text = _convert_char(value, column).strip().replace("＠", "@")
    if not EMAIL.fullmatch(text):
        raise InvalidCell("invalid_email")
    return text


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
    "email": _convert_email,
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
        values, failed = [], None
        for part in parts:
            try:
                values.append(converter(part, column))
            except InvalidCell as err:
                failed = failed or err
        if failed:
            # the values understood are kept (a warning keeps them)
            failed.params["partial"] = values
            raise failed
        return values
    result = converter(value, column)
    if result in ("", None) and column.required:
        raise InvalidCell("required")
    return result


def validate_row(row_number, raw, columns):
    """(clean values by field, [CellError]) for one raw row {field: value}.

    A bad value of a column that ``refuses`` is an error (the row is not
    imported); any other is a warning and the value is left empty.
    """
    values, errors = {}, []
    for column in columns:
        value = raw.get(column.field)
        try:
            values[column.field] = convert(column, value)
        except InvalidCell as err:
            warning = not column.refuses
            values[column.field] = err.params.pop("partial", []) if column.many else None
            errors.append(
                CellError(row_number, column.header, value, err.code, err.params, warning)
            )
    return values, errors


@dataclass
class ParseResult:
    header_row: int
    rows: list  # [(row number, clean values)] of the valid rows
    errors: list  # [CellError] of the refused rows
    total: int = 0
    warnings: list = field(default_factory=list)  # [CellError] with warning=True
    merged: dict = field(default_factory=dict)  # {row merged: row it went into}
    positions: dict = field(default_factory=dict)  # {field: 0-based column}
    ignored: list = field(default_factory=list)  # [(0-based column, header)] matched by none

    @property
    def error_rows(self):
        return len({error.row for error in self.errors})


def parse(content, columns, filename="file", merge_key=None, **limits):
    """Read and validate a whole file, rows of one record merged (see
    iter_parse). File-level errors are raised."""
    result = None
    for chunk in iter_parse(
        content, columns, filename=filename, size=0, merge_key=merge_key, **limits
    ):
        result = chunk
    return result


def _conflicts(first, values, unique):
    """Whether two rows give different values in a ``unique`` column."""
    return any(
        first.get(name) not in (None, "")
        and values.get(name) not in (None, "")
        and first[name] != values[name]
        for name in unique
    )


def merge_values(into, values):
    """Fill ``into`` with ``values``: the first non-empty value wins, lists join."""
    for name, value in values.items():
        current = into.get(name)
        if isinstance(current, list):
            into[name] = current + [v for v in value or [] if v not in current]
        elif current in (None, "", False) and value not in (None, "", False):
            into[name] = value


def iter_parse(content, columns, filename="file", size=1000, first=0, merge_key=None, **limits):
    """Read and validate a file in chunks: a ParseResult for every ``size``
    rows read (``first`` rows for the first one if given; the last one maybe
    shorter; ``size=0``: one for the whole file).

    Rows of one record are merged into the first of them (the first
    non-empty value wins): the same value in a ``unique`` column, or the same
    ``merge_key(values)`` (a function giving a key or None). A row merged
    into a row of an earlier chunk completes that row's values dict; whoever
    consumed the chunk already sees it only if it still holds that dict
    (``size=0`` merges the whole file). File-level errors are raised, at the
    start or when reached."""
    sheet = read_sheet(content, columns, filename=filename, **limits)
    # a column the sheet does not have is empty in every row (and not
    # required: read_sheet checked that)
    absent = {c.field: [] if c.many else None for c in columns if c.field not in sheet.positions}
    present = [c for c in columns if c.field in sheet.positions]
    unique = [c.field for c in columns if c.unique]
    owner = {}  # merge key -> (row number, values) of the first row
    ignored = list(getattr(sheet, "ignored", None) or [])
    result = ParseResult(sheet.header_row, [], [], positions=dict(sheet.positions), ignored=ignored)
    for row_number, raw in sheet.rows:
        result.total += 1
        values, problems = validate_row(row_number, raw, present)
        for field_name, empty in absent.items():
            values[field_name] = [] if empty == [] else empty
        errors = [problem for problem in problems if not problem.warning]
        result.warnings.extend(problem for problem in problems if problem.warning)
        if errors:
            result.errors.extend(errors)
        else:
            keys = [(name, values[name]) for name in unique if values.get(name) not in (None, "")]
            extra = merge_key(values) if merge_key else None
            if extra:
                keys.append(("", extra))
            first_row = next((owner[key] for key in keys if key in owner), None)
            if first_row is not None and _conflicts(first_row[1], values, unique):
                first_row = None  # the same name, another credit code: two records
            if first_row is None:
                for key in keys:
                    owner[key] = (row_number, values)
                result.rows.append((row_number, values))
            else:
                into_row, into = first_row
                merge_values(into, values)
                for key in keys:
                    owner.setdefault(key, first_row)
                result.merged[row_number] = into_row
        if size and result.total >= (first or size):
            yield result
            result = ParseResult(
                sheet.header_row, [], [], positions=dict(sheet.positions), ignored=ignored
            )
            first = 0
    if result.total or not size:
        yield result


def _plain(value):
    if isinstance(value, NewName):
        return {"new": str(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    return value


def _typed(value):
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, dict):
        if "new" in value:
            return NewName(value["new"])
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "decimal" in value:
            return Decimal(value["decimal"])
    return value


def rows_to_json(rows):
    """[(row, values)] as JSON text, dates and decimals kept (for a job's plan)."""
    return json.dumps(
        [[row, {name: _plain(value) for name, value in values.items()}] for row, values in rows],
        ensure_ascii=False,
    )


def rows_from_json(text):
    """The [(row, values)] rows_to_json wrote."""
    return [
        (row, {name: _typed(value) for name, value in values.items()})
        for row, values in json.loads(text)
    ]


def errors_to_json(errors):
    return [[e.row, e.column, _plain_cell(e.value), e.code, e.params, e.warning] for e in errors]


def errors_from_json(items):
    return [
        CellError(row, column, value, code, params, warning)
        for row, column, value, code, params, warning in items
    ]


def _plain_cell(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


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
