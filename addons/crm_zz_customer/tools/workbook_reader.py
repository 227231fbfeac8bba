# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workbook reader of the imports: the first sheet of an .xlsx, or a CSV file.

Pure Python (zipfile, csv, lxml and the normalisers, no Odoo). ``read_sheet``
finds the header row among the first rows and yields raw rows. Files come from
users, so every read is bounded: the size each zip part declares and the size
actually inflated, the compression ratio, the columns of a row, the bytes of a
row, the shared strings, and the reader's own budget of CPU seconds and bytes,
checked on every parse event. A refusal is an ``ImportFileError`` subclass of
``import_errors`` naming the file and the problem.
"""

import codecs
import csv
import io
import itertools
import operator
import posixpath
import re
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml import etree

from . import normalize
from .export_safety import strip_csv_guard
from .import_errors import (
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

MAX_ROWS = 100_000
MAX_SECONDS = 300
HEADER_SCAN_ROWS = 20
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, and .xlsx saved with a password
MAX_COLUMNS = 16_384  # XFD, Excel's last column
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What the reader accepts of one file; every cap has a refusal of its own."""

    max_columns: int = MAX_COLUMNS
    max_seconds: float = 10  # CPU seconds spent reading (not validating)
    max_bytes: int = 300 * MB  # uncompressed bytes read, all parts together
    max_sheet_size: int = 256 * MB  # the worksheet part, as declared and as read
    max_strings_size: int = 128 * MB  # the shared strings part
    max_part_size: int = 16 * MB  # workbook, relationships, styles
    max_ratio: int = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
    max_entries: int = 10_000  # files in the zip
    max_row_bytes: int = 2 * MB  # XML between two rows: one row, junk included
    max_strings: int = 1_000_000  # shared strings
    max_string_chars: int = 64 * 1024 * 1024  # their total length
    clock: object = time.thread_time  # CPU time of the reading thread


LIMITS = Limits()
RATIO_FLOOR = MB  # small parts are too small to be bombs, whatever their ratio


# ---------------------------------------------------------------------------
# Headers


# after NFKC (（）［］ are () []): a bracketed note like (必填) or 【选填】, and stray brackets
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
BRACKETS = re.compile(r"[()\[\]【】〔〕]")
HEADER_NOISE = re.compile(r"[\s*:：_]")
# one spelling per meaning: 手机号码 = 手机号 = 手机, 联系电话 = 电话号码 = 电话
SYNONYMS = (("手机号码", "手机"), ("手机号", "手机"), ("电话号码", "电话"), ("联系电话", "电话"))
PREFIXES = ("所属", "客户", "公司", "单位", "企业")


def plain_key(text):
    """Half-width, lower case, no blanks, no '*' or ':' (the key of choices)."""
    return HEADER_NOISE.sub("", normalize.to_halfwidth(text)).lower()


def header_key(text):
    """How a header is compared: as people write it, reduced to what it means.

    Half-width and lower case; a bracketed note like "(必填)", "（选填）" or
    "【万元】" dropped; blanks, '*', ':' dropped; 手机号码/手机号 → 手机 and
    联系电话/电话号码 → 电话. "客户名称 (必填)*" → "客户名称".
    """
    text = normalize.to_halfwidth(text)
    if "(" in text or "[" in text or "【" in text or "〔" in text:
        text = BRACKETS.sub("", BRACKETED.sub("", text))
    key = HEADER_NOISE.sub("", text).lower()
    for words, meaning in SYNONYMS:
        if words in key:
            key = key.replace(words, meaning)
    return key


def short_key(key):
    """A header key without a prefix 所属/客户/公司/单位/企业, when two or more
    characters remain (公司地址 → 地址, 所属区县 → 区县, 客户 stays); else ''."""
    for prefix in PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return key[len(prefix) :]
    return ""


def _header_lookup(columns):
    """{key: field}: full keys of every alias first, their short keys after."""
    lookup = {}
    aliases = [(a, c.field) for c in columns for a in (c.header, c.field, *c.aliases)]
    for alias, fname in aliases:
        lookup.setdefault(header_key(alias), fname)
    for alias, fname in aliases:
        short = short_key(header_key(alias))
        if short:
            lookup.setdefault(short, fname)
    lookup.pop("", None)
    return lookup


