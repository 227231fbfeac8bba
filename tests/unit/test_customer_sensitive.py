# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Resident ID validation, masking and field encryption (pure Python)."""

from datetime import date

import pytest
from crm_zz_customer_tools import field_crypto, masking, resident_id

SECRET = "a-test-secret-of-enough-length"


# Resident ID
def test_standard_example_is_valid():
    # the example of GB 11643-1999 itself
    assert resident_id.validate("11010519491231002X") == "11010519491231002X"


def test_lowercase_fullwidth_and_blanks_are_normalised():
    assert resident_id.validate(" 410105 19900307 123x ") == "41010519900307123X"
    assert resident_id.validate("４１０１０５１９９００３０７１２３Ｘ") == "41010519900307123X"


@pytest.mark.parametrize(
    "value, reason",
    [
        ("41010519900307123", "length"),
        ("410105199003071234X", "length"),
        ("4101051990030712A3", "characters"),
        ("X10105199003071234", "characters"),
        ("99010519900307123X", "region"),
        ("41010519900230123X", "birth_date"),
        ("41010518990307123X", "birth_date"),
        ("410105199003071235", "check"),
    ],
)
def test_invalid_numbers_name_the_reason(value, reason):
    with pytest.raises(resident_id.InvalidResidentId) as error:
        resident_id.validate(value, today=date(2026, 1, 1))
    assert error.value.reason == reason
    assert error.value.value == value


def test_birth_date_in_the_future_is_refused():
    first17 = "41010520300101123"
    number = first17 + resident_id.check_character(first17)
    with pytest.raises(resident_id.InvalidResidentId) as error:
        resident_id.validate(number, today=date(2026, 1, 1))
    assert error.value.reason == "birth_date"


def test_check_character_ten_is_x():
    assert resident_id.check_character("11010519491231002") == "X"


# Masking
def test_mask_resident_id():
    assert masking.mask_resident_id("41010519900307002X") == "4101**********002X"


@pytest.mark.parametrize(
    "value, masked",
    [
        ("13812345678", "138****5678"),
        ("+8613812345678", "+86 138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("0371-65123456", "037*****3456"),
        ("+1 650 555 0100", "+165****0100"),
        ("12345", "***45"),
    ],
)
def test_mask_phone(value, masked):
    assert masking.mask_phone(value) == masked


def test_mask_keeps_empty_and_recognises_masks():
    assert masking.mask("phone", False) is False
    assert masking.mask("phone", "") == ""
    assert masking.is_masked(masking.mask("phone", "13812345678"))
    assert not masking.is_masked("13812345678")


def test_mask_account_number():
    assert masking.mask("account_number", "6222 0202 0001 2345") == "************2345"


# Encryption
def test_encrypt_round_trip_with_a_new_nonce_each_time():
    first = field_crypto.encrypt(SECRET, "41010519900307123X")
    second = field_crypto.encrypt(SECRET, "41010519900307123X")
    assert first != second
    assert "41010519900307123X" not in first
    assert field_crypto.decrypt(SECRET, first) == "41010519900307123X"


def test_wrong_secret_or_token_is_refused():
    token = field_crypto.encrypt(SECRET, "41010519900307123X")
    with pytest.raises(field_crypto.CryptoError):
        field_crypto.decrypt("another-secret-of-enough-length", token)
    with pytest.raises(field_crypto.CryptoError):
        field_crypto.decrypt(SECRET, "v1:not-a-token")


def test_short_or_missing_secret_is_refused():
    with pytest.raises(field_crypto.CryptoError):
        field_crypto.encrypt("short", "x")
    with pytest.raises(field_crypto.CryptoError):
        field_crypto.keyed_hash(None, "x")


def test_keyed_hash_is_stable_and_depends_on_the_secret():
    value = "41010519900307123X"
    assert field_crypto.keyed_hash(SECRET, value) == field_crypto.keyed_hash(SECRET, value)
    assert field_crypto.keyed_hash(SECRET, value) != field_crypto.keyed_hash(
        "another-secret-of-enough-length", value
    )


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("wang.li@zzjx.cn", "w***@zzjx.cn"),
        ("  chen@163.com ", "c***@163.com"),
        ("@nobody", "***@nobody"),
        ("no-address", "***"),
        ("", ""),
        (False, False),
    ],
)
def test_mask_email(value, masked):
    assert masking.mask("email", value) == masked
    if value:
        assert masking.is_masked(masking.mask("email", value))
