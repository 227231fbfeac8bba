# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestCampaignReport(CrmZzReportsCommon):
    """What a campaign brought: leads, won revenue, orders, invoices and payments,
    each counted under the salesperson of its own record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create({"title": "郑州春季展会"})
        cls.lead_a = cls._opportunity(
            "展会-甲", cls.customer_a, cls.user_a, 50000, campaign_id=cls.campaign.id
        )
        cls.lead_a.stage_id = cls.won_stage
        cls.lead_b = cls._opportunity(
            "展会-乙", cls.customer_b, cls.user_b, 20000, campaign_id=cls.campaign.id
        )
        product = cls.env["product.product"].create(
            {"name": "工业传感器", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        cls.order_a, cls.order_b = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "campaign_id": cls.campaign.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": qty})
                    ],
                }
                for partner, user, qty in (
                    (cls.customer_a, cls.user_a, 30),
                    (cls.customer_b, cls.user_b, 5),
                )
            ]
        )
        (cls.order_a | cls.order_b).action_confirm()
        cls.env.flush_all()

    def _figures(self):
        return self.env["crm.zz.campaign.report"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["campaign_id"],
            ["lead_count:sum", "won_revenue:sum", "order_count:sum", "order_amount:sum"],
        )

    @users("crm_zz_reports-manager")
    def test_campaign_figures(self):
        self.assertEqual(self._figures(), [(self.campaign, 2, 50000.0, 2, 35000.0)])

    @users("crm_zz_reports-b")
    def test_salesperson_campaign_figures(self):
        self.assertEqual(self._figures(), [(self.campaign, 1, 0.0, 1, 5000.0)])
