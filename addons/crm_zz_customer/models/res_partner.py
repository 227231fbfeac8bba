# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Location in Zhengzhou
    zz_district_id = fields.Many2one(
        "crm.zz.district",
        string="District",
        domain=[("kind", "!=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="County-level division (GB/T 2260) the customer is registered in.",
    )
    zz_zone_id = fields.Many2one(
        "crm.zz.district",
        string="Functional Zone",
        domain=[("kind", "=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Functional zone (郑东新区, 高新区, 经开区, 航空港区) the customer lies in.",
    )
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", index=True, tracking=True)

    @api.depends("zz_park_id")
    def _compute_zz_location(self):
        """A park implies its zone or district; other values stay as they were."""
        for partner in self:
            place = partner.zz_park_id.district_id
            if not place:
                continue
            if place.kind == "zone":
                partner.zz_zone_id = place
            else:
                partner.zz_district_id = place
