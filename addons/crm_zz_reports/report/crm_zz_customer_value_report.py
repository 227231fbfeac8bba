# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

RFM_SEGMENTS = [
    ("important_value", "Important Value"),
    ("important_develop", "Important Development"),
    ("important_keep", "Important Retention"),
    ("important_retain", "Important Win-back"),
    ("general_value", "General Value"),
    ("general_develop", "General Development"),
    ("general_keep", "General Retention"),
    ("general_retain", "General Win-back"),
]
LIFECYCLE_STAGES = [
    ("potential", "Potential"),
    ("active", "Active Customer"),
    ("dormant", "Dormant"),
    ("lost", "Lost"),
]


class CrmZzCustomerValueReport(models.Model):
    """Customer value: one row per customer company with its RFM values, segment,
    grade and lifecycle stage as the value analysis of the customer module left
    them. The Pareto columns tell how much of the revenue the top customers make.
    Its record rules are the customers' own."""

    _name = "crm.zz.customer.value.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Customer Value Analysis"
    _auto = False
    _rec_name = "partner_id"
    _order = "monetary desc"
    _zz_source_models = ("res.partner",)

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    zz_grade = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], string="Grade", readonly=True
    )
    zz_lifecycle = fields.Selection(LIFECYCLE_STAGES, string="Lifecycle Stage", readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENTS, string="RFM Segment", readonly=True)
    rfm_r = fields.Integer(string="Recency Score", aggregator="avg", readonly=True)
    rfm_f = fields.Integer(string="Frequency Score", aggregator="avg", readonly=True)
    rfm_m = fields.Integer(string="Monetary Score", aggregator="avg", readonly=True)
    recency_days = fields.Float(string="Days Since Last Invoice", aggregator="avg", readonly=True)
    frequency = fields.Integer(string="Invoices", readonly=True)
    monetary = fields.Float(string="Invoiced Revenue", readonly=True)
    is_pareto = fields.Boolean(string="Top 80% Revenue", readonly=True)
    pareto_count = fields.Integer(string="Top-80% Customers", readonly=True)
    pareto_revenue = fields.Float(string="Revenue of Top-80% Customers", readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT p.id AS id,
                   p.id AS partner_id,
                   p.user_id,
                   p.company_id,
                   p.zz_district_id, p.zz_zone_id, p.zz_park_id, p.industry_id,
                   p.zz_grade,
                   p.zz_lifecycle,
                   p.zz_rfm_segment AS rfm_segment,
                   p.zz_rfm_r AS rfm_r,
                   p.zz_rfm_f AS rfm_f,
                   p.zz_rfm_m AS rfm_m,
                   CASE WHEN p.zz_rfm_frequency > 0 THEN p.zz_rfm_recency_days END
                       AS recency_days,
                   COALESCE(p.zz_rfm_frequency, 0) AS frequency,
                   COALESCE(p.zz_rfm_monetary, 0.0) AS monetary,
                   COALESCE(p.zz_is_pareto, FALSE) AS is_pareto,
                   COALESCE(p.zz_is_pareto, FALSE)::int AS pareto_count,
                   CASE WHEN p.zz_is_pareto THEN COALESCE(p.zz_rfm_monetary, 0.0) ELSE 0.0 END
                       AS pareto_revenue,
                   1 AS customer_count
              FROM res_partner p
             WHERE p.active AND p.is_company AND p.parent_id IS NULL
            """
        )
