# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestTicketComplaint(CrmZzServiceCommon):
    """A complaint is solved only with a root cause and a resolution; solving it
    schedules a follow-up visit (回访) for the agent; it is closed only once the visit
    is done and the customer's satisfaction recorded."""

    def setUp(self):
        super().setUp()
        self.complaint = self._ticket(
            name="投诉：售后上门服务态度差",
            zz_request_type="complaint",
            user_id=self.agent_a.id,
        ).with_user(self.agent_a)
        self.followup_type = self.env.ref("crm_zz_service.mail_activity_type_followup")

    def test_cannot_solve_without_root_cause_and_resolution(self):
        with self.assertRaises(UserError):
            self.complaint.stage_id = self.stage_solved
        self.complaint.zz_root_cause = "工程师未按规范沟通"
        with self.assertRaises(UserError):
            self.complaint.stage_id = self.stage_solved

    def test_full_path_with_follow_up_visit(self):
        with Form(self.complaint) as form:
            form.zz_root_cause = "工程师未按规范沟通"
            form.zz_resolution = "当面致歉，更换工程师并减免上门费"
        self.complaint.stage_id = self.stage_solved
        visit = self.complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.followup_type
        )
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.user_id, self.agent_a)
        with self.assertRaises(UserError):
            self.complaint.stage_id = self.stage_done
        # The follow-up cannot be finished without the customer's satisfaction.
        with self.assertRaises(UserError):
            self.complaint.action_zz_followup_done()
        self.complaint.zz_followup_satisfaction = "4"
        self.complaint.zz_followup_note = "客户表示满意"
        self.complaint.action_zz_followup_done()
        self.assertTrue(self.complaint.zz_followup_date)
        self.assertFalse(
            self.complaint.activity_ids.filtered(lambda a: a.activity_type_id == self.followup_type)
        )
        self.complaint.stage_id = self.stage_done
        self.assertTrue(self.complaint.closed)

    def test_visit_done_from_the_chatter_still_needs_satisfaction(self):
        self.complaint.write(
            {
                "zz_root_cause": "配件缺货",
                "zz_resolution": "调货并补偿",
                "stage_id": self.stage_solved.id,
            }
        )
        visit = self.complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.followup_type
        )
        visit.action_feedback(feedback="已电话回访")
        self.assertTrue(self.complaint.zz_followup_date)
        with self.assertRaises(UserError):
            self.complaint.stage_id = self.stage_done
        self.complaint.zz_followup_satisfaction = "5"
        self.complaint.stage_id = self.stage_done
        self.assertTrue(self.complaint.closed)

    def test_ordinary_request_closes_directly(self):
        ticket = self._ticket(user_id=self.agent_a.id).with_user(self.agent_a)
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket.activity_ids)

    def test_solving_many_complaints_schedules_one_visit_each(self):
        complaints = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"投诉{i}",
                    "description": "<p>投诉</p>",
                    "team_id": self.team.id,
                    "partner_id": self.contact.id,
                    "zz_request_type": "complaint",
                    "user_id": (self.agent_a if i % 2 else self.agent_b).id,
                    "zz_root_cause": "配件缺货",
                    "zz_resolution": "调货并补偿",
                }
                for i in range(4)
            ]
        )
        complaints.write({"stage_id": self.stage_solved.id})
        complaints.write({"stage_id": self.stage_solved.id})
        for complaint in complaints:
            visit = complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == self.followup_type
            )
            self.assertEqual(len(visit), 1, "solving twice schedules one visit")
            self.assertEqual(visit.user_id, complaint.user_id)
