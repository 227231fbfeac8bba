# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models

from odoo.addons.crm_zz_customer.tools import import_parser
from odoo.addons.crm_zz_customer.tools.import_parser import Column


class CrmZzSalesLeadImport(models.TransientModel):
    """Import trade-show leads from Excel with the customer import engine: same
    validation, preview and error report. An open lead already known by its
    phone or email is completed, not duplicated (a won or lost one is never
    rewritten: a new lead is made); rows of one visitor in the file are
    merged; new leads go to the salesperson in the file, the owner chosen
    here, or else to the team's assignment rules."""

    _name = "crm.zz.sales.lead.import"
    _inherit = ["crm.zz.import.mixin"]
    _description = "Import Trade-Show Leads from Excel"

    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        required=True,
        default=lambda self: self.env.user.sale_team_id,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        domain=[("share", "=", False)],
        help="Salesperson of every new lead without one in the file; leave empty to let "
        "the team's assignment rules choose.",
    )
    source_id = fields.Many2one(
        "utm.source",
        default=lambda self: self.env.ref("crm_zz_sales.utm_source_trade_show", False),
        help="Channel of rows without a source column.",
    )
    medium_id = fields.Many2one(
        "utm.medium",
        string="Collected Via",
        default=lambda self: self.env.ref("crm_zz_sales.utm_medium_booth", False),
        help="How the leads were collected (the booth, by default).",
    )
    campaign_id = fields.Many2one(
        "utm.campaign", string="Trade Show", help="The event the leads were collected at."
    )

    def _zz_import_model(self):
        return self.env["crm.lead"]

    def _zz_import_template_name(self):
        return self.env._("trade-show-leads-template.xlsx")

    def _zz_import_columns(self):
        env = self.env
        sources = env["utm.source"].search_fetch([], ["name"])
        categories = env["product.category"].search_fetch([], ["name", "complete_name"])
        return [
            Column(
                "name",
                "线索名称",
                ("Lead", "Name", "Subject", "需求", "主题"),
                required=True,
                size=256,
            ),
            Column(
                "partner_name",
                "公司名称",
                ("Company", "Company Name", "企业名称", "单位", "单位名称", "客户名称", "公司"),
                size=256,
            ),
            Column(
                "contact_name",
                "联系人",
                ("Contact", "Contact Name", "姓名", "联系人姓名", "访客", "访客姓名"),
                size=128,
            ),
            Column("function", "职位", ("Job Position", "Title", "职务", "岗位"), size=128),
            Column(
                "phone",
                "电话",
                (
                    "Phone",
                    "Mobile",
                    "手机",
                    "手机号",
                    "手机号码",
                    "移动电话",
                    "联系电话",
                    "联系人电话",
                    "联系人手机",
                    "座机",
                ),
                kind="phone",
                unique=True,
                strict=True,
            ),
            Column(
                "email_from",
                "邮箱",
                ("Email", "电子邮件", "E-mail", "电子邮箱"),
                kind="email",
                size=240,
                unique=True,
            ),
            *self._zz_place_columns(),
            self._zz_industry_column("zz_industry_id"),
            Column(
                "zz_product_category_ids",
                "意向产品",
                ("Product Interest", "Products", "产品"),
                kind="choice",
                many=True,
                choices=import_parser.build_choices(
                    [(c.name, c.id) for c in categories]
                    + [(c.complete_name, c.id) for c in categories]
                ),
            ),
            Column(
                "expected_revenue", "预计金额", ("Expected Revenue", "金额", "预算"), kind="number"
            ),
            Column(
                "source_id",
                "来源",
                ("Source", "渠道"),
                kind="choice",
                choices=import_parser.build_choices((s.name, s.id) for s in sources),
            ),
            self._zz_salesperson_column(),
            Column("description", "备注", ("Notes", "Comment", "说明")),
        ]

    def _zz_import_template_rows(self):
        return [
            [
                "智能仓储方案咨询",
                "郑州示例物流有限公司",
                "王经理",
                "采购经理",
                "138 0371 0000",
                "wang@example.com",
                "金水区",
                "郑东新区",
                "",
                "",
                "",
                300000,
                "展会",
                "",
                "在展位咨询了立体仓库",
            ]
        ]

    def _zz_import_job_vals(self):
        return dict(
            super()._zz_import_job_vals(),
            team_id=self.team_id.id,
            user_id=self.user_id.id,
            source_id=self.source_id.id,
            medium_id=self.medium_id.id,
            campaign_id=self.campaign_id.id,
        )

    def _zz_import_match(self, rows):
        """Open leads already known by phone, then by email: two queries. A
        lost lead (archived) or a won one is never matched, so never rewritten."""
        phones = {values["phone"] for _row, values in rows if values.get("phone")}
        emails = {
            values["email_from"].strip().lower()
            for _row, values in rows
            if values.get("email_from")
        }
        Lead = self.env["crm.lead"]
        open_leads = ["|", ("stage_id", "=", False), ("stage_id.is_won", "=", False)]
        by_phone, by_email = {}, {}
        if phones:
            for lead in Lead.search_fetch(
                [("phone_sanitized", "in", list(phones)), *open_leads],
                ["phone_sanitized"],
                order="id",
            ):
                by_phone.setdefault(lead.phone_sanitized, lead.id)
        if emails:
            for lead in Lead.search_fetch(
                [("email_normalized", "in", list(emails)), *open_leads],
                ["email_normalized"],
                order="id",
            ):
                by_email.setdefault(lead.email_normalized, lead.id)
        matches = {}
        for row, values in rows:
            email = (values.get("email_from") or "").strip().lower()
            match = by_phone.get(values.get("phone")) or by_email.get(email)
            if match:
                matches[row] = match
        return matches

    def _zz_import_create_vals(self, values):
        vals = {
            key: value if value not in (None, "") else False
            for key, value in values.items()
            if key != "zz_product_category_ids"
        }
        vals["zz_product_category_ids"] = [Command.set(values.get("zz_product_category_ids") or [])]
        vals["team_id"] = self.team_id.id
        # False, not missing: crm would give the lead to the importing user
        vals["user_id"] = values.get("user_id") or self.user_id.id or False
        vals["source_id"] = values.get("source_id") or self.source_id.id or False
        vals["campaign_id"] = self.campaign_id.id or False
        vals["medium_id"] = self.medium_id.id or False
        if vals.get("expected_revenue") is not False:
            vals["expected_revenue"] = float(vals["expected_revenue"])
        return self._zz_split_place(vals)

    def _zz_import_update_vals(self, values):
        """Complete a known lead: fill what the file says, keep its name, owner and team."""
        kept = ("name", "user_id", "team_id", "zz_product_category_ids")
        vals = {
            key: value
            for key, value in self._zz_import_create_vals(values).items()
            if value and key not in kept
        }
        if values.get("zz_product_category_ids"):
            vals["zz_product_category_ids"] = [
                Command.link(category) for category in values["zz_product_category_ids"]
            ]
        return vals
