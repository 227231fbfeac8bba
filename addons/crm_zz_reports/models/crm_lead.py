# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    zz_suggested_product_ids = fields.Many2many(
        "product.product",
        string="Suggested Products",
        compute="_compute_zz_suggested_product_ids",
        # sudo: the suggestion comes from what the whole company sells together and
        # from all of the customer's orders, whoever's they are; only products are shown
        compute_sudo=True,
        groups="sales_team.group_sale_salesman",
        help="Products often bought with what the customer buys, which it has not bought yet.",
    )

    @api.depends("partner_id")
    def _compute_zz_suggested_product_ids(self):
        Affinity = self.env["crm.zz.product.affinity"]
        bought = Affinity._bought_by_customer(self.partner_id)
        suggested = Affinity._suggest(
            {lead: bought.get(lead.partner_id.commercial_partner_id.id, set()) for lead in self}
        )
        for lead in self:
            lead.zz_suggested_product_ids = suggested[lead]
