# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestPartnerLifecycleHistory(CrmZzCustomerCommon):
    """Every change of a customer's lifecycle stage leaves one history row, with
    the date and the salesperson of the time; a salesperson reads the history of
    the customers he may read, nobody edits it."""

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].set_param("crm_zz_customer.lifecycle_dormant_days", 90)
        self.env["ir.config_parameter"].set_param("crm_zz_customer.lifecycle_lost_days", 200)
        self.History = self.env["crm.zz.partner.lifecycle.history"]

    def _rows(self, partner):
        return [
            (str(h.date), h.stage_from, h.stage_to, h.user_id, h.is_manual)
            for h in self.History.search([("partner_id", "=", partner.id)], order="date, id")
        ]

    def test_order_job_and_override_are_logged(self):
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.contact)
        with freeze_time("2026-04-20"):
            self.env["res.partner"]._cron_zz_refresh_lifecycle()
            # a second run the same day changes nothing and logs nothing
            self.env["res.partner"]._cron_zz_refresh_lifecycle()
        with freeze_time("2026-05-03"):
            self.customer.with_user(self.salesman).zz_lifecycle_manual = "lost"
            # writing the same override again is no change
            self.customer.zz_lifecycle_manual = "lost"
        self.assertEqual(
            self._rows(self.customer),
            [
                ("2026-01-10", "potential", "active", self.salesman, False),
                ("2026-04-20", "active", "dormant", self.salesman, False),
                ("2026-05-03", "dormant", "lost", self.salesman, True),
            ],
        )
        # the contact person has no stage history of its own
        self.assertFalse(self._rows(self.contact))
        self.assertFalse(self._rows(self.customer_2))

    def test_job_logs_every_customer_of_a_batch(self):
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.customer)
            self._confirmed_order(self.customer_2)
        with freeze_time("2026-04-20"):
            customers = self.customer | self.customer_2
            count = self.History.search_count([])
            customers._zz_refresh_lifecycle()
            self.assertEqual(self.History.search_count([]), count + 2)
            self.assertEqual(customers.mapped("zz_lifecycle"), ["dormant", "dormant"])
            rows = self.History.search([("partner_id", "in", customers.ids)], order="id desc")
            self.assertEqual(rows[:2].mapped("stage_to"), ["dormant", "dormant"])

    @users("crm_zz_customer-salesman")
    def test_salesman_reads_his_customers_history_only(self):
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.customer.sudo())
            self._confirmed_order(self.customer_2.sudo())
        History = self.env["crm.zz.partner.lifecycle.history"]
        mine = History.search([])
        self.assertIn(self.customer, mine.partner_id)
        self.assertNotIn(self.customer_2, mine.partner_id)
        other = History.sudo().search([("partner_id", "=", self.customer_2.id)])
        self.assertEqual(len(other), 1)
        with self.assertRaises(AccessError):
            other.with_user(self.env.user).read(["stage_to"])
        with self.assertRaises(AccessError):
            mine[:1].write({"stage_to": "lost"})
        with self.assertRaises(AccessError):
            History.create({"partner_id": self.customer.id, "stage_to": "lost"})

    @users("crm_zz_customer-manager")
    def test_manager_reads_all_but_cannot_rewrite(self):
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.customer.sudo())
            self._confirmed_order(self.customer_2.sudo())
        History = self.env["crm.zz.partner.lifecycle.history"]
        rows = History.search([])
        self.assertIn(self.customer, rows.partner_id)
        self.assertIn(self.customer_2, rows.partner_id)
        with self.assertRaises(AccessError):
            rows[:1].unlink()
