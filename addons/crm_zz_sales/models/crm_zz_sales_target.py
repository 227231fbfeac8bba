# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmZzSalesTarget(models.Model):
    """A won-revenue target for a salesperson or a whole team, per month or quarter."""

    _name = "crm.zz.sales.target"
    _description = "Sales Target"
    _order = "date_from desc, team_id, user_id"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        help="Leave empty for a target of the whole team.",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")], required=True, default="month"
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    month = fields.Selection(
        [(str(m), str(m)) for m in range(1, 13)],
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")])
    date_from = fields.Date(string="From", compute="_compute_dates", store=True)
    date_to = fields.Date(string="To", compute="_compute_dates", store=True)
    target_amount = fields.Monetary(string="Target", required=True)
    achieved_amount = fields.Monetary(string="Won", compute="_compute_achieved")
    attainment = fields.Float(string="Attainment (%)", compute="_compute_achieved", digits=(16, 1))

    @api.depends("user_id", "team_id", "period", "year", "month", "quarter")
    def _compute_display_name(self):
        for target in self:
            who = target.user_id.name or target.team_id.name or ""
            if target.period == "quarter":
                when = f"{target.year} Q{target.quarter or '?'}"
            else:
                when = f"{target.year}-{(target.month or '?').zfill(2)}"
            target.display_name = f"{who} {when}"

    @api.depends("period", "year", "month", "quarter")
    def _compute_dates(self):
        for target in self:
            start = target._period_start()
            if not start:
                target.date_from = target.date_to = False
                continue
            months = 3 if target.period == "quarter" else 1
            target.date_from = start
            target.date_to = start + relativedelta(months=months, days=-1)

    def _period_start(self):
        self.ensure_one()
        if not self.year:
            return False
        if self.period == "quarter":
            return self.quarter and date(self.year, 3 * int(self.quarter) - 2, 1)
        return self.month and date(self.year, int(self.month), 1)

    def _compute_achieved(self):
        """Won revenue in each target's period, from one grouped query for them all."""
        targets = self.filtered("date_from")
        groups = []
        if targets:
            # attainment is a fact about the team or salesperson, the same for everyone
            # who may see the target, not the sum of the deals the viewer sees
            groups = (
                self.env["crm.lead"]
                .sudo()  # sudo: the team's or salesperson's won deals, all of them
                ._read_group(
                    [
                        ("stage_id.is_won", "=", True),
                        ("team_id", "in", targets.team_id.ids),
                        ("date_closed", ">=", min(targets.mapped("date_from"))),
                        (
                            "date_closed",
                            "<",
                            max(targets.mapped("date_to")) + relativedelta(days=1),
                        ),
                    ],
                    ["team_id", "user_id", "date_closed:month"],
                    ["expected_revenue:sum"],
                )
            )
        for target in self:
            won = sum(
                revenue
                for team, user, month, revenue in groups
                if target.date_from
                and team == target.team_id
                and (not target.user_id or user == target.user_id)
                and target.date_from <= month.date() <= target.date_to
            )
            target.achieved_amount = won
            target.attainment = 100.0 * won / target.target_amount if target.target_amount else 0.0

    @api.constrains("period", "month", "quarter", "target_amount")
    def _check_period(self):
        for target in self:
            if target.period == "month" and not target.month:
                raise ValidationError(self.env._("A monthly target needs its month."))
            if target.period == "quarter" and not target.quarter:
                raise ValidationError(self.env._("A quarterly target needs its quarter."))
            if target.target_amount < 0:
                raise ValidationError(self.env._("A target cannot be negative."))