def _match_header(lookup, cell):
    if not isinstance(cell, str):
        return None
    key = header_key(cell)
    return lookup.get(key) or lookup.get(short_key(key) or key)


def _is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(rows, columns):
    """(row number, {field: position}, [(position, text) matching nothing], found).

    The header is the row naming the most columns; on a tie the one naming more
    required columns, then the upper one. A merged header cell counts for its
    first column (the others are empty), as openpyxl reads it. A second cell
    naming a column already found is ignored like a cell naming nothing.
    """
    lookup = _header_lookup(columns)
    required = {c.field for c in columns if c.required}
    best, best_score = None, (0, 0)
    first_found = []
    for row_number, cells in rows:
        found = [str(c).strip() for c in cells if not _is_empty(c)]
        if not first_found:
            first_found = found
        positions = {}
        for position, cell in enumerate(cells):
            fname = _match_header(lookup, cell)
            if fname and fname not in positions:
                positions[fname] = position
        score = (len(positions), len(required & positions.keys()))
        if score > best_score:
            best, best_score = (row_number, positions, cells, found), score
    if best is None:
        return 0, {}, [], first_found
    row_number, positions, cells, found = best
    taken = set(positions.values())
    ignored = [
        (position, str(cell).strip())
        for position, cell in enumerate(cells)
        if position not in taken and not _is_empty(cell)
    ]
    return row_number, positions, ignored, found


@dataclass
class Sheet:
    """The header row found and the columns mapped to the sheet's positions."""

    header_row: int
    positions: dict  # field -> 0-based column index
    rows: object  # iterator of (row number, raw {field: value})
    ignored: list = field(default_factory=list)  # [(position, header)] matching no column
    kind: str = "xlsx"  # or "csv"


# ---------------------------------------------------------------------------
# The budget: CPU seconds and bytes, checked on every parse event and read


class Budget:
    """The reader's own clock and byte count for one file.

    Time is counted only while the reader works (``pause`` while the caller
    handles a row); bytes are counted as they are inflated, and those read since
    the last parse event are capped, so that nothing the reader keeps between two
    events (one row, junk elements included) grows past ``max_row_bytes``.
    """

    def __init__(self, filename, limits):
        self.filename = filename
        self.limits = limits
        self.clock = limits.clock
        self.spent = 0.0
        self.started = self.clock()
        self.bytes = 0
        self.since_event = 0
        self.row = 0

    def pause(self):
        self.spent += self.clock() - self.started

    def resume(self):
        self.started = self.clock()

    def check(self):
        if self.spent + self.clock() - self.started > self.limits.max_seconds:
            raise ParseBudgetExceeded(
                filename=self.filename,
                budget="seconds",
                limit=self.limits.max_seconds,
                row=self.row,
            )

    def event(self, row=None):
        """A parse event: check the clock, start counting the next row's bytes."""
        if row is not None:
            self.row = row
        self.since_event = 0
        self.check()

    def count(self, size):
        self.bytes += size
        self.since_event += size
        if self.bytes > self.limits.max_bytes:
            raise ParseBudgetExceeded(
                filename=self.filename, budget="bytes", limit=self.limits.max_bytes, row=self.row
            )
        if self.since_event > self.limits.max_row_bytes:
            raise RowTooLarge(
                filename=self.filename, row=self.row + 1, limit=self.limits.max_row_bytes
            )
        self.check()


class _Metered:
    """A part's inflated stream, every read counted against the budget."""

    def __init__(self, source, budget, cap, filename, part):
        self.source = source
        self.budget = budget
        self.cap = cap
        self.filename = filename
        self.part = part
        self.size = 0
        self.first = True

    def read(self, size=-1):  # pylint: disable=method-required-super
        data = self.source.read(size if size and size > 0 else 64 * 1024)
        if self.first and data:
            self.first = False
            if b"<!DOCTYPE" in data[:4096]:
                raise UnsafeXml(filename=self.filename, part=self.part)
        self.size += len(data)
        if self.size > self.cap:
            raise WorkbookTooLarge(
                filename=self.filename, part=self.part, size=self.size, limit=self.cap
            )
        self.budget.count(len(data))
        return data

    def read_all(self):
        """The whole part (a small one: no rows, so no cap of bytes per row)."""
        chunks = []
        while chunk := self.read():
            chunks.append(chunk)
            self.budget.event()
        return b"".join(chunks)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.source.close()


