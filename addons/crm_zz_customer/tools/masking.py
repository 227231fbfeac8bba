# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Show personal numbers partly: ``4101**********002X``, ``138****5678``.

Pure Python, no Odoo. A masked value is recognisable (``is_masked``) so that a
form sending it back unchanged does not overwrite the real number.
"""

import re

MASK = "*"
PHONE_PREFIX = re.compile(r"^\s*\+\s*86[\s-]*")


def mask_resident_id(value):
    """Keep the first four and the last four characters: ``4101**********002X``."""
    text = re.sub(r"\s+", "", str(value or ""))
    if not text:
        return value
    if len(text) <= 8:
        return MASK * len(text)
    return text[:4] + MASK * (len(text) - 8) + text[-4:]


def _mask_digits(digits):
    if len(digits) >= 8:
        # a mobile keeps its operator prefix and its last four digits: 138****5678
        return digits[:3] + MASK * (len(digits) - 7) + digits[-4:]
    if len(digits) > 2:
        return MASK * (len(digits) - 2) + digits[-2:]
    return MASK * len(digits)


def mask_phone(value):
    """``13812345678`` → ``138****5678``; ``+86 138 1234 5678`` → ``+86 138****5678``;
    ``0371-6512 3456`` → ``037*****3456``. Other country codes keep their ``+``."""
    text = str(value or "")
    if not text.strip():
        return value
    prefix = ""
    match = PHONE_PREFIX.match(text)
    if match:
        prefix, text = "+86 ", text[match.end() :]
    elif text.strip().startswith("+"):
        prefix = "+"
    digits = re.sub(r"\D", "", text)
    if not digits:
        return MASK * 4
    return prefix + _mask_digits(digits)


def mask_account_number(value):
    """A bank account keeps its last four digits: ``6222 0202 0001 2345`` → ``************2345``."""
    text = re.sub(r"\s+", "", str(value or ""))
    if not text:
        return value
    if len(text) <= 4:
        return MASK * len(text)
    return MASK * (len(text) - 4) + text[-4:]


def mask_email(value):
    """An address keeps its first character and its domain: ``wang.li@zzjx.cn`` →
    ``w***@zzjx.cn``."""
    text = str(value or "").strip()
    if not text:
        return value
    local, at, domain = text.partition("@")
    if not at:
        return MASK * 3
    return (local[:1] or "") + MASK * 3 + "@" + domain


MASKERS = {
    "email": mask_email,
    "phone": mask_phone,
    "resident_id": mask_resident_id,
    "account_number": mask_account_number,
}


def mask(kind, value):
    """Mask ``value`` as a ``kind`` (phone, resident_id, account_number, email); falsy stays."""
    if not value or not isinstance(value, str):
        return value
    return MASKERS[kind](value)


def is_masked(value):
    """Whether a value carries mask characters (never a real phone, ID or account)."""
    return isinstance(value, str) and MASK * 2 in value
