# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    # Goals and budget
    zz_budget = fields.Monetary(string="Budget", currency_field="zz_currency_id")
    zz_goal_revenue = fields.Monetary(string="Revenue Goal", currency_field="zz_currency_id")
    zz_goal_lead_count = fields.Integer(string="Lead Goal")
    zz_currency_id = fields.Many2one(
        "res.currency",
        string="Budget Currency",
        default=lambda self: self.env.company.currency_id,
        required=True,
    )

    @api.constrains("zz_budget", "zz_goal_revenue", "zz_goal_lead_count")
    def _check_zz_goals(self):
        for campaign in self:
            for fname in ("zz_budget", "zz_goal_revenue", "zz_goal_lead_count"):
                if campaign[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "Campaign %(campaign)s: %(field)s cannot be negative (%(value)s).",
                            campaign=campaign.name,
                            field=campaign._fields[fname].get_description(self.env)["string"],
                            value=campaign[fname],
                        )
                    )
