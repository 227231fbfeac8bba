# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    zz_sla_pause = fields.Boolean(
        string="Waiting for Customer",
        help="While a ticket is in this stage its SLA clock is paused.",
    )
    zz_solved = fields.Boolean(
        string="Solved",
        help="Reaching this stage meets the resolution target; a complaint needs its "
        "root cause and resolution, and gets a follow-up visit.",
    )
    zz_send_survey = fields.Boolean(
        string="Send Satisfaction Survey",
        help="Closing a ticket in this stage sends the team's satisfaction survey.",
    )
