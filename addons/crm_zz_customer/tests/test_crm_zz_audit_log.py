# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CrmZzCustomerCommon


@tagged("post_install", "-at_install")
class TestAuditLog(CrmZzCustomerCommon):
    """Exports, owner changes, key-field changes, merges and deletions are logged,
    whatever the caller's context says; managers read the log, nobody changes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # exporting mobiles needs the suite's right (it implies Odoo's export right)
        cls.salesman.groups_id += cls.env.ref("crm_zz_customer.group_zz_export_personal_data")

    def _rows(self, event, **domain):
        return self.env["crm.zz.audit.log"].search(
            [("event", "=", event)] + [(k, "=", v) for k, v in domain.items()]
        )

    def test_export_logged_with_fields_and_count(self):
        partners = (self.customer | self.contact).with_user(self.salesman)
        partners.export_data(["name", "mobile"])
        row = self._rows("export", res_model="res.partner", login=self.salesman.login)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.record_count, 2)
        self.assertEqual(row.field_names, "name,mobile")

    def test_tracking_switches_do_not_silence_the_log(self):
        partner = self.customer.with_user(self.salesman).with_context(
            tracking_disable=True, mail_notrack=True, default_event="login"
        )
        partner.write({"name": "郑州测试机械股份有限公司"})
        row = self._rows("field_change", res_id=self.customer.id)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.field_names, "name")
        self.assertEqual(row.user_id, self.salesman)

    def test_unchanged_values_not_logged(self):
        self.customer.with_user(self.salesman).write({"name": self.customer.name})
        self.assertFalse(self._rows("field_change", res_id=self.customer.id))

    def test_owner_change_names_old_and_new_owner(self):
        self.customer.with_user(self.sales_manager).write({"user_id": self.salesman_2.id})
        row = self._rows("owner_change", res_id=self.customer.id)
        self.assertEqual(len(row), 1)
        self.assertIn(self.salesman.login, row.description)
        self.assertIn(self.salesman_2.login, row.description)

    def test_deletion_survives_the_record(self):
        partner = self.env["res.partner"].create({"name": "郑州临时客户"})
        partner_id = partner.id
        partner.unlink()
        row = self._rows("delete", res_id=partner_id)
        self.assertEqual(row.res_name, "郑州临时客户")
        self.assertEqual(row.res_model, "res.partner")

    def test_consent_change_logged(self):
        (self.customer | self.contact).with_user(self.salesman)._zz_record_consent(
            "sms", "withdrawn", "manual"
        )
        row = self._rows("consent", login=self.salesman.login)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.record_count, 2)
        self.assertEqual(row.description, "sms: withdrawn (manual)")

    def test_merge_logged(self):
        dup = self.env["res.partner"].create({"name": "郑州测试机械有限公司 ", "is_company": True})
        wizard = self.env["base.partner.merge.automatic.wizard"].create({})
        wizard._merge((self.customer | dup).ids, dst_partner=self.customer)
        row = self._rows("merge", res_id=self.customer.id)
        self.assertEqual(row.record_count, 2)

    def test_only_managers_read_and_nobody_writes(self):
        self.customer.with_user(self.salesman).export_data(["name"])
        Log = self.env["crm.zz.audit.log"]
        with self.assertRaises(AccessError):
            Log.with_user(self.salesman).search([])
        rows = Log.with_user(self.sales_manager).search([("event", "=", "export")])
        self.assertTrue(rows)
        with self.assertRaises(UserError):
            rows.with_user(self.sales_manager).write({"description": "x"})
        with self.assertRaises(UserError):
            rows.sudo().write({"description": "x"})
        with self.assertRaises(UserError):
            rows.sudo().unlink()

    def test_retention_keeps_at_least_six_months(self):
        Log = self.env["crm.zz.audit.log"]
        self.env["ir.config_parameter"].set_param("crm_zz_customer.audit_retention_days", "30")
        self.assertEqual(Log._zz_retention_days(), 180)
        old = Log._zz_log("export", self.customer)
        recent = Log._zz_log("export", self.customer)
        self.env.cr.execute(
            "UPDATE crm_zz_audit_log SET event_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=181), old.id),
        )
        Log._cron_zz_purge()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())


class TestSecuritySettings(CrmZzCustomerCommon):
    """An admin sets idle-session expiry, login throttling and log retention in Settings."""

    def test_settings_write_odoo_parameters(self):
        settings = self.env["res.config.settings"].create(
            {
                "zz_session_idle_minutes": 30,
                "zz_login_cooldown_after": 3,
                "zz_audit_retention_days": 200,
            }
        )
        settings.execute()
        ICP = self.env["ir.config_parameter"]
        self.assertEqual(ICP.get_param("sessions.max_inactivity_seconds"), "1800")
        self.assertEqual(ICP.get_param("base.login_cooldown_after"), "3")
        self.assertEqual(self.env["res.config.settings"].create({}).zz_session_idle_minutes, 30)

    def test_retention_below_six_months_refused(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"zz_session_idle_minutes": 30, "zz_audit_retention_days": 90}
            )
