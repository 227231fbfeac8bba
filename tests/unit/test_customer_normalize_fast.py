# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fast phone and credit-code checks give exactly what phonenumbers and stdnum give.

Every input is compared with the reference: both return the same string, or both raise
InvalidValue with the same reason and the value as written.
"""

import random
import re

import pytest
from crm_zz_customer_tools import normalize
from crm_zz_customer_tools.normalize import InvalidValue
from stdnum.cn import uscc

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def outcome(function, value):
    try:
        return ("value", function(value))
    except InvalidValue as err:
        return ("invalid", err.field, err.value, err.reason)


def reference_uscc(value):
    """normalize_uscc as it was: stdnum decides."""
    text = re.sub(r"[\s-]", "", normalize.to_halfwidth(value)).upper()
    return normalize.uscc_by_stdnum(text, value) if text else ""


def assert_same_phones(values):
    normalize._PHONE_CACHE.clear()
    differences = []
    checked = set()
    for value in values:
        expected = outcome(normalize._normalize_phone_full, value)
        # Twice: computed, then from the cache (a rejection is raised again, naming the value).
        for _attempt in range(2):
            got = outcome(normalize.normalize_phone, value)
            if got != expected:
                differences.append((value, got, expected))
        if expected[0] == "value" and expected[1] and expected[1] not in checked:
            # The stored E.164, normalised again (the cache may already hold it).
            e164 = expected[1]
            checked.add(e164)
            if outcome(normalize.normalize_phone, e164) != outcome(
                normalize._normalize_phone_full, e164
            ):
                differences.append((e164, normalize.normalize_phone(e164), "reference"))
    assert not differences[:20]


def spaced(digits):
    """138 0371 0000: groups of 3 and 4."""
    return f"{digits[:3]} {digits[3:7]} {digits[7:]}"


def test_fast_path_is_used_for_common_numbers():
    normalize._PHONE_CACHE.clear()
    assert normalize._CN_FAST_E164 is not None
    assert normalize._CN_FAST_E164("13812345678", False) == ("+8613812345678", True)
    assert normalize._CN_FAST_E164("037167891234", False) == ("+8637167891234", True)
    assert normalize._CN_FAST_E164("8613812345678", False) == ("+8613812345678", True)
    assert normalize._CN_FAST_E164("86037167891234", False) == ("+8637167891234", True)
    assert normalize._CN_FAST_E164("8613812345678", True) == ("+8613812345678", True)
    assert normalize.normalize_phone("(0371)67891234") == "+8637167891234"
    assert normalize.normalize_phone("+86 371 6789 1234") == "+8637167891234"


def test_every_mobile_prefix():
    rng = random.Random(20260101)
    values = []
    for prefix in range(10000, 20000):
        for _ in range(2):
            digits = f"{prefix}{rng.randrange(1_000_000):06d}"
            values += [
                digits,
                "+86 " + digits,
                "86" + digits,
                "0086" + digits,
                spaced(digits),
            ]
    assert_same_phones(values)


def test_every_landline_area_code():
    rng = random.Random(371)
    forms = (
        "0{area}-{number}",
        "(0{area}){number}",
        "0{area} {head} {tail}",
        "+86 {area} {head} {tail}",
        "+86 0{area}-{number}",
        "0086-{area}-{number}",
        "86{area}{number}",
        "860{area}{number}",
        "0{area}.{head}.{tail}",
        "(0{area}) {head}-{tail}",
    )
    values = []
    for width in (2, 3, 4):
        for area_number in range(10**width):
            area = f"{area_number:0{width}d}"
            for _ in range(2):
                # Subscriber numbers of 7 or 8 digits, most starting with 2-8 as real ones do.
                number = rng.choice("234567823456780119") + str(rng.randrange(10**5, 10**7))
                head, tail = number[:4], number[4:]
                form = rng.choice(forms)
                values.append(form.format(area=area, number=number, head=head, tail=tail))
    assert_same_phones(values)


def junk(rng):
    pieces = (
        "0",
        "1",
        "3",
        "8",
        "6",
        "9",
        "00",
        "86",
        "+",
        "-",
        " ",
        "(",
        ")",
        ".",
        "/",
        "#",
        "ext",
        " ext. ",
        "x",
        "转",
        "分机",
        "a",
        "tel:",
        ";",
        ",",
        "１",
        "３",
        "８",
        "＋",
        "－",
        "\u3000",
        "电话",
        "17951",
        "12593",
        "179",
        "11",
        "12",
    )
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))


def test_random_phone_junk():
    rng = random.Random(86)
    values = [junk(rng) for _ in range(6000)]
    digits = "0123456789"
    for _ in range(6000):
        length = rng.randrange(1, 20)
        number = "".join(rng.choice(digits) for _ in range(length))
        position = rng.randrange(length + 1)
        values.append(number)
        values.append(number[:position] + rng.choice("+-( ).x#转") + number[position:])
        values.append(rng.choice(("", "+", "00", "+86", "86", "0", "(", " ")) + number)
    values += ["", " ", None, False, 0, 13812345678, "+", "++8613812345678", "+86", "0086"]
    assert_same_phones(values)


def test_carrier_and_ip_dialling_prefixes():
    """CN's national prefix for parsing also strips 11xxx/12xxx/179xx dialling prefixes."""
    rng = random.Random(17951)
    values = []
    for _ in range(8000):
        prefix = (
            rng.choice(("11", "12", "179")) + str(rng.randrange(10, 100))[-(2 if _ % 2 else 1) :]
        )
        prefix = (prefix + "0")[:5]
        rest = rng.choice(("", "0", "1", "86", "11", "12", "179", "00")) + "".join(
            rng.choice("0123456789") for _ in range(rng.randrange(3, 13))
        )
        head = rng.choice(("", "+86 ", "86", "0086 ", "0", "+86 0", "860", "+86 11199 "))
        values.append(head + prefix + " " + rest)
    assert_same_phones(values)