# ---------------------------------------------------------------------------
# Reading: a streaming .xlsx reader on zipfile and lxml
#
# It gives the values openpyxl gives in read-only, data-only mode (shared and
# inline strings, numbers as int or float, booleans, error texts like '#N/A',
# datetimes for cells styled with a date format), at several times its speed:
# the sheet is parsed row by row and each row is dropped once read. Whole
# numbers written as floats (13800138000.0, 1.3800138E10) are ints.

SAFE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False}
WINDOWS_EPOCH = datetime(1899, 12, 30)
MAC_EPOCH = datetime(1904, 1, 1)
EXACT_FLOAT = 2**53  # whole floats below are ints exactly
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
class Workbook:
    """What reading the first worksheet needs; the sheet itself is streamed."""

    archive: zipfile.ZipFile
    sheet_path: str | None  # None: the workbook has no worksheet
    strings: list = field(default_factory=list)
    date_styles: frozenset = frozenset()  # the s="..." of cells holding dates
    epoch: datetime = WINDOWS_EPOCH
    filename: str = "file"
    limits: Limits = LIMITS
    budget: Budget | None = None


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


def _refuse_doctype(book, element, part):
    """Excel writes no DTD: one is an XXE or entity expansion attempt."""
    if element.getroottree().docinfo.doctype:
        raise UnsafeXml(filename=book.filename, part=part)


def _info(book, name, cap):
    """The zip entry of a part, its declared size and ratio checked; None when absent."""
    try:
        info = book.archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > cap:
        raise WorkbookTooLarge(filename=book.filename, part=name, size=info.file_size, limit=cap)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > book.limits.max_ratio:
        raise CompressionRatioTooHigh(
            filename=book.filename, part=name, ratio=int(ratio), limit=book.limits.max_ratio
        )
    return info


def _open(book, info, cap):
    return _Metered(book.archive.open(info), book.budget, cap, book.filename, info.filename)


def _part(book, name):
    """The root element of a small part, parsed safely; None when absent."""
    cap = book.limits.max_part_size
    info = _info(book, name, cap)
    if info is None:
        return None
    with _open(book, info, cap) as source:
        data = source.read_all()
    root = etree.fromstring(data, etree.XMLParser(**SAFE_XML))
    _refuse_doctype(book, root, name)
    return root


def _relations(book, part):
    """[(id, type, part path)] of a part's relationships, in file order."""
    folder, name = posixpath.split(part)
    root = _part(book, posixpath.join(folder, "_rels", f"{name}.rels"))
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


def _drop(element):
    """Forget a streamed element once read, and its siblings before it (read, or junk).

    Never what follows it: the parser may be building that still.
    """
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _shared_strings(book, name):
    """The shared strings, streamed: counted, their total length bounded."""
    limits = book.limits
    info = _info(book, name, limits.max_strings_size)
    if info is None:
        return []
    strings = []
    append = strings.append
    chars = 0
    with _open(book, info, limits.max_strings_size) as source:
        events = etree.iterparse(source, events=("end",), tag=("{*}si",), **SAFE_XML)
        t_tag = ns = None
        for _event, si in events:
            book.budget.event()
            if t_tag is None:
                _refuse_doctype(book, si, name)
                ns = _namespace(si)
                t_tag = f"{ns}t"
            if len(si) == 1 and si[0].tag == t_tag:  # plain text: nearly every string
                text = si[0].text or ""
            else:
                text = _rich_text(si, ns)
            chars += len(text)
            if chars > limits.max_string_chars:
                raise SharedStringsTooLarge(
                    filename=book.filename, what="characters", limit=limits.max_string_chars
                )
            if len(strings) >= limits.max_strings:
                raise SharedStringsTooLarge(
                    filename=book.filename, what="count", limit=limits.max_strings
                )
            append(_unescape(text) if "_x" in text else text)
            _drop(si)
    return strings


