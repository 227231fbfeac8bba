# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Normalise and validate what people type about a Chinese company.

Pure Python (phonenumbers and python-stdnum, no Odoo), shared by the partner
constraints, the duplicate search and the import engine.
"""

import re
import unicodedata

import phonenumbers
from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import uscc

# Legal-form words that do not tell two companies apart when matching names.
COMPANY_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "分公司",
    "集团",
    "公司",
)
CITY_PREFIXES = ("河南省", "郑州市", "河南", "郑州")


class InvalidValue(ValueError):
    """A value that cannot be normalised; carries the field and the value."""

    def __init__(self, field, value, reason):
        super().__init__(f"{field}: {value!r}: {reason}")
        self.field = field
        self.value = value
        self.reason = reason


def to_halfwidth(text):
    """Full-width letters, digits and punctuation to half-width (ＡＢＣ１２３ → ABC123)."""
    return unicodedata.normalize("NFKC", str(text or ""))


def clean_name(name):
    """Trim a name: half-width, no blanks at the ends, inner runs of blanks folded."""
    return re.sub(r"\s+", " ", to_halfwidth(name)).strip()


def name_key(name):
    """The part of a company name that identifies it, for duplicate matching.

    Drops blanks, brackets, the province/city prefix and the legal form:
    "河南省郑州市 汉森传感（科技）有限公司" → "汉森传感科技".
    """
    text = re.sub(r"[\s()（）\[\]【】·.,，、-]", "", clean_name(name)).lower()
    for prefix in CITY_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix) :]
    for suffix in COMPANY_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text


def normalize_phone(value, region="CN"):
    """Return the number in E.164 (+8613812345678), or "" for an empty value.

    Mobile numbers, landlines with area code (0371-6789 1234) and numbers with
    +86 or 0086 are accepted. Raises InvalidValue for anything else.
    """
    text = to_halfwidth(value).strip()
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as err:
        raise InvalidValue("phone", value, "not a phone number") from err
    if not phonenumbers.is_valid_number(number):
        raise InvalidValue("phone", value, "not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_uscc(value):
    """Return a valid Unified Social Credit Code (18 characters, upper case), or "".

    Raises InvalidValue when the code has the wrong length, characters or checksum.
    """
    text = re.sub(r"[\s-]", "", to_halfwidth(value)).upper()
    if not text:
        return ""
    try:
        return uscc.validate(text)
    except stdnum_exceptions.InvalidChecksum as err:
        raise InvalidValue("credit_code", value, "wrong check digit") from err
    except stdnum_exceptions.ValidationError as err:
        raise InvalidValue("credit_code", value, "not an 18-character credit code") from err
