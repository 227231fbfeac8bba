# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzServiceSlaPause(models.Model):
    """A period the SLA clock stood still because the ticket waited for the customer."""

    _name = "crm.zz.service.sla.pause"
    _description = "SLA Pause"
    _order = "ticket_id, date_start"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    date_start = fields.Datetime(string="Paused from", required=True)
    date_end = fields.Datetime(string="Paused until")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
