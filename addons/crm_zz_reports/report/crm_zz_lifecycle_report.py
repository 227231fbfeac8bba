# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.crm_zz_customer.models.res_partner import GRADES, LIFECYCLE_STAGES


class CrmZzLifecycleReport(models.Model):
    """Customer lifecycle transitions per month: one row per change of a
    customer's stage (crm.zz.partner.lifecycle.history), with where the customer
    is, its industry and the salesperson who held it at the time of the change.
    Pivot the stage left (rows) against the stage reached (columns) per month."""

    _name = "crm.zz.lifecycle.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Customer Lifecycle Transitions"
    _auto = False
    _rec_name = "partner_id"
    _order = "date desc"
    _zz_source_models = ("crm.zz.partner.lifecycle.history", "res.partner")

    date = fields.Date(readonly=True)
    stage_from = fields.Selection(LIFECYCLE_STAGES, string="From Stage", readonly=True)
    stage_to = fields.Selection(LIFECYCLE_STAGES, string="To Stage", readonly=True)
    is_manual = fields.Boolean(string="Override", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        readonly=True,
        help="Owner of the customer when its stage changed.",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_zone_id = fields.Many2one("crm.zz.district", string="Functional Zone", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    zz_grade = fields.Selection(GRADES, string="Grade", readonly=True)
    transition_count = fields.Integer(string="Transitions", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT h.id, h.date, h.stage_from, h.stage_to,
                   COALESCE(h.is_manual, FALSE) AS is_manual,
                   h.partner_id, h.user_id, h.company_id,
                   p.zz_district_id, p.zz_zone_id, p.zz_park_id, p.industry_id, p.zz_grade,
                   1 AS transition_count
              FROM crm_zz_partner_lifecycle_history h
              JOIN res_partner p ON p.id = h.partner_id
            """
        )