def _zip_entries(content):
    """The number of files the zip's end record declares (0 when not found)."""
    end = content.rfind(b"PK\x05\x06", max(0, len(content) - 65_557))
    if end < 0 or end + 12 > len(content):
        return 0
    return int.from_bytes(content[end + 10 : end + 12], "little")


def open_workbook(content, filename="file", limits=None):
    """The first worksheet's part, shared strings, date styles and epoch."""
    limits = limits or LIMITS
    if not content or not bytes(content[:4]) == XLSX_MAGIC:
        raise NotXlsxFile(filename=filename)
    entries = _zip_entries(content)
    if entries > limits.max_entries:
        raise WorkbookTooLarge(
            filename=filename, part="the zip directory", size=entries, limit=limits.max_entries
        )
    budget = Budget(filename, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        book = Workbook(archive, None, filename=filename, limits=limits, budget=budget)
        package = _relations(book, "")
        main = next(
            (path for _id, kind, path in package if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        root = _part(book, main)
        if root is None:
            raise KeyError(main)
        relations = _relations(book, main)
        parts = {kind.rsplit("/", 1)[-1]: path for _id, kind, path in reversed(relations)}
        folder = posixpath.dirname(main)
        book.sheet_path = _first_worksheet(root, relations)
        if book.sheet_path is not None:
            # declared size and ratio refused before anything else is read
            if _info(book, book.sheet_path, limits.max_sheet_size) is None:
                raise KeyError(book.sheet_path)
        strings = parts.get("sharedStrings", posixpath.join(folder, "sharedStrings.xml"))
        book.strings = _shared_strings(book, strings)
        styles = parts.get("styles", posixpath.join(folder, "styles.xml"))
        book.date_styles = _date_styles(_part(book, styles))
        properties = next((e for e in root if _local(e) == "workbookPr"), None)
        if properties is not None and properties.get("date1904") in ("1", "true"):
            book.epoch = MAC_EPOCH
    except ImportFileError:
        raise
    except READ_ERRORS as err:
        raise CorruptWorkbook(filename=filename) from err
    budget.pause()
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


def _plain_number(text):
    if "." in text or "E" in text or "e" in text:
        value = float(text)
        # 13800138000.0 or 1.3800138E10: what a phone number becomes in some writers
        if value.is_integer() and -EXACT_FLOAT < value < EXACT_FLOAT:
            return int(value)
        return value
    return int(text)


def _number(text, style, book):
    if style in book.date_styles:
        value = float(text) if "." in text or "E" in text or "e" in text else int(text)
        try:
            return from_excel(value, book.epoch)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's value for a date out of range
    return _plain_number(text)


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


def _cell_value(cell, book, ns, value_tag):
    text = None
    if len(cell):
        last = cell[-1]  # <f> first, then <v>; a formula without a cached value: None
        text = last.text if last.tag == value_tag else cell.findtext(value_tag)
    kind = cell.get("t")
    if kind == "s":
        return book.strings[int(text)] if text else None
    if kind is None or kind == "n":
        return _number(text, cell.get("s"), book) if text else None
    return _typed_value(cell, kind, text, ns)


def _row_values(row, book, ns, width=MAX_COLUMNS, row_number=0):
    """[value] of a <row> by 0-based column, None where no cell is written.

    Cells from ``width`` on are not read (the header is narrower); a cell at or
    past the column cap, with or without r="...", refuses the file.
    """
    cell_tag, value_tag = f"{ns}c", f"{ns}v"
    limit = book.limits.max_columns
    columns = COLUMNS
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
        if position >= limit:
            raise TooManyColumns(filename=book.filename, row=row_number, limit=limit)
        if position >= width:
            continue
        value = _cell_value(cell, book, ns, value_tag)
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


def _sheet_rows(book, max_rows, width=None):
    """(row number, [values]) of each row the first sheet writes, streamed.

    Rows written out of order or twice are skipped, as openpyxl does; the
    declared <dimension> is checked before any row is read. Reading stops at
    </sheetData>: what follows (hyperlinks, merged cells...) is never parsed.
    ``width`` is a list whose first item is how many columns are read: the
    caller narrows it once the header is known.
    """
    width = width or [book.limits.max_columns]
    budget = book.budget
    info = _info(book, book.sheet_path, book.limits.max_sheet_size)
    budget.resume()
    with _open(book, info, book.limits.max_sheet_size) as source:
        events = etree.iterparse(
            source,
            events=("end",),
            tag=("{*}dimension", "{*}row", "{*}sheetData"),
            **SAFE_XML,
        )
        ns = row_tag = None
        counter = last = 0
        for _event, element in events:
            budget.event()
            if ns is None:
                _refuse_doctype(book, element, book.sheet_path)
                ns = _namespace(element)
                row_tag = f"{ns}row"
            if element.tag != row_tag:
                if _local(element) == "sheetData":
                    break
                declared = _declared_rows(element.get("ref"))
                if declared > max_rows + HEADER_SCAN_ROWS:
                    raise TooManyRows(filename=book.filename, limit=max_rows, row=declared)
                continue
            number = element.get("r")
            counter = int(float(number)) if number else counter + 1
            budget.row = counter  # what follows belongs to the next row
            if counter > last:
                last = counter
                values = _row_values(element, book, ns, width[0], counter)
                budget.pause()
                yield counter, values
                budget.resume()
            _drop(element)
    budget.pause()


# ---------------------------------------------------------------------------
# CSV: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or
# GB18030 (GBK, what Chinese Excel writes as "CSV"); , ; or tab sniffed.

CSV_NAMES = (".csv", ".txt", ".tsv")
CSV_DELIMITERS = (",", "\t", ";")
CSV_SAMPLE = 64 * 1024


def _looks_like_text(content, filename):
    if str(filename or "").lower().endswith(CSV_NAMES):
        return True
    sample = bytes(content[:CSV_SAMPLE])
    return b"\x00" not in sample or sample[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _csv_encoding(content):
    """(encoding, BOM length) of a CSV file, from its BOM or its first 64 KB.

    UTF-8 unless a byte before the first UTF-8 character breaks it: then GB18030
    (which GBK and GB2312 are part of). A UTF-8 file with a bad byte further on
    stays UTF-8, and the bad byte is named by its row.
    """
    head = bytes(content[:4])
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16", 0
    sample = bytes(content[:CSV_SAMPLE])
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(content) <= CSV_SAMPLE)
    except UnicodeDecodeError as err:
        return ("utf-8" if not sample[: err.start].isascii() else "gb18030"), 0
    return "utf-8", 0


def _csv_delimiter(text):
    """The separator that cuts the first records into the most, equal, fields."""
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        records = itertools.islice(csv.reader(io.StringIO(text), delimiter=delimiter), 20)
        try:
            widths = [len(record) for record in records if any(f.strip() for f in record)]
        except csv.Error:
            continue
        if not widths or max(widths) < 2:
            continue
        common = max(sorted(set(widths)), key=widths.count)
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def unquote_formula(text):
    """The text a CSV export wrote as '=...: one apostrophe before =, +, -, @, tab or
    CR dropped (tools/export_safety.py)."""
    return strip_csv_guard(text)


class _LineTooLong(ValueError):
    pass


def _csv_lines(content, encoding, skip, limit):
    """The file's lines as text, decoded one by one (a bad byte names its row),
    each at most ``limit`` bytes (characters in UTF-16)."""
    if encoding == "utf-16":
        stream = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
        decode = str
    else:
        # b"\n" is never inside a UTF-8 or GB18030 character: lines split safely
        stream = io.BytesIO(content)
        stream.seek(skip)
        decode = operator.methodcaller("decode", encoding)
    while line := stream.readline(limit + 1):
        if len(line) > limit:
            raise _LineTooLong
        yield decode(line)


def _csv_rows(content, filename, limits, width=None):
    """(row number, [values]) of a CSV file; empty fields are None."""
    width = width or [limits.max_columns]
    if len(content) > limits.max_bytes:
        raise WorkbookTooLarge(
            filename=filename, part="the file", size=len(content), limit=limits.max_bytes
        )
    encoding, skip = _csv_encoding(content)
    sample = bytes(content[skip : skip + CSV_SAMPLE]).decode(encoding, errors="ignore")
    delimiter = _csv_delimiter(sample)
    budget = Budget(filename, limits)
    number = 0
    try:
        lines = _csv_lines(content, encoding, skip, limits.max_row_bytes)
        records = csv.reader(lines, delimiter=delimiter)
        for number, fields in enumerate(records, start=1):
            budget.event(number)
            if len(fields) > limits.max_columns:
                raise TooManyColumns(filename=filename, row=number, limit=limits.max_columns)
            values = [unquote_formula(f) if f else None for f in fields[: width[0]]]
            budget.pause()
            yield number, values
            budget.resume()
    except UnicodeDecodeError as err:
        raise EncodingError(filename=filename, encoding=encoding.upper(), row=number + 1) from err
    except _LineTooLong as err:
        raise RowTooLarge(filename=filename, row=number + 1, limit=limits.max_row_bytes) from err
    except csv.Error as err:
        raise BadCsv(filename=filename, row=number + 1, reason=str(err)) from err


# ---------------------------------------------------------------------------
# The sheet: header found, rows mapped to columns


def read_sheet(
    content,
    columns,
    filename="file",
    max_rows=MAX_ROWS,
    max_seconds=MAX_SECONDS,
    clock=time.monotonic,
    limits=None,
):
    """Open the first sheet (or the CSV file) and map its header row; rows are
    read lazily.

    Raises NotXlsxFile, CorruptWorkbook, EmptyWorkbook, MissingHeaders and the
    refusals of hostile files; the row iterator raises TooManyRows,
    ImportTimeout and the same refusals when reached.
    ``max_seconds`` bounds the whole import (reading and what the caller does
    with each row) on ``clock``; ``limits`` (a ``Limits``) bound the reader.
    """
    limits = limits or LIMITS
    content = content or b""
    width = [limits.max_columns]  # narrowed to the header's width once found
    if bytes(content[:4]) == XLSX_MAGIC:
        kind = "xlsx"
        book = open_workbook(content, filename, limits)
        if book.sheet_path is None:
            raise EmptyWorkbook(filename=filename)
        # the <dimension> the file declares, when it does, is refused before any row
        reader = _guard(_sheet_rows(book, max_rows, width), filename)
    elif content and not content.startswith(OLE_MAGIC) and _looks_like_text(content, filename):
        kind = "csv"
        reader = _csv_rows(content, filename, limits, width)
    else:
        raise NotXlsxFile(filename=filename)
    head, following = [], []
    for row_number, row in reader:
        if row_number > HEADER_SCAN_ROWS:
            following.append((row_number, row))
            break
        head.append((row_number, row))
    if not any(any(not _is_empty(c) for c in row) for _n, row in head + following):
        raise EmptyWorkbook(filename=filename)
    header_row, positions, ignored, found = _find_header(head, columns)
    missing = [c.header for c in columns if c.required and c.field not in positions]
    if not positions or missing:
        raise MissingHeaders(
            filename=filename,
            row=header_row or 1,
            missing=", ".join(missing or [c.header for c in columns if c.required]),
            found=", ".join(found) or "-",
        )
    fields = list(positions.items())
    width[0] = max(positions.values()) + 1

    def rows():
        started = clock()
        next_check = 500  # the clock is read every 500 rows
        data_rows = 0
        remaining = (row for row in head if row[0] > header_row)
        for row_number, row in _chain(remaining, following, reader):
            if row_number >= next_check:
                next_check = row_number - row_number % 500 + 500
                if clock() - started > max_seconds:
                    raise ImportTimeout(filename=filename, row=row_number, seconds=max_seconds)
            row_width = len(row)
            raw = {f: row[position] if position < row_width else None for f, position in fields}
            if all(_is_empty(v) for v in raw.values()):
                continue
            data_rows += 1
            if data_rows > max_rows:
                raise TooManyRows(filename=filename, limit=max_rows, row=row_number)
            yield row_number, raw

    return Sheet(header_row, positions, rows(), ignored, kind)


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
