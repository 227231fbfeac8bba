# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """Ownership of a customer: salesperson, sharing, public pool, transfers."""

    _inherit = "res.partner"

    zz_share_ids = fields.One2many("crm.zz.partner.share", "partner_id", string="Shared With")
