# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmZzForecastSnapshot(models.Model):
    """The forecast as it stood at the start of a month: each open opportunity
    expected to close that month, with its expected revenue and probability.

    Taken by a monthly scheduled action on the first day of the month (once per
    month: a second run finds the month taken). The forecast backtest compares
    these figures, rather than today's, with what was won in the month."""

    _name = "crm.zz.forecast.snapshot"
    _description = "Forecast Snapshot"
    _order = "month desc, id"
    _rec_name = "lead_id"

    month = fields.Date(required=True, index=True, readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", ondelete="set null", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", index=True, readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    expected_revenue = fields.Float(readonly=True)
    probability = fields.Float(readonly=True)
    forecast_revenue = fields.Float(
        string="Forecast", readonly=True, help="Expected revenue x probability."
    )

    @api.model
    def _zz_month_start(self):
        # forecast months are UTC months of the closing dates (see the forecast analysis)
        return fields.Date.today().replace(day=1)

    @api.model
    def _cron_take_snapshot(self):
        """Record this month's forecast once, in one batch. Returns the rows written."""
        month = self._zz_month_start()
        if self.sudo().search_count([("month", "=", month)], limit=1):  # sudo: whole company
            return self.browse()
        next_month = fields.Date.add(month, months=1)
        # sudo: the forecast of every salesperson, whoever runs the job
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search_fetch(
                [
                    ("type", "=", "opportunity"),
                    ("stage_id.is_won", "=", False),
                    ("date_deadline", ">=", month),
                    ("date_deadline", "<", next_month),
                ],
                ["user_id", "team_id", "company_id", "expected_revenue", "probability"],
            )
        )
        # sudo: written by the system; users only read it
        return self.sudo().create(
            [
                {
                    "month": month,
                    "lead_id": lead.id,
                    "user_id": lead.user_id.id,
                    "team_id": lead.team_id.id,
                    "company_id": lead.company_id.id,
                    "expected_revenue": lead.expected_revenue,
                    "probability": lead.probability,
                    "forecast_revenue": lead.expected_revenue * lead.probability / 100.0,
                }
                for lead in leads
            ]
        )
