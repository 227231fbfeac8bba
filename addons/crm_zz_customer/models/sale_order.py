# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        result = super()._action_confirm()
        # sudo: the stage is the customer's, whoever confirms; the seller may not see all of it
        self.partner_id.sudo()._zz_refresh_lifecycle()
        return result
