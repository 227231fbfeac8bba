# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestSalesRights(CrmZzSalesCommon):
    """A transferred customer takes its open deals and their activities along; a
    target shows the same attainment to everyone who sees it; a lead shows the
    interactions logged on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.user_id = cls.salesman
        cls.ready = {"zz_budget_amount": 1, "zz_decision_maker": "刘总"}

    def test_transfer_moves_open_deals_and_their_activities(self):
        contact = self.env["res.partner"].create({"name": "刘总", "parent_id": self.customer.id})
        open_deal = self._create_opportunity(partner_id=contact.id)
        activity = open_deal.activity_schedule(
            "mail.mail_activity_data_call", user_id=self.salesman.id
        )
        won = self._create_opportunity(expected_revenue=1000, **self.ready)
        won.action_set_won()
        lost = self._create_opportunity()
        lost.action_set_lost()
        colleagues = self._create_opportunity(user_id=self.salesman_2.id)
        self.env["crm.zz.partner.transfer"].with_user(self.salesman).create(
            {
                "partner_ids": [Command.set(self.customer.ids)],
                "user_to_id": self.salesman_2.id,
                "reason": "区域调整",
            }
        ).action_transfer()
        self.assertEqual(self.customer.user_id, self.salesman_2)
        self.assertEqual(open_deal.user_id, self.salesman_2)
        self.assertEqual(activity.user_id, self.salesman_2)
        self.assertEqual(won.user_id, self.salesman, "a won deal keeps who won it")
        self.assertEqual(lost.with_context(active_test=False).user_id, self.salesman)
        self.assertEqual(colleagues.user_id, self.salesman_2)

    def test_team_target_attainment_is_the_same_for_everyone(self):
        target = self.env["crm.zz.sales.target"].create(
            {
                "team_id": self.team.id,
                "period": "month",
                "year": 2026,
                "month": "3",
                "target_amount": 400000,
            }
        )
        with freeze_time(datetime(2026, 3, 12, 10, 0)):
            self._create_opportunity(expected_revenue=150000, **self.ready).action_set_won()
            self._create_opportunity(
                expected_revenue=50000, user_id=self.salesman_2.id, **self.ready
            ).action_set_won()
        seen = {}
        for user in (self.salesman, self.salesman_2, self.manager):
            self.env.invalidate_all()
            row = target.with_user(user).read(["achieved_amount", "attainment"])[0]
            seen[user.login] = (row["achieved_amount"], row["attainment"])
        self.assertEqual(set(seen.values()), {(200000.0, 50.0)}, seen)

    def test_lead_shows_its_interactions(self):
        deal = self._create_opportunity()
        self.env["crm.zz.interaction"].with_user(self.salesman).create(
            {
                "partner_id": self.customer.id,
                "name": "电话沟通报价",
                "res_model": "crm.lead",
                "res_id": deal.id,
            }
        )
        deal = deal.with_user(self.salesman)
        self.assertEqual(deal.zz_interaction_count, 1)
        action = deal.action_zz_view_interactions()
        self.assertEqual(
            action["domain"], [("res_model", "=", "crm.lead"), ("res_id", "=", deal.id)]
        )
        interaction = self.env["crm.zz.interaction"].search(action["domain"])
        self.assertEqual(interaction.with_user(self.salesman).res_name, deal.name)
