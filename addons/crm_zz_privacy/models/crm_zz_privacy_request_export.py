# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Everything held about the person, as a workbook and as JSON (PIPL Arts. 45, 47)."""

import base64
import io

import xlsxwriter

from odoo import fields, models
from odoo.tools import html2plaintext

from ..tools import privacy

# What the export shows per model, in this order (fields a model lacks are skipped).
EXPORT_FIELDS = {
    "res.partner": [
        "name",
        "is_company",
        "parent_id",
        "email",
        "phone",
        "mobile",
        "street",
        "city",
        "zip",
        "vat",
        "function",
        "website",
        "comment",
        "zz_district_id",
        "industry_id",
        "create_date",
    ],
    "crm.lead": [
        "name",
        "type",
        "contact_name",
        "partner_name",
        "email_from",
        "phone",
        "mobile",
        "stage_id",
        "expected_revenue",
        "user_id",
        "create_date",
        "date_closed",
        "active",
    ],
    "crm.zz.interaction": ["date", "kind", "name", "note", "partner_id", "contact_id", "user_id"],
    "helpdesk.ticket": [
        "number",
        "name",
        "partner_name",
        "partner_email",
        "stage_id",
        "create_date",
        "closed_date",
        "description",
    ],
    "mail.message": ["date", "model", "res_id", "subject", "body", "email_from", "message_type"],
    "crm.zz.consent": ["date", "channel", "state", "source", "purpose", "proof", "address"],
    "survey.user_input": ["survey_id", "create_date", "state", "email", "scoring_percentage"],
}


class CrmZzPrivacyRequest(models.Model):
    _inherit = "crm.zz.privacy.request"

    def _zz_collect(self):
        """{model: records} of everything held about the person."""
        self.ensure_one()
        partners = self._zz_subjects()
        # sudo: the officer answers for every record of the person, whoever owns it
        env = self.sudo().with_context(active_test=False).env
        domain = [("partner_id", "in", partners.ids)]
        leads = env["crm.lead"].search(domain) | self.lead_id.sudo()
        return {
            "res.partner": partners,
            "crm.lead": leads,
            "crm.zz.interaction": env["crm.zz.interaction"].search(
                ["|", ("partner_id", "in", partners.ids), ("contact_id", "in", partners.ids)]
            ),
            "helpdesk.ticket": env["helpdesk.ticket"].search(domain),
            "mail.message": env["mail.message"].search(
                [("author_id", "in", partners.ids), ("message_type", "!=", "user_notification")]
            ),
            "crm.zz.consent": env["crm.zz.consent"].search(domain),
            "survey.user_input": env["survey.user_input"].search(domain),
        }

    def _zz_export_env(self):
        """Chinese headers where Chinese is installed, the user's language otherwise."""
        lang = "zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else self.env.lang
        return self.with_context(lang=lang).env

    def _zz_export_rows(self, found):
        """[(model label, [headers], [field names], [[values]])] for the export."""
        env = self._zz_export_env()
        tables = []
        for model_name, records in found.items():
            model = env[model_name]
            names = [name for name in EXPORT_FIELDS[model_name] if name in model._fields]
            headers = [model._fields[name]._description_string(env) for name in names]
            rows = [
                [self._zz_export_value(record, name, env) for name in names] for record in records
            ]
            label = env["ir.model"]._get(model_name).name
            tables.append((model_name, label, headers, names, rows))
        return tables

    def _zz_export_value(self, record, name, env):
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(env)).get(value, "") if value else ""
        if field.type == "boolean":
            return env._("Yes") if value else env._("No")
        if field.type == "html":
            return html2plaintext(value or "")
        if field.type in ("integer", "float", "monetary"):
            return value
        if field.type in ("date", "datetime"):
            return privacy.jsonable(value) if value else ""
        return value or ""

    def action_export(self):
        """Attach everything held about the person as .xlsx and JSON (PIPL Art. 45)."""
        self.ensure_one()
        tables = self._zz_export_rows(self._zz_collect())
        stamp = fields.Date.context_today(self).isoformat()
        base_name = f"{self.name.replace('/', '-')}-{stamp}"
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": f"{base_name}.xlsx",
                    "datas": base64.b64encode(self._zz_export_xlsx(tables)),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                },
                {
                    "name": f"{base_name}.json",
                    "datas": base64.b64encode(self._zz_export_json(tables)),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/json",
                },
            ]
        )
        self.action_start()
        counts = ", ".join(f"{label}: {len(rows)}" for _model, label, _h, _n, rows in tables)
        description = self.env._(
            "Request %(name)s: everything held about the person exported (%(counts)s).",
            name=self.name,
            counts=counts,
        )
        self.env["crm.zz.audit.log"]._zz_log(
            "subject_request", self.partner_id or self.lead_id, description=description
        )
        self.message_post(body=description, attachment_ids=attachments.ids)
        return attachments

    def _zz_export_xlsx(self, tables):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        used = set()
        for _model, label, headers, _names, rows in tables:
            # sheet names: 31 characters at most, unique, no []:*?/\
            sheet_name = "".join(c for c in label if c not in "[]:*?/\\")[:28] or "Sheet"
            while sheet_name in used:
                sheet_name += "_"
            used.add(sheet_name)
            sheet = workbook.add_worksheet(sheet_name)
            for col, header in enumerate(headers):
                sheet.write_string(0, col, header, bold)
                sheet.set_column(col, col, 18)
            for row_index, row in enumerate(rows, start=1):
                for col, value in enumerate(row):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        sheet.write_number(row_index, col, value)
                    else:
                        # text is text: a value starting with = is never a formula
                        sheet.write_string(row_index, col, str(value))
        workbook.close()
        return buffer.getvalue()

    def _zz_export_json(self, tables):
        data = {
            "request": self.name,
            "generated": fields.Datetime.now(),
            "records": {
                model: {
                    "label": label,
                    "fields": dict(zip(names, headers, strict=True)),
                    "rows": [dict(zip(names, row, strict=True)) for row in rows],
                }
                for model, label, headers, names, rows in tables
            },
        }
        return privacy.dump_json(data)
