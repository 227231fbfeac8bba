# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCrmZzSalesRoles(TransactionCase):
    """A sales supervisor works the leads, orders and targets of the members of the
    sales teams he leads, not another team's; a warehouse user who also sells reads
    every customer his deliveries need."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(cls.env, login="zz_sales_roles-sup", name="赵主管")
        cls.seller_a = new_test_user(cls.env, login="zz_sales_roles-a", name="销售甲")
        cls.seller_b = new_test_user(cls.env, login="zz_sales_roles-b", name="销售乙")
        cls.supervisor.zz_crm_role = "sales_supervisor"
        (cls.seller_a | cls.seller_b).zz_crm_role = "salesperson"
        cls.team_a, cls.team_b = cls.env["crm.team"].create(
            [
                {
                    "name": "郑东甲组",
                    "user_id": cls.supervisor.id,
                    "member_ids": [Command.set(cls.seller_a.ids)],
                },
                {"name": "二七乙组", "member_ids": [Command.set(cls.seller_b.ids)]},
            ]
        )
        cls.customer_a, cls.customer_b = cls.env["res.partner"].create(
            [
                {"name": "郑东甲客户", "is_company": True, "user_id": cls.seller_a.id},
                {"name": "二七乙客户", "is_company": True, "user_id": cls.seller_b.id},
            ]
        )
        cls.lead_a, cls.lead_b = cls.env["crm.lead"].create(
            [
                {
                    "name": "甲组商机",
                    "type": "opportunity",
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.seller_a.id,
                    "team_id": cls.team_a.id,
                },
                {
                    "name": "乙组商机",
                    "type": "opportunity",
                    "partner_id": cls.customer_b.id,
                    "user_id": cls.seller_b.id,
                    "team_id": cls.team_b.id,
                },
            ]
        )
        product = cls.env["product.product"].create({"name": "角色测试设备", "list_price": 10.0})
        cls.order_a, cls.order_b = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": seller.id,
                    "team_id": team.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
                for partner, seller, team in (
                    (cls.customer_a, cls.seller_a, cls.team_a),
                    (cls.customer_b, cls.seller_b, cls.team_b),
                )
            ]
        )

    def test_supervisor_works_his_teams_deals(self):
        Lead = self.env["crm.lead"].with_user(self.supervisor)
        self.assertEqual(Lead.search([("id", "in", (self.lead_a | self.lead_b).ids)]), self.lead_a)
        Order = self.env["sale.order"].with_user(self.supervisor)
        orders = Order.search([("id", "in", (self.order_a | self.order_b).ids)])
        self.assertEqual(orders, self.order_a)
        # the order's lines come with it
        self.assertEqual(len(orders.order_line), 1)
        self.lead_a.with_user(self.supervisor).write({"priority": "3"})
        with self.assertRaises(AccessError):
            self.lead_b.with_user(self.supervisor).write({"priority": "3"})
        # his member does not see the supervisor's other members' work
        self.assertFalse(self.lead_b.with_user(self.seller_a).has_access("read"))

    def test_supervisor_sets_his_teams_targets(self):
        today = fields.Date.today()
        Target = self.env["crm.zz.sales.target"].with_user(self.supervisor)
        target = Target.create(
            {
                "user_id": self.seller_a.id,
                "team_id": self.team_a.id,
                "period": "month",
                "year": today.year,
                "month": str(today.month),
                "target_amount": 50000.0,
            }
        )
        self.assertEqual(target.target_amount, 50000.0)
        with self.assertRaises(AccessError):
            Target.create(
                {
                    "user_id": self.seller_b.id,
                    "team_id": self.team_b.id,
                    "period": "month",
                    "year": today.year,
                    "month": str(today.month),
                    "target_amount": 50000.0,
                }
            )
        # a salesperson reads his targets, sets none
        with self.assertRaises(AccessError):
            target.with_user(self.seller_a).write({"target_amount": 1.0})

    def test_warehouse_user_who_sells_reads_every_customer(self):
        storekeeper = new_test_user(
            self.env, login="zz_sales_roles-stock", groups="stock.group_stock_user"
        )
        storekeeper.zz_crm_role = "salesperson"
        self.assertTrue(self.customer_b.with_user(storekeeper).has_access("read"))
        self.assertFalse(self.customer_b.with_user(self.seller_a).has_access("read"))
        self.assertFalse(self.customer_b.with_user(storekeeper).has_access("write"))
