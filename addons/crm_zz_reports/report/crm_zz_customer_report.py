# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

ROW_TYPES = [
    ("customer", "Customer"),
    ("opportunity", "Open Opportunity"),
    ("ticket", "Open Ticket"),
]


class CrmZzCustomerReport(models.Model):
    """Customers per district, zone and park, with their open opportunities and
    tickets. One row per customer company, per open opportunity and per open
    ticket: each row carries the owner fields of the record it counts, so that a
    salesperson's figures add up what he may read (his customers, his or
    unassigned opportunities, the tickets helpdesk lets him see) and nothing of a
    colleague's, even on a customer they share."""

    _name = "crm.zz.customer.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Customer Analysis by District"
    _auto = False
    _rec_name = "partner_id"
    _order = "partner_id, row_type"
    _zz_source_models = ("res.partner", "crm.lead", "crm.stage", "helpdesk.ticket")
    # every open opportunity of a million leads: kept by the refresh job
    _zz_materialized = True
    _zz_view_indexes = ("partner_id", "lead_id", "ticket_id", "user_id")
    _zz_record_fields = ("partner_id", "lead_id", "ticket_id")

    row_type = fields.Selection(ROW_TYPES, string="Counted Record", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    partner_user_id = fields.Many2one("res.users", string="Account Owner", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        readonly=True,
        help="Owner of the counted record: the customer, the opportunity or the ticket.",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    helpdesk_team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    zz_grade = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], string="Grade", readonly=True
    )
    customer_count = fields.Integer(string="Customers", readonly=True)
    open_opportunity_count = fields.Integer(string="Open Opportunities", readonly=True)
    open_revenue = fields.Float(string="Open Expected Revenue", readonly=True)
    open_ticket_count = fields.Integer(string="Open Tickets", readonly=True)

    def _query(self):
        # ids: 3n for the customer, 3n+1 for an opportunity, 3n+2 for a ticket
        return SQL(
            """
            SELECT p.id * 3 AS id,
                   'customer' AS row_type,
                   p.id AS partner_id,
                   p.user_id AS partner_user_id,
                   p.user_id AS user_id,
                   NULL::integer AS team_id,
                   NULL::integer AS helpdesk_team_id,
                   NULL::integer AS lead_id,
                   NULL::integer AS ticket_id,
                   p.company_id AS company_id,
                   p.zz_district_id, p.zz_zone_id, p.zz_park_id, p.industry_id, p.zz_grade,
                   1 AS customer_count,
                   0 AS open_opportunity_count,
                   0.0 AS open_revenue,
                   0 AS open_ticket_count
              FROM res_partner p
             WHERE p.active AND p.is_company AND p.parent_id IS NULL
            UNION ALL
            SELECT lead.id * 3 + 1,
                   'opportunity',
                   p.id, p.user_id, lead.user_id, lead.team_id, NULL, lead.id, NULL,
                   lead.company_id,
                   p.zz_district_id, p.zz_zone_id, p.zz_park_id, p.industry_id, p.zz_grade,
                   0, 1, COALESCE(lead.expected_revenue, 0.0), 0
              FROM crm_lead lead
              JOIN res_partner contact ON contact.id = lead.partner_id
              JOIN res_partner p ON p.id = contact.commercial_partner_id
         LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
             WHERE lead.active AND lead.type = 'opportunity'
                   AND NOT COALESCE(stage.is_won, FALSE)
                   AND p.active AND p.is_company
            UNION ALL
            SELECT ticket.id * 3 + 2,
                   'ticket',
                   p.id, p.user_id, ticket.user_id, NULL, ticket.team_id, NULL, ticket.id,
                   ticket.company_id,
                   p.zz_district_id, p.zz_zone_id, p.zz_park_id, p.industry_id, p.zz_grade,
                   0, 0, 0.0, 1
              FROM helpdesk_ticket ticket
              JOIN res_partner contact ON contact.id = ticket.partner_id
              JOIN res_partner p ON p.id = contact.commercial_partner_id
              JOIN helpdesk_ticket_stage st ON st.id = ticket.stage_id
             WHERE ticket.active AND NOT COALESCE(st.closed, FALSE)
                   AND p.active AND p.is_company
            """
        )
