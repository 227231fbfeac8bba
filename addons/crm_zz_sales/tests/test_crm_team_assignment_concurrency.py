# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import common, tagged


@tagged("post_install", "-at_install")
class TestConcurrentAssignment(common.BaseCase):
    """Two assignment runs at the same time (two database transactions) give each
    lead to exactly one salesperson: the second run skips the leads the first holds.

    Real transactions are needed, so this test commits its data and removes it after.
    """

    def setUp(self):
        super().setUp()
        self.registry = Registry(common.get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            users = env["res.users"].create(
                [
                    {
                        "name": f"并发销售{n}",
                        "login": f"crm_zz_sales-concurrent{n}",
                        "groups_id": [(4, env.ref("sales_team.group_sale_salesman").id)],
                    }
                    for n in (1, 2)
                ]
            )
            team = env["crm.team"].create(
                {
                    "name": "并发测试团队",
                    "zz_rule_assignment": False,  # leads are created unassigned
                    "crm_team_member_ids": [(0, 0, {"user_id": user.id}) for user in users],
                }
            )
            leads = env["crm.lead"].create(
                [{"name": f"并发线索{n}", "team_id": team.id, "user_id": False} for n in range(6)]
            )
            team.zz_rule_assignment = True
            self.ids = {"users": users.ids, "team": team.id, "leads": leads.ids}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            leads = env["crm.lead"].browse(self.ids["leads"])
            env["crm.zz.sales.assignment.log"].search([("lead_id", "in", leads.ids)]).unlink()
            env["mail.message"].search(
                [("model", "=", "crm.lead"), ("res_id", "in", leads.ids)]
            ).unlink()
            leads.unlink()
            env["crm.team"].browse(self.ids["team"]).unlink()
            users = env["res.users"].browse(self.ids["users"])
            partners = users.partner_id
            users.unlink()
            partners.unlink()

    def _run(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        team = env["crm.team"].browse(self.ids["team"])
        return team._zz_assign_leads(env["crm.lead"].browse(self.ids["leads"]), trigger="cron")

    def test_two_runs_at_once_assign_each_lead_once(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._run(cr1)  # holds its row locks until it commits
            second = self._run(cr2)  # at the same time: skips the locked leads
            self.assertEqual(len(first), 6)
            self.assertEqual(len(second), 0)
            cr2.commit()
            cr1.commit()
        with self.registry.cursor() as cr3:
            third = self._run(cr3)  # after both: nothing left
            self.assertEqual(len(third), 0)
            env = api.Environment(cr3, SUPERUSER_ID, {})
            leads = env["crm.lead"].browse(self.ids["leads"])
            self.assertTrue(all(leads.mapped("user_id")))
            self.assertEqual(set(leads.user_id.ids), set(self.ids["users"]))  # balanced
            logs = env["crm.zz.sales.assignment.log"].search([("lead_id", "in", leads.ids)])
            self.assertEqual(sorted(logs.lead_id.ids), sorted(leads.ids))
            self.assertEqual(len(logs), 6)
