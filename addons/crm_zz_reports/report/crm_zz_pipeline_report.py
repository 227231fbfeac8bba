# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

LEAD_STATES = [("open", "Open"), ("won", "Won"), ("lost", "Lost")]


class CrmZzPipelineReport(models.Model):
    """One row per lead or opportunity, lost ones included: the pipeline by
    district and park, win/loss by reason and competitor, time to close.

    ``win_rate`` is 100 for a won and 0 for a lost opportunity and empty while
    open, so its average over any group is that group's win rate. The days an
    open opportunity has been in its stage count until the analysis was refreshed."""

    _name = "crm.zz.pipeline.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Pipeline and Win/Loss Analysis"
    _auto = False
    _rec_name = "lead_id"
    _order = "create_date desc"
    _zz_source_models = ("crm.lead", "crm.stage", "res.partner")
    # a million leads take over a second to group on the fly (the pivot reads
    # up to four groupings): the refresh job keeps a narrow copy of the rows
    _zz_materialized = True
    _zz_view_indexes = ("lead_id", "user_id", "create_date")
    _zz_record_fields = ("lead_id",)
    # the pivot's usual groupings: by status, stage, district, salesperson and
    # month of creation, at a few thousand rows
    _zz_summary_grain = (
        "type",
        "state",
        "stage_id",
        "user_id",
        "team_id",
        "company_id",
        "zz_district_id",
        "create_date",
    )
    _zz_summary_sums = (
        "lead_count",
        "won_count",
        "lost_count",
        "expected_revenue",
        "prorated_revenue",
        "won_revenue",
        "lost_revenue",
    )
    _zz_summary_avgs = ("win_rate", "days_to_close", "days_in_stage")
    _zz_source_indexes = (
        ("crm_lead_zz_park_id_index", "crm_lead", ["zz_park_id"], "zz_park_id IS NOT NULL"),
        ("crm_lead_zz_zone_id_index", "crm_lead", ["zz_zone_id"], "zz_zone_id IS NOT NULL"),
        ("crm_lead_zz_industry_id_index", "crm_lead", ["zz_industry_id"], ""),
        ("crm_lead_date_closed_index", "crm_lead", ["date_closed"], "date_closed IS NOT NULL"),
        ("crm_lead_date_deadline_index", "crm_lead", ["date_deadline"], ""),
    )

    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    type = fields.Selection([("lead", "Lead"), ("opportunity", "Opportunity")], readonly=True)
    state = fields.Selection(LEAD_STATES, string="Status", readonly=True)
    create_date = fields.Datetime(string="Created on", readonly=True)
    date_closed = fields.Datetime(string="Closed on", readonly=True)
    date_deadline = fields.Date(string="Expected Closing", readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    zz_grade = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], string="Grade", readonly=True
    )
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    lost_reason_id = fields.Many2one("crm.lost.reason", readonly=True)
    lost_competitor_id = fields.Many2one("crm.zz.sales.competitor", string="Lost To", readonly=True)
    lead_count = fields.Integer(string="Count", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    win_rate = fields.Float(string="Win Rate (%)", aggregator="avg", readonly=True)
    expected_revenue = fields.Float(readonly=True)
    prorated_revenue = fields.Float(string="Weighted Revenue", readonly=True)
    won_revenue = fields.Float(readonly=True)
    lost_revenue = fields.Float(readonly=True)
    days_to_close = fields.Float(string="Days to Close", aggregator="avg", readonly=True)
    days_in_stage = fields.Float(string="Days in Current Stage", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH lead AS (
                SELECT l.*,
                       CASE WHEN stage.is_won THEN 'won'
                            WHEN NOT l.active AND l.probability = 0 THEN 'lost'
                            ELSE 'open' END AS zz_state
                  FROM crm_lead l
             LEFT JOIN crm_stage stage ON stage.id = l.stage_id
                 WHERE l.active OR l.probability = 0
            )
            SELECT lead.id AS id,
                   lead.id AS lead_id,
                   lead.type,
                   lead.zz_state AS state,
                   lead.create_date,
                   lead.date_closed,
                   lead.date_deadline,
                   lead.stage_id,
                   lead.user_id,
                   lead.team_id,
                   lead.company_id,
                   p.id AS partner_id,
                   lead.zz_district_id,
                   lead.zz_zone_id,
                   lead.zz_park_id,
                   lead.zz_industry_id AS industry_id,
                   p.zz_grade,
                   lead.campaign_id,
                   lead.source_id,
                   lead.medium_id,
                   lead.lost_reason_id,
                   lead.zz_lost_competitor_id AS lost_competitor_id,
                   1 AS lead_count,
                   (lead.zz_state = 'won')::int AS won_count,
                   (lead.zz_state = 'lost')::int AS lost_count,
                   CASE lead.zz_state WHEN 'won' THEN 100.0 WHEN 'lost' THEN 0.0 END AS win_rate,
                   COALESCE(lead.expected_revenue, 0.0) AS expected_revenue,
                   CASE WHEN lead.zz_state = 'open'
                        THEN COALESCE(lead.prorated_revenue, 0.0) ELSE 0.0 END AS prorated_revenue,
                   CASE WHEN lead.zz_state = 'won'
                        THEN COALESCE(lead.expected_revenue, 0.0) ELSE 0.0 END AS won_revenue,
                   CASE WHEN lead.zz_state = 'lost'
                        THEN COALESCE(lead.expected_revenue, 0.0) ELSE 0.0 END AS lost_revenue,
                   CASE WHEN lead.zz_state != 'open' AND lead.date_closed IS NOT NULL
                        THEN EXTRACT(EPOCH FROM lead.date_closed - lead.create_date) / 86400.0
                   END AS days_to_close,
                   CASE WHEN lead.zz_state = 'open'
                        THEN EXTRACT(EPOCH FROM (NOW() AT TIME ZONE 'UTC')
                             - COALESCE(lead.date_last_stage_update, lead.create_date)) / 86400.0
                   END AS days_in_stage
              FROM lead
         LEFT JOIN res_partner contact ON contact.id = lead.partner_id
         LEFT JOIN res_partner p ON p.id = contact.commercial_partner_id
            """
        )
