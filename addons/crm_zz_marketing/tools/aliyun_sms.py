# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rules of SMS sent in mainland China through Alibaba Cloud SMS (阿里云短信).

Pure Python: no Odoo import, so that ``tests/unit`` loads it by path.

- Only mainland mobile numbers are accepted: ``+86 1[3-9]xxxxxxxxx``; the
  provider gets the 11 national digits.
- Length: the provider counts every character (Chinese, Latin, digit,
  punctuation, space) as one, the sign name ``【签名】`` included. Up to 70
  characters make one message; a longer text is split in parts of 67.
- Marketing SMS (推广短信) must end with the opt-out text ``拒收请回复R``: the
  approved template itself carries it (the provider refuses marketing
  templates without it), so it is never a template parameter; it is counted
  in the length of what the recipient reads.
- Template parameters are ``key -> text``; a key is ASCII letters, digits and
  underscores, the way templates name them (``${name}``).
"""

import json
import re
from datetime import timedelta, timezone

SINGLE_SEGMENT_CHARS = 70
CONCATENATED_SEGMENT_CHARS = 67
OPT_OUT_TEXT = "拒收请回复R"
CHINA_TZ = timezone(timedelta(hours=8))  # Asia/Shanghai has no daylight saving

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-().]")
_PARAM_KEY = re.compile(r"[A-Za-z0-9_]+")


class InvalidChinaMobile(ValueError):
    """The number is not a mainland China mobile number."""

    def __init__(self, number):
        super().__init__(f"{number!r} is not a mainland China mobile number")
        self.number = number


class InvalidParamKey(ValueError):
    """A template parameter key the provider cannot use."""

    def __init__(self, key):
        super().__init__(f"{key!r} is not a valid template parameter name")
        self.key = key


def china_mobile(number):
    """Return the 11 national digits of a mainland mobile number.

    Accepts ``+86``, ``0086`` or ``86`` in front and spaces, dashes, dots or
    brackets inside; raises :class:`InvalidChinaMobile` for anything else
    (landlines, Hong Kong, foreign numbers, wrong length).
    """
    digits = _SEPARATORS.sub("", number or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _MOBILE.fullmatch(digits):
        raise InvalidChinaMobile(number)
    return digits


def recipient_text(body, sign_name="", marketing=False):
    """The text the recipient reads: ``【sign】body`` (plus the opt-out text
    for marketing SMS when the body does not hold it already)."""
    text = (body or "").strip()
    if sign_name:
        text = f"【{sign_name}】{text}"
    if marketing and OPT_OUT_TEXT not in text:
        text = f"{text}{OPT_OUT_TEXT}"
    return text


def segment_count(text):
    """Number of messages the provider bills for ``text`` (0 for no text)."""
    length = len(text or "")
    if length <= SINGLE_SEGMENT_CHARS:
        return 1 if length else 0
    return -(-length // CONCATENATED_SEGMENT_CHARS)


def template_param_json(params):
    """The provider's ``TemplateParam``: a JSON object of strings, keys in the
    given order, Chinese kept readable. ``params`` is a list of (key, value)."""
    result = {}
    for key, value in params:
        if not _PARAM_KEY.fullmatch(key or ""):
            raise InvalidParamKey(key)
        result[key] = "" if value is None else str(value)
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))


def send_date(moment):
    """``yyyyMMdd`` in China time of an (UTC, naive or aware) datetime, as the
    provider's QuerySendDetails wants it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(CHINA_TZ).strftime("%Y%m%d")


# QuerySendDetails' SendStatus
STATUS_WAITING = 1
STATUS_FAILED = 2
STATUS_DELIVERED = 3


def find_detail(details, out_id):
    """The provider's send record carrying ``out_id`` among ``details``
    (dicts with at least ``out_id``), or None."""
    for detail in details:
        if detail.get("out_id") == out_id:
            return detail
    return None
