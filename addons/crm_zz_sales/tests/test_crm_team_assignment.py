# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestRuleAssignment(CrmZzSalesCommon):
    """New unassigned leads go to the least-loaded salesperson whose rules match,
    never beyond a cap; the salesperson is notified and every assignment is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.zz_rule_assignment = True
        cls.member_jinshui = cls.env["crm.team.member"].create(
            {
                "crm_team_id": cls.team.id,
                "user_id": cls.salesman.id,
                "zz_district_ids": [cls.jinshui.id],
                "zz_max_open_leads": 2,
            }
        )
        cls.member_any = cls.env["crm.team.member"].create(
            {"crm_team_id": cls.team.id, "user_id": cls.salesman_2.id}
        )
        cls.erqi_customer = cls.env["res.partner"].create(
            {"name": "郑州二七商贸有限公司", "is_company": True, "zz_district_id": cls.erqi.id}
        )

    def _new_lead(self, partner, name="展会线索"):
        return self.env["crm.lead"].create(
            {
                "name": name,
                "type": "lead",
                "team_id": self.team.id,
                "user_id": False,
                "partner_id": partner.id,
            }
        )

    def test_created_lead_goes_to_matching_member_with_notice_and_log(self):
        lead = self._new_lead(self.customer)
        self.assertEqual(lead.user_id, self.salesman)
        notice = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("partner_ids", "in", self.salesman.partner_id.ids),
            ]
        )
        self.assertEqual(len(notice), 1)
        self.assertIn("郑州大客户部", notice.body)
        log = self.env["crm.zz.sales.assignment.log"].search([("lead_id", "=", lead.id)])
        self.assertEqual((log.user_id, log.trigger), (self.salesman, "create"))
        self.assertIn(self.jinshui.name, log.rule)

    def test_lead_outside_every_rule_goes_to_the_open_member(self):
        lead = self._new_lead(self.erqi_customer)
        self.assertEqual(lead.user_id, self.salesman_2)

    def test_cap_then_least_loaded(self):
        leads = self.env["crm.lead"]
        for n in range(3):
            leads |= self._new_lead(self.customer, name=f"线索{n}")
        # two for the Jinshui specialist (cap 2), the third to the open member
        self.assertEqual(leads.mapped("user_id"), self.salesman | self.salesman_2)
        self.assertEqual(len(leads.filtered(lambda lead: lead.user_id == self.salesman)), 2)
        self.assertEqual(self.member_jinshui.zz_open_lead_count, 2)

    def test_odoo_assignment_cron_uses_the_rules(self):
        self.team.zz_rule_assignment = False
        lead = self._new_lead(self.customer)
        self.assertFalse(lead.user_id)
        self.team.zz_rule_assignment = True
        self.env["crm.team"]._cron_assign_leads()  # what Odoo's scheduled action runs
        self.assertEqual(lead.user_id, self.salesman)
        log = self.env["crm.zz.sales.assignment.log"].search([("lead_id", "=", lead.id)])
        self.assertEqual(log.trigger, "cron")
        # a second run finds nothing left to assign
        self.team._zz_assign_leads(lead)
        self.assertEqual(
            self.env["crm.zz.sales.assignment.log"].search_count([("lead_id", "=", lead.id)]), 1
        )

    @users("crm_zz_sales-salesman2")
    def test_salesperson_sees_only_own_assignment_log(self):
        mine = self._new_lead(self.erqi_customer).sudo()
        theirs = self._new_lead(self.customer).sudo()
        Log = self.env["crm.zz.sales.assignment.log"]
        visible = Log.search([("lead_id", "in", (mine | theirs).ids)])
        self.assertEqual(visible.lead_id, mine)
        other = Log.sudo().search([("lead_id", "=", theirs.id)])
        with self.assertRaises(AccessError):
            other.with_user(self.env.user).read(["rule"])
