# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools import masking

ACCOUNTING_GROUP = "account.group_account_invoice"


class ResPartnerBank(models.Model):
    """Bank account numbers are masked, not encrypted: Odoo's payment matching and
    bank statements need them, and run with accounting rights, which see them."""

    _name = "res.partner.bank"
    _inherit = ["res.partner.bank", "crm.zz.masked.mixin"]

    @api.depends_context("uid")
    def _compute_display_name(self):
        super()._compute_display_name()
        if self._zz_sees_account_numbers():
            return
        for account in self:
            if account.acc_number and account.display_name:
                account.display_name = account.display_name.replace(
                    account.acc_number, masking.mask("account_number", account.acc_number)
                )

    @api.model
    def _zz_sees_account_numbers(self):
        return self.env.su or self.env.user.has_group(ACCOUNTING_GROUP)

    @api.model
    def _zz_masked_fields(self):
        return {"acc_number": "account_number", "sanitized_acc_number": "account_number"}

    @api.model
    def _zz_personal_fields(self):
        return super()._zz_personal_fields() | {"acc_holder_name", "display_name"}

    @api.model
    def _zz_sees_masked_fields_in_full(self):
        return self._zz_sees_account_numbers() or super()._zz_sees_masked_fields_in_full()

    def _zz_unmasked_records(self):
        if self._zz_sees_account_numbers():
            return self
        return super()._zz_unmasked_records()
