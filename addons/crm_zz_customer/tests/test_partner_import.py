# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile

import openpyxl
import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import SQL, mute_logger

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


def _cut_sheet(content, keep):
    """The same workbook, its sheet's XML cut off after ``keep`` of its length."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                data = data[: int(len(data) * keep)]
            target.writestr(name, data)
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
        # the refusal and the warning (an unknown district leaves it empty)
        self.assertIn("91410100MA44ABCD0X", wizard.errors_html)
        self.assertIn("海淀区", wizard.errors_html)
        self.assertEqual(wizard.warning_count, 1)
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
        self.assertEqual(rows[0], ("Row", "Column", "Value", "Kind", "Message"))
        self.assertIn((5, "统一社会信用代码", "91410100MA44ABCD0X"), [r[:3] for r in rows[1:]])
        self.assertIn((5, "所属区县", "海淀区", "Warning"), [r[:4] for r in rows[1:]])
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
        # a warning is no refusal
        self.assertNotIn("海淀区", message)
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
        content = xlsx([HEADERS[:4], ["某公司", "91410100MA44ABCD0X", None, "海淀区"]])
        # the web client sends the user's language in the context
        wizard = self._wizard(content, mode="all").with_context(lang="zh_CN")
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        message = str(err.exception)
        self.assertIn("91410100MA44ABCD0X", message)
        self.assertIn("统一社会信用代码", message)
        self.assertIn("校验", message)
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

    def test_known_customers_are_updated_but_another_salespersons(self):
        mine = self.env["res.partner"].create(
            [
                {"name": f"郑州自有{index}号公司", "mobile": f"1380371770{index}"}
                for index in range(3)
            ]
        )
        mine.user_id = self.salesman
        theirs = self.env["res.partner"].create(
            {"name": "李娜的客户", "is_company": True, "zz_credit_code": CODE_B}
        )
        theirs.user_id = self.salesman_2
        content = xlsx(
            [
                HEADERS[:3],
                ["郑州自有0号公司(改名)", None, "13803717700"],
                ["李娜的客户（新名称）", CODE_B, None],
                ["郑州自有1号公司(改名)", None, "13803717701"],
                ["郑州自有2号公司(改名)", None, "13803717702"],
            ]
        )
        wizard = self._wizard(content)
        wizard.action_import()
        self.assertEqual((wizard.update_count, wizard.error_count), (3, 1), wizard.errors_html)
        self.assertEqual(
            mine.mapped("name"),
            ["郑州自有0号公司(改名)", "郑州自有1号公司(改名)", "郑州自有2号公司(改名)"],
        )
        self.assertEqual(theirs.name, "李娜的客户")
        rows = read_xlsx(base64.b64decode(wizard.error_report))
        self.assertEqual([row[0] for row in rows[1:]], [3])

    def test_other_salesperson_cannot_read_my_import(self):
        wizard = self._wizard(self._mixed_file())
        with self.assertRaises(AccessError):
            wizard.with_user(self.salesman_2).read(["filename"])
        self.assertEqual(wizard.with_user(self.sales_manager).read(["mode"])[0]["mode"], "valid")


@tagged("at_install", "-post_install")
class TestPartnerImportCreate(PartnerImportCase):
    """New customers are written through res.partner.create() in batches with
    the import context: each is exactly the customer create() makes from the
    same values, every stored field and column, computed ones included, and
    the create() overrides of the modules in the chain (this module's: the
    credit code normalised, the ownership clock started) have their effect."""

    # differ between two records by nature; commercial_partner_id is the record itself
    NOT_COMPARED = {"id", "create_date", "write_date", "commercial_partner_id"}
    FULL_HEADERS = [
        "客户名称",
        "客户类型",
        "统一社会信用代码",
        "电话",
        "手机",
        "邮箱",
        "所属区县",
        "功能区",
        "产业园区",
        "行业",
        "销售员",
        "标签",
        "地址",
        "网址",
        "备注",
    ]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.industry = cls.env["res.partner.industry"].create({"name": "智能传感测试"})
        cls.tag_2 = cls.env["res.partner.category"].create({"name": "老客户转介绍"})

    def _full_row(self, name, code, mobile, tag):
        return [
            name,
            "公司",
            code,
            "0371-6789 0000",
            mobile,
            "info@example.com",
            "金水区",
            "郑东新区",
            "中国（郑州）智能传感谷",
            "智能传感测试",
            self.salesman.login,
            tag,
            "郑州市金水区示例路1号",
            "www.example.com",
            "展会上认识",
        ]

    def test_imported_customer_is_the_customer_create_makes(self):
        content = xlsx(
            [
                self.FULL_HEADERS,
                self._full_row("郑州同值传感有限公司", CODE_B, "13803710021", "展会客户"),
            ]
        )
        wizard = self._wizard(content)
        Partner = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        )
        with freeze_time("2026-03-08 09:00:00"):
            wizard.action_import()
            self.assertEqual((wizard.create_count, wizard.error_count), (1, 0), wizard.errors_html)
            imported = self._partners(["郑州同值传感有限公司"])
            self.assertEqual(len(imported), 1)
            ((_row, values),) = wizard._zz_parse().rows
            created = Partner.create(wizard._zz_import_create_vals(values))
            self.assertTrue(created.zz_owner_date)
            # as the web client does at the end of the request: computed
            # fields are written by (and write_uid is) the user
            Partner.env.flush_all()
        # what the user sees on the new customer
        self.assertEqual(imported.commercial_partner_id, imported)
        self.assertEqual(imported.complete_name, "郑州同值传感有限公司")
        self.assertEqual(imported.zz_mobile_key, "+8613803710021")
        self.assertEqual(imported.zz_name_key, created.zz_name_key)
        self.assertTrue(imported.zz_name_key)
        self.assertEqual(imported.zz_lifecycle, "potential")
        self.assertEqual(imported.category_id, self.tag)
        self.assertEqual(imported.user_id, self.salesman)
        self.assertEqual(imported.industry_id, self.industry)
        self.assertEqual(imported.website, "http://www.example.com")
        self.assertEqual(imported.create_uid, self.salesman)
        self.assertTrue(imported.active)
        self.assertEqual(str(imported.zz_owner_date), "2026-03-08 09:00:00")
        # every stored field, as the ORM reads it
        for name, field in Partner._fields.items():
            if not field.store or name in self.NOT_COMPARED:
                continue
            with self.subTest(field=name):
                self.assertEqual(_plain(imported[name]), _plain(created[name]))
        # every column, as stored in the database
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT * FROM res_partner WHERE id IN %s ORDER BY id", (imported.id, created.id))
        )
        columns = [column.name for column in self.env.cr.description]
        imported_row, created_row = (
            dict(zip(columns, row, strict=True)) for row in self.env.cr.fetchall()
        )
        for column in columns:
            if column in self.NOT_COMPARED:
                continue
            with self.subTest(column=column):
                self.assertEqual(imported_row[column], created_row[column])
        self.assertEqual(created.commercial_partner_id, created)

    def test_each_row_keeps_its_own_values(self):
        content = xlsx(
            [
                self.FULL_HEADERS,
                self._full_row("郑州一号传感有限公司", None, "13803710031", "展会客户"),
                self._full_row("郑州二号传感有限公司", None, "13803710032", "老客户转介绍"),
                self._full_row("郑州三号传感有限公司", None, "13803710033", None),
            ]
        )
        wizard = self._wizard(content)
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.error_count), (3, 0), wizard.errors_html)
        partners = self._partners(
            ["郑州一号传感有限公司", "郑州二号传感有限公司", "郑州三号传感有限公司"]
        )
        self.assertEqual(
            sorted((p.name, p.zz_mobile_key, p.category_id.name or "") for p in partners),
            [
                ("郑州一号传感有限公司", "+8613803710031", "展会客户"),
                ("郑州三号传感有限公司", "+8613803710033", ""),
                ("郑州二号传感有限公司", "+8613803710032", "老客户转介绍"),
            ],
        )
        for partner in partners:
            self.assertEqual(partner.commercial_partner_id, partner)
            self.assertEqual(partner.complete_name, partner.name)

    def test_only_users_who_may_create_customers_import(self):
        clerk = self.env["res.users"].create(
            {"name": "只读用户", "login": "crm_zz_customer-readonly", "groups_id": []}
        )
        clerk.groups_id = self.env.ref("base.group_user")
        content = xlsx([HEADERS[:1], ["郑州无权公司"]])
        Wizard = self.env["crm.zz.partner.import"]
        wizard = Wizard.create({"file": base64.b64encode(content), "filename": "c.xlsx"})
        wizard = wizard.with_user(clerk)
        # the row is refused by create() and reported
        errors = wizard._zz_write([(2, {"name": "郑州无权公司"})], {})
        self.assertEqual([(error.row, error.code) for error in errors], [(2, "write")])
        self.assertFalse(self._partners(["郑州无权公司"]))


@tagged("at_install", "-post_install")
class TestPartnerImportLargeFile(PartnerImportCase):
    """A file of several batches is written batch by batch while the next one
    is read: every row lands once with its own values, a customer already
    known is updated wherever its row is, a row the database refuses is
    reported alone, and a file found damaged half-way writes nothing."""

    ROWS = 2500  # three batches of the importer

    def _rows(self, count, start=0):
        return [
            [f"郑州批量{index:05d}科技有限公司", None, f"1380371{index:04d}", "金水区", None, None]
            for index in range(start, start + count)
        ]

    def _names(self, rows):
        return [row[0] for row in rows]

    def test_every_row_of_every_batch_is_written_once(self):
        rows = self._rows(self.ROWS)
        # the known customer's credit code, in the last batch
        rows[2400] = ["郑州琨瑜光电科技有限公司(更名)", CODE_A, None, "金水区", None, "展会客户"]
        wizard = self._wizard(xlsx([HEADERS, *rows]))
        wizard.action_import()
        self.assertEqual(
            (wizard.create_count, wizard.update_count, wizard.error_count),
            (self.ROWS - 1, 1, 0),
            wizard.errors_html,
        )
        created = self._partners(self._names(rows)) - self.existing
        self.assertEqual(len(created), self.ROWS - 1)
        self.assertEqual(
            {partner.name: partner.zz_mobile_key for partner in created}[
                "郑州批量01234科技有限公司"
            ],
            "+8613803711234",
        )
        self.assertEqual(set(created.mapped("zz_district_id")), {self.jinshui})
        self.assertEqual(created.commercial_partner_id, created)
        # updated, not created twice
        self.assertEqual(self.existing.name, "郑州琨瑜光电科技有限公司(更名)")
        self.assertEqual(self.existing.category_id, self.tag)
        self.assertEqual(self.env["res.partner"].search_count([("zz_credit_code", "=", CODE_A)]), 1)

    def test_a_row_the_database_refuses_is_reported_alone(self):
        rows = self._rows(self.ROWS)
        refused = rows[1500][0]
        # a rule of the database the import does not know of
        self.env.cr.execute(
            SQL(
                "ALTER TABLE res_partner ADD CONSTRAINT zz_test_refuse "
                "CHECK (name <> %s) NOT VALID",
                refused,
            )
        )
        wizard = self._wizard(xlsx([HEADERS, *rows]))
        with mute_logger("odoo.sql_db"):  # the refused INSERT of the row alone
            wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.error_count), (self.ROWS - 1, 1))
        self.assertIn("1502", wizard.errors_html)  # Excel row: header + 1,501
        self.assertEqual(len(self._partners(self._names(rows))), self.ROWS - 1)
        self.assertFalse(self._partners([refused]))

    def test_a_row_the_record_rules_refuse_is_reported_alone(self):
        # a salesperson may not create a customer owned by another one
        rows = [
            ["郑州自有一号有限公司", None, "13803718801", "金水区", None, None],
            ["郑州他人客户有限公司", None, "13803718802", "金水区", None, None],
            ["郑州自有二号有限公司", None, "13803718803", "金水区", None, None],
        ]
        headers = [*HEADERS, "销售员"]
        logins = [self.salesman.login, self.salesman_2.login, self.salesman.login]
        content = xlsx([headers, *[[*row, login] for row, login in zip(rows, logins, strict=True)]])
        wizard = self._wizard(content)
        wizard.action_import()
        self.assertEqual((wizard.create_count, wizard.error_count), (2, 1), wizard.errors_html)
        self.assertEqual(
            sorted(self._partners(self._names(rows)).mapped("name")),
            ["郑州自有一号有限公司", "郑州自有二号有限公司"],
        )

    def test_a_file_damaged_half_way_writes_nothing(self):
        rows = self._rows(self.ROWS, start=5000)
        content = _cut_sheet(xlsx([HEADERS, *rows]), keep=0.8)
        wizard = self._wizard(content, filename="半截.xlsx")
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        self.assertIn("半截.xlsx", str(err.exception))
        self.assertFalse(self._partners(self._names(rows)))


@tagged("at_install", "-post_install")
class TestPartnerImportBadFiles(PartnerImportCase):
    """A file that cannot be imported gets one clear message and writes nothing."""

    def _error(self, content, filename="customers.xlsx"):
        wizard = self._wizard(content, filename=filename)
        with self.assertRaises(UserError) as err:
            wizard.action_preview()
        return str(err.exception)

    def test_not_an_xlsx_file(self):
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
        message = self._error(png, filename="客户.png")
        self.assertIn("客户.png", message)
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


def _plain(value):
    """A field value comparable between two records."""
    if hasattr(value, "_name"):
        return sorted(value.ids)
    return value
