# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmZzServiceCommon(BaseCommon):
    """A service team of two agents and a leader on a Monday-Friday 9-12, 13-18
    (UTC) calendar, with its own SLA policies ahead of any other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "ZZ Service 9-18",
                "tz": "UTC",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in ((9, 12, "morning"), (13, 18, "afternoon"))
                ],
            }
        )
        cls.leader = new_test_user(
            cls.env,
            login="crm_zz_service-leader",
            name="张组长",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        cls.agent_a = new_test_user(
            cls.env,
            login="crm_zz_service-agent_a",
            name="李客服",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.agent_b = new_test_user(
            cls.env,
            login="crm_zz_service-agent_b",
            name="王客服",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "郑州售后一组",
                "user_id": cls.leader.id,
                "user_ids": [Command.set((cls.agent_a | cls.agent_b).ids)],
            }
        )
        cls.Policy = cls.env["crm.zz.service.sla.policy"]
        cls.policy_complaint = cls.Policy.create(
            {
                "name": "Test complaints",
                "sequence": -10,
                "team_ids": [Command.set(cls.team.ids)],
                "request_type": "complaint",
                "resource_calendar_id": cls.calendar.id,
                "first_response_hours": 2,
                "resolution_hours": 16,
            }
        )
        cls.policy_standard = cls.Policy.create(
            {
                "name": "Test standard",
                "sequence": -9,
                "team_ids": [Command.set(cls.team.ids)],
                "resource_calendar_id": cls.calendar.id,
                "first_response_hours": 4,
                "resolution_hours": 24,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "郑州中原精工机械有限公司", "is_company": True, "email": "fw@zyjg.example"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "赵工", "parent_id": cls.customer.id, "email": "zhao@zyjg.example"}
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_awaiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_solved = cls.env.ref("crm_zz_service.helpdesk_ticket_stage_solved")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    @classmethod
    def _ticket(cls, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "设备故障",
                "description": "<p>设备无法启动</p>",
                "team_id": cls.team.id,
                "partner_id": cls.contact.id,
                **vals,
            }
        )
