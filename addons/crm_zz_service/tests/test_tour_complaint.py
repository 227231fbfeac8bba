# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    """In the browser, an agent records a complaint, gives its root cause and
    resolution, solves it, does the follow-up visit and closes it."""

    def test_complaint_from_creation_to_closing(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        agent = new_test_user(
            self.env,
            login="crm_zz_service-tour_agent",
            name="周客服",
            lang="zh_CN",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        self.start_tour("/odoo", "crm_zz_service_complaint_tour", login=agent.login)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "投诉：维修人员迟到两小时")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.zz_request_type, "complaint")
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.zz_followup_satisfaction, "4")
        self.assertTrue(ticket.zz_followup_date)
        self.assertTrue(ticket.zz_resolution_deadline)
