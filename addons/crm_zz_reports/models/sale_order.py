# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    zz_suggested_product_ids = fields.Many2many(
        "product.product",
        string="Suggested Products",
        compute="_compute_zz_suggested_product_ids",
        # sudo: the suggestion comes from what the whole company sells together and
        # from all of the customer's orders, whoever's they are; only products are shown
        compute_sudo=True,
        groups="sales_team.group_sale_salesman",
        help="Products often bought with those of this quotation and of the customer's "
        "orders, which neither holds yet.",
    )

    @api.depends("partner_id", "order_line.product_id")
    def _compute_zz_suggested_product_ids(self):
        Affinity = self.env["crm.zz.product.affinity"]
        bought = Affinity._bought_by_customer(self.partner_id)
        suggested = Affinity._suggest(
            {
                order: bought.get(order.partner_id.commercial_partner_id.id, set())
                | set(order.order_line.product_id.ids)
                for order in self
            }
        )
        for order in self:
            order.zz_suggested_product_ids = suggested[order]
