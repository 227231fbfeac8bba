# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CrmLead(models.Model):
    """A lead's phone and mobile are shown masked (crm_zz_customer's base_masking)
    except to the group *Full personal data*, to the lead's salesperson and to the
    salesperson who owns its customer."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.zz.masked.mixin"]

    @api.model
    def _zz_masked_fields(self):
        kinds = dict.fromkeys(("phone", "mobile", "phone_sanitized"), "phone")
        return {fname: kind for fname, kind in kinds.items() if fname in self._fields}

    @api.model
    def _zz_personal_fields(self):
        return super()._zz_personal_fields() | {"email_from", "email_normalized"}

    def _zz_unmasked_records(self):
        unmasked = super()._zz_unmasked_records()
        if unmasked == self:
            return self
        user = self.env.user
        # sudo: the owners decide, whatever the user may read of the customer
        return self.filtered(
            lambda lead: lead.sudo().user_id == user
            or lead.sudo().partner_id.commercial_partner_id.user_id == user
        )
