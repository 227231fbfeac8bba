# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmZzReportsCommon(BaseCommon):
    """Two salespeople of one team, a sales manager, and one customer company of
    each salesperson in Jinshui district."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_notrack=False))
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.user_a = new_test_user(
            cls.env,
            login="crm_zz_reports-a",
            name="销售甲",
            groups="sales_team.group_sale_salesman",
        )
        cls.user_b = new_test_user(
            cls.env,
            login="crm_zz_reports-b",
            name="销售乙",
            groups="sales_team.group_sale_salesman",
        )
        cls.manager = new_test_user(
            cls.env,
            login="crm_zz_reports-manager",
            name="销售经理",
            groups="sales_team.group_sale_manager",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "郑州报表测试组",
                "member_ids": [Command.set((cls.user_a | cls.user_b).ids)],
            }
        )
        cls.customer_a, cls.customer_b = cls.env["res.partner"].create(
            [
                {
                    "name": "金水甲公司",
                    "is_company": True,
                    "zz_district_id": cls.jinshui.id,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "金水乙公司",
                    "is_company": True,
                    "zz_district_id": cls.jinshui.id,
                    "user_id": cls.user_b.id,
                },
            ]
        )
        cls.customers = cls.customer_a | cls.customer_b
        # stages of the team's own, without the stage gates of the demo pipeline
        cls.open_stage, cls.won_stage = cls.env["crm.stage"].create(
            [
                {"name": "洽谈", "sequence": 999, "team_id": cls.team.id},
                {"name": "签约", "sequence": 1000, "is_won": True, "team_id": cls.team.id},
            ]
        )

    @classmethod
    def _opportunity(cls, name, partner, user, revenue, **vals):
        return cls.env["crm.lead"].create(
            dict(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id if user else False,
                    "team_id": cls.team.id,
                    "stage_id": cls.open_stage.id,
                    "expected_revenue": revenue,
                },
                **vals,
            )
        )

    @classmethod
    def _refresh_analyses(cls):
        """What the hourly job does: the pre-computed analyses take in what was
        just written."""
        cls.env["crm.zz.report.abstract"]._cron_zz_refresh()
