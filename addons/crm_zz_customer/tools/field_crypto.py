# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Encrypt a field's value at rest, and hash it for exact search.

The secret comes from the server's configuration, never from the database. Two
keys are derived from it with HKDF-SHA256: one for AES-256-GCM (random 96-bit
nonce per value, stored as ``v1:<base64(nonce + ciphertext)>``), one for
HMAC-SHA256 (a keyed hash of the normalised value, the same for the same value,
so that an indexed column finds it and duplicates show). Pure Python with
``cryptography`` (an Odoo requirement), no Odoo.
"""

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = "v1"
MIN_SECRET_LENGTH = 16
NONCE_BYTES = 12


class CryptoError(ValueError):
    """No usable secret, or a value that does not decrypt with it."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _derive(secret, purpose):
    if not secret or len(secret) < MIN_SECRET_LENGTH:
        raise CryptoError("secret")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"zz-crm-field-crypto",
        info=purpose.encode(),
    ).derive(secret.encode())


def encrypt(secret, plaintext, associated_data=b""):
    """The token stored for ``plaintext`` (a new nonce each time)."""
    nonce = os.urandom(NONCE_BYTES)
    cipher = AESGCM(_derive(secret, "encrypt")).encrypt(nonce, plaintext.encode(), associated_data)
    return f"{VERSION}:{base64.urlsafe_b64encode(nonce + cipher).decode()}"


def decrypt(secret, token, associated_data=b""):
    """The plaintext of a token; CryptoError if the secret or the token is wrong."""
    version, _sep, payload = (token or "").partition(":")
    if version != VERSION or not payload:
        raise CryptoError("token")
    try:
        raw = base64.urlsafe_b64decode(payload.encode())
        plain = AESGCM(_derive(secret, "encrypt")).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated_data
        )
    except (InvalidTag, ValueError) as error:
        raise CryptoError("token") from error
    return plain.decode()


def keyed_hash(secret, value):
    """HMAC-SHA256 of ``value`` (hex), for exact search without the plaintext."""
    return hmac.new(_derive(secret, "hash"), value.encode(), hashlib.sha256).hexdigest()
