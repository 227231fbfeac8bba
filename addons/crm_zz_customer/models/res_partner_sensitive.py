# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customers' sensitive personal data (PIPL Arts. 28-29, 51).

The resident ID number of an individual is validated (tools/resident_id.py),
stored encrypted with a key from the server's configuration (``zz_crm_data_key``
in odoo.conf, or the ``ZZ_CRM_DATA_KEY`` environment variable; never in the
database) and found again through a keyed hash (tools/field_crypto.py). Resident
ID, mobile and phone are shown masked (base_masking.py) except to the group
*Full personal data* and to the salesperson who owns the customer.
"""

import logging
import os

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config

from ..tools import field_crypto, resident_id

_logger = logging.getLogger(__name__)

DATA_KEY_OPTION = "zz_crm_data_key"
DATA_KEY_ENVIRON = "ZZ_CRM_DATA_KEY"


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.zz.masked.mixin"]

    # tracked so that the chatter says when a number changed (shown masked)
    phone = fields.Char(tracking=True)
    mobile = fields.Char(tracking=True)
    zz_resident_id = fields.Char(
        string="Resident ID Number",
        compute="_compute_zz_resident_id",
        inverse="_inverse_zz_resident_id",
        search="_search_zz_resident_id",
        copy=False,
        help="居民身份证号 of an individual, 18 characters with its check character. "
        "Stored encrypted; shown masked to users without the right to full personal data.",
    )
    zz_resident_id_encrypted = fields.Char(
        string="Resident ID (encrypted)",
        readonly=True,
        copy=False,
        groups="base.group_system",
        exportable=False,
    )
    zz_resident_id_hash = fields.Char(
        string="Resident ID (keyed hash)",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="base.group_system",
        exportable=False,
    )
    zz_same_partner_reason = fields.Selection(
        selection_add=[("resident_id", "Same Resident ID Number")]
    )

    # ------------------------------------------------------------------ key
    @api.model
    def _zz_data_key(self):
        """The secret of the server's configuration, or None."""
        return config.get(DATA_KEY_OPTION) or os.environ.get(DATA_KEY_ENVIRON) or None

    @api.model
    def _zz_required_data_key(self):
        secret = self._zz_data_key()
        if not secret or len(secret) < field_crypto.MIN_SECRET_LENGTH:
            raise UserError(
                self.env._(
                    "Resident ID numbers are stored encrypted, and this server has no key: "
                    "set the option %(option)s (at least %(length)s characters) in the "
                    "server's configuration file or the environment variable %(variable)s, "
                    "then restart the server.",
                    option=DATA_KEY_OPTION,
                    length=field_crypto.MIN_SECRET_LENGTH,
                    variable=DATA_KEY_ENVIRON,
                )
            )
        return secret

    @api.model
    def _zz_resident_id_hash(self, value):
        """The keyed hash stored for ``value`` (any spelling), or False without key."""
        secret = self._zz_data_key()
        if not secret or not value:
            return False
        return field_crypto.keyed_hash(secret, resident_id.normalize(value))

    # ------------------------------------------------------------------ compute
    @api.depends("zz_resident_id_encrypted")
    def _compute_zz_resident_id(self):
        secret = self._zz_data_key()
        for partner in self:
            # sudo: the encrypted column is hidden from users; it is decrypted here
            token = partner.sudo().zz_resident_id_encrypted
            partner.zz_resident_id = False
            if not token or not secret:
                continue
            try:
                partner.zz_resident_id = field_crypto.decrypt(secret, token)
            except field_crypto.CryptoError:
                _logger.error(
                    "Resident ID of partner %s does not decrypt with this key", partner.id
                )

    def _inverse_zz_resident_id(self):
        for partner in self:
            vals = {"zz_resident_id_encrypted": False, "zz_resident_id_hash": False}
            if partner.zz_resident_id:
                number = partner._zz_check_resident_id(partner.zz_resident_id)
                secret = self._zz_required_data_key()
                vals = {
                    "zz_resident_id_encrypted": field_crypto.encrypt(secret, number),
                    "zz_resident_id_hash": field_crypto.keyed_hash(secret, number),
                }
            # sudo: the encrypted columns are hidden from users; the user writes the partner
            partner.sudo().write(vals)

    def _search_zz_resident_id(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(
                self.env._("Resident ID numbers can only be searched by the exact number.")
            )
        values = value if isinstance(value, list | tuple) else [value]
        # without a key a number matches nothing; an empty value matches the empty ones
        hashes = [self._zz_resident_id_hash(item) for item in values]
        hashes = [digest for digest, item in zip(hashes, values, strict=True) if digest or not item]
        # sudo: the hash column is hidden from users; the records found are theirs to read
        matching = (
            self.sudo()
            .with_context(active_test=False)
            ._search([("zz_resident_id_hash", "in", hashes)])
        )
        return [("id", "not in" if operator in ("!=", "not in") else "in", matching)]

    @api.depends("zz_resident_id")
    def _compute_zz_same_partner(self):
        """The duplicate hint also names a person with the same resident ID number."""
        res = super()._compute_zz_same_partner()
        hashes = {
            partner: digest
            for partner in self
            if (digest := self._zz_resident_id_hash(partner.zz_resident_id))
        }
        if not hashes:
            return res
        # sudo: the hash column is hidden from users; the hint names the other person
        others = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("zz_resident_id_hash", "in", list(set(hashes.values())))],
                ["zz_resident_id_hash"],
            )
        )
        for partner, digest in hashes.items():
            same = others.filtered(
                lambda other, digest=digest, partner=partner: other.zz_resident_id_hash == digest
                and other.id != partner._origin.id
            )[:1]
            if same:
                partner.zz_same_partner_id = same
                partner.zz_same_partner_reason = "resident_id"
        return res

    # ------------------------------------------------------------------ checks
    def _zz_check_resident_id(self, value):
        """The normalised number, or a UserError naming the value and the reason."""
        self.ensure_one()
        if self.is_company:
            raise UserError(
                self.env._(
                    "%(name)s is a company: only individuals have a resident ID number.",
                    name=self.display_name,
                )
            )
        try:
            return resident_id.validate(value, today=fields.Date.context_today(self))
        except resident_id.InvalidResidentId as error:
            reasons = {
                "length": self.env._("it must have 18 characters"),
                "characters": self.env._("it must be 17 digits and a digit or X"),
                "region": self.env._("its region code is unknown"),
                "birth_date": self.env._("its birth date is not a plausible date"),
                "check": self.env._("its check character is wrong"),
            }
            raise UserError(
                self.env._(
                    "%(value)s is not a valid resident ID number: %(reason)s.",
                    value=error.value,
                    reason=reasons[error.reason],
                )
            ) from error

    # ------------------------------------------------------------------ masking
    @api.model
    def _zz_masked_fields(self):
        kinds = dict.fromkeys(
            ("phone", "mobile", "zz_phone_key", "zz_mobile_key", "phone_sanitized"), "phone"
        )
        kinds["zz_resident_id"] = "resident_id"
        return {fname: kind for fname, kind in kinds.items() if fname in self._fields}

    @api.model
    def _zz_personal_fields(self):
        return super()._zz_personal_fields() | {
            fname for fname in ("email", "email_normalized", "bank_ids") if fname in self._fields
        }

    def _zz_unmasked_records(self):
        """A salesperson sees in full the numbers of the customers he owns (he has
        to call them) and his own; the group *Full personal data* sees all."""
        unmasked = super()._zz_unmasked_records()
        if unmasked == self:
            return self
        user = self.env.user
        # sudo: the owner of the commercial partner decides, whatever the user may read
        return self.filtered(
            lambda partner: partner.sudo().commercial_partner_id.user_id == user
            or partner == user.partner_id
        )
