# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import html2plaintext

from ..tools import import_parser

# The import template's headers, so that an exported file imports back.
EXPORT_COLUMNS = [
    ("name", "客户名称"),
    ("is_company", "客户类型"),
    ("zz_credit_code", "统一社会信用代码"),
    ("phone", "电话"),
    ("mobile", "手机"),
    ("email", "邮箱"),
    ("zz_district_id", "所属区县"),
    ("zz_zone_id", "功能区"),
    ("zz_park_id", "产业园区"),
    ("industry_id", "行业"),
    ("user_id", "销售员"),
    ("category_id", "标签"),
    ("street", "地址"),
    ("website", "网址"),
    ("comment", "备注"),
    ("zz_lifecycle", "生命周期"),
    ("zz_grade", "客户等级"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_zz_export_xlsx(self):
        """Download the selected customers with the local fields as .xlsx."""
        columns = [(name, header) for name, header in EXPORT_COLUMNS if name in self._fields]
        rows = [
            [self._zz_export_value(partner, name) for name, _header in columns] for partner in self
        ]
        content = import_parser.write_xlsx(
            [header for _name, header in columns], rows, sheet_name="客户"
        )
        self.env["crm.zz.audit.log"]._zz_log(
            "export", self, field_names=[name for name, _header in columns]
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("customers.xlsx"),
                "raw": content,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _zz_export_value(self, partner, name):
        field = self._fields[name]
        value = partner[name]
        if name == "is_company":
            return "公司" if value else "个人"
        if name == "comment":
            return html2plaintext(value or "") or None
        if field.type == "many2one":
            return value.display_name or None if name != "zz_park_id" else value.name or None
        if field.type == "many2many":
            return "、".join(value.mapped("display_name")) or None
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value) or None
        return value or None
