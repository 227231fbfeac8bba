# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Normalise and validate what people type about a Chinese company.

Pure Python (phonenumbers and python-stdnum, no Odoo), shared by the partner
constraints, the duplicate search and the import engine.
"""

import re
import unicodedata

import phonenumbers
from phonenumbers import phonenumberutil
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


BLANKS = re.compile(r"\s+")
FOLDABLE_BLANKS = re.compile(r"\s\s|[^\S ]")


def to_halfwidth(text):
    """Full-width letters, digits and punctuation to half-width (ＡＢＣ１２３ → ABC123)."""
    text = str(text or "")
    # most text is already normal: checking is cheaper than normalising
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def clean_name(name):
    """Trim a name: half-width, no blanks at the ends, inner runs of blanks folded."""
    text = to_halfwidth(name)
    if FOLDABLE_BLANKS.search(text):
        text = BLANKS.sub(" ", text)
    return text.strip()


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


def _cn_metadata():
    """phonenumbers' CN metadata, or None when it is not shaped the way the fast path expects
    (so that a phonenumbers upgrade can only make the fast path vanish)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    if (
        metadata is None
        or metadata.country_code != 86
        or metadata.national_prefix_transform_rule
        or not metadata.national_prefix_for_parsing
        or not metadata.international_prefix
        or not metadata.general_desc.national_number_pattern
        or phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(86) != ("CN",)
        or phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(8) is not None
    ):
        return None
    return metadata


def _cn_fast_path():
    """Build the fast path for Chinese numbers from phonenumbers' own CN metadata.

    Returns a function (digits, plus) → ("+86…", stable) or None, replicating for text made
    only of digits and separators what phonenumbers.parse(text, "CN") + is_valid_number +
    format_number(E164) do; stable tells that the E.164 itself normalises to the same E.164.
    None means "not sure or not valid": the caller then asks phonenumbers. Without usable
    metadata there is no fast path (None).
    """
    metadata = _cn_metadata()
    if metadata is None:
        return None
    validation = phonenumberutil.ValidationResult
    # _test_number_length(number, metadata) depends only on the length: ask it for each.
    length_result = [
        phonenumberutil._test_number_length("1" * length, metadata) for length in range(64)
    ]
    too_long = [result == validation.TOO_LONG for result in length_result]
    # parse() keeps the national prefix when stripping it leaves one of these.
    strippable = [
        result
        not in (validation.TOO_SHORT, validation.IS_POSSIBLE_LOCAL_ONLY, validation.INVALID_LENGTH)
        for result in length_result
    ]
    general_match = re.compile(metadata.general_desc.national_number_pattern).fullmatch
    general_lengths = frozenset(metadata.general_desc.possible_length)
    national_prefix = re.compile(metadata.national_prefix_for_parsing).match
    idd = re.compile(metadata.international_prefix).match
    # The descriptions _number_type_helper tries after the general one (any match makes the
    # number valid, so the likely ones go first); mobile only counts when it is not the same
    # as fixed line. _is_number_matching_desc: the lengths (when given), then the pattern.
    type_descs = [
        metadata.fixed_line,
        metadata.premium_rate,
        metadata.toll_free,
        metadata.shared_cost,
        metadata.voip,
        metadata.personal_number,
        metadata.pager,
        metadata.uan,
        metadata.voicemail,
    ]
    if not metadata.same_mobile_and_fixed_line_pattern:
        type_descs.insert(0, metadata.mobile)
    type_checks = [
        (frozenset(desc.possible_length), re.compile(desc.national_number_pattern).fullmatch)
        for desc in type_descs
        if desc is not None and desc.national_number_pattern
    ]

    strip_national_prefix = _cn_strip_function(national_prefix, general_match)
    return _cn_fast_function(
        strip_national_prefix,
        idd,
        general_match,
        general_lengths,
        type_checks,
        strippable,
        too_long,
    )


def _cn_strip_function(national_prefix, general_match):
    """phonenumberutil._maybe_strip_national_prefix_carrier_code without a transform rule."""

    def strip_national_prefix(number):
        match = national_prefix(number)
        if not match:
            return number
        rest = number[match.end() :]
        if general_match(number) and not general_match(rest):
            return number
        return rest

    return strip_national_prefix


def _cn_fast_function(
    strip_national_prefix, idd, general_match, general_lengths, type_checks, strippable, too_long
):
    """The fast path proper, over the tables _cn_fast_path compiled."""

    def fast_e164(digits, plus):
        if plus:
            # _maybe_extract_country_code after "+": only 86 is handled here.
            if digits[:2] != "86":
                return None
            national = digits[2:]
        else:
            if idd(digits):  # an international prefix (00, 17951 00...): not sure
                return None
            national = digits
            if digits[:2] == "86":
                # A leading 86 without "+" is the country code when the rest reads better.
                potential = strip_national_prefix(digits[2:])
                if too_long[len(digits)] or (
                    not general_match(digits) and general_match(potential)
                ):
                    national = potential
        if len(national) < 2:
            return None
        potential = strip_national_prefix(national)
        if strippable[len(potential)]:
            national = potential
        length = len(national)
        # Longer than 17 digits or a leading zero (Italian zero): let phonenumbers decide.
        if length > 17 or national[0] == "0":
            return None
        # is_valid_number: the general description, then any number type.
        if general_lengths and length not in general_lengths or not general_match(national):
            return None
        for lengths, match in type_checks:
            if (not lengths or length in lengths) and match(national):
                # Parsing "+86" + national strips a national prefix again, or not.
                again = strip_national_prefix(national)
                return "+86" + national, again == national or not strippable[len(again)]
        return None

    return fast_e164


