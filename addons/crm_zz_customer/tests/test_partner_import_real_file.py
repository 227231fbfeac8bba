# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CrmZzCustomerCommon

CODE_A = "91410100MA44ABCD0C"
CODE_BAD = "91410100MA44ABCD0X"  # the check character is wrong
HEADERS = [
    "客户名称",
    "统一社会信用代码",
    "联系电话",
    "手机",
    "所属区县",
    "所属园区",
    "所属行业",
    "联系人",
    "联系人手机",
    "职务",
    "首次成交日期",
    "负责人",
]


def company_workbook(rows):
    """A workbook as a company keeps it: a merged title row, a blank row, then
    the headers (row 3) and the rows (from row 4)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2026年 郑州客户名单（销售部）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@tagged("at_install", "-post_install")
class TestPartnerImportRealFile(CrmZzCustomerCommon):
    """A customer list as people keep it imports without retyping: the header
    row below a title, everyday headers, districts, zones and industries as
    people write them, phones as Excel keeps them, a contact person, one
    company twice; only a missing name or an invalid key refuses a row, in
    Chinese, naming row, column and value."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        ref = cls.env.ref
        cls.jinshui = ref("crm_zz_customer.district_410105")
        cls.zhengdong = ref("crm_zz_customer.district_zhengdong")
        cls.econ_dev = ref("crm_zz_customer.district_econ_dev")
        cls.airport = ref("crm_zz_customer.district_airport")
        cls.sensor_valley = ref("crm_zz_customer.park_intelligent_sensor_valley")
        Industry = cls.env["res.partner.industry"].with_context(lang="en_US")
        cls.manufacturing = Industry.search([("name", "=", "Manufacturing")])
        cls.it = Industry.search([("name", "=", "IT/Communication")])
        cls.logistics = Industry.search([("name", "=", "Transportation/Logistics")])
        rows = [
            # 4: a county short name, a landline with a blank, a mobile kept
            # as a number, a park by its short name, a contact person
            [
                "郑州金水智造有限公司",
                CODE_A,
                "0371-6778 1234",
                13800138000.0,
                "金水",
                "智能传感谷",
                "制造业",
                "王建国",
                "13903710001",
                "采购经理",
                date(2025, 6, 1),
                None,
            ],
            # 5: a functional zone in the district column, (0371) and
            # full-width digits
            [
                "郑州东区信息技术有限公司",
                None,
                "(0371)63951234",
                "１３８０３７１０００２",
                "郑东新区",
                None,
                "信息技术",
                None,
                None,
                None,
                None,
                None,
            ],
            # 6: a zone by its short name, an owner named in the file
            [
                "郑州经开物流有限公司",
                None,
                None,
                "13803710003",
                "经开区",
                None,
                "物流",
                None,
                None,
                None,
                None,
                "crm_zz_customer-salesman2",
            ],
            # 7, 8, 9: the county's full name, its GB/T 2260 code, a zone's code
            ["郑州金水二号有限公司", None, None, "13803710004", "金水区"] + [None] * 7,
            ["郑州金水三号有限公司", None, None, "13803710005", "410105"] + [None] * 7,
            ["郑州航空港四号有限公司", None, None, "13803710006", "410173"] + [None] * 7,
            # 10: the company of row 4 again (same credit code): merged, its
            # empty cells filled from here
            ["郑州金水智造有限公司", CODE_A, None, None, None, None, None] + [None] * 5,
            # 11: a wrong check character: refused
            ["郑州错码有限公司", CODE_BAD, None, "13803710008", "金水区"] + [None] * 7,
            # 12: no name: refused
            [None, None, "0371-6778 9999", "13803710009", "金水区"] + [None] * 7,
        ]
        cls.content = company_workbook(rows)
        cls.names = [row[0] for row in rows if row[0]]

    def _wizard(self, mode="valid"):
        Wizard = self.env["crm.zz.partner.import"].with_user(self.sales_manager)
        with Form(Wizard.with_context(default_filename="客户名单.xlsx")) as form:
            form.file = base64.b64encode(self.content)
            form.mode = mode
            form.user_id = self.salesman
        return form.record

    def _partner(self, name):
        partner = self.env["res.partner"].search([("name", "=", name)])
        self.assertEqual(len(partner), 1, name)
        return partner

    def test_preview_lists_the_refusals_and_the_merge_before_writing(self):
        wizard = self._wizard()
        wizard.action_preview()
        self.assertEqual(
            (wizard.row_count, wizard.create_count, wizard.error_count, wizard.merged_count),
            (9, 6, 2, 1),
            wizard.errors_html,
        )
        self.assertIn(CODE_BAD, wizard.errors_html)
        self.assertFalse(self.env["res.partner"].search([("name", "in", self.names)]))

    def test_refusals_are_in_chinese_naming_row_column_and_value(self):
        wizard = self._wizard(mode="all").with_context(lang="zh_CN")
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        message = str(err.exception)
        self.assertIn("未导入任何数据", message)
        self.assertIn("第 11 行", message)
        self.assertIn("统一社会信用代码", message)
        self.assertIn(CODE_BAD, message)
        self.assertIn("校验位错误", message)
        self.assertIn("第 12 行", message)
        self.assertIn("客户名称", message)
        # exactly the two bad rows
        self.assertEqual(message.count("第 "), 2, message)
        self.assertFalse(self.env["res.partner"].search([("name", "in", self.names)]))

    def test_every_valid_row_is_imported_as_people_meant_it(self):
        wizard = self._wizard()
        wizard.action_import()
        self.assertEqual(
            (wizard.create_count, wizard.update_count, wizard.error_count, wizard.merged_count),
            (6, 0, 2, 1),
            wizard.errors_html,
        )
        zhizao = self._partner("郑州金水智造有限公司")
        self.assertEqual(zhizao.zz_credit_code, CODE_A)
        self.assertEqual(zhizao.phone, "+8637167781234")
        self.assertEqual(zhizao.mobile, "+8613800138000")
        self.assertEqual(zhizao.zz_district_id, self.jinshui)
        self.assertEqual(zhizao.zz_park_id, self.sensor_valley)
        self.assertEqual(zhizao.industry_id, self.manufacturing)
        self.assertEqual(zhizao.zz_first_deal_date, date(2025, 6, 1))
        # the owner: the wizard's choice where the file names none
        self.assertEqual(zhizao.user_id, self.salesman)
        self.assertTrue(zhizao.zz_owner_date)
        # the contact person, a contact of the company
        contact = zhizao.child_ids
        self.assertEqual(contact.mapped("name"), ["王建国"])
        self.assertEqual(
            (contact.type, contact.mobile, contact.function),
            ("contact", "+8613903710001", "采购经理"),
        )
        self.assertEqual(contact.commercial_partner_id, zhizao)

        dongqu = self._partner("郑州东区信息技术有限公司")
        self.assertEqual(
            (dongqu.zz_district_id, dongqu.zz_zone_id),
            (self.env["crm.zz.district"], self.zhengdong),
        )
        self.assertEqual((dongqu.phone, dongqu.mobile), ("+8637163951234", "+8613803710002"))
        self.assertEqual(dongqu.industry_id, self.it)

        jingkai = self._partner("郑州经开物流有限公司")
        self.assertEqual(jingkai.zz_zone_id, self.econ_dev)
        self.assertEqual(jingkai.industry_id, self.logistics)
        # the owner column first
        self.assertEqual(jingkai.user_id, self.salesman_2)

        self.assertEqual(self._partner("郑州金水二号有限公司").zz_district_id, self.jinshui)
        self.assertEqual(self._partner("郑州金水三号有限公司").zz_district_id, self.jinshui)
        self.assertEqual(self._partner("郑州航空港四号有限公司").zz_zone_id, self.airport)
        # refused: nothing written for them
        self.assertFalse(self.env["res.partner"].search([("name", "=", "郑州错码有限公司")]))
        self.assertFalse(self.env["res.partner"].search([("mobile", "=", "+8613803710009")]))
        # never into the public pool
        imported = self.env["res.partner"].search(
            [("name", "in", self.names), ("parent_id", "=", False)]
        )
        self.assertEqual(len(imported), 6)
        self.assertTrue(all(imported.mapped("user_id")))

    def test_every_stored_value_derived_from_the_imported_ones_is_right(self):
        """Created and then updated by the import, every stored computed field
        of the customers and their contacts holds what computing it afresh gives."""
        self._wizard().action_import()
        # the second file changes owners, names and districts of known customers
        wizard = self._wizard()
        wizard.user_id = self.salesman_2
        wizard.action_import()
        Partner = self.env["res.partner"]
        partners = Partner.search([("name", "in", self.names)])
        partners |= partners.child_ids
        self.assertGreater(len(partners), 6)
        computed = [
            field
            for field in Partner._fields.values()
            if field.store and field.compute and field.readonly and field.name != "id"
        ]
        self.env.flush_all()
        stored = {field.name: [partner[field.name] for partner in partners] for field in computed}
        for field in computed:
            self.env.add_to_compute(field, partners)
        self.env.flush_all()
        self.env.invalidate_all()
        for field in computed:
            with self.subTest(field=field.name):
                self.assertEqual([partner[field.name] for partner in partners], stored[field.name])

    def test_importing_the_same_file_again_updates_and_adds_no_contact(self):
        self._wizard().action_import()
        wizard = self._wizard()
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.update_count), (0, 6), wizard.errors_html)
        self.assertEqual(len(self._partner("郑州金水智造有限公司").child_ids), 1)


