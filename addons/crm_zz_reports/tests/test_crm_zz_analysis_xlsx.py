# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile

import openpyxl

from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("post_install", "-at_install")
class TestAnalysisXlsx(CrmZzReportsCommon):
    """The pipeline analysis in Excel, read back: headers in the user's language,
    the header row frozen, amounts as numbers, a totals row, a chart, and a name
    typed as a formula kept as text. A salesperson exports his own rows only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leads = (
            cls._opportunity('=HYPERLINK("http://x","点击")', cls.customer_a, cls.user_a, 1500.5)
            | cls._opportunity("@SUM(A1)", cls.customer_a, cls.user_a, 2500)
            | cls._opportunity("乙的商机", cls.customer_b, cls.user_b, 4000)
        )
        cls._refresh_analyses()

    def _export(self, lang="en_US"):
        rows = self.env["crm.zz.pipeline.report"].search([("lead_id", "in", self.leads.ids)])
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_xlsx("crm_zz_reports.crm_zz_pipeline_report_xlsx", rows.ids, None)
        )
        self.assertEqual(kind, "xlsx")
        return content

    @users("crm_zz_reports-manager")
    def test_workbook_read_back(self):
        content = self._export()
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        headers = [c.value for c in sheet[1]]
        self.assertEqual(headers[0], "Opportunity")
        self.assertIn("Expected Revenue", headers)
        self.assertEqual(sheet.freeze_panes, "A2")
        revenue = headers.index("Expected Revenue") + 1
        amounts = sorted(sheet.cell(row, revenue).value for row in (2, 3, 4))
        self.assertEqual(amounts, [1500.5, 2500, 4000])
        self.assertEqual(sheet.cell(2, revenue).number_format, "#,##0.00")
        self.assertEqual(sheet.cell(5, 1).value, "Total")
        letter = openpyxl.utils.get_column_letter(revenue)
        self.assertEqual(sheet.cell(5, revenue).value, f"=SUM({letter}2:{letter}4)")
        # the cached total, for readers that do not calculate
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        self.assertEqual(values.cell(5, revenue).value, 8000.5)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertTrue(any(n.startswith("xl/charts/chart") for n in archive.namelist()))

    @users("crm_zz_reports-manager")
    def test_formula_like_text_stays_text(self):
        sheet = openpyxl.load_workbook(io.BytesIO(self._export())).active
        names = {sheet.cell(row, 1).value: sheet.cell(row, 1).data_type for row in (2, 3, 4)}
        self.assertEqual(names['=HYPERLINK("http://x","点击")'], "s")
        self.assertEqual(names["@SUM(A1)"], "s")

    @users("crm_zz_reports-manager")
    def test_headers_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        sheet = openpyxl.load_workbook(io.BytesIO(self._export("zh_CN"))).active
        Report = self.env["crm.zz.pipeline.report"].with_context(lang="zh_CN")
        # the field's label in Chinese ("商机" once the module's .pot lists it)
        self.assertEqual(
            sheet.cell(1, 1).value, Report.fields_get(["lead_id"])["lead_id"]["string"]
        )
        self.assertEqual(sheet.cell(5, 1).value, Report.env._("Total"))

    @users("crm_zz_reports-b")
    def test_salesperson_exports_his_rows(self):
        sheet = openpyxl.load_workbook(io.BytesIO(self._export())).active
        self.assertEqual(sheet.cell(2, 1).value, "乙的商机")
        self.assertEqual(sheet.cell(3, 1).value, "Total")
