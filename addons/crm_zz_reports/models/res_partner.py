# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    zz_cluster_id = fields.Many2one(
        "crm.zz.customer.cluster",
        string="Customer Cluster",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="Customers alike in value, industry, district and order mix; "
        "found every week by the customer analysis.",
    )
    zz_suggested_product_ids = fields.Many2many(
        "product.product",
        string="Suggested Products",
        compute="_compute_zz_suggested_product_ids",
        # sudo: the suggestion comes from what the whole company sells together and
        # from all of the customer's orders, whoever's they are; only products are shown
        compute_sudo=True,
        groups="sales_team.group_sale_salesman",
        help="Products often bought with what this customer buys, which it has not bought yet.",
    )

    def _compute_zz_suggested_product_ids(self):
        Affinity = self.env["crm.zz.product.affinity"]
        bought = Affinity._bought_by_customer(self)
        suggested = Affinity._suggest(
            {partner: bought.get(partner.commercial_partner_id.id, set()) for partner in self}
        )
        for partner in self:
            partner.zz_suggested_product_ids = suggested[partner]
