# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CSV export guard and import strip: formula-like text gets one apostrophe on the
way out and loses exactly one on the way in, so every text survives the round trip."""

import csv
import io
import itertools

import pytest
from crm_zz_customer_tools import export_safety as es
from crm_zz_customer_tools import import_parser as ip
from crm_zz_customer_tools import workbook_reader as wr

SAMPLES = [
    "=SUM(A1)",
    "+86 138 0371 0000",
    "+8613803710000",
    "-折扣客户",
    "@郑州",
    "\t制表符开头",
    "\r回车开头",
    "'=已带撇号",
    "''+两个撇号",
    "'普通撇号",
    "it's",
    "'",
    "''",
    "郑州宇通客车股份有限公司",
    "91410100MA44ABCD0C",
    "",
    "=",
    "-",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_round_trip(text):
    assert es.strip_csv_guard(es.csv_cell(text)) == text
    assert wr.unquote_formula(es.csv_cell(text)) == text


def test_round_trip_every_short_text():
    # every text of up to four characters from the ones that matter
    alphabet = "'=+-@\t\rA郑"
    for size in range(5):
        for letters in itertools.product(alphabet, repeat=size):
            text = "".join(letters)
            assert es.strip_csv_guard(es.csv_cell(text)) == text, repr(text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+86 138 0371 0000", "'+86 138 0371 0000"),
        ("-折扣客户", "'-折扣客户"),
        ("@郑州", "'@郑州"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'x", "'x"),
        ("郑州", "郑州"),
    ],
)
def test_what_the_export_writes(text, written):
    assert es.csv_cell(text) == written
    # a spreadsheet never sees a formula: the written text starts with an apostrophe
    assert not es.is_formula_like(written)


def test_import_strips_one_apostrophe_only_before_a_formula_start():
    assert es.strip_csv_guard("'=A1") == "=A1"
    assert es.strip_csv_guard("''=A1") == "'=A1"
    assert es.strip_csv_guard("'abc") == "'abc"
    assert es.strip_csv_guard("=A1") == "=A1"
    assert es.strip_csv_guard(None) is None


def test_a_csv_written_like_the_export_reads_back_unchanged():
    names = ["=SUM(A1)", "+86 138 0371 0000", "-折扣客户", "@郑州", "'=撇号"]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # as Odoo's CSV export
    writer.writerow(["客户名称", "手机"])
    for number, name in enumerate(names):
        writer.writerow([es.csv_cell(name), es.csv_cell(f"+86138037100{number:02d}")])
    columns = [
        ip.Column("name", "客户名称", ("Name",), required=True),
        ip.Column("mobile", "手机", ("Mobile",)),
    ]
    sheet = wr.read_sheet(out.getvalue().encode("utf-8"), columns, filename="customers.csv")
    rows = [raw for _number, raw in sheet.rows]
    assert [r["name"] for r in rows] == names
    assert [r["mobile"] for r in rows] == [f"+86138037100{n:02d}" for n in range(len(names))]
