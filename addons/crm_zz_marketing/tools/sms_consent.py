# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SMS marketing rules for mainland China.

- Marketing SMS go to mainland mobile numbers only (+86 1[3-9]x xxxx xxxx).
- Every marketing SMS carries an opt-out notice ("拒收请回复R", "回T退订", or Odoo's
  unsubscribe link).
- A reply that only says STOP, T, TD, R, N, 退订, 拒收 (or contains 退订/拒收) withdraws
  consent.
"""

import re

CHINA_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_SEPARATORS = re.compile(r"[\s\-()（）]+")
_PUNCTUATION = re.compile(r"[\s.,!?;:'\"。，！？；：、“”‘’【】\[\]()（）]+")

OPT_OUT_WORDS = frozenset(
    {"T", "TD", "R", "N", "STOP", "UNSUBSCRIBE", "退订", "退", "拒收", "取消"}
)
OPT_OUT_PHRASES = ("退订", "拒收")
NOTICE_PATTERNS = (
    re.compile(r"退订|拒收"),
    re.compile(r"回复?\s*[TRNtrn]\b"),
    re.compile(r"\bSTOP\b", re.IGNORECASE),
)


def is_china_mobile(number):
    """True for a mainland China mobile number, with or without +86 and separators."""
    if not number:
        return False
    return bool(CHINA_MOBILE.match(_SEPARATORS.sub("", number)))


def is_opt_out_reply(text):
    """True when an SMS reply asks to stop marketing messages."""
    if not text:
        return False
    word = _PUNCTUATION.sub("", text).upper()
    if word in OPT_OUT_WORDS:
        return True
    return any(phrase in text for phrase in OPT_OUT_PHRASES)


def has_opt_out_notice(body):
    """True when an SMS text tells the recipient how to opt out."""
    return bool(body) and any(pattern.search(body) for pattern in NOTICE_PATTERNS)