def test_other_regions_use_phonenumbers():
    normalize._PHONE_CACHE.clear()
    for value in ("13812345678", "+1 650 253 0000", "650 253 0000", "0371-67891234"):
        for region in ("US", "cn", None):
            assert outcome(lambda v, r=region: normalize.normalize_phone(v, r), value) == outcome(
                lambda v, r=region: normalize._normalize_phone_full(v, r), value
            )


def test_rejection_is_raised_each_time_with_the_value_given():
    normalize._PHONE_CACHE.clear()
    for written in ("0371-12", " 0371-12 ", "０３７１-１２"):
        for _attempt in range(3):
            with pytest.raises(InvalidValue) as err:
                normalize.normalize_phone(written)
            assert err.value.value == written
            assert err.value.reason == "not a valid phone number"


def credit_code(rng):
    """A valid code: 8 digits (authority, type, region), 9 characters, the check character."""
    body = "".join(rng.choice("0123456789") for _ in range(8)) + "".join(
        rng.choice(USCC_ALPHABET) for _ in range(9)
    )
    return body + uscc.calc_check_digit(body)


def assert_same_codes(values):
    differences = [
        (value, outcome(normalize.normalize_uscc, value), outcome(reference_uscc, value))
        for value in values
        if outcome(normalize.normalize_uscc, value) != outcome(reference_uscc, value)
    ]
    assert not differences[:20]


def test_credit_codes_and_every_substitution():
    rng = random.Random(32100)
    codes = [credit_code(rng) for _ in range(1000)]
    assert all(uscc.is_valid(code) for code in codes)
    substitutes = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa-  ＡＩ０.*"
    values = []
    for code in codes:
        values += [code, code.lower(), f" {code[:6]}-{code[6:12]} {code[12:]} ", code + "0"]
        values.append(code[:-1])
        values.append("".join(chr(ord(char) + 0xFEE0) for char in code))  # full width
        for position in rng.sample(range(18), 3):
            for char in substitutes:
                values.append(code[:position] + char + code[position + 1 :])
    assert_same_codes(values)


def test_credit_code_garbage():
    rng = random.Random(31)
    pieces = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -–—_\t\n０９ＡＺｚ统一代码ß"
    values = ["", " ", None, False, 0, 91110000600037341, "91110000600037341L\n"]
    for _ in range(20000):
        values.append("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 22))))
    assert_same_codes(values)
