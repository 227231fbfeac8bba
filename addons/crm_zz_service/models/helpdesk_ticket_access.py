# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

HELPDESK_USER = "helpdesk_mgmt.group_helpdesk_user_own"


class HelpdeskTicket(models.Model):
    """Which ticket fields are the service agents' own business.

    Employees may read the tickets they follow (helpdesk_mgmt's rule for internal
    users), not the SLA pauses or the knowledge base behind them: without these
    fields their "export all" and API reads of tickets work.
    """

    _inherit = "helpdesk.ticket"

    zz_sla_pause_ids = fields.One2many(groups=HELPDESK_USER)
    zz_suggested_article_ids = fields.Many2many(groups=HELPDESK_USER)
