# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user, tagged, users


@tagged("at_install", "-post_install")
class TestCustomerReport(TransactionCase):
    """A manager sees open pipeline per district; a salesperson only their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.user_a = new_test_user(
            cls.env, login="zz-report-a", groups="sales_team.group_sale_salesman"
        )
        cls.user_b = new_test_user(
            cls.env, login="zz-report-b", groups="sales_team.group_sale_salesman"
        )
        cls.customer_a, cls.customer_b = cls.env["res.partner"].create(
            [
                {
                    "name": "金水甲公司",
                    "is_company": True,
                    "zz_district_id": cls.jinshui.id,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "金水乙公司",
                    "is_company": True,
                    "zz_district_id": cls.jinshui.id,
                    "user_id": cls.user_b.id,
                },
            ]
        )
        cls.env["crm.lead"].create(
            [
                {
                    "name": "甲-1",
                    "type": "opportunity",
                    "partner_id": cls.customer_a.id,
                    "expected_revenue": 100000,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "甲-2",
                    "type": "opportunity",
                    "partner_id": cls.customer_a.id,
                    "expected_revenue": 50000,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "乙-1",
                    "type": "opportunity",
                    "partner_id": cls.customer_b.id,
                    "expected_revenue": 20000,
                    "user_id": cls.user_b.id,
                },
            ]
        )
        cls.env.flush_all()

    def test_open_pipeline_per_district(self):
        rows = self.env["crm.zz.customer.report"]._read_group(
            [("partner_id", "in", (self.customer_a + self.customer_b).ids)],
            ["zz_district_id"],
            ["customer_count:sum", "open_opportunity_count:sum", "open_revenue:sum"],
        )
        self.assertEqual(rows, [(self.jinshui, 2, 3, 170000.0)])

    @users("zz-report-a")
    def test_salesperson_sees_only_own_customers(self):
        rows = self.env["crm.zz.customer.report"].search(
            [("partner_id", "in", (self.customer_a + self.customer_b).ids)]
        )
        self.assertEqual(rows.partner_id, self.customer_a)
        self.assertEqual(rows.open_revenue, 150000.0)
