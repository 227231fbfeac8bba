# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phone numbers, credit codes and names are normalised the way they are matched."""

import pytest
from crm_zz_customer_tools.normalize import (
    InvalidValue,
    clean_name,
    name_key,
    normalize_phone,
    normalize_uscc,
    to_halfwidth,
)


@pytest.mark.parametrize(
    "written",
    [
        "13812345678",
        "138 1234 5678",
        "+86 138-1234-5678",
        "008613812345678",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_numbers_to_e164(written):
    assert normalize_phone(written) == "+8613812345678"


def test_zhengzhou_landline_keeps_its_area_code():
    assert normalize_phone("0371-6789 1234") == "+8637167891234"


def test_empty_phone_is_empty():
    assert normalize_phone("  ") == ""


@pytest.mark.parametrize("written", ["12345", "电话", "0371-12"])
def test_invalid_phone_names_the_value(written):
    with pytest.raises(InvalidValue) as err:
        normalize_phone(written)
    assert err.value.field == "phone"
    assert err.value.value == written


def test_valid_credit_code_is_upper_cased():
    assert normalize_uscc("91110000600037341l") == "91110000600037341L"
    assert normalize_uscc("") == ""


def test_credit_code_with_wrong_check_digit():
    with pytest.raises(InvalidValue) as err:
        normalize_uscc("91110000600037341X")
    assert err.value.reason == "wrong check digit"


def test_credit_code_of_wrong_length():
    with pytest.raises(InvalidValue) as err:
        normalize_uscc("9111000060003734")
    assert err.value.field == "credit_code"


def test_fullwidth_and_blanks():
    assert to_halfwidth("ＡＢＣ（１２３）") == "ABC(123)"
    assert clean_name("  郑州  汉森\u3000科技 ") == "郑州 汉森 科技"


def test_name_key_drops_place_and_legal_form():
    assert name_key("河南省郑州市 汉森传感（科技）有限公司") == "汉森传感科技"
    assert name_key("郑州汉森传感科技股份有限公司") == "汉森传感科技"
    assert name_key("汉森传感科技") == "汉森传感科技"


@pytest.mark.parametrize(
    ("value", "e164"),
    [
        ("13800138000.0", "+8613800138000"),  # a mobile Excel kept as a number
        (13800138000.0, "+8613800138000"),
        ("１３８００１３８０００", "+8613800138000"),  # full-width digits
        ("0371-6778 1234", "+8637167781234"),
        ("(0371)63951234", "+8637163951234"),
        ("（０３７１）６３９５１２３４", "+8637163951234"),
        ("0371-67781234转8001", "+8637167781234"),  # the extension dropped
        ("0371-67781234 ext. 12", "+8637167781234"),
    ],
)
def test_phone_as_people_keep_it(value, e164):
    assert normalize_phone(value) == e164


def test_an_extension_alone_is_no_phone():
    with pytest.raises(InvalidValue):
        normalize_phone("转8001")
