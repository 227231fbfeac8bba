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


@tagged("at_install", "-post_install")
class TestCampaignRoi(CrmZzReportsCommon):
    """The campaign's return on investment: (paid - cost) / cost, in the company's
    currency, undefined (empty) when no cost is recorded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign, cls.free_campaign = cls.env["utm.campaign"].create(
            [{"title": "郑州秋季展会"}, {"title": "公众号推文"}]
        )
        event = cls.env.ref("crm_zz_marketing.channel_event")
        print_ad = cls.env.ref("crm_zz_marketing.channel_offline_ad")
        cls.env["crm.zz.marketing.cost"].create(
            [
                {"campaign_id": cls.campaign.id, "channel_id": event.id, "amount": 600.0},
                {"campaign_id": cls.campaign.id, "channel_id": print_ad.id, "amount": 400.0},
            ]
        )
        product = cls.env["product.product"].create(
            {"name": "展会套餐", "list_price": 3000.0, "taxes_id": [Command.clear()]}
        )
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.customer_a.id,
                    "invoice_user_id": cls.user_a.id,
                    "campaign_id": campaign.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1,
                                "price_unit": 3000.0,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for campaign in (cls.campaign, cls.free_campaign)
            ]
        )
        invoices.action_post()
        # half of each invoice is paid: 1,500 of 3,000
        for invoice in invoices:
            cls.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"amount": 1500.0})._create_payments()
        cls.env.flush_all()

    def _roi(self, groupby=("campaign_id",)):
        return self.env["crm.zz.campaign.report"]._read_group(
            [("campaign_id", "in", (self.campaign | self.free_campaign).ids)],
            list(groupby),
            ["paid_amount:sum", "cost_amount:sum", "roi:avg"],
        )

    @users("crm_zz_reports-manager")
    def test_roi_by_hand(self):
        # paid 1,500, cost 600 + 400 = 1,000: ROI (1,500 - 1,000) / 1,000 = 50 %;
        # no cost on the second campaign: ROI undefined, empty
        self.assertEqual(
            sorted(self._roi(), key=lambda row: row[0].id),
            [(self.campaign, 1500.0, 1000.0, 50.0), (self.free_campaign, 1500.0, 0.0, None)],
        )
        # both campaigns together: (3,000 - 1,000) / 1,000
        self.assertEqual(self._roi(groupby=()), [(3000.0, 1000.0, 200.0)])
        # per channel: cost rows only carry a channel
        by_channel = {
            channel.code: (paid, cost, roi)
            for channel, paid, cost, roi in self._roi(groupby=("channel_id",))
            if channel
        }
        self.assertEqual(
            by_channel, {"event": (0.0, 600.0, -100.0), "offline_ad": (0.0, 400.0, -100.0)}
        )

    @users("crm_zz_reports-b")
    def test_salesperson_sees_costs_but_not_a_colleagues_payments(self):
        rows = dict((campaign, (paid, cost, roi)) for campaign, paid, cost, roi in self._roi())
        self.assertEqual(rows, {self.campaign: (0.0, 1000.0, -100.0)})

    @users("crm_zz_reports-manager")
    def test_pivot_shows_empty_roi_without_cost(self):
        groups = self.env["crm.zz.campaign.report"].read_group(
            [("campaign_id", "=", self.free_campaign.id)], ["roi", "paid_amount"], ["campaign_id"]
        )
        self.assertEqual(len(groups), 1)
        self.assertIsNone(groups[0]["roi"])
        self.assertEqual(groups[0]["paid_amount"], 1500.0)
