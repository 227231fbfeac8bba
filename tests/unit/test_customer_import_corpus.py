# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reader against hostile and unusual files: each gets a clear answer.

The corpus is built here by small builders (``CORPUS``, also measured by
``bench/import_corpus_bench.py``); nothing big is committed. A hostile file is
refused with an ImportFileError subclass whose ``code`` and ``params`` name the
file and the problem; an unusual one is read as it is meant.
"""

import functools
import io
import struct
import zipfile

import pytest
from crm_zz_customer_tools import import_parser as ip
from crm_zz_customer_tools import workbook_reader as wr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MB = 1024 * 1024
COLUMNS = [
    ip.Column("name", "客户名称", ("Name",), required=True),
    ip.Column("mobile", "手机", ("Mobile",), kind="phone"),
    ip.Column("district", "所属区县"),
    ip.Column("note", "备注"),
]


# ---------------------------------------------------------------------------
# Builders


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number, *texts):
    cells = "".join(inline(f"{chr(65 + i)}{number}", t) for i, t in enumerate(texts) if t)
    return f'<row r="{number}">{cells}</row>'


def xlsx(sheet_data="", before="", after="", strings=None, sheet=True, parts=None):
    """A minimal .xlsx: one worksheet (its <sheetData>, what comes before and after)."""
    rels = []
    if sheet:
        rels.append(f'<Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="s1.xml"/>')
    files = {
        "_rels/.rels": f'<Relationships xmlns="{PKG_REL}"><Relationship Id="r" '
        f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_REL}"><sheets>'
        + ('<sheet name="客户" sheetId="1" r:id="rId1"/>' if sheet else "")
        + "</sheets></workbook>",
    }
    if sheet:
        files["xl/s1.xml"] = (
            f'<worksheet xmlns="{MAIN}">{before}<sheetData>{sheet_data}</sheetData>{after}'
            "</worksheet>"
        )
    if strings is not None:
        rels.append(f'<Relationship Id="rId2" Type="{DOC_REL}/sharedStrings" Target="ss.xml"/>')
        files["xl/ss.xml"] = strings
    files["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    )
    files.update(parts or {})
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            if callable(data):  # a generator of chunks, for big parts
                with archive.open(name, "w", force_zip64=True) as target:
                    for chunk in data():
                        target.write(chunk)
            else:
                archive.writestr(name, data)
    return output.getvalue()


def declare_size(content, name, size):
    """The zip with ``name``'s uncompressed size, in its central directory, forged."""
    content = bytearray(content)
    encoded = name.encode()
    at = content.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", content, at + 28)[0]
        if content[at + 46 : at + 46 + name_length] == encoded:
            struct.pack_into("<I", content, at + 24, size)
            return bytes(content)
        at = content.find(b"PK\x01\x02", at + 46)
    raise KeyError(name)


HEADER = row(1, "客户名称", "手机")
DATA = row(2, "郑州琨瑜光电科技有限公司", "13800138000")


@functools.cache
def zip_bomb():
    def spaces():
        for _ in range(16):
            yield b" " * MB

    return xlsx(HEADER, parts={"xl/s1.xml": spaces})


def far_cell(dimension=True):
    before = '<dimension ref="XFD1048576"/>' if dimension else ""
    return xlsx('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', before=before)


@functools.cache
def hyperlinks_after_rows():
    links = "".join(f'<hyperlink ref="A{n}" location="S!A1" display="x"/>' for n in range(200_000))
    return xlsx(HEADER + DATA, after=f"<hyperlinks>{links}</hyperlinks>")


@functools.cache
def junk_in_a_row():
    junk = "".join(f'<x n="{n}"/>' for n in range(1_000_000))
    return xlsx(HEADER + f'<row r="2">{inline("A2", "甲")}{junk}</row>')


@functools.cache
def wide_row():
    cells = "<c/>" * 100_000
    return xlsx(f"{HEADER}<row>{cells}</row>")


def huge_shared_strings():
    sst = f'<sst xmlns="{MAIN}">' + "<si><t>甲乙丙</t></si>" * 2000 + "</sst>"
    sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return xlsx(sheet, strings=sst)


