# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class CrmZzForecastReport(models.Model):
    """Forecast against actual per month.

    Every opportunity with an expected closing date forecasts its expected
    revenue (and, while open, its weighted revenue) in the month of that date;
    every won opportunity brings its revenue in the month it was won. Two rows
    per won opportunity at most, both carrying its salesperson, team and company."""

    _name = "crm.zz.forecast.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Forecast against Actual"
    _auto = False
    _rec_name = "lead_id"
    _order = "date desc"
    _zz_source_models = ("crm.lead", "crm.stage", "res.partner")
    # over a million rows: kept by the refresh job, not computed when opened
    _zz_materialized = True
    _zz_view_indexes = ("lead_id", "user_id", "date")
    _zz_record_fields = ("lead_id",)
    # by month, figure, stage, district and salesperson, at a few thousand rows
    _zz_summary_grain = (
        "date",
        "kind",
        "stage_id",
        "user_id",
        "team_id",
        "company_id",
        "zz_district_id",
    )
    _zz_summary_sums = ("forecast_revenue", "weighted_revenue", "won_revenue")

    date = fields.Date(string="Month", readonly=True)
    kind = fields.Selection(
        [("forecast", "Forecast"), ("actual", "Won")], string="Figure", readonly=True
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    forecast_revenue = fields.Float(string="Forecast", readonly=True)
    weighted_revenue = fields.Float(string="Weighted Open Forecast", readonly=True)
    won_revenue = fields.Float(string="Won", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH lead AS (
                SELECT l.id, l.stage_id, l.user_id, l.team_id, l.company_id,
                       contact.commercial_partner_id AS partner_id,
                       l.zz_district_id, l.zz_zone_id, l.zz_park_id, l.zz_industry_id,
                       l.date_deadline, l.date_closed, l.active,
                       COALESCE(l.expected_revenue, 0.0) AS expected_revenue,
                       COALESCE(l.prorated_revenue, 0.0) AS prorated_revenue,
                       COALESCE(stage.is_won, FALSE) AS is_won
                  FROM crm_lead l
             LEFT JOIN crm_stage stage ON stage.id = l.stage_id
             LEFT JOIN res_partner contact ON contact.id = l.partner_id
                 WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
            )
            SELECT lead.id::bigint * 2 AS id,
                   date_trunc('month', lead.date_deadline)::date AS date,
                   'forecast' AS kind,
                   lead.id AS lead_id, lead.stage_id, lead.user_id, lead.team_id,
                   lead.company_id, lead.partner_id, lead.zz_district_id, lead.zz_zone_id,
                   lead.zz_park_id, lead.zz_industry_id AS industry_id,
                   lead.expected_revenue AS forecast_revenue,
                   CASE WHEN lead.active AND NOT lead.is_won
                        THEN lead.prorated_revenue ELSE 0.0 END AS weighted_revenue,
                   0.0 AS won_revenue
              FROM lead
             WHERE lead.date_deadline IS NOT NULL
            UNION ALL
            SELECT lead.id::bigint * 2 + 1,
                   date_trunc('month', lead.date_closed)::date,
                   'actual',
                   lead.id, lead.stage_id, lead.user_id, lead.team_id,
                   lead.company_id, lead.partner_id, lead.zz_district_id, lead.zz_zone_id,
                   lead.zz_park_id, lead.zz_industry_id,
                   0.0, 0.0, lead.expected_revenue
              FROM lead
             WHERE lead.is_won AND lead.date_closed IS NOT NULL
            """
        )
