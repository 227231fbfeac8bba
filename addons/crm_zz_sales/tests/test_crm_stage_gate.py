# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestStageGate(CrmZzSalesCommon):
    """A lead cannot enter a gated stage before its required fields are filled in;
    the error names the stage and the fields, and nothing is changed."""

    def test_template_creates_the_industry_pipeline_once(self):
        self.assertEqual(list(self.stages), ["线索", "需求确认", "方案报价", "商务谈判", "赢单"])
        self.assertTrue(self.stages["赢单"].is_won)
        gate = self.stages["方案报价"].zz_required_field_ids.mapped("name")
        self.assertEqual(sorted(gate), ["zz_budget_amount", "zz_decision_maker"])
        # applying again creates nothing new
        self.team.action_zz_apply_pipeline_template()
        self.assertEqual(self.env["crm.stage"].search_count([("team_id", "=", self.team.id)]), 5)

    def test_team_on_a_template_works_in_its_own_stages(self):
        shared = self.env["crm.stage"].create({"name": "共享阶段", "sequence": 0})
        lead = self.env["crm.lead"].create(
            {"name": "新线索", "type": "opportunity", "team_id": self.team.id}
        )
        self.assertEqual(lead.stage_id, self.stages["线索"])
        Lead = self.env["crm.lead"].with_context(default_team_id=self.team.id)
        columns = Lead._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertEqual(columns.mapped("name"), list(self.stages))
        self.assertNotIn(shared, columns)
        # "My pipeline" has no team in its context: the salesperson's own team counts
        self.env["crm.team.member"].create(
            {"crm_team_id": self.team.id, "user_id": self.salesman.id}
        )
        mine = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            ._read_group_stage_ids(self.env["crm.stage"], [])
        )
        self.assertNotIn(shared, mine)
        lead.write({"partner_id": self.customer.id, "expected_revenue": 1000})
        lead.action_set_won()
        self.assertEqual(lead.stage_id, self.stages["赢单"])

    def test_every_industry_template_applies(self):
        for xmlid, first, won in [
            ("pipeline_template_real_estate", "预约看房", "合同签订"),
            ("pipeline_template_manufacturing", "线索", "签约"),
        ]:
            team = self.env["crm.team"].create(
                {
                    "name": xmlid,
                    "zz_pipeline_template_id": self.env.ref(f"crm_zz_sales.{xmlid}").id,
                }
            )
            team.action_zz_apply_pipeline_template()
            stages = self.env["crm.stage"].search([("team_id", "=", team.id)])
            self.assertEqual(stages[0].name, first)
            self.assertEqual(stages.filtered("is_won").name, won)

    @users("crm_zz_sales-salesman")
    def test_gate_refuses_and_changes_nothing(self):
        lead = self._create_opportunity().with_user(self.env.user)
        with self.assertRaises(UserError) as error:
            lead.write({"stage_id": self.stages["方案报价"].id, "zz_decision_maker": "刘总"})
        message = str(error.exception)
        self.assertIn("方案报价", message)
        budget = lead._fields["zz_budget_amount"]._description_string(self.env)
        maker = lead._fields["zz_decision_maker"]._description_string(self.env)
        self.assertIn(budget, message)
        self.assertNotIn(maker, message)
        lead.invalidate_recordset()
        self.assertEqual(lead.stage_id, self.stages["线索"])
        self.assertFalse(lead.zz_decision_maker)

    @users("crm_zz_sales-salesman")
    def test_gate_opens_when_fields_are_filled_in_the_form(self):
        lead = self._create_opportunity().with_user(self.env.user)
        with Form(lead) as form:
            form.zz_budget_amount = 500000
            form.zz_decision_maker = "刘总"
            form.stage_id = self.stages["方案报价"]
        self.assertEqual(lead.stage_id, self.stages["方案报价"])

    def test_gate_refuses_a_lead_created_in_a_gated_stage(self):
        with self.assertRaises(UserError):
            self._create_opportunity(name="直接报价", stage_id=self.stages["方案报价"].id)
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "直接报价")]))
        lead = self._create_opportunity(
            name="直接报价",
            stage_id=self.stages["方案报价"].id,
            zz_budget_amount=80000,
            zz_decision_maker="刘总",
        )
        self.assertEqual(lead.stage_id, self.stages["方案报价"])

    def test_gate_checks_the_won_stage_too(self):
        lead = self._create_opportunity(expected_revenue=0)
        with self.assertRaises(UserError) as error:
            lead.write({"stage_id": self.stages["赢单"].id})
        label = lead._fields["expected_revenue"]._description_string(self.env)
        self.assertIn(label, str(error.exception))

    def test_days_in_stage_stalled_flag_and_one_reminder(self):
        lead = self._create_opportunity()
        # the stage date comes from the database clock, which freeze_time does not stop
        lead.date_last_stage_update = datetime(2026, 3, 1, 9, 0)
        stage = self.stages["线索"]
        self.assertEqual(stage.zz_stall_days, 14)
        Lead = self.env["crm.lead"]
        with freeze_time(datetime(2026, 3, 10, 9, 0)):
            self.assertEqual(lead.zz_days_in_stage, 9)
            self.assertFalse(lead.zz_is_stalled)
            self.assertNotIn(lead, Lead.search([("zz_is_stalled", "=", True)]))
        with freeze_time(datetime(2026, 3, 16, 9, 0)):
            lead.invalidate_recordset(["zz_days_in_stage", "zz_is_stalled"])
            self.assertTrue(lead.zz_is_stalled)
            self.assertIn(lead, Lead.search([("zz_is_stalled", "=", True)]))
            self.assertNotIn(lead, Lead.search([("zz_is_stalled", "=", False)]))
            Lead._cron_zz_remind_stalled()
            Lead._cron_zz_remind_stalled()  # a second run does not remind twice
        activities = lead.activity_ids.filtered(lambda a: a.user_id == self.salesman)
        self.assertEqual(len(activities), 1)
        self.assertIn("线索", activities.summary)
        # a new stage restarts the clock
        with freeze_time(datetime(2026, 3, 17, 9, 0)):
            lead.write({"stage_id": self.stages["需求确认"].id})
            self.assertGreater(lead.date_last_stage_update, datetime(2026, 3, 1, 9, 0))
            lead.invalidate_recordset(["zz_days_in_stage", "zz_is_stalled"])
            self.assertEqual(lead.zz_days_in_stage, 0)
            self.assertFalse(lead.zz_is_stalled)

    def test_each_stalled_lead_gets_its_own_reminder_in_one_go(self):
        first = self._create_opportunity(name="旧线索")
        second = self._create_opportunity(name="更旧的线索", user_id=self.salesman_2.id)
        first.date_last_stage_update = datetime(2026, 3, 1, 9, 0)
        second.date_last_stage_update = datetime(2026, 2, 20, 9, 0)
        with freeze_time(datetime(2026, 3, 16, 9, 0)):
            reminded = self.env["crm.lead"]._cron_zz_remind_stalled()
        self.assertEqual(reminded & (first | second), first | second)
        for lead, user, days in ((first, self.salesman, 15), (second, self.salesman_2, 24)):
            activity = lead.activity_ids
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, user)
            self.assertEqual(activity.summary, f"Stalled for {days} days in 线索")
            self.assertEqual(str(activity.date_deadline), "2026-03-16")
