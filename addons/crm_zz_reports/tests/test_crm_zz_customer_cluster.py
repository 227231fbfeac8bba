# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestCustomerCluster(CrmZzReportsCommon):
    """Six customers, three big, frequent and recent in manufacturing, three
    small, rare and dormant in retail: two clusters, named by those traits, on
    the customers, where a marketing segment finds them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        manufacturing, retail = cls.env["res.partner.industry"].create(
            [{"name": "装备制造"}, {"name": "商贸零售"}]
        )
        cls.big = cls.env["res.partner"].create(
            [
                {
                    "name": f"大客户{i}",
                    "is_company": True,
                    "industry_id": manufacturing.id,
                    "zz_rfm_recency_days": 10 + i,
                    "zz_rfm_frequency": 20 + i,
                    "zz_rfm_monetary": 900000 + i,
                }
                for i in range(3)
            ]
        )
        cls.small = cls.env["res.partner"].create(
            [
                {
                    "name": f"小客户{i}",
                    "is_company": True,
                    "industry_id": retail.id,
                    "zz_rfm_recency_days": 300 + i,
                    "zz_rfm_frequency": 1 + i % 2,
                    "zz_rfm_monetary": 5000 + i,
                }
                for i in range(3)
            ]
        )
        cls.found = cls.env["crm.zz.customer.cluster"]._refresh(cls.big | cls.small, k=2)

    def test_two_clusters_named_by_traits(self):
        self.assertEqual(len(self.found), 2)
        big_cluster = self.big.zz_cluster_id
        self.assertEqual(len(big_cluster), 1)
        self.assertEqual(len(self.small.zz_cluster_id), 1)
        self.assertNotEqual(big_cluster, self.small.zz_cluster_id)
        self.assertEqual(big_cluster.size, 3)
        self.assertIn("High value", big_cluster.with_context(lang="en_US").name)
        self.assertIn("装备制造", big_cluster.name)
        self.assertIn("Dormant", self.small.zz_cluster_id.with_context(lang="en_US").name)

    @users("crm_zz_reports-a")
    def test_segment_filters_on_cluster(self):
        cluster = self.big.zz_cluster_id
        self.assertEqual(
            self.env["res.partner"].search([("zz_cluster_id", "=", cluster.id)]), self.big
        )
