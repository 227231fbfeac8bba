# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """The interactions logged on a ticket (callbacks, visits...), as a smart button."""

    _inherit = "helpdesk.ticket"

    zz_interaction_count = fields.Integer(
        string="Interactions",
        compute="_compute_zz_interaction_count",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_zz_interaction_count(self):
        counts = self.env["crm.zz.interaction"]._zz_count_for(self)
        for ticket in self:
            ticket.zz_interaction_count = counts.get(ticket.id, 0)

    def action_zz_view_interactions(self):
        self.ensure_one()
        return self.env["crm.zz.interaction"]._zz_action_for(self, self.partner_id)
