# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import Command, fields, models
from odoo.osv import expression

from ..tools import import_parser, normalize
from ..tools.import_parser import CellError, Column

COMPANY_WORDS = ("公司", "企业", "company", "单位")
PERSON_WORDS = ("个人", "person", "individual")
CONTACT_FIELDS = {
    "contact_name": "name",
    "contact_phone": "phone",
    "contact_mobile": "mobile",
    "contact_function": "function",
    "contact_email": "email",
}
# consent columns (PIPL): yes records consent given, no records it withdrawn, with
# the import and the file as its source; an empty cell records nothing
CONSENT_FIELDS = {"consent_email": "email", "consent_sms": "sms"}


class CrmZzPartnerImport(models.TransientModel):
    """Import customers from Excel: a customer found by credit code, mobile or
    name is updated, never duplicated; rows of one company in the file are
    merged; the contact person of a row becomes a contact of the company."""

    _name = "crm.zz.partner.import"
    _inherit = ["crm.zz.import.mixin"]
    _description = "Import Customers from Excel"

    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        help="Salesperson of the new customers whose row names none; you when left empty. "
        "An import never puts customers into the public pool.",
    )

    create_tags = fields.Boolean(
        string="Create Unknown Tags",
        help="A tag of the file no tag has is created; otherwise it is left out with a warning.",
    )
    create_industries = fields.Boolean(
        string="Create Unknown Industries",
        help="An industry of the file that matches none (not even closely) is created; "
        "otherwise it is left empty with a warning.",
    )

    def _zz_import_model(self):
        return self.env["res.partner"]

    def _zz_import_template_name(self):
        return self.env._("customer-import-template.xlsx")

    def _zz_import_job_vals(self):
        return dict(
            super()._zz_import_job_vals(),
            user_id=self.user_id.id,
            create_tags=self.create_tags,
            create_industries=self.create_industries,
        )

    def _zz_import_columns(self):
        env = self.env
        tags = env["res.partner.category"].search_fetch([], ["name"])
        return [
            Column(
                "name",
                "客户名称",
                (
                    "Name",
                    "Customer",
                    "Company Name",
                    "Customer Name",
                    "公司名称",
                    "企业名称",
                    "单位名称",
                    "名称",
                    "客户",
                    "公司",
                    "企业",
                    "单位",
                    "客户全称",
                    "公司全称",
                    "企业全称",
                ),
                required=True,
                size=256,
            ),
            Column(
                "company_type",
                "客户类型",
                ("Type", "Company Type", "类型", "客户性质"),
                kind="choice",
                choices=import_parser.build_choices(
                    [(word, "company") for word in COMPANY_WORDS]
                    + [(word, "person") for word in PERSON_WORDS]
                ),
            ),
            Column(
                "zz_credit_code",
                "统一社会信用代码",
                (
                    "Credit Code",
                    "USCC",
                    "Unified Social Credit Code",
                    "信用代码",
                    "社会信用代码",
                    "税号",
                    "纳税人识别号",
                    "统一代码",
                ),
                kind="credit_code",
                unique=True,
                strict=True,
            ),
            Column(
                "phone",
                "电话",
                (
                    "Phone",
                    "联系电话",
                    "电话号码",
                    "固定电话",
                    "座机",
                    "座机号码",
                    "固话",
                    "办公电话",
                    "公司电话",
                    "单位电话",
                    "联系方式",
                ),
                kind="phone",
            ),
            Column(
                "mobile",
                "手机",
                ("Mobile", "手机号", "手机号码", "移动电话", "手机电话"),
                kind="phone",
                unique=True,
                strict=True,
            ),
            Column(
                "email",
                "邮箱",
                ("Email", "电子邮件", "E-mail", "电子邮箱", "邮件", "公司邮箱"),
                kind="email",
                size=240,
            ),
            *self._zz_place_columns(),
            self._zz_industry_column(create=self.create_industries),
            self._zz_salesperson_column(),
            Column(
                "category_id",
                "标签",
                ("Tags", "客户标签", "分类", "客户分类"),
                kind="choice",
                many=True,
                choices=import_parser.build_choices((t.name, t.id) for t in tags),
                matcher=import_parser.create_missing if self.create_tags else None,
            ),
            Column(
                "street",
                "地址",
                ("Address", "Street", "详细地址", "公司地址", "办公地址", "注册地址", "联系地址"),
                size=256,
            ),
            Column("website", "网址", ("Website", "网站", "官网", "主页"), size=256),
            Column(
                "zz_first_deal_date",
                "首次成交日期",
                ("First Deal", "首次成交", "首次成交时间", "成交日期", "首单日期"),
                kind="date",
            ),
            Column("comment", "备注", ("Notes", "Comment", "说明", "备注信息")),
            Column(
                "contact_name",
                "联系人",
                ("Contact", "Contact Name", "联系人姓名", "联系人名称", "姓名"),
                size=128,
            ),
            Column(
                "contact_function",
                "职务",
                ("Job Position", "Position", "职位", "联系人职务", "联系人职位", "岗位"),
                size=128,
            ),
            Column(
                "contact_phone",
                "联系人电话",
                ("Contact Phone", "联系人座机", "联系人固话", "联系人联系电话"),
                kind="phone",
            ),
            Column(
                "contact_mobile",
                "联系人手机",
                ("Contact Mobile", "联系人手机号", "联系人手机号码", "联系人移动电话"),
                kind="phone",
            ),
            Column(
                "contact_email",
                "联系人邮箱",
                ("Contact Email", "联系人电子邮件", "联系人邮件"),
                kind="email",
                size=240,
            ),
            Column(
                "consent_email",
                "同意接收营销邮件",
                ("Email Consent", "邮件营销同意", "同意营销邮件", "营销邮件同意", "同意邮件"),
                kind="boolean",
            ),
            Column(
                "consent_sms",
                "同意接收营销短信",
                ("SMS Consent", "短信营销同意", "同意营销短信", "营销短信同意", "同意短信"),
                kind="boolean",
            ),
        ]

    def _zz_import_template_rows(self):
        return [
            [
                "郑州示例科技有限公司",
                "公司",
                "91410100MA44ABCD0C",
                "0371-6789 0000",
                "138 0371 0000",
                "info@example.com",
                "金水区",
                "郑东新区",
                "",
                "制造业",
                "",
                "",
                "郑州市金水区示例路1号",
                "",
                "2025-06-01",
                "",
                "王经理",
                "采购经理",
                "",
                "139 0371 0000",
                "",
                "是",
                "是",
            ]
        ]

    def _zz_import_merge_key(self, values):
        """Rows naming the same company (name without city and legal form)."""
        return normalize.name_key(values.get("name")) or None

    def _zz_import_match(self, rows):
        """Existing customers by credit code, then mobile, then name: one query."""
        codes = {values["zz_credit_code"] for _row, values in rows if values.get("zz_credit_code")}
        mobiles = {values["mobile"] for _row, values in rows if values.get("mobile")}
        names = {normalize.name_key(values["name"]) for _row, values in rows if values.get("name")}
        names.discard("")
        if not rows:
            return {}
        # sudo: a customer another salesperson owns must be found too, so that it
        # is not created twice; writing to it is then checked as the user
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        domain = expression.OR(
            [
                [("zz_credit_code", "in", list(codes))] if codes else [],
                [("zz_mobile_key", "in", list(mobiles))] if mobiles else [],
                [("zz_name_key", "in", list(names)), ("parent_id", "=", False)] if names else [],
            ]
        )
        if not (codes or mobiles or names):
            return {}
        by_code, by_mobile, by_name = {}, {}, {}
        for partner in Partner.search_fetch(
            domain, ["zz_credit_code", "zz_mobile_key", "zz_name_key", "parent_id"], order="id"
        ):
            if partner.zz_credit_code:
                by_code.setdefault(partner.zz_credit_code, partner.id)
            if partner.zz_mobile_key:
                by_mobile.setdefault(partner.zz_mobile_key, partner.id)
            if partner.zz_name_key and not partner.parent_id:
                by_name.setdefault(partner.zz_name_key, partner.id)
        matches = {}
        for row, values in rows:
            partner_id = (
                by_code.get(values.get("zz_credit_code"))
                or by_mobile.get(values.get("mobile"))
                or (
                    # the same name but another credit code is another company
                    not values.get("zz_credit_code")
                    and by_name.get(normalize.name_key(values.get("name")))
                )
            )
            if partner_id:
                matches[row] = partner_id
        return matches

    def _zz_owner(self, values):
        """The owner of a new customer: the file's, else the wizard's, else the user."""
        return values.get("user_id") or self.user_id.id or self.env.uid

    def _zz_import_refuse(self, rows, matches):
        """New customers past their salesperson's cap (Settings) are refused,
        naming the cap: an import never exceeds it nor fills the public pool."""
        Partner = self.env["res.partner"]
        cap = Partner._zz_owner_cap()
        if not cap:
            return []
        new = [(row, self._zz_owner(values)) for row, values in rows if row not in matches]
        wanted = Counter(owner for _row, owner in new)
        # sudo: count all the salesperson's customers, visible or not (as the cap does)
        held = dict(
            Partner.sudo()._read_group(
                [("user_id", "in", list(wanted)), ("parent_id", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        held = {user.id: count for user, count in held.items()}
        users = self.env["res.users"].browse(list(wanted))
        names = {user.id: user.name for user in users}
        refused, counted = [], Counter()
        for row, owner in new:
            counted[owner] += 1
            if held.get(owner, 0) + counted[owner] > cap:
                refused.append(
                    CellError(
                        row,
                        "销售员",
                        names.get(owner),
                        "owner_cap",
                        {"user": names.get(owner), "cap": cap},
                    )
                )
        return refused

    def _zz_import_create_vals(self, values):
        vals = {
            key: value
            for key, value in values.items()
            if key not in ("category_id", "company_type")
            and key not in CONTACT_FIELDS
            and key not in CONSENT_FIELDS
        }
        vals["is_company"] = values.get("company_type", "company") != "person"
        vals["category_id"] = [Command.link(tag_id) for tag_id in values.get("category_id") or []]
        vals["user_id"] = self._zz_owner(values)
        vals = {key: value if value not in (None, "") else False for key, value in vals.items()}
        return self._zz_split_place(vals)

    def _zz_import_update_vals(self, values):
        """Fill what the file says; an empty cell never erases what is known,
        and a customer keeps its salesperson unless the file names one."""
        vals = {
            key: value
            for key, value in self._zz_import_create_vals(values).items()
            if value and key not in ("category_id", "is_company", "user_id")
        }
        if values.get("user_id"):
            vals["user_id"] = values["user_id"]
        if values.get("company_type"):
            vals["is_company"] = values["company_type"] == "company"
        if values.get("category_id"):
            vals["category_id"] = [Command.link(tag_id) for tag_id in values["category_id"]]
        return vals

    def _zz_import_written(self, records_by_row, values_by_row):
        self._zz_import_contacts(records_by_row, values_by_row)
        self._zz_import_consents(records_by_row, values_by_row)

    def _zz_import_consents(self, records_by_row, values_by_row):
        """The consent the file states, as events of source "import" naming the
        file: one batch per channel and answer."""
        Partner = self._zz_model()
        groups = {}
        for row, company in records_by_row.items():
            for column, channel in CONSENT_FIELDS.items():
                answer = values_by_row[row].get(column)
                if answer is not None:
                    state = "given" if answer else "withdrawn"
                    groups.setdefault((channel, state), set()).add(company.id)
        for (channel, state), partner_ids in groups.items():
            Partner.browse(sorted(partner_ids))._zz_record_consent(
                channel,
                state,
                "import",
                proof=self.env._("Imported from %(file)s", file=self.filename or "-"),
            )

    def _zz_import_contacts(self, records_by_row, values_by_row):
        """The contact person of each row, created under its company unless the
        company already has a contact of that name."""
        wanted = []
        for row, company in records_by_row.items():
            values = values_by_row[row]
            contact = {
                field: values.get(column)
                for column, field in CONTACT_FIELDS.items()
                if values.get(column)
            }
            if contact.get("name"):
                wanted.append((company, contact))
        if not wanted:
            return
        Partner = self._zz_model()
        companies = Partner.browse([company.id for company, _contact in wanted])
        known = {
            (child.parent_id.id, child.name)
            for child in Partner.search_fetch(
                [("parent_id", "in", companies.ids)], ["parent_id", "name"]
            )
        }
        vals_list = []
        for company, contact in wanted:
            key = (company.id, contact["name"])
            if key in known:
                continue
            known.add(key)
            vals_list.append(dict(contact, parent_id=company.id, type="contact", is_company=False))
        if vals_list:
            Partner.create(vals_list)
