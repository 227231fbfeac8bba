# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestServiceAccess(CrmZzServiceCommon):
    """Agents read SLA policies and skills but only helpdesk managers change them; an
    agent sees the SLA pauses of the tickets they may see, not of a colleague's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-23 09:00:00"):
            cls.ticket_a = cls._ticket(user_id=cls.agent_a.id)
        with freeze_time("2026-11-23 10:00:00"):
            cls.ticket_a.stage_id = cls.stage_awaiting
        cls.skill = cls.env["crm.zz.service.skill"].create(
            {"team_id": cls.team.id, "user_id": cls.agent_a.id}
        )

    @users("crm_zz_service-agent_b")
    def test_agent_reads_but_cannot_change_configuration(self):
        policy = self.policy_standard.with_env(self.env)
        self.assertEqual(policy.resolution_hours, 24)
        with self.assertRaises(AccessError):
            policy.write({"resolution_hours": 100})
        with self.assertRaises(AccessError):
            self.skill.with_env(self.env).write({"user_id": self.agent_b.id})

    @users("crm_zz_service-agent_b")
    def test_colleague_ticket_pauses_are_hidden(self):
        pause = self.ticket_a.zz_sla_pause_ids
        self.assertEqual(len(pause), 1)
        with self.assertRaises(AccessError):
            pause.with_env(self.env).read(["date_start"])

    @users("crm_zz_service-agent_a")
    def test_own_ticket_pauses_are_visible(self):
        pause = self.ticket_a.zz_sla_pause_ids.with_env(self.env)
        self.assertTrue(pause.read(["date_start"]))

    @users("crm_zz_service-leader")
    def test_manager_changes_policies(self):
        self.policy_standard.with_env(self.env).write({"resolution_hours": 20})
        self.assertEqual(self.policy_standard.resolution_hours, 20)
