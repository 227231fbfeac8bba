# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import json

import openpyxl

from .common import CrmZzPrivacyCommon


class TestPrivacyRequestExport(CrmZzPrivacyCommon):
    """An access request exports everything held about the person as a workbook
    and as JSON, attached to the request and logged."""

    def test_export_holds_everything(self):
        request = self._request("access")
        request.action_export()
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(sorted(a.name.rsplit(".", 1)[1] for a in attachments), ["json", "xlsx"])
        json_file = attachments.filtered(lambda a: a.name.endswith(".json"))
        data = json.loads(base64.b64decode(json_file.datas).decode("utf-8"))["records"]
        self.assertEqual(data["res.partner"]["rows"][0]["mobile"], "13800138000")
        self.assertEqual(data["crm.lead"]["rows"][0]["name"], "陈静 询价 数控机床")
        self.assertEqual(data["crm.lead"]["rows"][0]["expected_revenue"], 50000.0)
        self.assertEqual(data["helpdesk.ticket"]["rows"][0]["name"], "机床报警 E21")
        self.assertEqual(data["crm.zz.interaction"]["rows"][0]["name"], "电话回访报价")
        self.assertEqual(
            data["crm.zz.consent"]["rows"][0]["proof"], "纸质同意书 No.2026-031 陈静签字"
        )
        self.assertEqual(len(data["survey.user_input"]["rows"]), 1)
        self.assertIn("请发报价单", [row["body"] for row in data["mail.message"]["rows"]])

        xlsx_file = attachments.filtered(lambda a: a.name.endswith(".xlsx"))
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx_file.datas)))
        self.assertEqual(len(workbook.sheetnames), 7)
        # headers in Chinese where Chinese is installed
        lang = "zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else self.env.lang
        env = self.env(context={"lang": lang})
        headers = [cell.value for cell in workbook.worksheets[0][1]]
        self.assertEqual(headers[3], env["res.partner"]._fields["email"]._description_string(env))
        texts = {
            cell.value
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        }
        for expected in ("陈静 询价 数控机床", "机床报警 E21", "电话回访报价", "13800138000"):
            self.assertIn(expected, texts)
        self.assertEqual(request.state, "in_progress")
        self.assertTrue(
            self.env["crm.zz.audit.log"].search_count(
                [("event", "=", "subject_request"), ("res_id", "=", self.person.id)]
            )
        )

    def test_text_is_never_a_formula(self):
        self.person.function = '=HYPERLINK("http://x")'
        request = self._request("access")
        attachments = request.action_export()
        xlsx_file = attachments.filtered(lambda a: a.name.endswith(".xlsx"))
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx_file.datas)))
        cells = [c for row in workbook.worksheets[0].iter_rows() for c in row]
        formula = [c for c in cells if c.value == '=HYPERLINK("http://x")']
        self.assertEqual(formula[0].data_type, "s")
