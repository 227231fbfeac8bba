# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmZzCustomerCommon


def workbook(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


@tagged("at_install", "-post_install")
class TestPartnerImportMapping(CrmZzCustomerCommon):
    """A column no known header matches is shown in the preview: the user maps
    it to a field or leaves it ignored, and the next file with that header is
    read the same way."""

    def _wizard(self, content):
        # the action of the menu names the imported model
        Wizard = (
            self.env["crm.zz.partner.import"]
            .with_user(self.salesman)
            .with_context(zz_import_model="res.partner")
        )
        with Form(Wizard.with_context(default_filename="c.xlsx")) as form:
            form.file = base64.b64encode(content)
        return form.record

    def test_a_mapped_column_is_imported_and_remembered(self):
        content = workbook(
            [["客户名称", "手机", "内部编号"], ["郑州映射公司", "13803714001", "K-001"]]
        )
        wizard = self._wizard(content)
        wizard.action_preview()
        self.assertIn("内部编号", wizard.errors_html)
        line = wizard.column_ids
        self.assertEqual(line.mapped("header"), ["内部编号"])
        self.assertFalse(line.field_name)
        with Form(wizard) as form, form.column_ids.edit(0) as column:
            column.field_name = "ref"
        wizard.action_preview()
        wizard.action_import()
        partner = self.env["res.partner"].search([("name", "=", "郑州映射公司")])
        self.assertEqual(partner.ref, "K-001")
        # the next file with the same header: mapped without asking
        content = workbook([["客户名称", "内部编号"], ["郑州映射二号公司", "K-002"]])
        wizard = self._wizard(content)
        wizard.action_preview()
        self.assertEqual(wizard.column_ids.mapped("field_name"), ["ref"])
        self.assertNotIn("内部编号", wizard.errors_html or "")
        wizard.action_import()
        partner = self.env["res.partner"].search([("name", "=", "郑州映射二号公司")])
        self.assertEqual(partner.ref, "K-002")

    def test_an_ignored_column_writes_nothing(self):
        content = workbook([["客户名称", "内部编号"], ["郑州忽略公司", "K-003"]])
        wizard = self._wizard(content)
        wizard.action_import()
        partner = self.env["res.partner"].search([("name", "=", "郑州忽略公司")])
        self.assertFalse(partner.ref)


@tagged("at_install", "-post_install")
class TestPartnerImportHostileFile(CrmZzCustomerCommon):
    """A hostile file is answered with a Chinese message and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def test_a_workbook_declaring_entities_is_refused_in_chinese(self):
        content = workbook([["客户名称"], ["郑州恶意公司"]])
        source = zipfile.ZipFile(io.BytesIO(content))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for name in source.namelist():
                data = source.read(name)
                if name == "xl/worksheets/sheet1.xml":
                    data = data.replace(
                        b"<worksheet",
                        b'<!DOCTYPE worksheet [<!ENTITY boom "boom">]><worksheet',
                        1,
                    )
                target.writestr(name, data)
        Wizard = self.env["crm.zz.partner.import"].with_user(self.salesman)
        with Form(Wizard.with_context(default_filename="恶意.xlsx")) as form:
            form.file = base64.b64encode(output.getvalue())
        wizard = form.record.with_context(lang="zh_CN")
        count = self.env["res.partner"].search_count([])
        with self.assertRaises(UserError) as err:
            wizard.action_import()
        message = str(err.exception)
        self.assertIn("恶意.xlsx", message)
        self.assertIn("拒绝", message)
        self.assertEqual(self.env["res.partner"].search_count([]), count)
