# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """Deals and deliveries on the customer's 360° view (crm_zz_customer's summary).

    Ordered, invoiced, paid and overdue amounts are crm_zz_customer's figures;
    this adds what only sales knows: open and won deals, orders still to deliver.
    """

    _inherit = "res.partner"

    # deals are sales business: other employees read customers without them
    zz_open_opportunity_count = fields.Integer(
        string="Open Deals",
        compute="_compute_zz_opportunity_counts",
        groups="sales_team.group_sale_salesman",
    )
    zz_won_opportunity_count = fields.Integer(
        string="Won Deals",
        compute="_compute_zz_opportunity_counts",
        groups="sales_team.group_sale_salesman",
    )
    zz_undelivered_order_count = fields.Integer(
        string="Orders to Deliver",
        compute="_compute_zz_undelivered_order_count",
        help="Confirmed orders not fully delivered yet.",
    )

    def _compute_zz_opportunity_counts(self):
        groups = self.env["crm.lead"]._read_group(
            [
                ("partner_id", "child_of", self.commercial_partner_id.ids),
                ("type", "=", "opportunity"),
            ],
            ["partner_id", "stage_id"],
            ["__count"],
        )
        open_counts, won_counts = {}, {}
        for partner, stage, count in groups:
            counts = won_counts if stage.is_won else open_counts
            key = partner.commercial_partner_id.id
            counts[key] = counts.get(key, 0) + count
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.zz_open_opportunity_count = open_counts.get(key, 0)
            partner.zz_won_opportunity_count = won_counts.get(key, 0)

    def _compute_zz_undelivered_order_count(self):
        counts = {}
        SaleOrder = self.env["sale.order"]
        if self.commercial_partner_id and SaleOrder.has_access("read"):
            for partner, count in SaleOrder._read_group(
                [
                    ("partner_id", "child_of", self.commercial_partner_id.ids),
                    ("state", "=", "sale"),
                    ("delivery_status", "in", ("pending", "started", "partial")),
                ],
                ["partner_id"],
                ["__count"],
            ):
                key = partner.commercial_partner_id.id
                counts[key] = counts.get(key, 0) + count
        for partner in self:
            partner.zz_undelivered_order_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_zz_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_opportunities")
        action["domain"] = [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("type", "=", "opportunity"),
        ]
        action["context"] = {"default_partner_id": self.id, "default_type": "opportunity"}
        return action
