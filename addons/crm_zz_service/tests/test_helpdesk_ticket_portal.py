# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, http
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import HttpCaseWithUserPortal


@tagged("post_install", "-at_install")
class TestTicketFromPortal(HttpCaseWithUserPortal):
    """A customer submits a request on the portal (helpdesk_mgmt's form): it is
    recorded with the web channel, gets its SLA deadlines and goes to an agent."""

    def test_portal_ticket_gets_sla_and_agent(self):
        agents = new_test_user(
            self.env,
            login="crm_zz_service-portal_agent",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "门户服务组",
                "show_in_portal": True,
                "zz_auto_assign": True,
                "user_ids": [Command.set(agents.ids)],
            }
        )
        self.env.company.helpdesk_mgmt_portal_select_team = True
        category = self.env["helpdesk.ticket.category"].create({"name": "门户报修"})
        self.authenticate("portal", "portal")
        response = self.url_open(
            "/submitted/ticket",
            data={
                "category": category.id,
                "team": team.id,
                "csrf_token": http.Request.csrf_token(self),
                "subject": "门户报修：打印机卡纸",
                "description": "二楼打印机频繁卡纸",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "门户报修：打印机卡纸")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual(ticket.partner_id, self.user_portal.partner_id)
        self.assertEqual(ticket.user_id, agents)
        self.assertTrue(ticket.zz_sla_policy_id)
        self.assertTrue(ticket.zz_first_response_deadline)
        self.assertEqual(ticket.zz_sla_status, "on_track")
