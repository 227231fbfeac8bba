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
import posixpath
import re
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

import xlsxwriter
from lxml import etree

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


def header_key(text):
    """How a header is compared: half-width, lower case, no blanks, no '*'."""
    return re.sub(r"[\s*＊:：]", "", normalize.to_halfwidth(text)).lower()


def choice_key(text):
    return header_key(text)


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


# ---------------------------------------------------------------------------
# Reading: a streaming .xlsx reader on zipfile and lxml
#
# It gives the values openpyxl gives in read-only, data-only mode (shared and
# inline strings, numbers as int or float, booleans, error texts like '#N/A',
# datetimes for cells styled with a date format), at several times its speed:
# the sheet is parsed row by row and each row is dropped once read.

SAFE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False}
MAX_PART_SIZE = 256 * 1024 * 1024  # shared strings and styles are read whole
MAX_COLUMNS = 16_384  # XFD, Excel's last column
WINDOWS_EPOCH = datetime(1899, 12, 30)
MAC_EPOCH = datetime(1904, 1, 1)
# built-in number formats that are dates or times: 14-22 and 45-47 everywhere,
# 27-36 and 50-58 in Chinese (and Japanese, Korean) Excel, e.g. 31 yyyy"年"m"月"d"日"
DATE_FORMAT_IDS = frozenset((*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)))
DATE_FORMAT_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
DATE_FORMAT_TOKEN = re.compile(r"[^\\][dmhysDMHYS]")
ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    etree.LxmlError,
    KeyError,
    IndexError,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)


@dataclass
class Sheet:
    """The header row found and the columns mapped to the sheet's positions."""

    header_row: int
    positions: dict  # field -> 0-based column index
    rows: object  # iterator of (row number, raw {field: value})


@dataclass
class Workbook:
    """What reading the first worksheet needs; the sheet itself is streamed."""

    archive: zipfile.ZipFile
    sheet_path: str | None  # None: the workbook has no worksheet
    strings: list = field(default_factory=list)
    date_styles: frozenset = frozenset()  # the s="..." of cells holding dates
    epoch: datetime = WINDOWS_EPOCH


def from_excel(value, epoch=WINDOWS_EPOCH):
    """The datetime (time below 1) of an Excel serial number, as openpyxl.

    In the 1900 system Excel counts a 29 February 1900 that never was: serials
    below 60 are one day off.
    """
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 1 and diff.days == 0:
        return (datetime.min + diff).time()
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + timedelta(days=day) + diff


def is_date_format(code):
    """Whether a number format shows a date or time (openpyxl's rule)."""
    code = DATE_FORMAT_LITERALS.sub("", (code or "").split(";")[0])
    return DATE_FORMAT_TOKEN.search(code) is not None


def _unescape(text):
    """Excel writes control characters as _xHHHH_ (and '_' before such a text as _x005F_)."""
    return ESCAPED_CHAR.sub(lambda match: chr(int(match[1], 16)), text)


def _namespace(element):
    tag = element.tag
    return tag[: tag.find("}") + 1] if tag[:1] == "{" else ""


def _local(element):
    tag = element.tag
    return tag[tag.find("}") + 1 :] if isinstance(tag, str) else ""


def _refuse_doctype(element):
    """Excel writes no DTD: one is an XXE or entity expansion attempt."""
    if element.getroottree().docinfo.doctype:
        raise ValueError("an .xlsx part declares a DOCTYPE")


def _part(archive, name):
    """The root element of a small part, parsed safely; None when absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_SIZE:
        raise ValueError(f"{name} is too large")
    root = etree.fromstring(archive.read(info), etree.XMLParser(**SAFE_XML))
    _refuse_doctype(root)
    return root


def _relations(archive, part):
    """[(type, part path)] of a part's relationships, in file order."""
    folder, name = posixpath.split(part)
    root = _part(archive, posixpath.join(folder, "_rels", f"{name}.rels"))
    relations = []
    for rel in root if root is not None else ():
        target = rel.get("Target")
        if not target or rel.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        relations.append((rel.get("Id"), rel.get("Type") or "", path))
    return relations


