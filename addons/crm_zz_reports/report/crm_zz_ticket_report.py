# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class CrmZzTicketReport(models.Model):
    """Service promises: one row per ticket, open or closed.

    ``backlog_count`` counts open tickets; ``response_on_time`` and
    ``resolution_on_time`` are 100 when the promise was kept, 0 when it was broken
    (answered or solved late, or still waiting past its deadline) and empty while
    the deadline is ahead or the ticket has no SLA, so their averages are the SLA
    compliance. ``csat`` is the customer's satisfaction (1-5) with the ticket,
    from the latest answer to its survey."""

    _name = "crm.zz.ticket.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Service Analysis"
    _auto = False
    _rec_name = "ticket_id"
    _order = "create_date desc"
    _zz_source_models = (
        "helpdesk.ticket",
        "helpdesk.ticket.stage",
        "res.partner",
        "survey.user_input",
        "survey.user_input.line",
    )

    _zz_source_indexes = (
        ("helpdesk_ticket_partner_id_index", "helpdesk_ticket", ["partner_id"], ""),
    )

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    create_date = fields.Datetime(string="Created on", readonly=True)
    closed_date = fields.Datetime(string="Closed on", readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Helpdesk Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    category_id = fields.Many2one("helpdesk.ticket.category", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    priority = fields.Selection(
        [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")], readonly=True
    )
    request_type = fields.Selection(
        [
            ("service", "Service Request"),
            ("complaint", "Complaint"),
            ("consultation", "Consultation"),
            ("repair", "Repair"),
        ],
        readonly=True,
    )
    sla_status = fields.Selection(
        [("on_track", "On Track"), ("at_risk", "At Risk"), ("breached", "Breached")],
        string="SLA Status",
        readonly=True,
    )
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    zz_grade = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], string="Grade", readonly=True
    )
    is_open = fields.Boolean(string="Open", readonly=True)
    ticket_count = fields.Integer(string="Tickets", readonly=True)
    backlog_count = fields.Integer(string="Backlog", readonly=True)
    closed_count = fields.Integer(string="Closed", readonly=True)
    response_on_time = fields.Float(string="Answered on Time (%)", aggregator="avg", readonly=True)
    resolution_on_time = fields.Float(string="Solved on Time (%)", aggregator="avg", readonly=True)
    resolution_hours = fields.Float(string="Hours to Solve", aggregator="avg", readonly=True)
    age_days = fields.Float(string="Age of Open Tickets (days)", aggregator="avg", readonly=True)
    csat = fields.Float(string="CSAT", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH csat AS (
                SELECT sat.ticket_id, AVG(sat.csat) AS csat
                  FROM crm_zz_service_satisfaction_report sat
                 WHERE sat.ticket_id IS NOT NULL AND sat.csat IS NOT NULL
              GROUP BY sat.ticket_id
            )
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   t.create_date,
                   t.closed_date,
                   t.stage_id,
                   t.team_id,
                   t.user_id,
                   t.company_id,
                   p.id AS partner_id,
                   t.category_id,
                   t.channel_id,
                   t.priority,
                   t.zz_request_type AS request_type,
                   t.zz_sla_status AS sla_status,
                   COALESCE(t.zz_district_id, p.zz_district_id) AS zz_district_id,
                   COALESCE(t.zz_zone_id, p.zz_zone_id) AS zz_zone_id,
                   p.zz_park_id,
                   p.industry_id,
                   p.zz_grade,
                   NOT COALESCE(st.closed, FALSE) AS is_open,
                   1 AS ticket_count,
                   (NOT COALESCE(st.closed, FALSE))::int AS backlog_count,
                   COALESCE(st.closed, FALSE)::int AS closed_count,
                   CASE WHEN t.zz_first_response_deadline IS NULL THEN NULL
                        WHEN t.zz_first_response_date IS NOT NULL
                        THEN CASE WHEN t.zz_first_response_date <= t.zz_first_response_deadline
                                  THEN 100.0 ELSE 0.0 END
                        WHEN t.zz_first_response_deadline < NOW() AT TIME ZONE 'UTC' THEN 0.0
                   END AS response_on_time,
                   CASE WHEN t.zz_resolution_deadline IS NULL THEN NULL
                        WHEN t.zz_resolved_date IS NOT NULL
                        THEN CASE WHEN t.zz_resolved_date <= t.zz_resolution_deadline
                                  THEN 100.0 ELSE 0.0 END
                        WHEN t.zz_resolution_deadline < NOW() AT TIME ZONE 'UTC' THEN 0.0
                   END AS resolution_on_time,
                   CASE WHEN COALESCE(t.zz_resolved_date, t.closed_date) IS NOT NULL
                        THEN EXTRACT(EPOCH FROM COALESCE(t.zz_resolved_date, t.closed_date)
                                                - t.create_date) / 3600.0
                   END AS resolution_hours,
                   CASE WHEN NOT COALESCE(st.closed, FALSE)
                        THEN EXTRACT(EPOCH FROM (NOW() AT TIME ZONE 'UTC') - t.create_date)
                             / 86400.0
                   END AS age_days,
                   csat.csat
              FROM helpdesk_ticket t
              JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
         LEFT JOIN res_partner contact ON contact.id = t.partner_id
         LEFT JOIN res_partner p ON p.id = contact.commercial_partner_id
         LEFT JOIN csat ON csat.ticket_id = t.id
             WHERE t.active
            """
        )
