# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
import json

import openpyxl

from odoo import http
from odoo.exceptions import AccessDenied
from odoo.tests import Form, HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestExportSafety(HttpCase):
    """Odoo's list export never writes a live formula: text starting with =, +, -,
    @, a tab or a carriage return is a string cell in .xlsx and carries an
    apostrophe in CSV, and a phone in E.164 stays a phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_customer-export",
            password="crm_zz_customer-export",
            # the phone is personal data: exporting it needs the suite's right
            groups="sales_team.group_sale_salesman,base.group_partner_manager,"
            "crm_zz_customer.group_zz_export_personal_data",
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": '=HYPERLINK("http://x.invalid","点击")',
                "is_company": True,
                "phone": "+8637163951234",
                "street": "@SUM(1+1)",
                "user_id": cls.salesman.id,
            }
        )

    def _export(self, fmt, partners=None, fields=None):
        self.authenticate(self.salesman.login, self.salesman.login)
        data = {
            "model": "res.partner",
            "fields": fields
            or [
                {"name": "name", "label": "名称", "type": "char"},
                {"name": "phone", "label": "电话", "type": "char"},
                {"name": "street", "label": "地址", "type": "char"},
            ],
            "ids": (partners or self.partner).ids,
            "domain": [],
            "import_compat": False,
        }
        response = self.url_open(
            f"/web/export/{fmt}",
            data={"data": json.dumps(data), "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.content

    def test_xlsx_text_cells(self):
        sheet = openpyxl.load_workbook(io.BytesIO(self._export("xlsx"))).active
        name, phone, street = (sheet.cell(2, column) for column in (1, 2, 3))
        for cell in (name, phone, street):
            self.assertEqual(cell.data_type, "s", cell.value)
        self.assertEqual(name.value, self.partner.name)
        self.assertEqual(phone.value, "+8637163951234")

    def test_csv_guarded(self):
        text = self._export("csv").decode("utf-8-sig")
        row = list(csv.reader(io.StringIO(text)))[1]
        self.assertEqual(row[0], "'" + self.partner.name)
        self.assertEqual(row[1], "'+8637163951234")
        self.assertEqual(row[2], "'@SUM(1+1)")

    def test_csv_export_imports_back_unchanged(self):
        """Customers exported to CSV from the list and imported again with the
        suite's importer keep their names, phones and addresses as they were."""
        names = ["=SUM(A1)", "+86 138 0371 0000", "-折扣客户", "@郑州", "'=已带撇号"]
        partners = self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "mobile": f"+86138037100{number:02d}",
                    "street": f"-{number}号楼",
                    "user_id": self.salesman.id,
                }
                for number, name in enumerate(names)
            ]
        )
        before = sorted(partners.mapped(lambda p: (p.name, p.mobile, p.street)))
        content = self._export(
            "csv",
            partners,
            [
                {"name": "name", "label": "客户名称", "type": "char"},
                {"name": "mobile", "label": "手机", "type": "char"},
                {"name": "street", "label": "地址", "type": "char"},
            ],
        )
        # what a spreadsheet opens: no cell starts a formula
        for row in list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:]:
            for cell in row:
                self.assertFalse(cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell)
        partners.unlink()
        Wizard = self.env["crm.zz.partner.import"].with_user(self.salesman)
        with Form(Wizard.with_context(default_filename="客户导出.csv")) as form:
            form.file = base64.b64encode(content)
            form.mode = "all"
        wizard = form.record
        wizard.action_preview()
        self.assertEqual((wizard.create_count, wizard.error_count), (5, 0), wizard.errors_html)
        wizard.action_import()
        imported = self.env["res.partner"].search([("name", "in", names)])
        after = sorted(imported.mapped(lambda p: (p.name, p.mobile, p.street)))
        self.assertEqual(after, before)


@tagged("post_install", "-at_install")
class TestLoginAudit(HttpCase):
    """A failed login is logged although the login's own transaction rolls back."""

    def test_failed_login_logged(self):
        user = new_test_user(self.env, login="crm_zz_customer-login", password="right-pass-123")
        credential = {"login": user.login, "password": "wrong-pass", "type": "password"}
        # not assertRaises: it rolls back what happened inside, the log row included
        denied = False
        try:
            self.registry["res.users"].authenticate(
                self.env.cr.dbname, credential, {"interactive": False}
            )
        except AccessDenied:
            denied = True
        self.assertTrue(denied)
        row = self.env["crm.zz.audit.log"].search(
            [("event", "=", "login_failed"), ("description", "=", user.login)]
        )
        self.assertEqual(len(row), 1)
        self.authenticate(user.login, "right-pass-123")
        self.assertTrue(
            self.env["crm.zz.audit.log"].search(
                [("event", "=", "login"), ("user_id", "=", user.id)]
            )
        )
