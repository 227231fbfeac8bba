# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestCustomerValueReport(CrmZzReportsCommon):
    """RFM segments and the Pareto share, over the customers one may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a.write(
            {
                "zz_rfm_recency_days": 10,
                "zz_rfm_frequency": 12,
                "zz_rfm_monetary": 900000,
                "zz_rfm_segment": "important_value",
                "zz_is_pareto": True,
            }
        )
        cls.customer_b.write(
            {
                "zz_rfm_recency_days": 200,
                "zz_rfm_frequency": 2,
                "zz_rfm_monetary": 100000,
                "zz_rfm_segment": "general_retain",
            }
        )
        cls.env.flush_all()

    def _segments(self):
        return self.env["crm.zz.customer.value.report"]._read_group(
            [("partner_id", "in", self.customers.ids)],
            ["rfm_segment"],
            ["customer_count:sum", "monetary:sum", "pareto_revenue:sum"],
            order="rfm_segment",
        )

    @users("crm_zz_reports-manager")
    def test_segments_and_pareto(self):
        self.assertEqual(
            self._segments(),
            [("general_retain", 1, 100000.0, 0.0), ("important_value", 1, 900000.0, 900000.0)],
        )

    @users("crm_zz_reports-b")
    def test_salesperson_sees_his_customers(self):
        self.assertEqual(self._segments(), [("general_retain", 1, 100000.0, 0.0)])
