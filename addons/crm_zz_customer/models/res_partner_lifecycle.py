# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# the stored fields the lifecycle stage is computed from
LIFECYCLE_SOURCES = {"zz_lifecycle_auto", "zz_lifecycle_manual"}


class ResPartner(models.Model):
    """Log every change of the lifecycle stage in crm.zz.partner.lifecycle.history."""

    _inherit = "res.partner"

    def write(self, vals):
        if self.env.context.get("zz_lifecycle_logged") or not LIFECYCLE_SOURCES & vals.keys():
            return super().write(vals)
        before = self._zz_lifecycle_snapshot()
        result = super().write(vals)
        self._zz_log_lifecycle(before, manual="zz_lifecycle_manual" in vals)
        return result

    def _zz_refresh_lifecycle(self):
        # one history batch for the whole refresh, whatever the writes inside it
        partners = self.commercial_partner_id
        before = partners._zz_lifecycle_snapshot()
        result = super(
            ResPartner, self.with_context(zz_lifecycle_logged=True)
        )._zz_refresh_lifecycle()
        partners._zz_log_lifecycle(before)
        return result

    def _zz_lifecycle_snapshot(self):
        """{partner id: stage} of the commercial partners among these."""
        return {p.id: p.zz_lifecycle for p in self if not p.parent_id}

    def _zz_log_lifecycle(self, before, manual=False):
        """Write one history row per partner whose stage differs from ``before``,
        in one create."""
        if not before:
            return
        today = fields.Date.context_today(self)
        vals_list = [
            {
                "partner_id": partner.id,
                "company_id": partner.company_id.id,
                "user_id": partner.user_id.id,
                "date": today,
                "stage_from": before[partner.id],
                "stage_to": partner.zz_lifecycle,
                "is_manual": manual,
            }
            for partner in self.browse(list(before))
            if partner.zz_lifecycle and partner.zz_lifecycle != before[partner.id]
        ]
        if vals_list:
            # sudo: an append-only log written by the system; no user creates rows
            self.env["crm.zz.partner.lifecycle.history"].sudo().create(vals_list)
