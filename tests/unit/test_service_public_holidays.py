# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""China's public holidays and make-up working days read from the CSV format."""

from datetime import date
from pathlib import Path

import pytest
from crm_zz_service_tools import public_holidays

SHIPPED = (
    Path(__file__).resolve().parents[2] / "addons/crm_zz_service/data/china_public_holidays.csv"
)
HEADER = "date_from,date_to,kind,name,source\n"


def test_shipped_file_2026_spring_festival():
    arrangements = public_holidays.parse(SHIPPED.read_text(encoding="utf-8"))
    off = public_holidays.holidays(arrangements)
    worked = public_holidays.workdays(arrangements)
    assert {date(2026, 2, 15), date(2026, 2, 23)} <= off
    assert date(2026, 2, 24) not in off
    assert {date(2026, 2, 14), date(2026, 2, 28), date(2025, 1, 26)} <= worked
    # 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动 5 + 端午 3 + 国庆中秋 8 days off
    assert len([d for d in off if d.year == 2025]) == 28
    assert len([d for d in worked if d.year == 2026]) == 6
    spring = next(a for a in arrangements if a.date_from == date(2026, 2, 15))
    assert spring.name == "春节"
    assert "2026年部分节假日安排" in spring.source


def test_byte_order_mark_and_blank_lines_are_accepted():
    text = "\ufeff" + HEADER + "\n2027-01-01,2027-01-01,holiday,元旦,通知\n\n"
    (arrangement,) = public_holidays.parse(text)
    assert arrangement.row == 3
    assert list(arrangement.days()) == [date(2027, 1, 1)]


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("2027-02-30,2027-02-30,holiday,春节,通知", "date_from", "2027-02-30"),
        ("2027-02-06,2027-02-05,holiday,春节,通知", "date_to", "2027-02-05"),
        ("2027-02-06,2027-02-06,off,春节,通知", "kind", "off"),
        ("2027-02-06,2027-02-06,holiday,,通知", "name", ""),
        ("2027-02-08,2027-02-08,workday,调休,通知", "date_from", "2027-02-08"),
        ("2027-02-06,2027-02-06,holiday,春节", "columns", 4),
    ],
)
def test_bad_line_names_row_field_and_value(line, field, value):
    with pytest.raises(public_holidays.InvalidRow) as error:
        public_holidays.parse(HEADER + line + "\n")
    assert (error.value.row, error.value.field, error.value.value) == (2, field, value)


def test_make_up_day_inside_a_holiday_is_refused():
    text = (
        HEADER
        + "2027-02-06,2027-02-13,holiday,春节,通知\n2027-02-07,2027-02-07,workday,调休,通知\n"
    )
    with pytest.raises(public_holidays.InvalidRow) as error:
        public_holidays.parse(text)
    assert (error.value.row, error.value.field) == (3, "date_from")
    assert "春节" in str(error.value)


def test_wrong_header_is_refused():
    with pytest.raises(public_holidays.InvalidRow) as error:
        public_holidays.parse("from,to,kind,name\n")
    assert (error.value.row, error.value.field) == (1, "header")
