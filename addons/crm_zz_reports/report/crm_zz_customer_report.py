# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CrmZzCustomerReport(models.Model):
    """One row per customer company: where it is, what is open in sales and service."""

    _name = "crm.zz.customer.report"
    _description = "Customer Analysis by District"
    _auto = False
    _rec_name = "partner_id"
    _order = "open_revenue desc"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True, aggregator="sum")
    open_opportunity_count = fields.Integer(string="Open Opportunities", readonly=True)
    open_revenue = fields.Float(string="Open Expected Revenue", readonly=True)
    open_ticket_count = fields.Integer(string="Open Tickets", readonly=True)

    def _select(self):
        return SQL(
            """
            p.id AS id,
            p.id AS partner_id,
            p.user_id AS user_id,
            p.company_id AS company_id,
            p.zz_district_id AS zz_district_id,
            p.zz_zone_id AS zz_zone_id,
            p.zz_park_id AS zz_park_id,
            p.industry_id AS industry_id,
            1 AS customer_count,
            COALESCE(l.open_count, 0) AS open_opportunity_count,
            COALESCE(l.open_revenue, 0.0) AS open_revenue,
            COALESCE(t.open_count, 0) AS open_ticket_count
            """
        )

    def _from(self):
        return SQL(
            """
            res_partner p
            LEFT JOIN (
                SELECT lead.commercial_partner_id AS partner_id,
                       COUNT(*) AS open_count,
                       SUM(lead.expected_revenue) AS open_revenue
                  FROM (
                    SELECT rp.commercial_partner_id,
                           cl.expected_revenue
                      FROM crm_lead cl
                      JOIN res_partner rp ON rp.id = cl.partner_id
                 LEFT JOIN crm_stage stage ON stage.id = cl.stage_id
                     WHERE cl.active AND cl.type = 'opportunity'
                       AND NOT COALESCE(stage.is_won, FALSE)
                  ) lead
              GROUP BY lead.commercial_partner_id
            ) l ON l.partner_id = p.id
            LEFT JOIN (
                SELECT rp.commercial_partner_id AS partner_id, COUNT(*) AS open_count
                  FROM helpdesk_ticket ht
                  JOIN res_partner rp ON rp.id = ht.partner_id
                  JOIN helpdesk_ticket_stage st ON st.id = ht.stage_id
                 WHERE NOT st.closed
              GROUP BY rp.commercial_partner_id
            ) t ON t.partner_id = p.id
            """
        )

    def _where(self):
        return SQL("p.active AND p.parent_id IS NULL AND p.is_company")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
            )
        )