def _first_worksheet(root, relations):
    """The part of the first worksheet in the workbook's tab order, or None."""
    worksheets = {rid: path for rid, kind, path in relations if kind.endswith("/worksheet")}
    for sheets in root:
        if _local(sheets) != "sheets":
            continue
        for sheet in sheets:
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if rid in worksheets:  # chart sheets and dialogs are no worksheets
                return worksheets[rid]
    return None


def _date_styles(root):
    """The style indexes (as written in s="...") whose number format is a date."""
    if root is None:
        return frozenset()
    formats, cell_formats = {}, []
    for group in root:
        if _local(group) == "numFmts":
            for fmt in group:
                formats[fmt.get("numFmtId")] = fmt.get("formatCode")
        elif _local(group) == "cellXfs":
            cell_formats = [xf.get("numFmtId") or "0" for xf in group if _local(xf) == "xf"]
    dates = set()
    for index, format_id in enumerate(cell_formats):
        if format_id in formats:
            if is_date_format(formats[format_id]):
                dates.add(str(index))
        elif format_id.isdigit() and int(format_id) in DATE_FORMAT_IDS:
            dates.add(str(index))
    return frozenset(dates)


def _rich_text(si, ns):
    """The text of a rich string: its <t> and its runs' <t>, not phonetic runs."""
    texts = []
    for child in si:
        tag = _local(child)
        if tag == "t":
            texts.append(child.text or "")
        elif tag == "r":
            texts.extend(t.text or "" for t in child.iterchildren(f"{ns}t"))
    return "".join(texts)


def _shared_strings(root):
    if root is None:
        return []
    ns = _namespace(root)
    si_tag, t_tag = f"{ns}si", f"{ns}t"
    strings = []
    append = strings.append
    for si in root:
        if si.tag != si_tag:
            continue
        if len(si) == 1 and si[0].tag == t_tag:  # plain text: nearly every string
            text = si[0].text or ""
        else:
            text = _rich_text(si, ns)
        append(_unescape(text) if "_x" in text else text)
    return strings