def entity_bomb():
    laughs = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "lol">' for n in range(10)
    )
    sst = f'<!DOCTYPE sst [{laughs}]><sst xmlns="{MAIN}"><si><t>&l9;</t></si></sst>'
    return xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', strings=sst)


def merged_header():
    title = '<row r="1"><c r="A1" t="inlineStr"><is><t>2026年客户导入表</t></is></c></row>'
    header = (
        '<row r="3">'
        + inline("A3", "客户名称（必填）")
        + '<c r="B3" s="1"/>'
        + inline("C3", "【所属】区县")
        + inline("D3", "手机号码")
        + '<c r="E3"/>'
        + inline("F3", "微信")
        + "</row>"
    )
    data = '<row r="4">' + inline("A4", "甲公司") + '<c r="D4"><v>13800138000.0</v></c></row>'
    merges = '<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="D3:E3"/></mergeCells>'
    return xlsx(title + header + data, after=merges)


def formulas_without_values():
    data = (
        '<row r="2"><c r="A2"><f>CONCAT("甲","公司")</f></c>'
        '<c r="B2"><f>1.3800138E10</f><v>1.3800138E10</v></c></row>'
    )
    return xlsx(HEADER + data)


def csv_gb18030():
    return "客户名称,手机,备注\n郑州喆堃科技有限公司,13800138000,'=1+1\n".encode("gb18030")


def csv_utf8_bom():
    text = "客户名称;手机;备注\n郑州喆堃科技有限公司;13800138000;'abc\n乙;;'@x\n"
    return "\ufeff".encode() + text.encode()


# name: (builder, filename, what a user gets)
CORPUS = {
    "not a zip": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.xlsx", "not_xlsx"),
    "zip header, no zip": (lambda: b"PK\x03\x04 not really a zip", "a.xlsx", "corrupt"),
    "zip bomb": (zip_bomb, "bomb.xlsx", "compression_ratio"),
    "declared 3 GB": (
        lambda: declare_size(xlsx(HEADER), "xl/s1.xml", 3 << 30),
        "big.xlsx",
        "too_large",
    ),
    "cell at XFD1048576": (far_cell, "far.xlsx", "too_many_rows"),
    "cell at XFD1048576, no dimension": (lambda: far_cell(False), "far.xlsx", "missing_headers"),
    "10 MB of hyperlinks after the rows": (hyperlinks_after_rows, "links.xlsx", "rows"),
    "13 MB of junk in a row": (junk_in_a_row, "junk.xlsx", "row_too_large"),
    "100,000 cells without r=": (wide_row, "wide.xlsx", "too_many_columns"),
    "DOCTYPE and entities": (entity_bomb, "laughs.xlsx", "unsafe_xml"),
    "no sheet": (lambda: xlsx(sheet=False), "nosheet.xlsx", "empty"),
    "merged header cells": (merged_header, "merged.xlsx", "rows"),
    "formulas without cached values": (formulas_without_values, "formulas.xlsx", "rows"),
    "CSV in GB18030": (csv_gb18030, "客户.csv", "rows"),
    "CSV in UTF-8 with a BOM": (csv_utf8_bom, "客户.csv", "rows"),
}


def answer(content, filename, columns=COLUMNS, **options):
    """("rows", [(row, raw)]) of a file read, or (code, params) of its refusal."""
    try:
        sheet = wr.read_sheet(content, columns, filename=filename, **options)
        return "rows", list(sheet.rows)
    except ip.ImportFileError as err:
        return err.code, err.params


# ---------------------------------------------------------------------------
# Each file of the corpus gets its answer


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_answers(name):
    build, filename, expected = CORPUS[name]
    code, params = answer(build(), filename)
    assert code == expected, params
    if code != "rows":
        assert params["filename"] == filename


