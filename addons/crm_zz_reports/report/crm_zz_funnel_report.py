# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class CrmZzFunnelReport(models.Model):
    """The funnel: one row per lead and per stage it reached.

    A lead reached a stage when it was in it (its stage history in the chatter,
    or its current stage) or when it went further down the pipeline: a lead
    created directly in "Proposition" also passed "Qualified". Stages of another
    sales team and the won stage of a lead that was not won are left out.

    ``conversion_rate`` is 100 when the lead went on to a later stage and 0 when
    it stopped (or still sits) there: its average per stage is the stage-to-stage
    conversion. ``days_in_stage`` is the time spent in the stage by the stage
    history; empty for a stage the lead skipped; the stay in an open lead's
    current stage counts until the analysis was refreshed."""

    _name = "crm.zz.funnel.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Funnel Analysis"
    _auto = False
    _rec_name = "stage_id"
    _order = "lead_id, stage_rank"
    _zz_source_models = ("crm.lead", "crm.stage", "res.partner", "mail.tracking.value")
    # every lead expanded into the stages it reached, from the whole stage history:
    # seconds at a million leads, so computed by the refresh job, not when opened
    _zz_materialized = True
    _zz_view_indexes = ("lead_id", "stage_id", "user_id")
    _zz_record_fields = ("lead_id",)
    # by stage, district and salesperson, at a few thousand rows
    _zz_summary_grain = (
        "type",
        "stage_id",
        "user_id",
        "team_id",
        "company_id",
        "zz_district_id",
    )
    _zz_summary_sums = ("lead_count", "next_count")
    _zz_summary_avgs = ("conversion_rate", "days_in_stage")

    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    type = fields.Selection([("lead", "Lead"), ("opportunity", "Opportunity")], readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    stage_rank = fields.Integer(readonly=True, aggregator=False)
    create_date = fields.Datetime(string="Created on", readonly=True)
    entered_date = fields.Datetime(string="Entered Stage on", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    lead_count = fields.Integer(string="Leads Reaching", readonly=True)
    next_count = fields.Integer(string="Went Further", readonly=True)
    conversion_rate = fields.Float(string="Conversion (%)", aggregator="avg", readonly=True)
    days_in_stage = fields.Float(string="Days in Stage", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH stage AS (
                SELECT s.id, s.team_id, s.is_won,
                       ROW_NUMBER() OVER (ORDER BY s.sequence, s.id) AS rank
                  FROM crm_stage s
            ), lead AS (
                SELECT l.id, l.type, l.stage_id, l.create_date, l.date_closed, l.user_id,
                       l.team_id, l.company_id, l.partner_id, l.zz_district_id, l.zz_zone_id,
                       l.zz_park_id, l.zz_industry_id, l.campaign_id, l.active
                  FROM crm_lead l
                 WHERE l.active OR l.probability = 0
            ), moves AS (
                SELECT msg.res_id AS lead_id, msg.date, v.id AS seq,
                       v.old_value_integer AS old_stage, v.new_value_integer AS new_stage
                  FROM mail_tracking_value v
                  JOIN mail_message msg ON msg.id = v.mail_message_id
                 WHERE msg.model = 'crm.lead'
                       AND v.field_id = (SELECT f.id FROM ir_model_fields f
                                          WHERE f.model = 'crm.lead' AND f.name = 'stage_id')
            ), first_move AS (
                SELECT DISTINCT ON (moves.lead_id) moves.lead_id, moves.old_stage
                  FROM moves
              ORDER BY moves.lead_id, moves.date, moves.seq
            ), entries AS (
                -- the stage it was created in: the old stage of its first move
                SELECT lead.id AS lead_id,
                       COALESCE(first_move.old_stage, lead.stage_id) AS stage_id,
                       lead.create_date AS entered, 0 AS seq,
                       lead.active, lead.date_closed
                  FROM lead
             LEFT JOIN first_move ON first_move.lead_id = lead.id
                UNION ALL
                SELECT moves.lead_id, moves.new_stage, moves.date, moves.seq,
                       lead.active, lead.date_closed
                  FROM moves JOIN lead ON lead.id = moves.lead_id
            ), stays AS (
                -- the last stay lasts until now while open, until it was lost when
                -- lost; a won lead's time in the won stage is not a time in stage
                SELECT entries.lead_id, entries.stage_id, entries.entered,
                       COALESCE(
                           LEAD(entries.entered) OVER w,
                           CASE WHEN COALESCE(stage.is_won, FALSE) THEN NULL
                                WHEN entries.active THEN NOW() AT TIME ZONE 'UTC'
                                WHEN entries.date_closed >= entries.entered
                                THEN entries.date_closed
                           END
                       ) AS left_at
                  FROM entries
             LEFT JOIN stage ON stage.id = entries.stage_id
                WINDOW w AS (PARTITION BY entries.lead_id ORDER BY entries.entered, entries.seq)
            ), stage_time AS (
                SELECT stays.lead_id, stays.stage_id, MIN(stays.entered) AS entered,
                       SUM(EXTRACT(EPOCH FROM stays.left_at - stays.entered)) / 86400.0 AS days
                  FROM stays
              GROUP BY stays.lead_id, stays.stage_id
            ), furthest AS (
                SELECT stage_time.lead_id, MAX(stage.rank) AS rank
                  FROM stage_time JOIN stage ON stage.id = stage_time.stage_id
              GROUP BY stage_time.lead_id
            ), won AS (
                SELECT lead.id AS lead_id FROM lead JOIN stage ON stage.id = lead.stage_id
                 WHERE stage.is_won
            )
            SELECT lead.id::bigint * 10000 + stage.rank AS id,
                   lead.id AS lead_id,
                   lead.type,
                   stage.id AS stage_id,
                   stage.rank AS stage_rank,
                   lead.create_date,
                   stage_time.entered AS entered_date,
                   lead.user_id,
                   lead.team_id,
                   lead.company_id,
                   contact.commercial_partner_id AS partner_id,
                   lead.zz_district_id,
                   lead.zz_zone_id,
                   lead.zz_park_id,
                   lead.zz_industry_id AS industry_id,
                   lead.campaign_id,
                   1 AS lead_count,
                   (stage.rank < furthest.rank)::int AS next_count,
                   CASE WHEN stage.rank < furthest.rank THEN 100.0 ELSE 0.0 END
                       AS conversion_rate,
                   stage_time.days AS days_in_stage
              FROM lead
              JOIN furthest ON furthest.lead_id = lead.id
              JOIN stage ON stage.rank <= furthest.rank
         LEFT JOIN stage_time ON stage_time.lead_id = lead.id AND stage_time.stage_id = stage.id
         LEFT JOIN won ON won.lead_id = lead.id
         LEFT JOIN res_partner contact ON contact.id = lead.partner_id
             WHERE stage_time.lead_id IS NOT NULL
                   OR ((stage.team_id IS NULL OR stage.team_id = lead.team_id)
                       AND (NOT COALESCE(stage.is_won, FALSE) OR won.lead_id IS NOT NULL))
            """
        )
