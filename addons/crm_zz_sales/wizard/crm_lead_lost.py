# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CrmLeadLost(models.TransientModel):
    _inherit = "crm.lead.lost"

    zz_competitor_id = fields.Many2one(
        "crm.zz.sales.competitor", string="Lost To", help="The competitor who won the deal."
    )

    def action_lost_reason_apply(self):
        """A lost deal always says why; the competitor who won it is kept on the lead."""
        self.ensure_one()
        if not self.lost_reason_id:
            raise UserError(self.env._("Choose a lost reason before marking the lead as lost."))
        if self.zz_competitor_id:
            self.lead_ids.write(
                {
                    "zz_lost_competitor_id": self.zz_competitor_id.id,
                    "zz_competitor_ids": [fields.Command.link(self.zz_competitor_id.id)],
                }
            )
        return super().action_lost_reason_apply()
