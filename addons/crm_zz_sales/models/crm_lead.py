# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    """Leads in Zhengzhou: place, industry, product interest, win/loss.

    The other concerns of a lead live beside this file: BANT scoring
    (``crm_lead_scoring.py``), stage gates and stalled leads (``crm_lead_gate.py``),
    rule-based assignment (``crm_lead_assignment.py``) and the road from order to
    paid invoice (``crm_lead_road_to_cash.py``).
    """

    _inherit = "crm.lead"

    # The customer's place in Zhengzhou, so that the pipeline can be sorted and routed
    # by it: taken from the customer, or typed in (trade-show leads have no customer yet).
    zz_district_id = fields.Many2one(
        "crm.zz.district",
        string="District",
        domain=[("kind", "!=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    zz_zone_id = fields.Many2one(
        "crm.zz.district",
        string="Functional Zone",
        domain=[("kind", "=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    zz_park_id = fields.Many2one(
        "crm.zz.park",
        string="Industry Park",
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    zz_industry_id = fields.Many2one(
        "res.partner.industry",
        string="Customer Industry",
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
    )
    # The customer's grade (the value analysis, or the override a manager set), stored
    # so that the pipeline can be filtered and grouped by it; follows the customer.
    zz_grade = fields.Selection(
        related="partner_id.commercial_partner_id.zz_grade",
        string="Customer Grade",
        store=True,
        index=True,
    )
    zz_product_category_ids = fields.Many2many(
        "product.category",
        "crm_lead_zz_product_category_rel",
        "lead_id",
        "category_id",
        string="Product Interest",
        help="Product categories the customer asked about; used to route the lead.",
    )
    # A team on an industry pipeline works in its own stages only
    zz_team_pipeline_id = fields.Many2one(related="team_id.zz_pipeline_template_id")
    # Qualification facts stage gates often require
    zz_budget_amount = fields.Monetary(
        string="Customer Budget",
        currency_field="company_currency",
        tracking=True,
        help="What the customer said it can spend.",
    )
    zz_decision_maker = fields.Char(
        string="Decision Maker", tracking=True, help="Who signs off the purchase at the customer."
    )
    # Win/loss
    zz_competitor_ids = fields.Many2many(
        "crm.zz.sales.competitor",
        "crm_lead_zz_competitor_rel",
        "lead_id",
        "competitor_id",
        string="Competitors",
    )
    zz_lost_competitor_id = fields.Many2one(
        "crm.zz.sales.competitor", string="Lost To", index=True, tracking=True
    )

    @api.depends(
        "partner_id.zz_district_id",
        "partner_id.zz_zone_id",
        "partner_id.zz_park_id",
        "partner_id.commercial_partner_id.industry_id",
    )
    def _compute_zz_location(self):
        """The customer's place and industry when the lead has a customer; otherwise
        as typed (a trade-show lead has no customer yet)."""
        for lead in self:
            if lead.partner_id:
                lead.zz_district_id = lead.partner_id.zz_district_id
                lead.zz_zone_id = lead.partner_id.zz_zone_id
                lead.zz_park_id = lead.partner_id.zz_park_id
                lead.zz_industry_id = lead.partner_id.commercial_partner_id.industry_id

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The kanban of a team on an industry pipeline (the team opened, else the user's
        own team) shows that team's stages and those holding leads, not the shared ones."""
        team_id = self.env.context.get("default_team_id") or self.env.user.sale_team_id.id
        team = self.env["crm.team"].browse(team_id).exists()
        if not team.zz_pipeline_template_id:
            return super()._read_group_stage_ids(stages, domain)
        # sudo: like crm, list the columns even where stage rules would hide one
        stage_ids = stages.sudo()._search(
            ["|", ("id", "in", stages.ids), ("team_id", "=", team.id)], order=stages._order
        )
        return stages.browse(stage_ids)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """Leads of teams on an industry pipeline start, win and move in their own stages,
        not in the stages shared by every team."""
        teams = self.env["crm.team"].browse(team_id) | self.team_id
        if teams and all(teams.mapped("zz_pipeline_template_id")):
            stages = self.env["crm.stage"].search(
                [("team_id", "in", teams.ids), *(domain or [])], order=order, limit=limit
            )
            if stages:
                return stages
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)
