# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workbook reader of the imports: the first sheet of an .xlsx, streamed.

Pure Python (zipfile, lxml and the normalisers, no Odoo). ``read_sheet`` finds
the header row and yields raw rows, bounded in rows and time; errors are the
``ImportFileError`` subclasses of ``import_errors``.
"""

import io
import posixpath
import re
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml import etree

from . import normalize
from .import_errors import (
    CorruptWorkbook,
    EmptyWorkbook,
    ImportFileError,
    ImportTimeout,
    MissingHeaders,
    NotXlsxFile,
    TooManyRows,
)

MAX_ROWS = 100_000
MAX_SECONDS = 300
HEADER_SCAN_ROWS = 10
XLSX_MAGIC = b"PK\x03\x04"


def header_key(text):
    """How a header is compared: half-width, lower case, no blanks, no '*'."""
    return re.sub(r"[\s*＊:：]", "", normalize.to_halfwidth(text)).lower()


def _is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


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