def test_refusals_name_file_and_problem():
    assert answer(zip_bomb(), "bomb.xlsx") == (
        "compression_ratio",
        {
            "filename": "bomb.xlsx",
            "part": "xl/s1.xml",
            "ratio": pytest.approx(1000, rel=0.1),
            "limit": 100,
        },
    )
    code, params = answer(CORPUS["declared 3 GB"][0](), "big.xlsx")
    assert params == {
        "filename": "big.xlsx",
        "part": "xl/s1.xml",
        "size": 3 << 30,
        "limit": 256 * MB,
    }
    assert answer(far_cell(), "far.xlsx")[1] == {
        "filename": "far.xlsx",
        "limit": 100_000,
        "row": 1048576,
    }
    assert answer(wide_row(), "wide.xlsx")[1] == {
        "filename": "wide.xlsx",
        "row": 2,
        "limit": 16_384,
    }
    assert answer(junk_in_a_row(), "junk.xlsx")[1] == {
        "filename": "junk.xlsx",
        "row": 2,
        "limit": 2 * MB,
    }
    assert answer(entity_bomb(), "laughs.xlsx")[1] == {
        "filename": "laughs.xlsx",
        "part": "xl/ss.xml",
    }
    error = ip.WorkbookTooLarge(filename="big.xlsx", part="xl/s1.xml", size=3 << 30, limit=256 * MB)
    assert str(error) == (
        f"big.xlsx: xl/s1.xml holds {3 << 30} bytes, more than the {256 * MB} an import reads."
    )


def test_files_in_the_zip_are_counted_before_it_is_opened():
    content = xlsx(HEADER + DATA, parts={f"docProps/{n}.xml": "" for n in range(10)})
    assert answer(content, "a.xlsx", limits=wr.Limits(max_entries=10)) == (
        "too_large",
        {"filename": "a.xlsx", "part": "the zip directory", "size": 14, "limit": 10},
    )
    assert answer(content, "a.xlsx")[0] == "rows"


def test_large_styles_are_no_large_row():
    formats = "".join(f'<numFmt numFmtId="{n}" formatCode="0.{n}"/>' for n in range(164, 80_000))
    styles = f'<styleSheet xmlns="{MAIN}"><numFmts>{formats}</numFmts></styleSheet>'
    assert len(styles) > 3 * MB
    content = xlsx(HEADER + DATA, parts={"xl/styles.xml": styles})
    assert answer(content, "a.xlsx")[0] == "rows"


def test_rows_after_a_far_cell_are_not_widened():
    # the header is two columns wide: a cell at XFD is not read, the row is empty
    content = xlsx(HEADER + DATA + '<row r="9"><c r="XFD9"><v>1</v></c></row>')
    assert answer(content, "a.xlsx") == (
        "rows",
        [(2, {"name": "郑州琨瑜光电科技有限公司", "mobile": "13800138000"})],
    )


def test_hyperlinks_after_the_rows_are_never_parsed():
    code, rows = answer(hyperlinks_after_rows(), "links.xlsx")
    assert rows == [(2, {"name": "郑州琨瑜光电科技有限公司", "mobile": "13800138000"})]
    # broken XML after </sheetData> does not matter either: it is not read
    content = xlsx(HEADER + DATA, after="<hyperlinks><oops></hyperlinks>")
    assert answer(content, "a.xlsx") == ("rows", rows)


def test_shared_strings_are_bounded_in_count_and_length():
    content = huge_shared_strings()
    assert answer(content, "s.xlsx", limits=wr.Limits(max_strings=1000)) == (
        "shared_strings",
        {"filename": "s.xlsx", "what": "count", "limit": 1000},
    )
    assert answer(content, "s.xlsx", limits=wr.Limits(max_string_chars=3000)) == (
        "shared_strings",
        {"filename": "s.xlsx", "what": "characters", "limit": 3000},
    )
    big = declare_size(content, "xl/ss.xml", 200 * MB)
    assert answer(big, "s.xlsx")[0] == "too_large"


def test_the_reader_budget_of_seconds_and_bytes():
    rows = "".join(row(n, f"客户{n}") for n in range(2, 3000))
    content = xlsx(HEADER + rows)
    ticks = iter(range(1_000_000))
    code, params = answer(content, "t.xlsx", limits=wr.Limits(clock=lambda: next(ticks) / 100))
    assert code == "parse_budget"
    assert params["budget"] == "seconds" and params["limit"] == 10
    assert 0 < params["row"] < 3000
    code, params = answer(content, "t.xlsx", limits=wr.Limits(max_bytes=50_000))
    assert (code, params["budget"], params["limit"]) == ("parse_budget", "bytes", 50_000)
    # the time the caller spends on a row is not the reader's
    clock = [0.0]
    sheet = wr.read_sheet(content, COLUMNS, limits=wr.Limits(clock=lambda: clock[0]))
    for _row in sheet.rows:
        clock[0] += 1  # a second of validation per row
    assert clock[0] == 2998


