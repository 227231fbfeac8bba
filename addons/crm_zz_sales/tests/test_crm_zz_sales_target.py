# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged, users

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestSalesTarget(CrmZzSalesCommon):
    """Monthly and quarterly targets per salesperson and team show their attainment;
    a salesperson sees their own and team targets, not a colleague's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Target = cls.env["crm.zz.sales.target"]
        cls.target_mine = Target.create(
            {
                "team_id": cls.team.id,
                "user_id": cls.salesman.id,
                "period": "month",
                "year": 2026,
                "month": "3",
                "target_amount": 200000,
            }
        )
        cls.target_other = Target.create(
            {
                "team_id": cls.team.id,
                "user_id": cls.salesman_2.id,
                "period": "month",
                "year": 2026,
                "month": "3",
                "target_amount": 100000,
            }
        )
        cls.target_team_q1 = Target.create(
            {
                "team_id": cls.team.id,
                "period": "quarter",
                "year": 2026,
                "quarter": "1",
                "target_amount": 1000000,
            }
        )
        ready = {"zz_budget_amount": 1, "zz_decision_maker": "刘总"}
        with freeze_time(datetime(2026, 3, 12, 10, 0)):
            cls._create_opportunity(expected_revenue=150000, **ready).action_set_won()
            cls._create_opportunity(
                expected_revenue=50000, user_id=cls.salesman_2.id, **ready
            ).action_set_won()
        with freeze_time(datetime(2026, 1, 20, 10, 0)):
            cls._create_opportunity(expected_revenue=100000, **ready).action_set_won()
        with freeze_time(datetime(2026, 4, 2, 10, 0)):  # next quarter: not counted
            cls._create_opportunity(expected_revenue=999999, **ready).action_set_won()

    def test_attainment_per_salesperson_and_team_quarter(self):
        self.assertEqual(self.target_mine.date_from, date(2026, 3, 1))
        self.assertEqual(self.target_mine.date_to, date(2026, 3, 31))
        self.assertEqual(self.target_mine.achieved_amount, 150000)
        self.assertEqual(self.target_mine.attainment, 75.0)
        self.assertEqual(self.target_other.attainment, 50.0)
        self.assertEqual(self.target_team_q1.date_to, date(2026, 3, 31))
        self.assertEqual(self.target_team_q1.achieved_amount, 300000)
        self.assertEqual(self.target_team_q1.attainment, 30.0)
        self.assertEqual(self.target_team_q1.display_name, "郑州大客户部 2026 Q1")

    def test_quarter_needs_its_quarter(self):
        with self.assertRaises(ValidationError):
            self.env["crm.zz.sales.target"].create(
                {"team_id": self.team.id, "period": "quarter", "year": 2026, "target_amount": 1}
            )

    @users("crm_zz_sales-salesman")
    def test_salesperson_sees_own_and_team_targets_only(self):
        visible = self.env["crm.zz.sales.target"].search([("team_id", "=", self.team.id)])
        self.assertIn(self.target_mine, visible)
        self.assertIn(self.target_team_q1, visible)
        self.assertNotIn(self.target_other, visible)
        with self.assertRaises(AccessError):
            self.target_other.with_user(self.env.user).read(["target_amount"])
        with self.assertRaises(AccessError):
            self.target_mine.with_user(self.env.user).write({"target_amount": 1})

    @users("crm_zz_sales-manager")
    def test_manager_sees_all(self):
        visible = self.env["crm.zz.sales.target"].search([("team_id", "=", self.team.id)])
        self.assertEqual(len(visible), 3)