@tagged("at_install", "-post_install")
class TestPartnerImportOwnership(CrmZzCustomerCommon):
    """The owner of imported customers: never the public pool, never past a
    salesperson's cap, never a guess between two people of one name."""

    def _import(self, rows, user=None, headers=("客户名称", "手机", "销售员")):
        workbook = openpyxl.Workbook()
        workbook.active.append(list(headers))
        for row in rows:
            workbook.active.append(row)
        output = io.BytesIO()
        workbook.save(output)
        Wizard = self.env["crm.zz.partner.import"].with_user(user or self.sales_manager)
        with Form(Wizard.with_context(default_filename="c.xlsx")) as form:
            form.file = base64.b64encode(output.getvalue())
        wizard = form.record
        wizard.action_import()
        return wizard

    def test_rows_past_the_cap_are_refused_naming_it(self):
        self.env["ir.config_parameter"].sudo().set_param("crm_zz_customer.pool_max_customers", "2")
        # the salesperson holds one customer already (common data)
        wizard = self._import(
            [
                ["郑州限额一号公司", "13803711001", self.salesman.login],
                ["郑州限额二号公司", "13803711002", self.salesman.login],
                ["郑州限额三号公司", "13803711003", self.salesman_2.login],
            ]
        )
        self.assertEqual((wizard.create_count, wizard.error_count), (2, 1), wizard.errors_html)
        self.assertIn("2", wizard.errors_html)
        self.assertIn(self.salesman.name, wizard.errors_html)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "郑州限额二号公司")]))
        self.assertEqual(
            self.env["res.partner"].search([("name", "=", "郑州限额一号公司")]).user_id,
            self.salesman,
        )

    def test_a_name_two_salespeople_share_is_ambiguous(self):
        for login in ("crm_zz_customer-wang-a", "crm_zz_customer-wang-b"):
            new_test_user(
                self.env, login=login, name="王同名", groups="sales_team.group_sale_salesman"
            )
        wizard = self._import([["郑州同名公司", "13803712001", "王同名"]])
        self.assertEqual((wizard.create_count, wizard.warning_count), (1, 1), wizard.errors_html)
        self.assertIn("王同名", wizard.errors_html)
        partner = self.env["res.partner"].search([("name", "=", "郑州同名公司")])
        # left to the wizard's owner (the importing manager), not to the first 王同名
        self.assertEqual(partner.user_id, self.sales_manager)

    def test_the_importing_salesperson_owns_what_names_no_owner(self):
        wizard = self._import(
            [["郑州自己的公司", "13803713001"]], user=self.salesman, headers=("客户名称", "手机")
        )
        self.assertEqual(wizard.create_count, 1, wizard.errors_html)
        partner = self.env["res.partner"].search([("name", "=", "郑州自己的公司")])
        self.assertEqual(partner.user_id, self.salesman)