_CN_FAST_E164 = _cn_fast_path()
# Digits with the separators people type, and an optional "+" in front only.
_FAST_PHONE_SHAPE = re.compile(r"(\+?)[0-9 ().-]{5,40}").fullmatch
_NOT_DIGITS = re.compile(r"[^0-9]")


def _normalize_phone_full(value, region="CN"):
    """The reference: phonenumbers parses, validates and formats (every shape, every region)."""
    return _normalize_phone_text(phone_text(value), value, region)


def _normalize_phone_text(text, value, region):
    """_normalize_phone_full of the text phone_text made of ``value``."""
    text = text.strip()
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


# Results of normalize_phone by (half-width text, region): the import normalises a number,
# then the partner's duplicate keys normalise the stored E.164 again. Bounded: emptied when
# full. Rejections are never kept, so InvalidValue is raised each time with the value given.
_PHONE_CACHE = {}
_PHONE_CACHE_SIZE = 65536


def _remember_phone(key, e164):
    if len(_PHONE_CACHE) >= _PHONE_CACHE_SIZE:
        _PHONE_CACHE.clear()
    _PHONE_CACHE[key] = e164


def _phone_e164(text, region):
    """E.164 of a half-width text, and whether the E.164 is known to normalise to itself."""
    if region == "CN" and _CN_FAST_E164 is not None:
        stripped = text.strip()
        shape = _FAST_PHONE_SHAPE(stripped)
        if shape:
            digits = _NOT_DIGITS.sub("", stripped)
            if shape.group(1):
                fast = _CN_FAST_E164(digits, True)
            elif stripped[:2] == "00":  # "00 86 ..." is read as "+ 86 ...", as the reference does
                fast = _CN_FAST_E164(digits[2:], True)
            else:
                fast = _CN_FAST_E164(digits, False)
            if fast is not None:
                return fast
    return _normalize_phone_text(text, text, region), False


# A mobile Excel stored as a number and read back as text: "13800138000.0".
_NUMBER_TEXT = re.compile(r"\s*(\d{5,20})\.0*\s*")
# An extension after the number: 转 8001, 分机 8001, ext. 8001, x8001, #8001.
_EXTENSION = re.compile(r"(?<=[0-9)])\s*(?:转|分机|ext\.?|x|#)\s*[0-9]{1,6}\s*$", re.IGNORECASE)


def phone_text(value):
    """The text of a phone cell as people keep it: full-width digits half-width,
    a number stored as a float (13800138000.0) without its decimals, an
    extension (转 8001) dropped; E.164 has no extension."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = to_halfwidth(value)
    match = _NUMBER_TEXT.fullmatch(text)
    if match:
        return match[1]
    if _EXTENSION.search(text):
        text = _EXTENSION.sub("", text)
    return text


def normalize_phone(value, region="CN"):
    """Return the number in E.164 (+8613812345678), or "" for an empty value.

    Mobile numbers, landlines with area code (0371-6789 1234, (0371)63951234,
    0371-67781234转8001) and numbers with +86 or 0086 are accepted, also as
    Excel keeps them (full-width, 13800138000.0). Raises InvalidValue for
    anything else.
    """
    text = phone_text(value)
    key = (text, region)
    e164 = _PHONE_CACHE.get(key)
    if e164 is None:
        try:
            e164, stable = _phone_e164(text, region)
        except InvalidValue as err:
            raise InvalidValue("phone", value, err.reason) from err.__cause__
        _remember_phone(key, e164)
        if stable:
            _remember_phone((e164, region), e164)
    return e164


# GB 32100-2015: 8 digits (registration authority, entity type, region), then 10 characters
# of an alphabet without I, O, Z, S and V; the 18th is a weighted modulo-31 check character.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Per position: character → its value times the position's weight.
_USCC_WEIGHTED = tuple(
    {char: index * weight for index, char in enumerate(_USCC_ALPHABET)} for weight in _USCC_WEIGHTS
)
_USCC_SHAPE = re.compile(r"[0-9]{8}[0-9A-HJ-NP-RTUW-Y]{10}").fullmatch
_ASCII_ALNUM = re.compile(r"[0-9A-Z]*").fullmatch


def _uscc_check_character(code):
    total = sum(map(dict.__getitem__, _USCC_WEIGHTED, code))
    return _USCC_ALPHABET[-total % 31]


def normalize_uscc(value):
    """Return a valid Unified Social Credit Code (18 characters, upper case), or "".

    Raises InvalidValue when the code has the wrong length, characters or checksum.
    """
    text = re.sub(r"[\s-]", "", to_halfwidth(value)).upper()
    if not text:
        return ""
    if _ASCII_ALNUM(text):
        # What stdnum's uscc.validate checks, in its order, for text it would not change.
        if not _USCC_SHAPE(text):
            raise InvalidValue("credit_code", value, "not an 18-character credit code")
        if text[17] != _uscc_check_character(text):
            raise InvalidValue("credit_code", value, "wrong check digit")
        return text
    # Other characters (Unicode dashes and blanks stdnum cleans away...): ask stdnum.
    return uscc_by_stdnum(text, value)


def uscc_by_stdnum(text, value):
    """The credit code ``text`` (cleaned from ``value``) validated by python-stdnum."""
    try:
        return uscc.validate(text)
    except stdnum_exceptions.InvalidChecksum as err:
        raise InvalidValue("credit_code", value, "wrong check digit") from err
    except stdnum_exceptions.ValidationError as err:
        raise InvalidValue("credit_code", value, "not an 18-character credit code") from err
