# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Chinese resident ID number (居民身份证号, GB 11643-1999).

Eighteen characters: a six-digit administrative region code (GB/T 2260), the birth
date as YYYYMMDD, a three-digit sequence and a check character computed with
ISO 7064 MOD 11-2 (``0``-``9`` or ``X``). Pure Python, no Odoo.
"""

import re
import unicodedata
from datetime import date

# GB/T 2260 province-level codes (first two digits of the region code), with
# 71/81/82/83 for Taiwan, Hong Kong and Macao residents' permits.
PROVINCE_CODES = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)  # fmt: skip
WEIGHTS = tuple(pow(2, 17 - position, 11) for position in range(17))
CHECK_CHARACTERS = "10X98765432"
SHAPE = re.compile(r"^\d{17}[\dX]$")
OLDEST_BIRTH_YEAR = 1900


class InvalidResidentId(ValueError):
    """A number that is not a resident ID; ``reason`` says why:
    ``length``, ``characters``, ``region``, ``birth_date`` or ``check``."""

    def __init__(self, value, reason):
        super().__init__(f"{value!r}: {reason}")
        self.value = value
        self.reason = reason


def normalize(value):
    """Half-width, without blanks, ``x`` upper-cased: ``４１０１ ... x`` → ``4101...X``."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"[\s-]+", "", text).upper()


def check_character(first17):
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def birth_date(number):
    """The birth date written in a (normalised) number, or None if it is no date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate(value, today=None):
    """The normalised number, or InvalidResidentId naming the value and the reason.

    The birth date must exist, be in 1900 or later and not after ``today``.
    """
    number = normalize(value)
    if len(number) != 18:
        raise InvalidResidentId(value, "length")
    if not SHAPE.match(number):
        raise InvalidResidentId(value, "characters")
    if number[:2] not in PROVINCE_CODES:
        raise InvalidResidentId(value, "region")
    born = birth_date(number)
    if not born or born.year < OLDEST_BIRTH_YEAR or born > (today or date.today()):
        raise InvalidResidentId(value, "birth_date")
    if check_character(number[:17]) != number[17]:
        raise InvalidResidentId(value, "check")
    return number
