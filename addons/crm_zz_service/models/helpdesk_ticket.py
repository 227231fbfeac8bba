# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Where the customer sits, so that the agent sees it without opening the customer.
    zz_district_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_district_id",
        string="District",
        store=True,
        index=True,
    )
    zz_zone_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_zone_id",
        string="Functional Zone",
        store=True,
    )
