# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon

TODAY = datetime(2026, 12, 1, 10, 0)


@tagged("at_install", "-post_install")
@freeze_time(TODAY)
class TestChurnRisk(CrmZzReportsCommon):
    """Two customers scored from their orders as the pure rule says: one leaving
    (silent for three usual intervals, slowing down, smaller orders) and one
    steady; a one-order customer is listed without a score. A salesperson sees
    his customers' risk and gives himself retention calls in one go."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_c = cls.env["res.partner"].create({"name": "公海丙公司", "is_company": True})
        product = cls.env["product.product"].create(
            {"name": "数控机床配件", "list_price": 1.0, "taxes_id": [Command.clear()]}
        )
        plan = [
            # the leaving customer of the pure test: gaps 30, 30, 30, 45, 75, silent 90 days
            (cls.customer_a, cls.user_a, d, amount)
            for d, amount in zip(
                (300, 270, 240, 210, 165, 90),
                (10000, 10000, 10000, 5000, 4000, 3000),
                strict=True,
            )
        ] + [(cls.customer_b, cls.user_b, 10 + 30 * i, 8000) for i in range(6)]
        plan.append((cls.customer_c, cls.user_a, 20, 1000))
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": amount})
                    ],
                }
                for partner, user, _days, amount in plan
            ]
        )
        orders.action_confirm()
        for order, (_partner, _user, days, _amount) in zip(orders, plan, strict=True):
            order.date_order = TODAY - timedelta(days=days)
        cls.env["crm.zz.churn.risk"]._refresh()
        cls.risks = cls.env["crm.zz.churn.risk"].search(
            [("partner_id", "in", (cls.customers | cls.customer_c).ids)]
        )

    def _risk(self, partner):
        return self.risks.filtered(lambda r: r.partner_id == partner)

    def test_scores_by_hand(self):
        leaving = self._risk(self.customer_a)
        # 40 (silence) + 20 (slowing) + 12 (60 % smaller): see tests/unit/test_reports_churn.py
        self.assertEqual((leaving.score, leaving.level), (72, "high"))
        self.assertEqual((leaving.usual_interval_days, leaving.days_since_last_order), (30, 90))
        codes = [code for code, _points, _values in leaving.reason_data]
        self.assertEqual(codes, ["silence", "slowing", "smaller"])
        self.assertIn("90", leaving.reasons)
        steady = self._risk(self.customer_b)
        self.assertEqual((steady.score, steady.level), (0, "low"))

    def test_single_order_not_scored(self):
        single = self._risk(self.customer_c)
        self.assertFalse(single.is_scored)
        self.assertEqual(single.level, "none")
        self.assertIn("Only one order", single.reasons)

    @users("crm_zz_reports-a")
    def test_salesperson_schedules_retention(self):
        risks = self.env["crm.zz.churn.risk"].search(
            [("partner_id", "in", (self.customers | self.customer_c).ids)]
        )
        # his customer and the pool customer, not his colleague's
        self.assertEqual(risks.partner_id, self.customer_a | self.customer_c)
        risks.action_schedule_retention()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "in", risks.partner_id.ids)]
        )
        self.assertEqual(activities.mapped("res_id"), [self.customer_a.id])
        self.assertEqual(activities.user_id, self.user_a)
        # asked twice, still one call
        risks.action_schedule_retention()
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", self.customer_a.id)]
            ),
            1,
        )
