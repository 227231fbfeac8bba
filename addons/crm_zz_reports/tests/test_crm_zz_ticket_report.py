# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user, tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestTicketReport(CrmZzReportsCommon):
    """Backlog and SLA compliance per team; an agent who sees his own tickets
    only gets figures of his own tickets, here and in the customer analysis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_a = new_test_user(
            cls.env,
            login="crm_zz_reports-agent_a",
            groups="helpdesk_mgmt.group_helpdesk_user_own,sales_team.group_sale_salesman",
        )
        cls.agent_b = new_test_user(
            cls.env, login="crm_zz_reports-agent_b", groups="helpdesk_mgmt.group_helpdesk_user_own"
        )
        cls.helpdesk_manager = new_test_user(
            cls.env,
            login="crm_zz_reports-helpdesk_manager",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        cls.hd_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "报表售后组", "user_ids": [Command.set((cls.agent_a | cls.agent_b).ids)]}
        )
        cls.closed_stage = cls.env["helpdesk.ticket.stage"].search([("closed", "=", True)], limit=1)
        Ticket = cls.env["helpdesk.ticket"]
        cls.tickets = Ticket.create(
            [
                {
                    "name": f"工单-{i}",
                    "description": "设备故障",
                    "team_id": cls.hd_team.id,
                    "user_id": agent.id,
                    "partner_id": partner.id,
                }
                for i, (agent, partner) in enumerate(
                    [
                        (cls.agent_a, cls.customer_a),
                        (cls.agent_a, cls.customer_a),
                        (cls.agent_b, cls.customer_a),
                        (cls.agent_b, cls.customer_b),
                    ]
                )
            ]
        )
        cls.tickets[0].stage_id = cls.closed_stage
        # an SLA of 2 working hours on China's calendar, all tickets opened Monday
        # 5 January 2026 at 09:00 Beijing time (01:00 UTC): first response due 11:00
        # (03:00 UTC); two answered on time, one late, one without a promise
        policy = cls.env["crm.zz.service.sla.policy"].create(
            {
                "name": "报表两小时响应",
                "resource_calendar_id": cls.env.ref("crm_zz_service.resource_calendar_china").id,
                "first_response_hours": 2.0,
                "resolution_hours": 16.0,
            }
        )
        for ticket, answered in zip(
            cls.tickets,
            [datetime(2026, 1, 5, 2), datetime(2026, 1, 5, 2, 30), datetime(2026, 1, 6, 1), None],
            strict=True,
        ):
            ticket.sudo().write(  # sudo: test fixture of the SLA bookkeeping fields
                {
                    "zz_sla_policy_id": policy.id if answered else False,
                    "zz_sla_start": datetime(2026, 1, 5, 1, 0),
                    "zz_first_response_date": answered or False,
                }
            )
        cls._refresh_analyses()

    def _figures(self):
        return self.env["crm.zz.ticket.report"]._read_group(
            [("ticket_id", "in", self.tickets.ids)],
            ["team_id"],
            ["ticket_count:sum", "backlog_count:sum", "response_on_time:avg"],
        )

    @users("crm_zz_reports-helpdesk_manager")
    def test_backlog_and_sla_compliance(self):
        [(team, count, backlog, on_time)] = self._figures()
        self.assertEqual((team, count, backlog), (self.hd_team, 4, 3))
        self.assertAlmostEqual(on_time, 200 / 3, places=2)

    @users("crm_zz_reports-agent_a")
    def test_agent_sees_own_tickets(self):
        self.assertEqual(self._figures(), [(self.hd_team, 2, 1, 100.0)])
        # the customer analysis counts his open ticket, not his colleague's
        rows = self.env["crm.zz.customer.report"].search(
            [("row_type", "=", "ticket"), ("partner_id", "in", self.customers.ids)]
        )
        self.assertEqual(rows.ticket_id, self.tickets[1])

    @users("crm_zz_reports-a")
    def test_salesperson_without_helpdesk_sees_no_ticket(self):
        rows = self.env["crm.zz.customer.report"].search(
            [("row_type", "=", "ticket"), ("partner_id", "in", self.customers.ids)]
        )
        self.assertFalse(rows)
