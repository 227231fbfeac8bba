# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # The customer's place in Zhengzhou, so that the pipeline can be sorted by it.
    zz_district_id = fields.Many2one(
        related="partner_id.zz_district_id", string="District", store=True, index=True
    )
    zz_zone_id = fields.Many2one(
        related="partner_id.zz_zone_id", string="Functional Zone", store=True
    )
    zz_park_id = fields.Many2one(
        related="partner_id.zz_park_id", string="Industry Park", store=True
    )
