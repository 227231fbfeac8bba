# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestProductAffinity(CrmZzReportsCommon):
    """Five confirmed orders of a company of their own: {A, B}, {A, B}, {A},
    {C}, {B, C}. A and B together in 2 of 5 orders: support 40 %; 2 of the 3
    orders with A hold B: confidence 66.67 %; lift 2 x 5 / (3 x 3) = 1.111.
    A customer who bought A only is offered B, on its page, its opportunity and
    its quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "郑州交叉销售测试公司"})
        cls.env.user.company_ids |= cls.company
        (cls.user_a | cls.manager).company_ids |= cls.company
        cls.pa, cls.pb, cls.pc = cls.env["product.product"].create(
            [{"name": name, "list_price": 100.0} for name in ("液压泵", "密封圈", "润滑油")]
        )
        baskets = [(cls.pa, cls.pb), (cls.pa, cls.pb), (cls.pa,), (cls.pc,), (cls.pb, cls.pc)]
        buyer = cls.env["res.partner"].create(
            {"name": "交叉销售客户", "is_company": True, "user_id": cls.user_a.id}
        )
        cls.customer_a.user_id = cls.user_a
        orders = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                [
                    {
                        "partner_id": (cls.customer_a if basket == (cls.pa,) else buyer).id,
                        "user_id": cls.user_a.id,
                        "company_id": cls.company.id,
                        "order_line": [
                            Command.create({"product_id": p.id, "tax_id": [Command.clear()]})
                            for p in basket
                        ],
                    }
                    for basket in baskets
                ]
            )
        )
        orders.action_confirm()
        cls.env["crm.zz.product.affinity"]._refresh()
        cls.env.flush_all()

    def test_support_confidence_lift_by_hand(self):
        pair = self.env["crm.zz.product.affinity"].search(
            [
                ("company_id", "=", self.company.id),
                ("product_id", "=", self.pa.id),
                ("other_product_id", "=", self.pb.id),
            ]
        )
        self.assertEqual((pair.pair_count, pair.product_count, pair.order_count), (2, 3, 5))
        self.assertAlmostEqual(pair.support, 40.0, places=2)
        self.assertAlmostEqual(pair.confidence, 66.67, places=2)
        self.assertAlmostEqual(pair.lift, 10 / 9, places=3)
        # seen together once only: left out
        self.assertFalse(
            self.env["crm.zz.product.affinity"].search(
                [
                    ("company_id", "=", self.company.id),
                    ("product_id", "=", self.pb.id),
                    ("other_product_id", "=", self.pc.id),
                ]
            )
        )

    @users("crm_zz_reports-a")
    def test_suggested_where_the_salesperson_works(self):
        env = self.env(context=dict(self.env.context, allowed_company_ids=self.company.ids))
        customer = self.customer_a.with_env(env)
        self.assertEqual(customer.zz_suggested_product_ids, self.pb)
        lead = env["crm.lead"].create(
            {"name": "再次采购", "partner_id": customer.id, "company_id": self.company.id}
        )
        self.assertEqual(lead.zz_suggested_product_ids, self.pb)
        quotation = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": self.company.id,
                "order_line": [Command.create({"product_id": self.pb.id})],
            }
        )
        # B is in the quotation already: nothing more to suggest from A
        self.assertFalse(quotation.zz_suggested_product_ids)

    @users("crm_zz_reports-a")
    def test_salesperson_cannot_recompute(self):
        with self.assertRaises(AccessError):
            self.env["crm.zz.product.affinity"].action_refresh()
        with self.assertRaises(AccessError):
            self.env["crm.zz.churn.risk"].action_refresh()
        with self.assertRaises(AccessError):
            self.env["crm.zz.customer.cluster"].action_refresh()
