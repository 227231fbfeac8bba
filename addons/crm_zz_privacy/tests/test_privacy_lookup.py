# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tools import config

from .common import CrmZzPrivacyCommon


class TestPrivacyLookup(CrmZzPrivacyCommon):
    """The privacy officer finds a person by mobile (any spelling), email or ID
    number, and the lookup lists the person's leads, interactions, tickets,
    consents, survey answers and messages."""

    def _lookup(self, **values):
        wizard = self.env["privacy.lookup.wizard"].with_user(self.officer).create(values)
        wizard.action_lookup()
        return {(line.res_model, line.res_id) for line in wizard.line_ids}

    def _assert_all_found(self, found):
        for record in (
            self.person,
            self.lead,
            self.interaction,
            self.ticket,
            self.consent,
            self.user_input,
            self.message,
        ):
            self.assertIn((record._name, record.id), found, record._name)
        self.assertNotIn(("res.partner", self.other.id), found)

    def test_by_mobile_with_blanks(self):
        found = self._lookup(zz_phone="138 0013 8000")
        self._assert_all_found(found)

    def test_request_from_the_lookup(self):
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.officer)
            .create({"zz_phone": "138 0013 8000"})
        )
        wizard.action_lookup()
        action = wizard.action_zz_create_request()
        request = (
            self.env["crm.zz.privacy.request"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({"request_type": "access"})
        )
        self.assertEqual(request.partner_id, self.person)
        self.assertEqual(request.requester, "138 0013 8000")

    def test_by_email(self):
        found = self._lookup(email="chen.jing@zzjx.example.com")
        self._assert_all_found(found)

    def test_by_id_number(self):
        self.person.vat = "410105199001011234"
        found = self._lookup(zz_id_number="4101 0519 9001 011234")
        self.assertIn(("res.partner", self.person.id), found)
        self.assertIn(("crm.lead", self.lead.id), found)

    def test_by_resident_id_stored_encrypted(self):
        with patch.dict(config.options, {"zz_crm_data_key": "zz-crm-test-key-0123456789abcdef"}):
            self.person.zz_resident_id = "41010519900307123X"
            found = self._lookup(zz_id_number="410105 19900307 123x")
            self.assertIn(("res.partner", self.person.id), found)
            self.assertIn(("crm.lead", self.lead.id), found)
            self.assertNotIn(("res.partner", self.other.id), found)

    def test_one_line_per_record(self):
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.officer)
            .create(
                {"name": "陈静", "email": "chen.jing@zzjx.example.com", "zz_phone": "13800138000"}
            )
        )
        wizard.action_lookup()
        keys = [(line.res_model, line.res_id) for line in wizard.line_ids]
        self.assertEqual(len(keys), len(set(keys)))

    def test_bad_input(self):
        with self.assertRaises(UserError):
            self.env["privacy.lookup.wizard"].with_user(self.officer).create({})
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.officer)
            .create({"zz_phone": "call me"})
        )
        with self.assertRaisesRegex(UserError, "call me"):
            wizard.action_lookup()

    def test_archive_from_lookup_is_logged(self):
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.officer)
            .create({"zz_phone": "+86 138-0013-8000"})
        )
        wizard.action_lookup()
        line = wizard.line_ids.filtered(lambda line: line.res_model == "crm.zz.interaction")
        line.action_unlink()
        # what the form shows after the click: the details, and the log they went to
        self.assertIn(f"#{self.interaction.id}", wizard.execution_details)
        self.assertTrue(wizard.log_id)
        self.assertNotIn("0013", wizard.log_id.anonymized_email)
        self.assertFalse(self.interaction.exists())