def test_column_cap_with_and_without_references():
    limits = wr.Limits(max_columns=3)
    referenced = xlsx(HEADER + '<row r="2"><c r="D2"><v>1</v></c></row>')
    assert answer(referenced, "a.xlsx", limits=limits)[0] == "too_many_columns"
    counted = xlsx(HEADER + "<row><c/><c/><c/><c/></row>")
    assert answer(counted, "a.xlsx", limits=limits)[1] == {
        "filename": "a.xlsx",
        "row": 2,
        "limit": 3,
    }


def test_merged_title_and_header_cells():
    sheet = wr.read_sheet(merged_header(), COLUMNS, filename="merged.xlsx")
    assert sheet.header_row == 3
    assert sheet.positions == {"name": 0, "district": 2, "mobile": 3}
    assert sheet.ignored == [(5, "微信")]
    # a whole float is an int: 13800138000.0 is no float phone number
    assert list(sheet.rows) == [(4, {"name": "甲公司", "district": None, "mobile": 13800138000})]


def test_formulas_without_cached_values_are_empty():
    code, rows = answer(formulas_without_values(), "f.xlsx")
    assert rows == [(2, {"name": None, "mobile": 13800138000})]
    assert type(rows[0][1]["mobile"]) is int
    result = ip.parse(formulas_without_values(), COLUMNS, filename="f.xlsx")
    assert [(e.row, e.code) for e in result.errors] == [(2, "required")]


# ---------------------------------------------------------------------------
# CSV


def test_csv_in_gb18030_and_utf8_with_bom():
    sheet = wr.read_sheet(csv_gb18030(), COLUMNS, filename="客户.csv")
    assert sheet.kind == "csv"
    assert list(sheet.rows) == [
        (2, {"name": "郑州喆堃科技有限公司", "mobile": "13800138000", "note": "=1+1"})
    ]
    sheet = wr.read_sheet(csv_utf8_bom(), COLUMNS, filename="客户.csv")
    assert list(sheet.rows) == [
        (2, {"name": "郑州喆堃科技有限公司", "mobile": "13800138000", "note": "'abc"}),
        (3, {"name": "乙", "mobile": None, "note": "@x"}),
    ]


def test_csv_separators_quotes_and_encodings():
    text = '客户名称\t手机\t备注\n"甲, 乙\n公司"\t138\t"说""明"\n'
    for encoding in ("utf-8", "utf-16", "gbk"):
        rows = answer(text.encode(encoding), "export.txt")[1]
        assert rows == [(2, {"name": "甲, 乙\n公司", "mobile": "138", "note": '说"明'})], encoding
    # detected by content: no .csv name needed
    assert answer("客户名称,手机\n甲,1\n".encode(), "upload")[1] == [
        (2, {"name": "甲", "mobile": "1"})
    ]


