# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..tools import assignment, scoring

BANT_LEVELS = [("none", "None"), ("low", "Low"), ("medium", "Medium"), ("high", "High")]


class CrmLead(models.Model):
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
    # Days in stage
    zz_days_in_stage = fields.Integer(string="Days in Stage", compute="_compute_zz_days_in_stage")
    zz_is_stalled = fields.Boolean(
        string="Stalled",
        compute="_compute_zz_days_in_stage",
        search="_search_zz_is_stalled",
        help="Left in its stage longer than the stage allows.",
    )
    zz_stall_reminded_date = fields.Datetime(
        string="Stall Reminder Sent", readonly=True, copy=False
    )
    # BANT scoring
    zz_bant_budget = fields.Selection(BANT_LEVELS, string="Budget (BANT)", tracking=True)
    zz_bant_authority = fields.Selection(BANT_LEVELS, string="Authority (BANT)", tracking=True)
    zz_bant_need = fields.Selection(BANT_LEVELS, string="Need (BANT)", tracking=True)
    zz_bant_timeline = fields.Selection(BANT_LEVELS, string="Timeline (BANT)", tracking=True)
    zz_bant_intent = fields.Selection(BANT_LEVELS, string="Purchase Intent (BANT)", tracking=True)
    zz_bant_score = fields.Integer(
        string="BANT Score",
        compute="_compute_zz_bant_score",
        store=True,
        aggregator="avg",
        help="0-100 from budget, authority, need, timeline and purchase intent.",
    )
    zz_bant_explanation = fields.Text(
        string="BANT Explanation", compute="_compute_zz_bant_explanation"
    )
    zz_blended_score = fields.Float(
        string="Blended Score",
        compute="_compute_zz_blended_score",
        store=True,
        index=True,  # the pipeline is sorted by it
        aggregator="avg",
        digits=(16, 1),
        help="BANT score blended with the predictive probability; sorts the pipeline.",
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
    # Road to cash (company currency). Computed as superuser: whoever may read the
    # opportunity sees the totals of its orders and invoices, even those an accountant
    # or a colleague holds, which record rules would otherwise hide or refuse.
    zz_order_amount = fields.Monetary(
        string="Ordered",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
        help="Confirmed orders of the opportunity, taxes excluded, as on the customer.",
    )
    zz_delivery_status = fields.Selection(
        [("pending", "Not Delivered"), ("partial", "Partially Delivered"), ("full", "Delivered")],
        string="Delivery",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
    )
    zz_invoiced_amount = fields.Monetary(
        string="Invoiced",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
    )
    zz_paid_amount = fields.Monetary(
        string="Paid",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
    )
    zz_overdue_amount = fields.Monetary(
        string="Overdue",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
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

    @api.depends("date_last_stage_update", "stage_id.zz_stall_days", "active", "stage_id.is_won")
    def _compute_zz_days_in_stage(self):
        now = fields.Datetime.now()
        for lead in self:
            since = lead.date_last_stage_update or lead.create_date or now
            lead.zz_days_in_stage = max(0, (now - since).days)
            limit = lead.stage_id.zz_stall_days
            lead.zz_is_stalled = bool(
                limit
                and lead.active
                and not lead.stage_id.is_won
                and lead.zz_days_in_stage >= limit
            )

    def _search_zz_is_stalled(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        now = fields.Datetime.now()
        stages = self.env["crm.stage"].search([("zz_stall_days", ">", 0), ("is_won", "=", False)])
        stalled = expression.OR(
            [
                [
                    ("stage_id", "=", stage.id),
                    ("date_last_stage_update", "<=", now - timedelta(days=stage.zz_stall_days)),
                ]
                for stage in stages
            ]
            or [expression.FALSE_DOMAIN]
        )
        if (operator == "=") == value:
            return stalled
        return ["!", *stalled]

    @api.depends(
        "zz_bant_budget", "zz_bant_authority", "zz_bant_need", "zz_bant_timeline", "zz_bant_intent"
    )
    def _compute_zz_bant_score(self):
        weights = self._zz_bant_weights()
        for lead in self:
            lead.zz_bant_score = scoring.score_bant(lead._zz_bant_levels(), weights).score

    @api.depends(
        "zz_bant_budget", "zz_bant_authority", "zz_bant_need", "zz_bant_timeline", "zz_bant_intent"
    )
    def _compute_zz_bant_explanation(self):
        weights = self._zz_bant_weights()
        labels = {
            "budget": self.env._("Budget"),
            "authority": self.env._("Authority"),
            "need": self.env._("Need"),
            "timeline": self.env._("Timeline"),
            "intent": self.env._("Purchase Intent"),
        }
        level_labels = dict(self._fields["zz_bant_budget"]._description_selection(self.env))
        for lead in self:
            result = scoring.score_bant(lead._zz_bant_levels(), weights)
            lines = [
                self.env._(
                    "%(factor)s: %(level)s, %(points)s of %(max)s points",
                    factor=labels[item.factor],
                    level=level_labels[item.level],
                    points=item.points,
                    max=round(item.weight * 100 / sum(weights.values()), 1),
                )
                for item in result.factors
            ]
            lead.zz_bant_explanation = "\n".join(lines)

    @api.depends("zz_bant_score", "automated_probability")
    def _compute_zz_blended_score(self):
        # sudo: a setting every salesperson's score depends on
        params = self.env["ir.config_parameter"].sudo()
        share = int(params.get_param("crm_zz_sales.bant_share", 50))
        for lead in self:
            lead.zz_blended_score = scoring.blend(
                lead.zz_bant_score, lead.automated_probability, share
            )

    @api.depends("order_ids.state", "order_ids.amount_untaxed")
    def _compute_zz_road_to_cash(self):
        zero = dict.fromkeys(
            ("zz_order_amount", "zz_invoiced_amount", "zz_paid_amount", "zz_overdue_amount"), 0.0
        )
        figures = {lead.id: dict(zero, statuses=set()) for lead in self}
        orders = self.env["sale.order"].search_fetch(
            [("opportunity_id", "in", self.ids), ("state", "=", "sale")],
            ["opportunity_id", "amount_untaxed", "currency_id", "company_id", "date_order"],
        )
        today = fields.Date.context_today(self)
        for order in orders:
            lead_figures = figures[order.opportunity_id.id]
            lead_figures["zz_order_amount"] += order.currency_id._convert(
                order.amount_untaxed,
                order.company_id.currency_id,
                order.company_id,
                order.date_order,
            )
            lead_figures["statuses"].add(order.delivery_status or "pending")
            lead_figures.setdefault("invoices", self.env["account.move"])
            lead_figures["invoices"] |= order.invoice_ids.filtered(
                lambda move: move.state == "posted"
            )
        for lead in self:
            lead_figures = figures[lead.id]
            for move in lead_figures.pop("invoices", []):
                lead_figures["zz_invoiced_amount"] += move.amount_total_signed
                lead_figures["zz_paid_amount"] += (
                    move.amount_total_signed - move.amount_residual_signed
                )
                if move.invoice_date_due and move.invoice_date_due < today:
                    lead_figures["zz_overdue_amount"] += move.amount_residual_signed
            statuses = lead_figures.pop("statuses")
            if not statuses:
                status = False
            elif statuses == {"full"}:
                status = "full"
            elif statuses == {"pending"}:
                status = "pending"
            else:
                status = "partial"
            lead.update(dict(lead_figures, zz_delivery_status=status))

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._zz_check_stage_gate()
        to_assign = leads.filtered(
            lambda lead: not lead.user_id and lead.team_id.zz_rule_assignment
        )
        if to_assign:
            to_assign.team_id._zz_assign_leads(to_assign, trigger="create")
        return leads

    def write(self, vals):
        result = super().write(vals)
        if vals.get("stage_id"):
            self._zz_check_stage_gate()
        return result

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

    def _zz_assignment_facts(self):
        self.ensure_one()
        return assignment.LeadFacts(
            district=frozenset((self.zz_district_id | self.zz_zone_id).ids),
            park=self.zz_park_id.id or None,
            industry=self.zz_industry_id.id or None,
            products=frozenset(self.zz_product_category_ids.ids),
        )

    def _zz_bant_levels(self):
        self.ensure_one()
        return {
            "budget": self.zz_bant_budget,
            "authority": self.zz_bant_authority,
            "need": self.zz_bant_need,
            "timeline": self.zz_bant_timeline,
            "intent": self.zz_bant_intent,
        }

    @api.model
    def _zz_bant_weights(self):
        # sudo: the weights are a setting every salesperson's score depends on
        params = self.env["ir.config_parameter"].sudo()
        weights = {
            factor: int(params.get_param(f"crm_zz_sales.bant_weight_{factor}", default))
            for factor, default in scoring.DEFAULT_WEIGHTS.items()
        }
        try:
            return scoring.check_weights(weights)
        except scoring.InvalidWeight:
            return dict(scoring.DEFAULT_WEIGHTS)

    def _zz_check_stage_gate(self):
        """Refuse a stage whose required fields the lead has not filled in.

        Runs after the write, so the check sees computed fields too; the error
        rolls the whole write back, so nothing is changed.
        """
        # sudo: salespeople may not read ir.model.fields; only the names are used
        gates = {
            stage: stage.zz_required_field_ids.sudo().mapped("name") for stage in self.stage_id
        }
        for lead in self.filtered(lambda lead: gates.get(lead.stage_id)):
            missing = [
                lead._fields[name]._description_string(self.env)
                for name in gates[lead.stage_id]
                if name in lead._fields and not lead[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(lead)s cannot enter the stage %(stage)s: fill in %(fields)s first.",
                        lead=lead.display_name,
                        stage=lead.stage_id.name,
                        fields=", ".join(missing),
                    )
                )

    @api.model
    def _zz_recompute_scores(self):
        """Rescore the open pipeline after the weights changed; closed deals keep theirs."""
        leads = self.search([("stage_id.is_won", "=", False)])
        self.env.add_to_compute(self._fields["zz_bant_score"], leads)
        self.env.add_to_compute(self._fields["zz_blended_score"], leads)
        leads.flush_recordset(["zz_bant_score", "zz_blended_score"])

    def _cron_zz_remind_stalled(self):
        """Give the salesperson of each stalled lead one to-do, once per stay in a stage.

        All to-dos are created in one ``create()``; each names its days and stage.
        """
        leads = self.search([("zz_is_stalled", "=", True), ("user_id", "!=", False)])
        leads = leads.filtered(
            lambda lead: not lead.zz_stall_reminded_date
            or lead.zz_stall_reminded_date < lead.date_last_stage_update
        )
        if not leads:
            return leads
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": todo.id,
                    "automated": True,
                    "res_model_id": model_id,
                    "res_id": lead.id,
                    "user_id": lead.user_id.id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Stalled for %(days)s days in %(stage)s",
                        days=lead.zz_days_in_stage,
                        stage=lead.stage_id.name,
                    ),
                }
                for lead in leads
            ]
        )
        leads.write({"zz_stall_reminded_date": fields.Datetime.now()})
        return leads
