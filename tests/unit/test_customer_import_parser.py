# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import engine reads what people put in Excel and names every bad cell."""

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from crm_zz_customer_tools import district
from crm_zz_customer_tools import import_parser as ip

PLACES = district.build_index(
    [district.Place(1, "金水区", "金水", "410105"), district.Place(2, "郑州高新区", "高新区")]
)
COLUMNS = [
    ip.Column("name", "客户名称", ("Name", "公司名称"), required=True, size=20),
    ip.Column(
        "credit_code",
        "统一社会信用代码",
        ("Credit Code",),
        kind="credit_code",
        unique=True,
        strict=True,
    ),
    ip.Column("mobile", "手机", ("Mobile",), kind="phone", strict=True),
    ip.Column("district", "所属区县", ("District",), kind="place", choices=PLACES),
    ip.Column("since", "成立日期", ("Founded",), kind="date"),
    ip.Column("capital", "注册资本", ("Capital",), kind="number"),
    ip.Column("staff", "员工人数", ("Employees",), kind="integer"),
    ip.Column(
        "tags",
        "标签",
        ("Tags",),
        kind="choice",
        many=True,
        choices=ip.build_choices([("重点", 10), ("VIP", 11)]),
    ),
]
HEADERS = [
    "客户名称",
    "统一社会信用代码",
    "手机",
    "所属区县",
    "成立日期",
    "注册资本",
    "员工人数",
    "标签",
]


