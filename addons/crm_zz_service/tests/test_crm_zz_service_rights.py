# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestServiceRights(CrmZzServiceCommon):
    """Relationship surveys are sent by survey or helpdesk managers, to customers
    only; a salesperson reads his customer's satisfaction figures without any
    access to the satisfaction analysis, other employees do not get them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("crm_zz_service.survey_ticket_satisfaction")
        cls.salesman = new_test_user(
            cls.env, login="crm_zz_service-salesman", groups="sales_team.group_sale_salesman"
        )
        cls.clerk = new_test_user(cls.env, login="crm_zz_service-clerk", groups="base.group_user")
        cls.customer.user_id = cls.salesman

    def _wave(self, user, partners):
        return (
            self.env["crm.zz.service.relationship.survey"]
            .with_user(user)
            .create(
                {
                    "name": "年度关系调查",
                    "survey_id": self.survey.id,
                    "partner_ids": [Command.set(partners.ids)],
                }
            )
        )

    def test_only_managers_send_waves(self):
        wave = self._wave(self.agent_a, self.customer)
        with self.assertRaises(AccessError):
            wave.action_send()
        self.assertFalse(wave.last_date)
        wave.with_user(self.leader).action_send()
        self.assertTrue(wave.last_date)
        answers = self.env["survey.user_input"].search(
            [("zz_relationship_survey_id", "=", wave.id)]
        )
        self.assertEqual(answers.partner_id, self.customer)

    def test_waves_go_to_customers_only(self):
        vendor = self.env["res.partner"].create(
            {"name": "郑州钢材供应商", "is_company": True, "supplier_rank": 1}
        )
        with self.assertRaises(ValidationError) as err:
            self._wave(self.leader, self.customer | vendor)
        self.assertIn("郑州钢材供应商", str(err.exception))
        with self.assertRaises(ValidationError):
            self._wave(self.leader, self.agent_b.partner_id)
        # a vendor who also buys is a customer
        vendor.customer_rank = 1
        self._wave(self.leader, self.customer | vendor)

    def test_satisfaction_figures_for_the_salesperson_not_other_employees(self):
        answer = self._ticket(user_id=self.agent_a.id)
        answer.stage_id = self.stage_done
        user_input = self.env["survey.user_input"].search([("zz_ticket_id", "=", answer.id)])
        user_input._save_lines(self.env.ref("crm_zz_service.survey_question_csat"), "4")
        user_input._mark_done()
        Report = self.env["crm.zz.service.satisfaction.report"]
        self.assertFalse(Report.with_user(self.salesman).has_access("read"))
        row = self.customer.with_user(self.salesman).read()[0]
        self.assertEqual((row["zz_last_csat"], row["zz_satisfaction_count"]), (4.0, 1))
        row = self.customer.with_user(self.clerk).read()[0]
        self.assertNotIn("zz_last_csat", row)
        with self.assertRaises(AccessError):
            self.customer.with_user(self.clerk).read(["zz_last_csat"])
