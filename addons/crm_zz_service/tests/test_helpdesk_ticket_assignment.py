# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestTicketAssignment(CrmZzServiceCommon):
    """A new ticket goes to the team member whose skill matches its category or tags
    and who has the fewest open tickets; the choice is written in the chatter; two
    tickets created at the same time never both go to the same agent because of a
    stale count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.zz_auto_assign = True
        cls.category_ac = cls.env["helpdesk.ticket.category"].create({"name": "空调维修"})
        cls.tag_invoice = cls.env["helpdesk.ticket.tag"].create({"name": "发票"})
        cls.env["crm.zz.service.skill"].create(
            [
                {
                    "team_id": cls.team.id,
                    "user_id": cls.agent_a.id,
                    "category_ids": [Command.set(cls.category_ac.ids)],
                },
                {
                    "team_id": cls.team.id,
                    "user_id": cls.agent_b.id,
                    "tag_ids": [Command.set(cls.tag_invoice.ids)],
                },
            ]
        )

    def test_skill_match_wins_over_workload(self):
        self._ticket(user_id=self.agent_b.id, name="旧工单")
        busy_a = self._ticket(user_id=self.agent_a.id, name="旧工单2")
        self._ticket(user_id=self.agent_a.id, name="旧工单3")
        self.assertEqual(busy_a.user_id, self.agent_a)
        ticket = self._ticket(category_id=self.category_ac.id)
        self.assertEqual(ticket.user_id, self.agent_a, "only agent A knows air conditioners")
        invoice = self._ticket(tag_ids=[Command.set(self.tag_invoice.ids)])
        self.assertEqual(invoice.user_id, self.agent_b)
        log = ticket.message_ids.filtered(lambda m: self.agent_a.name in (m.body or ""))
        self.assertTrue(log, "the assignment is logged in the chatter")

    def test_fewest_open_tickets_without_skill_match(self):
        self._ticket(user_id=self.agent_a.id)
        first = self._ticket()
        self.assertEqual(first.user_id, self.agent_b)
        second, third = self.env["helpdesk.ticket"].create(
            [
                {"name": f"咨询{i}", "description": "<p>?</p>", "team_id": self.team.id}
                for i in range(2)
            ]
        )
        # One open ticket each: a tie goes to the lower id, then the counts alternate.
        self.assertEqual(
            sorted((second.user_id | third.user_id).ids), sorted((self.agent_a | self.agent_b).ids)
        )
        # Closed tickets do not count as workload.
        (first | second | third).filtered(lambda t: t.user_id == self.agent_b).write(
            {"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id}
        )
        self.assertEqual(self._ticket().user_id, self.agent_b)

    def test_explicit_agent_is_kept(self):
        ticket = self._ticket(user_id=self.agent_b.id, category_id=self.category_ac.id)
        self.assertEqual(ticket.user_id, self.agent_b)


@tagged("at_install", "-post_install")
class TestTicketAssignmentConcurrency(CrmZzServiceCommon):
    """Two transactions assigning in the same team at once: the second waits for the
    first and cannot assign from a stale count (no double assignment)."""

    def test_second_transaction_waits_for_the_first(self):
        registry = self.registry
        with registry.cursor() as cr0:
            env0 = self.env(cr=cr0)
            users = env0["res.users"]
            # Portal users: creating internal users here would wait for the test
            # transaction (both subscribe users to the same digest rows).
            for login in ("zz_conc_a", "zz_conc_b"):
                users |= new_test_user(env0, login=login, groups="base.group_portal")
            team = env0["helpdesk.ticket.team"].create(
                {
                    "name": "并发测试组",
                    "zz_auto_assign": True,
                    "user_ids": [Command.set(users.ids)],
                }
            )
            cr0.commit()
            team_id, user_ids = team.id, users.ids
        ticket_ids = []
        try:
            with registry.cursor() as cr1, registry.cursor() as cr2:
                env1, env2 = self.env(cr=cr1), self.env(cr=cr2)
                vals = {"name": "并发", "description": "<p>x</p>", "team_id": team_id}
                # cr2 takes its snapshot before cr1 commits.
                cr2.execute("SELECT 1")
                first = env1["helpdesk.ticket"].create(vals)
                ticket_ids.append(first.id)
                cr2.execute("SET LOCAL lock_timeout = '500ms'")
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.LockNotAvailable),
                ):
                    env2["helpdesk.ticket"].create(vals)
                cr2.rollback()
                cr1.commit()
                second = env2["helpdesk.ticket"].create(vals)
                ticket_ids.append(second.id)
                cr2.commit()
                self.assertEqual(len(first.user_id | second.user_id), 2)
                # A transaction whose snapshot predates another's committed
                # assignment cannot assign from its stale counts: it fails to
                # serialise (Odoo retries the request) instead.
                cr1.execute("SELECT 1")
                third = env2["helpdesk.ticket"].create(vals)
                ticket_ids.append(third.id)
                cr2.commit()
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.SerializationFailure),
                ):
                    env1["helpdesk.ticket"].create(vals)
                cr1.rollback()
        finally:
            with registry.cursor() as cr3:
                env3 = self.env(cr=cr3)
                env3["helpdesk.ticket"].browse(ticket_ids).exists().unlink()
                env3["helpdesk.ticket.team"].browse(team_id).unlink()
                env3["res.users"].browse(user_ids).unlink()
                cr3.commit()
