# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from .common import CrmZzCustomerCommon


@tagged("post_install", "-at_install")
class TestResPartnerConsentMasking(CrmZzCustomerCommon):
    """A marketer (市场专员) sees a customer's email where the customer agreed to
    marketing by email and his mobile where he agreed to SMS or calls; masked
    elsewhere. A salesperson who owns the customer is not affected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(cls.env, login="crm_zz_customer-consent-marketer", name="孙丽")
        cls.marketer.zz_crm_role = "marketer"
        Partner = cls.env["res.partner"]
        cls.agreed = Partner.create(
            {"name": "王丽", "email": "wang.li@zzjx.cn", "mobile": "+86 138 0371 5678"}
        )
        cls.refused = Partner.create(
            {"name": "赵刚", "email": "zhao.gang@zzjx.cn", "mobile": "+86 139 0371 4321"}
        )
        cls.unknown = Partner.create(
            {"name": "钱芳", "email": "qian.fang@zzjx.cn", "mobile": "+86 137 0371 1111"}
        )
        cls.agreed._zz_record_consent("email", "given", "form")
        cls.agreed._zz_record_consent("sms", "given", "form")
        cls.refused._zz_record_consent("email", "withdrawn", "form")
        cls.refused._zz_record_consent("sms", "withdrawn", "form")

    def _read(self, user, partner):
        return partner.with_user(user).read(["email", "mobile"])[0]

    def test_marketer_sees_contact_data_where_consent_allows(self):
        agreed = self._read(self.marketer, self.agreed)
        self.assertEqual(agreed["email"], "wang.li@zzjx.cn")
        self.assertEqual(agreed["mobile"], self.agreed.mobile)
        for partner in (self.refused, self.unknown):
            values = self._read(self.marketer, partner)
            self.assertNotEqual(values["email"], partner.email)
            self.assertTrue(values["email"].endswith("@zzjx.cn"))
            self.assertIn("***", values["email"])
            self.assertIn("****", values["mobile"])

    def test_marketer_list_and_form_paths(self):
        Partner = self.env["res.partner"].with_user(self.marketer)
        rows = Partner.search_read(
            [("id", "in", (self.agreed | self.refused).ids)], ["name", "email"]
        )
        emails = {row["id"]: row["email"] for row in rows}
        self.assertEqual(emails[self.agreed.id], "wang.li@zzjx.cn")
        self.assertEqual(emails[self.refused.id], "z***@zzjx.cn")
        form = Partner.browse(self.refused.id).web_read({"email": {}, "mobile": {}})[0]
        self.assertEqual(form["email"], "z***@zzjx.cn")

    def test_marketer_still_finds_by_full_address(self):
        Partner = self.env["res.partner"].with_user(self.marketer)
        self.assertEqual(Partner.search([("email", "=", "zhao.gang@zzjx.cn")]), self.refused)

    def test_salesperson_owner_not_limited_by_consent(self):
        self.refused.user_id = self.salesman
        values = self._read(self.salesman, self.refused)
        self.assertEqual(values["email"], "zhao.gang@zzjx.cn")
        self.assertEqual(values["mobile"], self.refused.mobile)
