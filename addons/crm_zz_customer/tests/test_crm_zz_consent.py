# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestConsent(CrmZzCustomerCommon):
    """Consent to marketing is a history of events; the current state per channel is
    the latest one, it follows the email blocklist both ways, and nobody rewrites it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact.email = "zhaoqiang@example.cn"

    def test_state_is_the_latest_event_per_channel(self):
        self.assertEqual(self.contact.zz_consent_email, "unknown")
        self.contact._zz_record_consent(
            "email", "given", "form", purpose="产品资讯", date=datetime(2026, 3, 1)
        )
        self.contact._zz_record_consent("sms", "given", "import", date=datetime(2026, 3, 1))
        self.assertEqual(self.contact.zz_consent_email, "given")
        self.assertEqual(self.contact.zz_consent_sms, "given")
        self.assertEqual(self.contact.zz_consent_phone, "unknown")
        # an older withdrawal recorded late does not override the newer grant
        self.contact._zz_record_consent("email", "withdrawn", "manual", date=datetime(2026, 1, 1))
        self.assertEqual(self.contact.zz_consent_email, "given")
        self.contact._zz_record_consent("email", "withdrawn", "manual", date=datetime(2026, 4, 1))
        self.assertEqual(self.contact.zz_consent_email, "withdrawn")
        self.assertEqual(self.contact.zz_consent_sms, "given")
        self.assertEqual(len(self.contact.zz_consent_ids), 4, "nothing is overwritten")

    def test_withdrawal_blocks_the_address_and_a_new_grant_unblocks_it(self):
        Blacklist = self.env["mail.blacklist"].with_context(active_test=False)
        self.contact._zz_record_consent("email", "withdrawn", "manual")
        entry = Blacklist.search([("email", "=", "zhaoqiang@example.cn")])
        self.assertTrue(entry.active)
        self.contact._zz_record_consent("email", "given", "form", proof="网页表单 #42")
        self.assertFalse(entry.active)
        self.assertEqual(self.contact.zz_consent_email, "given")

    def test_blocklisting_an_address_withdraws_and_logs_consent(self):
        self.contact._zz_record_consent("email", "given", "form")
        self.env["mail.blacklist"]._add("ZhaoQiang@example.cn")
        self.assertEqual(self.contact.zz_consent_email, "withdrawn")
        event = self.contact.zz_consent_ids.filtered(lambda e: e.state == "withdrawn")
        self.assertEqual(event.source, "blocklist")
        self.assertEqual(event.address, "zhaoqiang@example.cn")

    def test_invalid_channel_is_refused_and_nothing_written(self):
        with self.assertRaisesRegex(UserError, "fax"):
            self.contact._zz_record_consent("fax", "given", "manual")
        self.assertFalse(self.contact.zz_consent_ids)

    @users("crm_zz_customer-salesman")
    def test_salesman_records_consent_but_cannot_rewrite_history(self):
        contact = self.contact.with_user(self.env.user)
        with Form(self.env["crm.zz.consent"]) as form:
            form.partner_id = contact
            form.channel = "sms"
            form.state = "given"
            form.purpose = "新品短信通知"
        event = form.record
        self.assertEqual(event.user_id, self.env.user)
        self.assertEqual(contact.zz_consent_sms, "given")
        with self.assertRaises(AccessError):
            event.write({"state": "withdrawn"})
        with self.assertRaises(AccessError):
            event.unlink()
        self.assertEqual(contact.zz_consent_sms, "given")

    @users("crm_zz_customer-manager")
    def test_even_a_manager_cannot_delete_consent(self):
        event = self.contact.with_user(self.env.user)._zz_record_consent("email", "given", "form")
        with self.assertRaises(AccessError):
            event.unlink()
        with self.assertRaises(AccessError):
            event.write({"date": datetime(2020, 1, 1)})

    def test_not_even_an_administrator_rewrites_history(self):
        event = self.contact._zz_record_consent("email", "given", "form")
        with self.assertRaises(AccessError):
            event.with_user(self.env.ref("base.user_admin")).write({"state": "withdrawn"})
        self.assertEqual(event.state, "given")
