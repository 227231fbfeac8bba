# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import Form, tagged

from .common import CrmZzMarketingCommon

ROI_FIELDS = [
    "zz_mail_sent",
    "zz_sms_sent",
    "zz_registration_count",
    "zz_lead_total",
    "zz_won_revenue",
    "zz_order_amount",
    "zz_paid_amount",
    "zz_cost_total",
    "zz_roi_label",
    "zz_cost_per_lead",
]


@tagged("post_install", "-at_install")
class TestCampaignRoi(CrmZzMarketingCommon):
    """A campaign's return is measured on money received: from the mailing through
    the lead, the confirmed order and the paid invoice, against its costs converted
    at each cost's date. Without any cost the ROI is undefined, not an error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.other_currency = cls.env.ref(
            "base.CNY" if company.currency_id != cls.env.ref("base.CNY") else "base.USD"
        )
        cls.other_currency.active = True
        cls.env["res.currency.rate"].create(
            [
                {"currency_id": cls.other_currency.id, "name": "2026-03-01", "rate": 7.0},
                {"currency_id": cls.other_currency.id, "name": "2026-06-01", "rate": 8.0},
            ]
        )
        cls.vat = cls.env["account.tax"].create(
            {"name": "增值税 13%", "amount": 13.0, "amount_type": "percent", "type_tax_use": "sale"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "激光切割机 LC-3015",
                "type": "service",
                "list_price": 100000.0,
                "invoice_policy": "order",
                "taxes_id": [cls.vat.id],
            }
        )
        cls.email = cls.env.ref("crm_zz_marketing.channel_email")
        cls.event_channel = cls.env.ref("crm_zz_marketing.channel_event")

    def test_roi_from_mailing_to_paid_invoice(self):
        with Form(self.env["utm.campaign"].with_user(self.marketer)) as form:
            form.title = "2026 春季新品推广"
            form.zz_budget = 30000
            form.zz_goal_type = "revenue"
            form.zz_goal_target = 200000
            with form.zz_cost_ids.new() as cost:
                cost.channel_id = self.email
                cost.date = date(2026, 3, 10)
                cost.name = "邮件设计"
                cost.amount = 6000
            with form.zz_cost_ids.new() as cost:
                cost.channel_id = self.event_channel
                cost.date = date(2026, 3, 15)
                cost.name = "展位（外币）"
                cost.currency_id = self.other_currency
                cost.amount = 28000  # 4,000 at 7.0 on that date, not 3,500 at 8.0
        campaign = form.record
        self.assertEqual(campaign.zz_cost_total, 10000)
        self.assertEqual(campaign.zz_budget_left, 20000)
        self.assertFalse(campaign.zz_paid_amount)
        self.assertEqual(campaign.zz_roi, -1.0)

        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "subject": "春季新品",
                    "body_html": "<p>新品到店</p>",
                    "zz_segment_id": self.segment.id,
                    "campaign_id": campaign.id,
                }
            )
        )
        mailing.action_launch()
        self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertEqual(campaign.zz_mail_sent, 3)  # given, late, foreign

        # the customer follows the link and asks for a quote: a lead of the campaign
        lead = self.env["crm.lead"].create(
            {
                "name": "询价：激光切割机",
                "partner_id": self.given.id,
                "campaign_id": campaign.id,
                "medium_id": mailing.medium_id.id,
                "source_id": mailing.source_id.id,
                "type": "lead",
            }
        )
        self.env["crm.lead"].create(
            {"name": "咨询：售后", "campaign_id": campaign.id, "type": "lead"}
        )
        lead.convert_opportunity(self.given)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.given.id,
                "opportunity_id": lead.id,
                "campaign_id": campaign.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        order.action_confirm()
        lead.action_set_won()
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.campaign_id, campaign)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 56500})._create_payments()  # half of 113,000

        campaign.invalidate_recordset()
        self.assertEqual(campaign.zz_lead_total, 2)
        self.assertEqual(campaign.zz_opportunity_total, 1)
        self.assertEqual(campaign.zz_won_count, 1)
        self.assertEqual(campaign.zz_order_count, 1)
        self.assertEqual(campaign.zz_order_amount, 100000)
        self.assertEqual(campaign.invoiced_amount, 100000)
        self.assertEqual(campaign.zz_paid_amount, 50000)  # taxes excluded, half paid
        self.assertAlmostEqual(campaign.zz_roi, 4.0)  # (50,000 - 10,000) / 10,000
        self.assertEqual(campaign.zz_roi_label, "400%")
        self.assertEqual(campaign.zz_cost_per_lead, 5000)
        self.assertEqual(campaign.zz_goal_actual, 50000)
        self.assertEqual(campaign.zz_goal_progress, 25)
        self.assertIn("50%", campaign.zz_funnel_html)  # 1 opportunity of 2 leads

    def test_campaign_without_cost_has_undefined_roi(self):
        campaign = self.env["utm.campaign"].create({"title": "口碑传播"})
        self.assertFalse(campaign.zz_roi_defined)
        self.assertEqual(campaign.zz_roi, 0)
        self.assertIn("Undefined", campaign.with_context(lang="en_US").zz_roi_label)
        self.assertEqual(campaign.zz_cost_per_lead, 0)

    def test_figures_cost_the_same_queries_for_few_and_many_campaigns(self):
        campaigns = self.env["utm.campaign"].create(
            [{"title": f"活动 {i}", "zz_budget": 1000} for i in range(12)]
        )
        self.env["crm.zz.marketing.cost"].create(
            [{"campaign_id": c.id, "channel_id": self.email.id, "amount": 100} for c in campaigns]
        )
        self.env["crm.lead"].create(
            [{"name": f"线索 {i}", "campaign_id": c.id} for i, c in enumerate(campaigns)]
        )

        def count_queries(records):
            self.env.flush_all()
            self.env.invalidate_all()
            records = records.browse(records.ids)
            before = self.env.cr.sql_log_count
            for record in records:
                for fname in ROI_FIELDS:
                    record[fname]
            return self.env.cr.sql_log_count - before

        count_queries(campaigns[:1])
        few = count_queries(campaigns[:3])
        many = count_queries(campaigns)
        self.assertEqual(few, many)
        self.assertEqual(campaigns[5].zz_lead_total, 1)
        self.assertEqual(campaigns[5].zz_cost_per_lead, 100)
