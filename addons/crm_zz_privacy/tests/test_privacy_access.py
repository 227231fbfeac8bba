# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CrmZzPrivacyCommon


class TestPrivacyAccess(CrmZzPrivacyCommon):
    """Only the privacy officer sees and runs data-subject requests; a salesperson
    can neither read them nor open the privacy lookup."""

    def test_salesperson_cannot_read_requests(self):
        request = self._request("access")
        Request = self.env["crm.zz.privacy.request"].with_user(self.salesman)
        with self.assertRaises(AccessError):
            Request.search([])
        with self.assertRaises(AccessError):
            request.with_user(self.salesman).read(["name"])
        with self.assertRaises(AccessError):
            Request.create({"request_type": "access", "partner_id": self.person.id})
        with self.assertRaises(AccessError):
            self.env["privacy.lookup.wizard"].with_user(self.salesman).create({"name": "陈静"})

    def test_officer_reads_and_runs_requests(self):
        request = self._request("access")
        Request = self.env["crm.zz.privacy.request"].with_user(self.officer)
        self.assertIn(request, Request.search([]))
        self.assertEqual(request.user_id, self.officer)
        self.assertTrue(request.deadline)
        self.assertTrue(request.name.startswith("PIR/"))

    def test_administrator_is_an_officer(self):
        admin_group = self.env.ref("base.group_system")
        officer_group = self.env.ref("crm_zz_privacy.crm_zz_privacy_group_officer")
        self.assertIn(officer_group, admin_group.trans_implied_ids)

    def test_officer_reads_the_audit_log_salesperson_not(self):
        """The officer answers for what was done with personal data: he reads the
        suite's audit log (from the privacy menu); a salesperson does not."""
        self.env["crm.zz.audit.log"]._zz_log("export", self.person, count=1)
        logs = self.env["crm.zz.audit.log"].with_user(self.officer).search([])
        self.assertTrue(logs)
        menu = self.env.ref("crm_zz_privacy.crm_zz_privacy_audit_log_menu")
        self.assertIn(menu, self.env["ir.ui.menu"].with_user(self.officer).search([]))
        with self.assertRaises(AccessError):
            self.env["crm.zz.audit.log"].with_user(self.salesman).search([])
