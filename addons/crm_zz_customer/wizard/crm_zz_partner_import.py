# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.osv import expression
from odoo.tools import SQL, email_normalize

from ..tools import import_parser, normalize
from ..tools.import_parser import Column
from .crm_zz_import_mixin import RECORD_ID, Same

COMPANY_WORDS = ("公司", "企业", "company", "单位")
PERSON_WORDS = ("个人", "person", "individual")


class CrmZzPartnerImport(models.TransientModel):
    """Import customers from Excel: a customer found by credit code or mobile
    is updated, never duplicated."""

    _name = "crm.zz.partner.import"
    _inherit = ["crm.zz.import.mixin"]
    _description = "Import Customers from Excel"

    def _zz_import_model(self):
        return self.env["res.partner"]

    def _zz_import_template_name(self):
        return self.env._("customer-import-template.xlsx")

    def _zz_import_columns(self):
        env = self.env
        tags = env["res.partner.category"].search_fetch([], ["name"])
        return [
            Column(
                "name",
                "客户名称",
                ("Name", "Customer", "Company Name", "公司名称", "企业名称", "名称"),
                required=True,
                size=256,
            ),
            Column(
                "company_type",
                "客户类型",
                ("Type", "Company Type", "类型"),
                kind="choice",
                choices=import_parser.build_choices(
                    [(word, "company") for word in COMPANY_WORDS]
                    + [(word, "person") for word in PERSON_WORDS]
                ),
            ),
            Column(
                "zz_credit_code",
                "统一社会信用代码",
                ("Credit Code", "USCC", "Unified Social Credit Code", "信用代码"),
                kind="credit_code",
                unique=True,
            ),
            Column("phone", "电话", ("Phone", "固定电话", "座机"), kind="phone"),
            Column("mobile", "手机", ("Mobile", "手机号", "手机号码"), kind="phone", unique=True),
            Column("email", "邮箱", ("Email", "电子邮件", "E-mail"), size=240),
            *self._zz_place_columns(),
            self._zz_industry_column(),
            self._zz_salesperson_column(),
            Column(
                "category_id",
                "标签",
                ("Tags", "客户标签"),
                kind="choice",
                many=True,
                choices=import_parser.build_choices((t.name, t.id) for t in tags),
            ),
            Column("street", "地址", ("Address", "Street", "详细地址"), size=256),
            Column("website", "网址", ("Website", "网站"), size=256),
            Column("comment", "备注", ("Notes", "Comment", "说明")),
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
                "",
                "",
                "",
                "郑州市金水区示例路1号",
                "",
                "",
            ]
        ]

    def _zz_import_create(self, Model, vals_list, defaults, inserter=None):
        """New customers are inserted set-based: res.partner.create() runs
        about 435 rows/s, far from the speed an import of 100,000 rows needs."""
        now = fields.Datetime.now()
        return self._zz_sql_create(
            Model,
            [self._zz_prepare_sql_vals(Model, vals, now) for vals in vals_list],
            defaults,
            inserter=inserter,
        )

    def _zz_prepare_sql_vals(self, Model, vals, now):
        """What the create() overrides of res.partner do to the values: base
        cleans the website, this module normalises the credit code and starts
        the ownership clock of a customer given a salesperson."""
        vals = dict(vals)
        if vals.get("website"):
            vals["website"] = Model._clean_website(vals["website"])
        Model._zz_normalize_vals(vals)
        owned = vals.get("user_id") and not vals.get("parent_id")
        vals["zz_owner_date"] = vals.get("zz_owner_date") or (now if owned else False)
        return vals

    def _zz_sql_computed(self, Model, vals_list, defaults):
        """The stored computed fields of a new customer without parent company,
        country, VAT or user, as their compute methods would set them, so that
        they go into the INSERT instead of an UPDATE of every row after it.

        A field is given here only while the methods that compute it are those
        of the modules named below: when another installed module overrides
        one of them, the ORM computes that field as create() would.
        """
        if any(
            vals.get(name)
            for vals in vals_list
            for name in (
                "parent_id",
                "company_name",
                "country_id",
                "vat",
                "user_ids",
                "company_registry",
            )
        ):
            return {}
        number_fields = Model._phone_get_number_fields()

        def get(vals, name):
            return vals[name] if name in vals else defaults.get(name)

        def e164(number):
            try:
                return normalize.normalize_phone(number) if number else False
            except normalize.InvalidValue:
                return None

        def sanitized(vals):
            return next((get(vals, name) for name in number_fields if get(vals, name)), False)

        # the value of each field in a row (or the row itself), and the methods
        # (and their modules) it relies on
        known = {
            "commercial_partner_id": ({"base": ("_compute_commercial_partner",)}, RECORD_ID),
            "commercial_company_name": (
                {"base": ("_compute_commercial_company_name",)},
                lambda vals: get(vals, "is_company") and get(vals, "name") or False,
            ),
            "complete_name": (
                {"base": ("_compute_complete_name", "_get_complete_name")},
                lambda vals: (get(vals, "name") or "").strip(),
            ),
            "company_registry": (
                {"base": ("_compute_company_registry",)},
                lambda vals: get(vals, "company_registry") or False,
            ),
            "partner_share": ({"base": ("_compute_partner_share",)}, lambda vals: True),
            "email_normalized": (
                {"mail": ("_compute_email_normalized",)},
                lambda vals: email_normalize(get(vals, "email"), strict=False),
            ),
            "phone_sanitized": (
                {"phone_validation": ("_compute_phone_sanitized", "_phone_format")},
                sanitized,
            ),
            "peppol_eas": (
                {
                    "account": ("_deduce_country_code",),
                    "account_edi_ubl_cii": ("_compute_peppol_eas",),
                },
                lambda vals: get(vals, "peppol_eas") or False,
            ),
            "peppol_endpoint": (
                {
                    "account": ("_deduce_country_code",),
                    "account_edi_ubl_cii": ("_compute_peppol_endpoint",),
                },
                lambda vals: get(vals, "peppol_endpoint") or False,
            ),
            "zz_lifecycle": (
                {"crm_zz_customer": ("_compute_zz_lifecycle",)},
                lambda vals: get(vals, "zz_lifecycle_manual")
                or get(vals, "zz_lifecycle_auto")
                or False,
            ),
            "zz_grade": (
                {"crm_zz_customer": ("_compute_zz_grade",)},
                lambda vals: get(vals, "zz_grade_manual") or get(vals, "zz_grade_auto") or False,
            ),
            "zz_last_contact_date": (
                {"crm_zz_customer": ("_compute_zz_last_contact_date",)},
                lambda vals: False,
            ),
            "zz_phone_key": (
                {"crm_zz_customer": ("_compute_zz_duplicate_keys", "_zz_phone_key")},
                lambda vals: e164(get(vals, "phone")),
            ),
            "zz_mobile_key": (
                {"crm_zz_customer": ("_compute_zz_duplicate_keys", "_zz_phone_key")},
                lambda vals: e164(get(vals, "mobile")),
            ),
            "zz_name_key": (
                {"crm_zz_customer": ("_compute_zz_duplicate_keys",)},
                lambda vals: normalize.name_key(get(vals, "name")) or False,
            ),
        }
        # a number the parser did not leave in E.164 is sanitised by the ORM
        if any(
            e164(get(vals, name)) != (get(vals, name) or False)
            for vals in vals_list
            for name in number_fields
        ):
            known.pop("phone_sanitized")
        given = set(vals_list[0])
        computed = {}
        for name, (methods, value) in known.items():
            field = Model._fields.get(name)
            if (
                field is None
                or name in given
                or not (field.store and field.column_type and field.compute)
                or not _defined_only_by(Model, field, methods)
            ):
                continue
            computed[name] = value if value is RECORD_ID else _same_or_list(map(value, vals_list))
        # the fields computed together must be given together or not at all
        for name in list(computed):
            siblings = self.pool.field_computed.get(Model._fields[name], [])
            if any(
                sibling.store and sibling.name not in computed and sibling.name not in given
                for sibling in siblings
            ):
                computed.pop(name)
        return computed

    def _zz_import_known(self):
        """A customer with the row's credit code or mobile, whoever owns it
        (_zz_import_match tells which, code first)."""
        return SQL(
            "EXISTS (SELECT 1 FROM res_partner p"
            " WHERE p.zz_credit_code = r.zz_credit_code OR p.zz_mobile_key = r.mobile)"
        )

    def _zz_import_match(self, rows):
        """Existing customers by credit code first, then by mobile: one query."""
        codes = {values["zz_credit_code"] for _row, values in rows if values.get("zz_credit_code")}
        mobiles = {values["mobile"] for _row, values in rows if values.get("mobile")}
        if not codes and not mobiles:
            return {}
        # sudo: a customer another salesperson owns must be found too, so that it
        # is not created twice; writing to it is then checked as the user
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        domain = expression.OR(
            [
                [("zz_credit_code", "in", list(codes))] if codes else [],
                [("zz_mobile_key", "in", list(mobiles))] if mobiles else [],
            ]
        )
        by_code, by_mobile = {}, {}
        for partner in Partner.search_fetch(
            domain, ["zz_credit_code", "zz_mobile_key"], order="id"
        ):
            if partner.zz_credit_code:
                by_code.setdefault(partner.zz_credit_code, partner.id)
            if partner.zz_mobile_key:
                by_mobile.setdefault(partner.zz_mobile_key, partner.id)
        matches = {}
        for row, values in rows:
            partner_id = by_code.get(values.get("zz_credit_code")) or by_mobile.get(
                values.get("mobile")
            )
            if partner_id:
                matches[row] = partner_id
        return matches

    def _zz_import_create_vals(self, values):
        vals = {
            key: value
            for key, value in values.items()
            if key not in ("category_id", "company_type")
        }
        vals["is_company"] = values.get("company_type", "company") != "person"
        vals["category_id"] = [Command.link(tag_id) for tag_id in values.get("category_id") or []]
        return {key: value if value not in (None, "") else False for key, value in vals.items()}

    def _zz_import_update_vals(self, values):
        """Fill what the file says; an empty cell never erases what is known."""
        vals = {
            key: value
            for key, value in self._zz_import_create_vals(values).items()
            if value and key not in ("category_id", "is_company")
        }
        if values.get("company_type"):
            vals["is_company"] = values["company_type"] == "company"
        if values.get("category_id"):
            vals["category_id"] = [Command.link(tag_id) for tag_id in values["category_id"]]
        return vals


def _defined_only_by(Model, field, methods):
    """Whether the field is computed by one of the given methods and these
    are defined by the given modules only ({module: (method name, ...)})."""
    allowed = {
        name: {module for module, names in methods.items() if name in names}
        for names in methods.values()
        for name in names
    }
    if field.compute not in allowed:
        return False
    for cls in type(Model).__mro__:
        module = cls.__dict__.get("_module")
        for name, modules in allowed.items():
            if name in cls.__dict__ and module not in modules:
                return False
    return True


def _same_or_list(values):
    """Same(value) when every row has the same value, else the list."""
    values = list(values)
    first = values[0]
    if all(value == first and type(value) is type(first) for value in values):
        return Same(first)
    return values
