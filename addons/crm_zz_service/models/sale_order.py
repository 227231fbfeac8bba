# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    zz_open_ticket_count = fields.Integer(
        string="Open Tickets",
        compute="_compute_zz_open_ticket_count",
        help="Service tickets of this customer and its contacts that are not closed.",
    )

    @api.depends("partner_id")
    def _compute_zz_open_ticket_count(self):
        customers = self.partner_id.commercial_partner_id
        # sudo: the salesperson quoting sees how many tickets are open even without
        # helpdesk rights; only the count leaves this method, never a ticket.
        tickets = self.env["helpdesk.ticket"].sudo()
        groups = tickets._read_group(
            [("partner_id", "child_of", customers.ids), ("stage_id.closed", "=", False)],
            ["partner_id"],
            ["__count"],
        )
        counts = {}
        for partner, count in groups:
            customer = partner.commercial_partner_id
            counts[customer] = counts.get(customer, 0) + count
        for order in self:
            order.zz_open_ticket_count = counts.get(order.partner_id.commercial_partner_id, 0)

    def action_zz_view_open_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("stage_id.closed", "=", False),
        ]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action