def open_workbook(content, filename="file"):
    """The first worksheet's part, shared strings, date styles and epoch."""
    if not content or not bytes(content[:4]) == XLSX_MAGIC:
        raise NotXlsxFile(filename=filename)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        package = _relations(archive, "")
        main = next(
            (path for _id, kind, path in package if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        root = _part(archive, main)
        if root is None:
            raise KeyError(main)
        relations = _relations(archive, main)
        parts = {kind.rsplit("/", 1)[-1]: path for _id, kind, path in reversed(relations)}
        folder = posixpath.dirname(main)
        book = Workbook(archive, _first_worksheet(root, relations))
        if book.sheet_path is not None and book.sheet_path not in archive.NameToInfo:
            raise KeyError(book.sheet_path)
        strings = parts.get("sharedStrings", posixpath.join(folder, "sharedStrings.xml"))
        book.strings = _shared_strings(_part(archive, strings))
        styles = parts.get("styles", posixpath.join(folder, "styles.xml"))
        book.date_styles = _date_styles(_part(archive, styles))
        properties = next((e for e in root if _local(e) == "workbookPr"), None)
        if properties is not None and properties.get("date1904") in ("1", "true"):
            book.epoch = MAC_EPOCH
    except READ_ERRORS as err:
        raise CorruptWorkbook(filename=filename) from err
    return book


COLUMNS = {}  # "AB" -> 27: filled as columns are met


def _column(letters):
    index = COLUMNS.get(letters)
    if index is None:
        index = 0
        for letter in letters.upper():
            if not "A" <= letter <= "Z":
                raise ValueError(f"{letters} is not a column")
            index = index * 26 + ord(letter) - 64
        index -= 1
        if not 0 <= index < MAX_COLUMNS:
            raise ValueError(f"{letters} is not a column")
        COLUMNS[letters] = index
    return index


def _number(text, style, book):
    value = float(text) if "." in text or "E" in text or "e" in text else int(text)
    if style in book.date_styles:
        try:
            return from_excel(value, book.epoch)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's value for a date out of range
    return value


def _typed_value(cell, kind, text, ns):
    """A cell's value when it is no shared string and no number."""
    if kind == "inlineStr":
        inline = cell.find(f"{ns}is")
        if inline is None:
            return None
        text = _rich_text(inline, ns)
    elif not text:
        return None
    elif kind == "b":
        return bool(int(text))
    elif kind == "d":
        return datetime.fromisoformat(text.removesuffix("Z"))
    # str (a formula's text), e (an error: #N/A...) and inline strings
    return _unescape(text) if "_x" in text else text


def _row_values(row, book, ns):
    """[value] of a <row> by 0-based column, None where no cell is written."""
    cell_tag, value_tag = f"{ns}c", f"{ns}v"
    strings, date_styles, columns = book.strings, book.date_styles, COLUMNS
    values = []
    position = -1
    for cell in row:
        if cell.tag != cell_tag:
            continue
        ref = cell.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            position = columns.get(letters)
            if position is None:
                position = _column(letters)
        else:
            position += 1
        text = None
        if len(cell):
            last = cell[-1]  # <f> first, then <v>
            text = last.text if last.tag == value_tag else cell.findtext(value_tag)
        kind = cell.get("t")
        if kind == "s":
            value = strings[int(text)] if text else None
        elif kind is None or kind == "n":
            style = cell.get("s")
            if not text:
                value = None
            elif style in date_styles:
                value = _number(text, style, book)
            else:
                value = float(text) if "." in text or "E" in text or "e" in text else int(text)
        else:
            value = _typed_value(cell, kind, text, ns)
        if position == len(values):
            values.append(value)
        elif position > len(values):
            values.extend([None] * (position - len(values)))
            values.append(value)
        else:
            values[position] = value
    return values


def _declared_rows(ref):
    """The last row of a <dimension ref="A1:F200">, 0 when not given."""
    match = re.search(r"(\d+)\s*$", ref or "")
    return int(match[1]) if match else 0


def _sheet_rows(book, max_rows):
    """(row number, [values]) of each row the first sheet writes, streamed.

    Rows written out of order or twice are skipped, as openpyxl does; the
    declared <dimension> is checked before any row is read.
    """
    with book.archive.open(book.sheet_path) as source:
        events = etree.iterparse(
            source, events=("end",), tag=("{*}dimension", "{*}row"), **SAFE_XML
        )
        ns = row_tag = None
        counter = last = 0
        for _event, element in events:
            if ns is None:
                _refuse_doctype(element)
                ns = _namespace(element)
                row_tag = f"{ns}row"
            if element.tag != row_tag:
                declared = _declared_rows(element.get("ref"))
                if declared > max_rows + HEADER_SCAN_ROWS:
                    raise TooManyRows(limit=max_rows, row=declared)
                continue
            number = element.get("r")
            counter = int(float(number)) if number else counter + 1
            if counter > last:
                last = counter
                yield counter, _row_values(element, book, ns)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


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
    book = open_workbook(content, filename)
    if book.sheet_path is None:
        raise EmptyWorkbook(filename=filename)
    # the <dimension> the file declares, when it does, is refused before any row
    reader = _guard(_sheet_rows(book, max_rows), filename)
    head, following = [], []
    for row_number, row in reader:
        if row_number > HEADER_SCAN_ROWS:
            following.append((row_number, row))
            break
        head.append((row_number, row))
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
    fields = list(positions.items())

    def rows():
        started = clock()
        next_check = 500  # the clock is read every 500 rows
        data_rows = 0
        remaining = (row for row in head if row[0] > header_row)
        for row_number, row in _chain(remaining, following, reader):
            if row_number >= next_check:
                next_check = row_number - row_number % 500 + 500
                if clock() - started > max_seconds:
                    raise ImportTimeout(row=row_number, seconds=max_seconds)
            width = len(row)
            raw = {fname: row[position] if position < width else None for fname, position in fields}
            if all(_is_empty(v) for v in raw.values()):
                continue
            data_rows += 1
            if data_rows > max_rows:
                raise TooManyRows(limit=max_rows, row=row_number)
            yield row_number, raw

    return Sheet(header_row, positions, rows())


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _guard(iterator, filename):
    """A damaged part of the zip or XML shows only while reading: name it corrupt."""
    try:
        yield from iterator
    except ImportFileError:
        raise
    except READ_ERRORS as err:
        raise CorruptWorkbook(filename=filename) from err


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
