# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestLeadChannel(TransactionCase):
    """Leads carry the Chinese channel they came from and the customer's district."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.customer = cls.env["res.partner"].create(
            {"name": "郑州金水贸易有限公司", "is_company": True, "zz_district_id": cls.jinshui.id}
        )

    def test_chinese_channels_are_preset(self):
        names = set(self.env["utm.source"].search([]).mapped("name"))
        self.assertLessEqual({"展会", "商务活动", "官网表单", "电话", "转介绍", "微信"}, names)

    def test_chinese_mediums_are_preset(self):
        names = set(self.env["utm.medium"].search([]).mapped("name"))
        self.assertLessEqual(
            {"展位", "微信公众号", "企业微信", "百度推广", "抖音", "400 热线"}, names
        )

    def test_opportunity_shows_the_customer_district(self):
        with Form(self.env["crm.lead"].with_context(default_type="opportunity")) as form:
            form.name = "ERP 升级"
            form.partner_id = self.customer
            form.source_id = self.env.ref("crm_zz_sales.utm_source_trade_show")
            form.medium_id = self.env.ref("crm_zz_sales.utm_medium_booth")
        lead = form.record
        self.assertEqual(lead.zz_district_id, self.jinshui)
        self.assertEqual(lead.source_id.name, "展会")
        self.assertEqual(lead.medium_id.name, "展位")
        found = self.env["crm.lead"].search([("zz_district_id", "=", self.jinshui.id)])
        self.assertIn(lead, found)
        self.assertNotIn(
            lead, self.env["crm.lead"].search([("zz_district_id", "!=", self.jinshui.id)])
        )