def test_csv_refusals():
    # UTF-8 for the first 64 KB, then a row saved in GB18030
    lines = ["客户名称,手机"] + [f"客户{n},1" for n in range(2, 8002)]
    broken = "\n".join(lines).encode() + "\n乙,2\n".encode("gb18030")
    assert answer(broken, "a.csv") == (
        "encoding",
        {"filename": "a.csv", "encoding": "UTF-8", "row": 8002},
    )
    # a UTF-8 file with one GBK row early on: still UTF-8, the row is named
    broken = "客户名称,手机\n甲,1\n".encode() + "乙,2\n".encode("gbk")
    assert answer(broken, "b.csv")[1] == {"filename": "b.csv", "encoding": "UTF-8", "row": 3}
    wide = "客户名称,手机\n" + "1," * 20 + "\n"
    assert answer(wide.encode(), "a.csv", limits=wr.Limits(max_columns=10))[1] == {
        "filename": "a.csv",
        "row": 2,
        "limit": 10,
    }
    long_line = "客户名称,手机\n甲," + "1" * (3 * MB)
    assert answer(long_line.encode(), "a.csv")[1] == {
        "filename": "a.csv",
        "row": 2,
        "limit": 2 * MB,
    }
    too_long = "客户名称,手机\n甲," + "1" * 200_000
    assert answer(too_long.encode(), "a.csv")[0] == "bad_csv"  # a field is 128 K at most
    assert answer(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old xls", "old.xls")[0] == "not_xlsx"
    assert answer(b"", "empty.csv")[0] == "not_xlsx"
    assert answer(b"\n\n ,  \n", "blank.csv")[0] == "empty"


def test_formula_apostrophe_dropped_only_before_formula_starts():
    assert [wr.unquote_formula(t) for t in ("'=A1", "'+1", "'-1", "'@x", "'\tx", "'\rx")] == [
        "=A1",
        "+1",
        "-1",
        "@x",
        "\tx",
        "\rx",
    ]
    # exactly one apostrophe goes: the export writes text like '=A1 as ''=A1
    assert [wr.unquote_formula(t) for t in ("'abc", "'", "''=", "it's", "'")] == [
        "'abc",
        "'",
        "'=",
        "it's",
        "'",
    ]


# ---------------------------------------------------------------------------
# Headers as people write them


@pytest.mark.parametrize(
    "written, meant",
    [
        ("客户名称（必填）", "客户名称"),
        ("*客户名称(必填)", "客户名称"),
        ("【必填】客户名称：", "客户名称"),
        ("客户 名称 [选填]", "客户名称"),
        ("手机号码", "手机"),
        ("手机号", "手机"),
        ("联系电话", "电话"),
        ("电话号码", "电话"),
        ("联系人手机号码", "联系人手机"),
        ("Ｍｏｂｉｌｅ　Ｐｈｏｎｅ", "mobilephone"),
        ("注册资本(万元", "注册资本万元"),
    ],
)
def test_header_key(written, meant):
    assert ip.header_key(written) == meant


def test_prefixes_are_tried_when_the_full_header_is_unknown():
    columns = [
        ip.Column("name", "客户名称", required=True),
        ip.Column("district", "所属区县"),
        ip.Column("street", "地址"),
        ip.Column("phone", "电话"),
        ip.Column("kind", "客户"),
    ]
    headers = ["企业名称", "区县", "公司地址", "单位联系电话", "客户", "公司"]
    content = "\n".join([",".join(headers), "甲,金水,金水路1号,0371-1,A,B"]).encode()
    sheet = wr.read_sheet(content, columns, filename="a.csv")
    assert sheet.positions == {"name": 0, "district": 1, "street": 2, "phone": 3, "kind": 4}
    assert sheet.ignored == [(5, "公司")]
    assert wr.short_key("客户") == "" and wr.short_key("所属区县") == "区县"


def test_header_below_a_title_and_blank_rows_up_to_row_20():
    rows = (
        [row(1, "客户信息导入")] + [row(19, "客户名称", "手机号码", "微信")] + [row(20, "甲", "1")]
    )
    sheet = wr.read_sheet(xlsx("".join(rows)), COLUMNS)
    assert (sheet.header_row, sheet.positions, sheet.ignored) == (
        19,
        {"name": 0, "mobile": 1},
        [(2, "微信")],
    )
    assert list(sheet.rows) == [(20, {"name": "甲", "mobile": "1"})]
    too_low = [row(1, "客户信息导入"), row(21, "客户名称", "手机")]
    assert answer(xlsx("".join(too_low)), "low.xlsx")[0] == "missing_headers"


def test_header_ties_go_to_required_columns_then_to_the_upper_row():
    # rows 1 and 2 both name two columns: row 2 names the required one
    rows = [row(1, "手机", "备注"), row(2, "客户名称", "备注"), row(3, "甲", "说明")]
    sheet = wr.read_sheet(xlsx("".join(rows)), COLUMNS)
    assert sheet.header_row == 2
    rows = [row(1, "客户名称", "备注"), row(2, "客户名称", "手机"), row(3, "甲", "1")]
    assert wr.read_sheet(xlsx("".join(rows)), COLUMNS).header_row == 1
    # a column named twice: the first cell counts, the second is ignored
    rows = [row(1, "客户名称", "Name"), row(2, "甲", "乙")]
    sheet = wr.read_sheet(xlsx("".join(rows)), COLUMNS)
    assert (sheet.positions, sheet.ignored) == ({"name": 0}, [(1, "Name")])
