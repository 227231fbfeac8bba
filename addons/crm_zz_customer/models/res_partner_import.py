# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """What the customer import brings that Odoo has no field for."""

    _inherit = "res.partner"

    zz_first_deal_date = fields.Date(
        string="First Deal",
        copy=False,
        help="When the customer first bought, as the imported files say (首次成交日期).",
    )
