# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

HOLD_GROUPS = ("crm_zz_privacy.crm_zz_privacy_group_officer", "sales_team.group_sale_manager")


class CrmZzPrivacyMixin(models.AbstractModel):
    """Legal hold and anonymisation date, shared by partners, leads and tickets."""

    _name = "crm.zz.privacy.mixin"
    _description = "Legal Hold and Anonymisation"

    zz_legal_hold = fields.Boolean(
        string="Legal Hold",
        copy=False,
        tracking=True,
        help="Kept as it is by the retention schedule and by erasure requests "
        "(litigation, investigation, audit). Set by the privacy officer or a sales manager.",
    )
    zz_anonymised_date = fields.Datetime(
        string="Anonymised On",
        copy=False,
        readonly=True,
        help="When the personal data of this record was removed (PIPL Art. 47).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("zz_legal_hold") for vals in vals_list):
            self._zz_check_hold_rights()
        return super().create(vals_list)

    def write(self, vals):
        if "zz_legal_hold" in vals:
            self._zz_check_hold_rights()
        return super().write(vals)

    def _zz_check_hold_rights(self):
        if self.env.su or any(self.env.user.has_group(group) for group in HOLD_GROUPS):
            return
        raise AccessError(
            self.env._("Only the privacy officer or a sales manager can set a legal hold.")
        )
