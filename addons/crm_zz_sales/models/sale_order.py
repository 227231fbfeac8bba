# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # The customer's CRM profile next to the order
    zz_district_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_district_id", string="Customer District"
    )
    zz_zone_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_zone_id", string="Customer Zone"
    )
    zz_park_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_park_id", string="Customer Park"
    )
    zz_grade = fields.Selection(
        related="partner_id.commercial_partner_id.zz_grade", string="Customer Grade"
    )
