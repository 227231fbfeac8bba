# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl
import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CrmZzCustomerCommon

CODE_A = "91410100MA44ABCD0C"
CODE_B = "91410105MA3X12345B"
HEADERS = ["客户名称", "统一社会信用代码", "手机", "所属区县", "产业园区", "标签"]


def xlsx(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def read_xlsx(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


class PartnerImportCase(CrmZzCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.sensor_valley = cls.env.ref("crm_zz_customer.park_intelligent_sensor_valley")
        cls.tag = cls.env["res.partner.category"].create({"name": "展会客户"})
        cls.existing = cls.env["res.partner"].create(
            {"name": "郑州琨瑜光电科技有限公司", "is_company": True, "zz_credit_code": CODE_A}
        )
        cls.existing_by_mobile = cls.env["res.partner"].create(
            {"name": "陈经理", "mobile": "+86 139 0371 5555"}
        )

    def _wizard(self, content, filename="customers.xlsx", mode="valid", user=None):
        # the upload widget fills file and filename together
        Wizard = self.env["crm.zz.partner.import"].with_user(user or self.salesman)
        wizard = Wizard.with_context(default_filename=filename).new({})
        with Form(Wizard.with_context(default_filename=filename)) as form:
            form.file = base64.b64encode(content)
            form.mode = mode
        del wizard
        return form.record

    def _partners(self, names):
        return self.env["res.partner"].search([("name", "in", names)])


@tagged("at_install", "-post_install")
class TestPartnerImport(PartnerImportCase):
    """A salesperson imports customers from Excel: preview first, then the valid
    rows (with an error report) or all or nothing; known customers are updated."""

    def _mixed_file(self):
        return xlsx(
            [
                HEADERS,
                [
                    "郑州新客户传感有限公司",
                    CODE_B,
                    "138 0371 0001",
                    "金水",
                    "中国（郑州）智能传感谷",
                    "展会客户",
                ],
                ["琨瑜光电", CODE_A.lower(), None, "410105", None, None],
                ["陈建华", None, "13903715555", None, None, None],
                ["坏代码公司", "91410100MA44ABCD0X", None, "海淀区", None, None],
            ]
        )

    def test_template_has_the_chinese_headers(self):
        wizard = self.env["crm.zz.partner.import"].with_user(self.salesman).create({})
        action = wizard.action_download_template()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        content = self.env["ir.attachment"].browse(attachment_id).raw
        header = read_xlsx(content)[0]
        for title in ("客户名称", "统一社会信用代码", "手机", "所属区县", "功能区", "产业园区"):
            self.assertIn(title, header)

    def test_preview_counts_and_writes_nothing(self):
        wizard = self._wizard(self._mixed_file())
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(
            (wizard.row_count, wizard.create_count, wizard.update_count, wizard.error_count),
            (4, 1, 2, 1),
        )
        self.assertIn("海淀区", wizard.errors_html)
        self.assertIn("91410100MA44ABCD0X", wizard.errors_html)
        self.assertFalse(self._partners(["郑州新客户传感有限公司", "坏代码公司"]))
        self.assertEqual(self.existing.name, "郑州琨瑜光电科技有限公司")

    def test_import_valid_rows_updates_known_customers(self):
        wizard = self._wizard(self._mixed_file())
        wizard.action_preview()
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual((wizard.create_count, wizard.update_count, wizard.error_count), (1, 2, 1))
        new = self._partners(["郑州新客户传感有限公司"])
        self.assertEqual(len(new), 1)
        self.assertTrue(new.is_company)
        self.assertEqual(new.zz_credit_code, CODE_B)
        self.assertEqual(new.mobile, "+8613803710001")
        self.assertEqual(new.zz_district_id, self.jinshui)
        self.assertEqual(new.zz_park_id, self.sensor_valley)
        self.assertEqual(new.category_id, self.tag)
        # matched by credit code and by mobile: updated, not duplicated
        self.assertEqual(self.env["res.partner"].search_count([("zz_credit_code", "=", CODE_A)]), 1)
        self.assertEqual(self.existing.name, "琨瑜光电")
        self.assertEqual(self.existing.zz_district_id, self.jinshui)
        self.assertEqual(self.existing_by_mobile.name, "陈建华")
        self.assertFalse(self._partners(["坏代码公司"]))
        # the error report names row, column, value and message
        rows = read_xlsx(base64.b64decode(wizard.error_report))
        self.assertEqual(rows[0], ("Row", "Column", "Value", "Error"))
        self.assertIn((5, "统一社会信用代码", "91410100MA44ABCD0X"), [r[:3] for r in rows[1:]])
        self.assertIn((5, "所属区县", "海淀区"), [r[:3] for r in rows[1:]])
        self.assertTrue(wizard.error_report_name.endswith(".xlsx"))

    def test_all_or_nothing_writes_nothing_on_one_bad_row(self):
        wizard = self._wizard(self._mixed_file(), mode="all")
        count = self.env["res.partner"].search_count([])
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        message = str(err.exception)
        self.assertIn("Row 5", message)
        self.assertIn("统一社会信用代码", message)
        self.assertIn("91410100MA44ABCD0X", message)
        self.assertIn("海淀区", message)
        self.assertEqual(self.env["res.partner"].search_count([]), count)
        self.assertEqual(self.existing.name, "郑州琨瑜光电科技有限公司")

    def test_all_or_nothing_imports_a_clean_file(self):
        content = xlsx([HEADERS[:3], ["郑州一号公司", None, "13803710011"], ["二号", None, None]])
        wizard = self._wizard(content, mode="all")
        wizard.action_import()
        self.assertEqual(len(self._partners(["郑州一号公司", "二号"])), 2)
        self.assertFalse(wizard.error_report)

    def test_errors_are_in_chinese_for_a_chinese_user(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        content = xlsx([HEADERS[:4], ["某公司", None, None, "海淀区"]])
        # the web client sends the user's language in the context
        wizard = self._wizard(content, mode="all").with_context(lang="zh_CN")
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        message = str(err.exception)
        self.assertIn("海淀区", message)
        self.assertIn("所属区县", message)
        self.assertIn("第 2 行", message)
        self.assertIn("未导入任何数据", message)

    def test_customer_of_another_salesperson_is_not_created_twice(self):
        theirs = self.env["res.partner"].create(
            {"name": "李娜的客户", "is_company": True, "zz_credit_code": CODE_B}
        )
        theirs.user_id = self.salesman_2
        content = xlsx([HEADERS[:2], ["李娜的客户（新名称）", CODE_B], ["郑州三号公司", None]])
        wizard = self._wizard(content)
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.error_count), (1, 1))
        self.assertEqual(self.env["res.partner"].search_count([("zz_credit_code", "=", CODE_B)]), 1)
        self.assertEqual(theirs.name, "李娜的客户")
        rows = read_xlsx(base64.b64decode(wizard.error_report))
        self.assertEqual([row[0] for row in rows[1:]], [2])
        # all or nothing: the refused row stops everything, the created one too
        content = xlsx([HEADERS[:2], ["李娜的客户（新名称）", CODE_B], ["郑州四号公司", None]])
        wizard = self._wizard(content, mode="all")
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        self.assertIn("Row 2", str(err.exception))
        self.assertFalse(self._partners(["郑州四号公司"]))

    def test_other_salesperson_cannot_read_my_import(self):
        wizard = self._wizard(self._mixed_file())
        with self.assertRaises(AccessError):
            wizard.with_user(self.salesman_2).read(["filename"])
        self.assertEqual(wizard.with_user(self.sales_manager).read(["mode"])[0]["mode"], "valid")


@tagged("at_install", "-post_install")
class TestPartnerImportBadFiles(PartnerImportCase):
    """A file that cannot be imported gets one clear message and writes nothing."""

    def _error(self, content, filename="customers.xlsx"):
        wizard = self._wizard(content, filename=filename)
        with self.assertRaises(UserError) as err:
            wizard.action_preview()
        return str(err.exception)

    def test_not_an_xlsx_file(self):
        message = self._error(b"name,phone\n" + "某公司,138".encode(), filename="客户.csv")
        self.assertIn("客户.csv", message)
        self.assertIn(".xlsx", message)

    def test_corrupt_workbook(self):
        content = xlsx([HEADERS])
        self.assertIn("damaged", self._error(content[:200], filename="坏.xlsx"))

    def test_empty_workbook(self):
        self.assertIn("no rows", self._error(xlsx([])))

    def test_sheet_without_the_expected_headers(self):
        message = self._error(xlsx([["姓名", "年龄"], ["张三", 30]]))
        self.assertIn("客户名称", message)
        self.assertIn("姓名", message)

    def test_too_many_rows(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": True})
        sheet = workbook.add_worksheet()
        sheet.write_string(0, 0, "客户名称")
        for row in range(1, 100_002):
            sheet.write_string(row, 0, "客户")
        workbook.close()
        count = self.env["res.partner"].search_count([])
        message = self._error(output.getvalue())
        self.assertIn("100000", message)
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_no_file(self):
        wizard = self.env["crm.zz.partner.import"].create({})
        with self.assertRaises(UserError):
            wizard.action_preview()


@tagged("at_install", "-post_install")
class TestPartnerExport(PartnerImportCase):
    """Selected customers export to .xlsx with the local fields, and import back."""

    def test_export_selection_and_import_it_back(self):
        self.existing.write(
            {
                "zz_district_id": self.jinshui.id,
                "zz_park_id": self.sensor_valley.id,
                "user_id": self.salesman.id,
                "category_id": [(4, self.tag.id)],
                "mobile": "13803719999",
            }
        )
        partners = self.existing | self.existing_by_mobile
        action = partners.with_user(self.salesman).action_zz_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        rows = read_xlsx(self.env["ir.attachment"].browse(attachment_id).raw)
        header, data = rows[0], rows[1:]
        self.assertEqual(len(data), 2)
        record = dict(zip(header, next(r for r in data if r[0] == self.existing.name), strict=True))
        self.assertEqual(record["统一社会信用代码"], CODE_A)
        self.assertEqual(record["所属区县"], "金水区")
        self.assertEqual(record["产业园区"], self.sensor_valley.name)
        self.assertEqual(record["销售员"], self.salesman.name)
        self.assertEqual(record["标签"], "展会客户")
        self.assertEqual(record["客户类型"], "公司")
        # the exported file is a valid import file: it updates, creates nothing
        wizard = self._wizard(self.env["ir.attachment"].browse(attachment_id).raw)
        wizard.action_preview()
        self.assertEqual((wizard.create_count, wizard.update_count), (0, 2), wizard.errors_html)
