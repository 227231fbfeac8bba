# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Imported place names match the districts however people write them."""

import pytest
from crm_zz_customer_tools.district import Place, UnknownPlace, build_index, match_place

PLACES = [
    Place(1, "金水区", "金水", "410105"),
    Place(2, "管城回族区", "管城", "410104"),
    Place(3, "郑州高新技术产业开发区", "高新区", "", "410172"),
]


@pytest.fixture
def index():
    return build_index(PLACES)


@pytest.mark.parametrize(
    "written", ["金水区", "金水", "410105", "郑州市金水区", " 金水区\u3000", "河南省郑州市金水区"]
)
def test_the_ways_of_writing_jinshui(index, written):
    assert match_place(written, index) == 1


def test_zone_by_short_name_and_statistics_code(index):
    assert match_place("高新区", index) == 3
    assert match_place("410172", index) == 3


def test_empty_value_is_no_place(index):
    assert match_place("", index) is None
    assert match_place(None, index) is None


def test_unknown_place_names_the_value(index):
    with pytest.raises(UnknownPlace) as err:
        match_place("海淀区", index)
    assert err.value.value == "海淀区"