@tagged("at_install", "-post_install")
class TestPartnerImportNewValues(CrmZzCustomerCommon):
    """An unknown tag or industry is a warning, or created where the user ticked it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.known_tag = cls.env["res.partner.category"].create({"name": "老客户"})

    def _wizard(self, user=None, **options):
        workbook = openpyxl.Workbook()
        workbook.active.append(["客户名称", "标签", "行业"])
        workbook.active.append(["郑州新标签公司", "展会2026,老客户", "航天测控"])
        output = io.BytesIO()
        workbook.save(output)
        Wizard = self.env["crm.zz.partner.import"].with_user(user or self.salesman)
        with Form(Wizard.with_context(default_filename="c.xlsx")) as form:
            form.file = base64.b64encode(output.getvalue())
            for name, value in options.items():
                setattr(form, name, value)
        return form.record

    def test_unknown_values_are_warnings_and_the_row_is_imported(self):
        wizard = self._wizard()
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.warning_count), (1, 2), wizard.errors_html)
        partner = self.env["res.partner"].search([("name", "=", "郑州新标签公司")])
        # the known tag is kept, the unknown one left out
        self.assertEqual(partner.category_id, self.known_tag)
        self.assertFalse(partner.industry_id)

    def test_a_salesperson_may_not_create_industries(self):
        wizard = self._wizard(create_industries=True)
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertFalse(self.env["res.partner"].search([("name", "=", "郑州新标签公司")]))

    def test_unknown_values_are_created_when_asked(self):
        admin = self.env.ref("base.user_admin")
        wizard = self._wizard(user=admin, create_tags=True, create_industries=True)
        wizard.action_preview()
        self.assertEqual(wizard.warning_count, 2, wizard.errors_html)
        self.assertFalse(self.env["res.partner.category"].search([("name", "=", "展会2026")]))
        wizard.action_import()
        partner = self.env["res.partner"].search([("name", "=", "郑州新标签公司")])
        self.assertEqual(sorted(partner.category_id.mapped("name")), ["展会2026", "老客户"])
        self.assertEqual(partner.industry_id.name, "航天测控")


@tagged("at_install", "-post_install")
class TestPartnerImportConsent(CrmZzCustomerCommon):
    """A file that says whether each customer agreed to marketing email or SMS
    records that consent (PIPL), with the import and the file as its source."""

    def test_consent_columns_record_events(self):
        workbook = openpyxl.Workbook()
        workbook.active.append(["客户名称", "手机", "同意接收营销短信", "邮件营销同意"])
        workbook.active.append(["郑州同意科技有限公司", "13800138001", "是", "否"])
        workbook.active.append(["郑州未答科技有限公司", "13800138002", "", ""])
        output = io.BytesIO()
        workbook.save(output)
        Wizard = self.env["crm.zz.partner.import"].with_user(self.salesman)
        with Form(Wizard.with_context(default_filename="展会名单.xlsx")) as form:
            form.file = base64.b64encode(output.getvalue())
        form.record.action_import()
        Partner = self.env["res.partner"]
        agreed = Partner.search([("name", "=", "郑州同意科技有限公司")])
        silent = Partner.search([("name", "=", "郑州未答科技有限公司")])
        self.assertEqual(agreed.zz_consent_sms, "given")
        self.assertEqual(agreed.zz_consent_email, "withdrawn")
        events = self.env["crm.zz.consent"].search([("partner_id", "=", agreed.id)])
        self.assertEqual(set(events.mapped("source")), {"import"})
        self.assertIn("展会名单.xlsx", events[0].proof)
        self.assertEqual(events.mapped("create_uid"), self.salesman)
        self.assertFalse(self.env["crm.zz.consent"].search([("partner_id", "=", silent.id)]))
        self.assertNotEqual(silent.zz_consent_sms, "given")