def xlsx(rows, title_rows=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (*title_rows, *rows):
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_valid_rows_come_out_clean():
    content = xlsx(
        [
            HEADERS,
            [
                "郑州琨瑜光电科技有限公司",
                "91410100ma44abcd0c",
                "138 1234 5678",
                "金水",
                datetime(2015, 3, 8),
                5000000,
                120,
                "重点，VIP",
            ],
            ["中原数据", None, "+86 139 0371 0001", "410105", "2019/1/2", "1,234.50", "35", None],
        ]
    )
    result = ip.parse(content, COLUMNS)
    assert result.errors == []
    assert result.total == 2
    (row2, first), (row3, second) = result.rows
    assert (row2, row3) == (2, 3)
    assert first == {
        "name": "郑州琨瑜光电科技有限公司",
        "credit_code": "91410100MA44ABCD0C",
        "mobile": "+8613812345678",
        "district": 1,
        "since": date(2015, 3, 8),
        "capital": Decimal(5000000),
        "staff": 120,
        "tags": [10, 11],
    }
    assert second["since"] == date(2019, 1, 2)
    assert second["capital"] == Decimal("1234.50")
    assert second["credit_code"] is None


def test_headers_in_english_below_a_title_row_in_any_order():
    content = xlsx(
        [["Mobile", "Name", "District"], ["13812345678", "Kunyu", "高新区"]],
        title_rows=[["客户导入 2026"]],
    )
    result = ip.parse(content, COLUMNS)
    assert result.header_row == 2
    assert result.rows == [
        (
            3,
            {
                **dict.fromkeys(["credit_code", "since", "capital", "staff"]),
                "name": "Kunyu",
                "mobile": "+8613812345678",
                "district": 2,
                "tags": [],
            },
        )
    ]


def test_excel_date_serial_and_required_header_with_star():
    content = xlsx([["客户名称*", "成立日期"], ["某公司", 45000]])
    [(_row, values)] = ip.parse(content, COLUMNS).rows
    assert values["since"] == date(2023, 3, 15)


def test_each_bad_cell_names_row_column_and_value():
    content = xlsx(
        [
            HEADERS,
            [None, "91410100MA44ABCD0X", "12345", "海淀区", "明天", "很多", "3.5", "普通"],
        ]
    )
    result = ip.parse(content, COLUMNS)
    assert result.rows == []
    # a missing name and an invalid key refuse the row
    found = {(e.row, e.column, e.value, e.code) for e in result.errors}
    assert found == {
        (2, "客户名称", None, "required"),
        (2, "统一社会信用代码", "91410100MA44ABCD0X", "invalid_credit_code"),
        (2, "手机", "12345", "invalid_phone"),
    }
    # any other bad value is a warning: the value is left empty
    warned = {(e.row, e.column, e.value, e.code) for e in result.warnings}
    assert warned == {
        (2, "所属区县", "海淀区", "unknown_value"),
        (2, "成立日期", "明天", "invalid_date"),
        (2, "注册资本", "很多", "invalid_number"),
        (2, "员工人数", "3.5", "invalid_number"),
        (2, "标签", "普通", "unknown_value"),
    }
    assert all(e.warning for e in result.warnings)
    credit = next(e for e in result.errors if e.code == "invalid_credit_code")
    assert "check digit" in credit.message
    assert result.error_rows == 1


def test_a_row_with_only_warnings_is_imported_with_the_values_left_empty():
    content = xlsx([HEADERS, ["甲公司", None, None, "海淀区", None, None, None, "普通,重点"]])
    result = ip.parse(content, COLUMNS)
    [(row, values)] = result.rows
    # the known tag is kept, the unknown one left out
    assert (row, values["district"], values["tags"]) == (2, None, [10])
    assert [(e.column, e.code) for e in result.warnings] == [
        ("所属区县", "unknown_value"),
        ("标签", "unknown_value"),
    ]


def test_same_credit_code_twice_in_the_file_is_one_record():
    code = "91410100MA44ABCD0C"
    content = xlsx(
        [
            HEADERS[:3],
            ["甲公司", code, None],
            ["乙公司", code.lower(), "13803710001"],
        ]
    )
    result = ip.parse(content, COLUMNS)
    # merged into the first row: the first non-empty value wins
    [(row, values)] = result.rows
    assert (row, values["name"], values["credit_code"], values["mobile"]) == (
        2,
        "甲公司",
        code,
        "+8613803710001",
    )
    assert result.merged == {3: 2}
    assert result.errors == []


def test_rows_merged_by_key_unless_a_unique_value_differs():
    content = xlsx(
        [
            HEADERS[:2],
            ["郑州甲科技有限公司", "91410100MA44ABCD0C"],
            ["甲科技", None],
            ["河南甲科技有限公司", "91410105MA3X12345B"],
        ]
    )

    def key(values):
        return values["name"].removeprefix("郑州").removeprefix("河南").removesuffix("有限公司")

    result = ip.parse(content, COLUMNS, merge_key=key)
    assert [row for row, _v in result.rows] == [2, 4]
    assert result.merged == {3: 2}


def test_two_records_of_one_name_are_ambiguous():
    choices = ip.build_choices([("王磊", 1), ("王磊", 2), ("李娜", 3)], strong=[("wl", 1)])
    column = ip.Column("user", "销售员", kind="choice", choices=choices)
    with pytest.raises(ip.InvalidCell) as err:
        ip.convert(column, "王磊")
    assert err.value.code == "ambiguous"
    assert ip.convert(column, "李娜") == 3
    assert ip.convert(column, "wl") == 1


def test_chunks_of_a_file_are_the_file():
    code = "91410100MA44ABCD0C"
    rows = [[f"公司{index}", None] for index in range(7)]
    rows[1][1] = code
    rows[5][1] = code  # in another chunk than its first use: merged into it
    rows[3] = [None, "x"]  # required name missing, bad credit code
    content = xlsx([HEADERS[:2], *rows])
    chunks = list(ip.iter_parse(content, COLUMNS, size=3))
    assert [chunk.total for chunk in chunks] == [3, 3, 1]
    assert [[row for row, _v in chunk.rows] for chunk in chunks] == [[2, 3, 4], [6], [8]]
    assert [(e.row, e.code) for c in chunks for e in c.errors] == [
        (5, "required"),
        (5, "invalid_credit_code"),
    ]
    assert chunks[1].merged == {7: 3}
    whole = ip.parse(content, COLUMNS)
    assert whole.rows == [row for chunk in chunks for row in chunk.rows]
    assert whole.errors == [error for chunk in chunks for error in chunk.errors]
    assert whole.total == 7


def test_plan_rows_survive_json():
    rows = [(2, {"d": date(2026, 1, 2), "n": Decimal("1.50"), "t": [1, 2], "x": None})]
    assert ip.rows_from_json(ip.rows_to_json(rows)) == rows


def test_too_long_text():
    content = xlsx([["客户名称"], ["郑" * 21]])
    [error] = ip.parse(content, COLUMNS).errors
    assert (error.code, error.params) == ("too_long", {"size": 20})


def test_empty_rows_are_skipped_and_row_numbers_kept():
    content = xlsx([["客户名称"], ["甲"], [None], ["", None], ["乙"]])
    assert [row for row, _v in ip.parse(content, COLUMNS).rows] == [2, 5]


def test_not_an_xlsx_file():
    with pytest.raises(ip.NotXlsxFile) as err:
        ip.parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", COLUMNS, filename="customers.png")
    assert "customers.png" in str(err.value)
    with pytest.raises(ip.NotXlsxFile):
        ip.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old xls", COLUMNS)
    with pytest.raises(ip.NotXlsxFile):
        ip.parse(b"", COLUMNS)


def test_corrupt_workbook():
    content = xlsx([HEADERS])
    with pytest.raises(ip.CorruptWorkbook):
        ip.parse(content[: len(content) // 2], COLUMNS, filename="broken.xlsx")
    with pytest.raises(ip.CorruptWorkbook):
        ip.parse(b"PK\x03\x04 not really a zip", COLUMNS)


def test_empty_workbook():
    with pytest.raises(ip.EmptyWorkbook):
        ip.parse(xlsx([]), COLUMNS, filename="empty.xlsx")


def test_sheet_without_the_expected_headers():
    with pytest.raises(ip.MissingHeaders) as err:
        ip.parse(xlsx([["姓名", "年龄"], ["张三", 30]]), COLUMNS)
    assert err.value.params["missing"] == "客户名称"
    assert "姓名" in err.value.params["found"]


def test_missing_required_header_among_others():
    with pytest.raises(ip.MissingHeaders) as err:
        ip.parse(xlsx([["手机", "所属区县"], ["13812345678", "金水"]]), COLUMNS)
    assert err.value.params["missing"] == "客户名称"


def test_too_many_rows():
    content = xlsx([["客户名称"]] + [[f"客户{i}"] for i in range(30)])
    with pytest.raises(ip.TooManyRows) as err:
        ip.parse(content, COLUMNS, max_rows=10)
    assert err.value.params["limit"] == 10


def test_reading_is_bounded_in_time():
    ticks = iter(range(0, 10_000, 100))
    content = xlsx([["客户名称"]] + [[f"客户{i}"] for i in range(1200)])
    with pytest.raises(ip.ImportTimeout) as err:
        ip.parse(content, COLUMNS, max_seconds=150, clock=lambda: next(ticks))
    assert err.value.params["row"] == 1000  # checked every 500 rows


def test_write_xlsx_round_trip():
    content = ip.write_xlsx(
        ["行", "列", "值"], [[2, "手机", "12345"], [3, "成立日期", date(2020, 1, 2)]]
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("行", "列", "值")
    assert rows[1] == (2, "手机", "12345")
    assert rows[2][2].date() == date(2020, 1, 2)
