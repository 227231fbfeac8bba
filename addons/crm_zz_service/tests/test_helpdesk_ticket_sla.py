# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestTicketSla(CrmZzServiceCommon):
    """A ticket gets first-response and resolution deadlines in working hours from
    the first matching SLA policy; holidays and waiting for the customer do not
    count; the status turns at risk, then breached, and the scheduled action
    escalates each level once (priority up, team leader told)."""

    def test_policy_matches_type_and_team(self):
        with freeze_time("2026-11-23 09:00:00"):
            complaint = self._ticket(zz_request_type="complaint")
            request = self._ticket()
        self.assertEqual(complaint.zz_sla_policy_id, self.policy_complaint)
        self.assertEqual(request.zz_sla_policy_id, self.policy_standard)

    def test_ticket_created_in_the_evening(self):
        # Wednesday 20:00: the clock starts Thursday 9:00. First response 2h: 11:00;
        # resolution 16h: Thursday and Friday, due Friday 18:00.
        with freeze_time("2026-11-25 20:00:00"), Form(self.env["helpdesk.ticket"]) as form:
            form.name = "投诉：维修人员迟到"
            form.description = "<p>约定上午九点上门，十一点才到</p>"
            form.team_id = self.team
            form.partner_id = self.contact
            form.zz_request_type = "complaint"
        ticket = form.record
        self.assertEqual(ticket.zz_first_response_deadline, datetime(2026, 11, 26, 11, 0))
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 27, 18, 0))
        self.assertEqual(ticket.zz_sla_status, "on_track")

    def test_holiday_is_skipped(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司年会",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 11, 26, 0, 0),
                "date_to": datetime(2026, 11, 26, 23, 59),
            }
        )
        with freeze_time("2026-11-25 20:00:00"):
            ticket = self._ticket(zz_request_type="complaint")
        # Thursday is off: first response Friday 11:00, resolution Monday 18:00.
        self.assertEqual(ticket.zz_first_response_deadline, datetime(2026, 11, 27, 11, 0))
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 30, 18, 0))

    def test_waiting_for_customer_pauses_the_clock(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket(zz_request_type="complaint")
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 24, 18, 0))
        with freeze_time("2026-11-23 10:00:00"):
            ticket.stage_id = self.stage_awaiting
        self.assertTrue(ticket.zz_sla_paused)
        self.assertEqual(ticket.zz_first_response_date, datetime(2026, 11, 23, 10, 0))
        with freeze_time("2026-11-23 14:00:00"):
            ticket.stage_id = self.stage_progress
        # Mon 10-12 and 13-14 did not count (3h): Mon 1h + 4h, Tue 8h, Wed 9-12.
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 25, 12, 0))
        self.assertEqual(len(ticket.zz_sla_pause_ids), 1)
        # Back to waiting, and back again: each pause counts, once.
        with freeze_time("2026-11-24 09:00:00"):
            ticket.stage_id = self.stage_awaiting
            ticket.stage_id = self.stage_awaiting
        with freeze_time("2026-11-24 10:30:00"):
            ticket.stage_id = self.stage_progress
        self.assertEqual(len(ticket.zz_sla_pause_ids), 2)
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 25, 14, 30))

    def test_answer_to_customer_is_the_first_response(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket(user_id=self.agent_a.id)
        with freeze_time("2026-11-23 09:20:00"):
            ticket.with_user(self.agent_a).message_post(
                body="您好，我们已收到您的报修。",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self.assertFalse(ticket.zz_first_response_date, "an internal note is no response")
        with freeze_time("2026-11-23 09:30:00"):
            ticket.with_user(self.agent_a).message_post(
                body="您好，我们已收到您的报修。",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(ticket.zz_first_response_date, datetime(2026, 11, 23, 9, 30))

    def test_at_risk_then_breached_escalates_once_per_level(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket(zz_request_type="complaint", priority="1")
        Ticket = self.env["helpdesk.ticket"]
        # 1h45 of 2h used: at risk (80%).
        with freeze_time("2026-11-23 10:45:00"):
            Ticket._cron_zz_escalate_sla()
        self.assertEqual(ticket.zz_sla_status, "at_risk")
        self.assertEqual(ticket.priority, "2")
        self.assertEqual(ticket.zz_sla_escalation, "at_risk")
        self.assertEqual(ticket.zz_sla_policy_id, self.policy_complaint)
        notified = ticket.message_ids.filtered(lambda m: self.leader.partner_id in m.partner_ids)
        self.assertEqual(len(notified), 1)
        with freeze_time("2026-11-23 10:50:00"):
            Ticket._cron_zz_escalate_sla()
        self.assertEqual(ticket.priority, "2", "the same level escalates once")
        with freeze_time("2026-11-23 11:30:00"):
            Ticket._cron_zz_escalate_sla()
        self.assertEqual(ticket.zz_sla_status, "breached")
        self.assertEqual(ticket.priority, "3")
        notified = ticket.message_ids.filtered(lambda m: self.leader.partner_id in m.partner_ids)
        self.assertEqual(len(notified), 2)
        self.assertIn(
            ticket, Ticket.search([("zz_sla_status", "=", "breached"), ("id", "=", ticket.id)])
        )
        self.assertEqual(self.team.zz_sla_breached_count, 1, "the team dashboard shows it")

    def test_paused_ticket_is_not_escalated(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket(zz_request_type="complaint")
        with freeze_time("2026-11-23 09:30:00"):
            ticket.stage_id = self.stage_awaiting
        with freeze_time("2026-11-24 17:00:00"):
            self.env["helpdesk.ticket"]._cron_zz_escalate_sla()
        self.assertEqual(ticket.zz_sla_status, "on_track")
        self.assertEqual(ticket.priority, "1")

    def test_solved_on_time_stays_on_track(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket()
        with freeze_time("2026-11-23 11:00:00"):
            ticket.stage_id = self.stage_solved
        with freeze_time("2026-12-10 09:00:00"):
            ticket._zz_refresh_sla_status()
        self.assertEqual(ticket.zz_sla_status, "on_track")
        self.assertEqual(ticket.zz_resolved_date, datetime(2026, 11, 23, 11, 0))

    def test_policy_by_customer_grade(self):
        key_account = self.Policy.create(
            {
                "name": "Test grade A",
                "sequence": -20,
                "team_ids": [(6, 0, self.team.ids)],
                "grade": "a",
                "resource_calendar_id": self.calendar.id,
                "first_response_hours": 1,
                "resolution_hours": 4,
            }
        )
        self.customer.zz_grade_manual = "a"
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket()
        self.assertEqual(ticket.zz_grade, "a")
        self.assertEqual(ticket.zz_sla_policy_id, key_account)
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 23, 14, 0))
        other = self._ticket(partner_id=self.env["res.partner"].create({"name": "散客"}).id)
        self.assertEqual(other.zz_sla_policy_id, self.policy_standard)

    def test_deadlines_are_stored_and_follow_the_policy(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket()
            self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 25, 18, 0))
            # the agent picks the complaint policy: 16h instead of 24h
            ticket.zz_sla_policy_id = self.policy_complaint
        Ticket = self.env["helpdesk.ticket"]
        self.assertEqual(
            Ticket.search(
                [("id", "=", ticket.id), ("zz_resolution_deadline", "=", "2026-11-24 18:00:00")]
            ),
            ticket,
            "the new deadline is in the database, searchable",
        )
        self.assertEqual(ticket.zz_first_response_deadline, datetime(2026, 11, 23, 11, 0))
        ticket.zz_sla_policy_id = False
        self.assertFalse(ticket.zz_resolution_deadline)
        self.assertFalse(ticket.zz_sla_status)

    def test_late_first_response_breaches_without_waiting_for_the_cron(self):
        with freeze_time("2026-11-23 09:00:00"):
            ticket = self._ticket(zz_request_type="complaint")
        self.assertEqual(ticket.zz_sla_status, "on_track")
        with freeze_time("2026-11-23 11:30:00"):
            ticket.stage_id = self.stage_progress
            self.env.flush_all()
        self.assertEqual(ticket.zz_first_response_date, datetime(2026, 11, 23, 11, 30))
        self.assertEqual(ticket.zz_sla_status, "breached")
