# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tools import SQL, config

from .common import CrmZzPrivacyCommon


class TestPrivacyRequestAnonymise(CrmZzPrivacyCommon):
    """Erasing a person anonymises the contact and what is theirs; the company on
    posted invoices stays, consent events stay as proof, and the outcome says so."""

    def test_anonymise_contact_keeps_company_with_posted_invoice(self):
        with patch.dict(config.options, {"zz_crm_data_key": "zz-crm-test-key-0123456789abcdef"}):
            self.person.zz_resident_id = "41010519900307123X"
        request = self._request("deletion")
        request.action_anonymise()
        person = self.person
        # the encrypted resident ID and its keyed hash are gone too
        self.env.flush_all()
        self.assertFalse(
            self.env.execute_query(
                SQL(
                    "SELECT id FROM res_partner WHERE id = %s AND (zz_resident_id_encrypted "
                    "IS NOT NULL OR zz_resident_id_hash IS NOT NULL)",
                    person.id,
                )
            )
        )
        self.assertEqual(person.name, f"已匿名化 #{person.id}")
        self.assertFalse(person.email or person.mobile or person.street or person.function)
        self.assertTrue(person.zz_anonymised_date)
        # the company on the posted invoice is untouched, and the outcome says why
        self.assertEqual(self.company.name, "郑州隐私测试机械有限公司")
        self.assertEqual(self.company.email, "info@zzjx.example.com")
        self.assertIn("郑州隐私测试机械有限公司", request.outcome)
        self.assertEqual(self.invoice.partner_id, self.company)
        # the lead keeps its amount and stage, loses its contact
        self.assertFalse(self.lead.contact_name)
        self.assertEqual(self.lead.expected_revenue, 50000.0)
        self.assertNotIn("陈静", self.lead.name)
        self.assertFalse(self.ticket.partner_name or self.ticket.partner_email)
        # consent: the event stays, its proof text and address go
        self.assertTrue(self.consent.exists())
        self.assertEqual(self.consent.state, "given")
        self.assertNotIn("陈静", self.consent.proof)
        self.assertFalse(self.consent.address)
        self.assertFalse(self.message.email_from)
        self.assertFalse(self.user_input.email or self.user_input.partner_id)
        self.assertEqual(request.state, "done")
        self.assertTrue(request.answered_date)
        self.assertEqual(self.other.name, "刘洋")
        logs = self.env["crm.zz.audit.log"].search(
            [("event", "=", "subject_request"), ("res_model", "=", "res.partner")]
        )
        self.assertTrue(any(request.name in (log.description or "") for log in logs))
        privacy_log = self.env["privacy.log"].search([], order="id desc", limit=1)
        self.assertIn(request.name, privacy_log.execution_details)
        self.assertNotIn("陈静", privacy_log.anonymized_name)

    def test_company_with_posted_invoice_is_kept_its_contacts_are_not(self):
        request = self._request("deletion", partner=self.company)
        request.action_anonymise()
        self.assertEqual(self.company.name, "郑州隐私测试机械有限公司")
        self.assertEqual(self.person.name, f"已匿名化 #{self.person.id}")
        self.assertIn("郑州隐私测试机械有限公司", request.outcome)

    def test_lead_only_person(self):
        lead = self.env["crm.lead"].create(
            {"name": "展会名片 周敏", "contact_name": "周敏", "mobile": "13700137000"}
        )
        request = (
            self.env["crm.zz.privacy.request"]
            .with_user(self.officer)
            .create({"request_type": "deletion", "lead_id": lead.id})
        )
        request.action_anonymise()
        self.assertFalse(lead.contact_name or lead.mobile)
        self.assertEqual(lead.name, f"已匿名化 #{lead.id}")
        self.assertEqual(self.person.name, "陈静")
        self.assertEqual(request.state, "done")

    def test_legal_hold_keeps_the_person(self):
        self.person.with_user(self.officer).zz_legal_hold = True
        request = self._request("deletion")
        request.action_anonymise()
        self.assertEqual(self.person.name, "陈静")
        self.assertIn("陈静", request.outcome)

    def test_only_deletion_requests_anonymise(self):
        request = self._request("access")
        with self.assertRaises(UserError):
            request.action_anonymise()
        self.assertEqual(self.person.name, "陈静")

    def test_closing_needs_an_outcome(self):
        request = self._request("correction")
        action = request.action_correct()
        self.assertEqual((action["res_model"], action["res_id"]), ("res.partner", self.person.id))
        with self.assertRaises(UserError):
            request.action_done()
        request.outcome = "职务已更正为 采购总监"
        request.action_done()
        self.assertEqual(request.state, "done")
