# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from odoo.addons.crm_zz_customer.tools import import_parser

from .common import CrmZzSalesCommon

HEADERS = [
    "线索名称",
    "公司名称",
    "联系人",
    "电话",
    "邮箱",
    "所属区县",
    "预计金额",
    "销售员",
    "行业",
]


@tagged("at_install", "-post_install")
class TestLeadImport(CrmZzSalesCommon):
    """Trade-show leads are imported from Excel with the customer import engine:
    preview writes nothing, bad rows go to the error report, a known lead is
    completed rather than duplicated, and every new lead gets an owner."""

    def _wizard(self, rows, **values):
        content = import_parser.write_xlsx(HEADERS, rows)
        with Form(self.env["crm.zz.sales.lead.import"]) as form:
            form.team_id = self.team
            for name, value in values.items():
                setattr(form, name, value)
        wizard = form.record
        # the upload widget sets file and name together
        wizard.write({"file": base64.b64encode(content), "filename": "2026郑州机床展.xlsx"})
        return wizard

    def _imported(self):
        return self.env["crm.lead"].search(
            [("team_id", "=", self.team.id), ("name", "like", "展会-")]
        )

    @users("crm_zz_sales-salesman")
    def test_preview_then_import_with_owner_and_error_report(self):
        known = self.env["crm.lead"].create(
            {"name": "老客户", "phone": "+8613803710099", "team_id": self.team.id}
        )
        wizard = self._wizard(
            [
                [
                    "展会-数控车床",
                    "郑州恒达机械",
                    "刘经理",
                    "138 0371 0001",
                    "",
                    "金水区",
                    300000,
                    "",
                    "",
                ],
                ["展会-激光切割", "郑州光明钣金", "陈工", "电话不对", "", "二七", 100000, "", ""],
                ["展会-老客户", "", "", "13803710099", "old@example.com", "", "", "", ""],
            ],
            user_id=self.salesman,
        )
        wizard.action_preview()
        self.assertEqual(
            (wizard.row_count, wizard.create_count, wizard.update_count, wizard.error_count),
            (3, 1, 1, 1),
        )
        self.assertFalse(self._imported())  # a preview writes nothing
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        lead = self._imported()
        self.assertEqual(lead.name, "展会-数控车床")
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.zz_district_id, self.jinshui)
        self.assertEqual(lead.source_id, self.env.ref("crm_zz_sales.utm_source_trade_show"))
        self.assertEqual(lead.medium_id, self.env.ref("crm_zz_sales.utm_medium_booth"))
        self.assertEqual(lead.phone_sanitized, "+8613803710001")
        self.assertEqual(lead.expected_revenue, 300000)
        self.assertEqual(known.email_from, "old@example.com")  # completed, not duplicated
        self.assertEqual(known.name, "老客户")
        self.assertEqual(known.partner_name, False)
        self.assertTrue(wizard.error_report)
        self.assertIn("电话不对", wizard.errors_html)

    def test_all_or_nothing_refuses_a_bad_file(self):
        wizard = self._wizard(
            [
                ["展会-好行", "郑州好行", "", "13803710002", "", "", "", "", ""],
                ["", "缺名称", "", "13803710003", "", "", "", "", ""],
            ],
            mode="all",
        )
        with self.assertRaises(UserError) as error:
            wizard.action_import()
        self.assertIn("3", str(error.exception))
        self.assertFalse(self._imported())

    def test_leads_without_owner_go_through_the_assignment_rules(self):
        manufacturing = self.env.ref("base.res_partner_industry_C")
        self.team.zz_rule_assignment = True
        self.env["crm.team.member"].create(
            [
                {
                    "crm_team_id": self.team.id,
                    "user_id": self.salesman.id,
                    "zz_district_ids": [self.jinshui.id],
                    "zz_industry_ids": [manufacturing.id],
                },
                {
                    "crm_team_id": self.team.id,
                    "user_id": self.salesman_2.id,
                    "zz_district_ids": [self.jinshui.id],
                },
            ]
        )
        wizard = self._wizard(
            [
                [
                    "展会-金水制造",
                    "郑州金水机械",
                    "",
                    "13803710004",
                    "",
                    "金水",
                    "",
                    "",
                    manufacturing.name,
                ],
                ["展会-金水其他", "郑州金水商贸", "", "13803710006", "", "金水", "", "", ""],
                ["展会-金水第三", "郑州金水物流", "", "13803710007", "", "金水", "", "", ""],
            ]
        )
        wizard.with_user(self.salesman).action_import()
        leads = self._imported()
        by_name = {lead.name: lead for lead in leads}
        self.assertEqual(by_name["展会-金水制造"].zz_industry_id, manufacturing)
        self.assertEqual(by_name["展会-金水制造"].user_id, self.salesman)
        self.assertEqual(by_name["展会-金水其他"].user_id, self.salesman_2)
        self.assertEqual(by_name["展会-金水第三"].user_id, self.salesman_2)
        logs = self.env["crm.zz.sales.assignment.log"].search([("lead_id", "in", leads.ids)])
        self.assertEqual(len(logs), 3)
        # one notice per salesperson: on the lead for one, on the team for several
        Message = self.env["mail.message"]
        single = Message.search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", by_name["展会-金水制造"].id),
                ("partner_ids", "in", self.salesman.partner_id.ids),
            ]
        )
        self.assertEqual(len(single), 1)
        batch = Message.search(
            [
                ("model", "=", "crm.team"),
                ("res_id", "=", self.team.id),
                ("partner_ids", "in", self.salesman_2.partner_id.ids),
            ]
        )
        self.assertEqual(len(batch), 1)
        self.assertIn("展会-金水其他", batch.body)
        self.assertIn("展会-金水第三", batch.body)

    def test_salesperson_column_wins_over_the_owner(self):
        wizard = self._wizard(
            [["展会-指定销售", "", "", "13803710005", "", "", "", "crm_zz_sales-salesman2", ""]],
            user_id=self.salesman,
        )
        wizard.action_import()
        self.assertEqual(self._imported().user_id, self.salesman_2)

    def test_not_an_excel_file(self):
        wizard = self.env["crm.zz.sales.lead.import"].create(
            {
                "file": base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256)),
                "filename": "leads.png",
                "team_id": self.team.id,
            }
        )
        with self.assertRaises(UserError) as error:
            wizard.action_preview()
        self.assertIn("leads.png", str(error.exception))

    def test_won_and_lost_leads_are_never_rewritten(self):
        won_stage = self.env["crm.stage"].create({"name": "测试赢单", "is_won": True})
        won = self.env["crm.lead"].create(
            {
                "name": "已赢单",
                "phone": "+8613803710201",
                "team_id": self.team.id,
                "stage_id": won_stage.id,
                "expected_revenue": 1000,
                "partner_id": self.env["res.partner"].create({"name": "郑州赢单客户"}).id,
            }
        )
        lost = self.env["crm.lead"].create(
            {"name": "已丢单", "phone": "+8613803710202", "team_id": self.team.id}
        )
        lost.action_set_lost()
        wizard = self._wizard(
            [
                ["展会-再次来访甲", "郑州甲", "", "13803710201", "a@example.com", "", "", "", ""],
                ["展会-再次来访乙", "郑州乙", "", "13803710202", "b@example.com", "", "", "", ""],
            ]
        )
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.update_count), (2, 0), wizard.errors_html)
        self.assertEqual((won.name, won.email_from), ("已赢单", False))
        self.assertEqual((lost.name, lost.email_from), ("已丢单", False))
        self.assertEqual(len(self._imported()), 2)

    def test_one_visitor_twice_in_the_file_is_one_lead(self):
        wizard = self._wizard(
            [
                ["展会-重复访客", "郑州重复", "赵工", "13803710301", "", "经开区", "", "", ""],
                [
                    "展会-重复访客(第二天)",
                    "",
                    "",
                    "138 0371 0301",
                    "zhao@example.com",
                    "",
                    "",
                    "",
                    "",
                ],
            ]
        )
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.merged_count), (1, 1), wizard.errors_html)
        lead = self._imported()
        self.assertEqual(lead.name, "展会-重复访客")
        self.assertEqual(lead.email_from, "zhao@example.com")
        # a zone written in the district column goes to the zone field
        self.assertEqual(lead.zz_zone_id, self.env.ref("crm_zz_customer.district_econ_dev"))
        self.assertFalse(lead.zz_district_id)
