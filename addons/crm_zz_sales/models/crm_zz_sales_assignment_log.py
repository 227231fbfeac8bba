# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzSalesAssignmentLog(models.Model):
    """One line per lead given to a salesperson by the assignment rules."""

    _name = "crm.zz.sales.assignment.log"
    _description = "Lead Assignment Log"
    _order = "create_date desc, id desc"

    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", string="Salesperson", required=True, index=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", ondelete="set null")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    trigger = fields.Selection(
        [("create", "Lead Created"), ("cron", "Scheduled Assignment"), ("manual", "Manual Run")],
        required=True,
        default="manual",
    )
    rule = fields.Char(string="Matched Rule")
