# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzSalesCompetitor(models.Model):
    """A company the customer also talks to (竞争对手), with its record against us."""

    _name = "crm.zz.sales.competitor"
    _description = "Competitor"
    _order = "name"

    name = fields.Char(required=True)
    website = fields.Char()
    strengths = fields.Text()
    weaknesses = fields.Text()
    company_id = fields.Many2one("res.company", index=True)
    active = fields.Boolean(default=True)
    opportunity_count = fields.Integer(string="Opportunities", compute="_compute_win_loss")
    won_count = fields.Integer(string="Times Won", compute="_compute_win_loss")
    lost_count = fields.Integer(string="Times Lost", compute="_compute_win_loss")
    win_rate = fields.Float(string="Win Rate (%)", compute="_compute_win_loss", digits=(16, 1))

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "This competitor already exists."),
    ]

    def _compute_win_loss(self):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        met = dict(
            Lead._read_group(
                [("zz_competitor_ids", "in", self.ids)], ["zz_competitor_ids"], ["__count"]
            )
        )
        won = dict(
            Lead._read_group(
                [("zz_competitor_ids", "in", self.ids), ("stage_id.is_won", "=", True)],
                ["zz_competitor_ids"],
                ["__count"],
            )
        )
        lost = dict(
            Lead._read_group(
                [("zz_lost_competitor_id", "in", self.ids), ("active", "=", False)],
                ["zz_lost_competitor_id"],
                ["__count"],
            )
        )
        for competitor in self:
            competitor.opportunity_count = met.get(competitor, 0)
            competitor.won_count = won.get(competitor, 0)
            competitor.lost_count = lost.get(competitor, 0)
            closed = competitor.won_count + competitor.lost_count
            competitor.win_rate = 100.0 * competitor.won_count / closed if closed else 0.0

    def action_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_sales.crm_lead_action_win_loss"
        )
        action["domain"] = [
            "|",
            ("zz_competitor_ids", "in", self.ids),
            ("zz_lost_competitor_id", "in", self.ids),
        ]
        return action
