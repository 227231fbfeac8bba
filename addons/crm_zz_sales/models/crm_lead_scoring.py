# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import scoring

BANT_LEVELS = [("none", "None"), ("low", "Low"), ("medium", "Medium"), ("high", "High")]


class CrmLead(models.Model):
    """BANT scoring next to Odoo's predictive probability (rules in tools/scoring.py)."""

    _inherit = "crm.lead"

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

    @api.model
    def _zz_recompute_scores(self):
        """Rescore the open pipeline after the weights changed; closed deals keep theirs."""
        leads = self.search([("stage_id.is_won", "=", False)])
        self.env.add_to_compute(self._fields["zz_bant_score"], leads)
        self.env.add_to_compute(self._fields["zz_blended_score"], leads)
        leads.flush_recordset(["zz_bant_score", "zz_blended_score"])
