# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestCustomerReport(CrmZzReportsCommon):
    """A manager sees customers and open pipeline per district; a salesperson adds
    up his own customers and opportunities only, never a colleague's opportunity
    on a customer, nor another company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._opportunity("甲-1", cls.customer_a, cls.user_a, 100000)
        cls._opportunity("甲-2", cls.customer_a, cls.user_a, 50000)
        # a colleague's opportunity on A's customer
        cls._opportunity("乙-甲客户", cls.customer_a, cls.user_b, 30000)
        cls._opportunity("乙-1", cls.customer_b, cls.user_b, 20000)
        other_company = cls.env["res.company"].create({"name": "洛阳分公司"})
        cls._opportunity(
            "分公司商机", cls.customer_a, False, 7000, company_id=other_company.id, team_id=False
        )
        cls._refresh_analyses()

    def _figures(self):
        return self.env["crm.zz.customer.report"]._read_group(
            [("partner_id", "in", self.customers.ids)],
            ["zz_district_id"],
            ["customer_count:sum", "open_opportunity_count:sum", "open_revenue:sum"],
        )

    @users("crm_zz_reports-manager")
    def test_open_pipeline_per_district(self):
        self.assertEqual(self._figures(), [(self.jinshui, 2, 4, 200000.0)])

    @users("crm_zz_reports-a")
    def test_salesperson_sees_only_own_figures(self):
        self.assertEqual(self._figures(), [(self.jinshui, 1, 2, 150000.0)])
        rows = self.env["crm.zz.customer.report"].search([("partner_id", "in", self.customers.ids)])
        self.assertEqual(rows.partner_id, self.customer_a)
        # the same opportunities as in his pipeline
        visible = self.env["crm.lead"].search(
            [("partner_id", "in", self.customers.ids), ("type", "=", "opportunity")]
        )
        self.assertEqual(rows.lead_id, visible)

    @users("crm_zz_reports-b")
    def test_colleague_revenue_not_on_his_customer(self):
        self.assertEqual(self._figures(), [(self.jinshui, 1, 2, 50000.0)])
