# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users
from odoo.tools.safe_eval import safe_eval

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestPartnerOwnership(CrmZzCustomerCommon):
    """A manager moves customers to another salesperson with a reason; the move,
    its reason and the open activities follow, and the history shows who held it."""

    def test_transfer_with_reason_and_activities(self):
        activity = self.customer.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.salesman.id, summary="回访"
        )
        wizard_form = Form(
            self.env["crm.zz.partner.transfer"]
            .with_user(self.sales_manager)
            .with_context(active_model="res.partner", active_ids=self.contact.ids)
        )
        self.assertEqual(wizard_form.partner_ids[:], self.customer)
        wizard_form.user_to_id = self.salesman_2
        wizard_form.reason = "王磊调往洛阳分公司"
        wizard_form.save().action_transfer()

        self.assertEqual(self.customer.user_id, self.salesman_2)
        self.assertEqual(self.contact.user_id, self.salesman_2)
        self.assertEqual(activity.user_id, self.salesman_2)
        history = self.customer.zz_owner_history_ids[0]
        self.assertEqual(
            (history.kind, history.user_from_id, history.user_to_id, history.reason),
            ("transfer", self.salesman, self.salesman_2, "王磊调往洛阳分公司"),
        )
        self.assertEqual(history.changed_by_id, self.sales_manager)

    def test_transfer_all_customers_of_a_salesperson(self):
        other = self.env["res.partner"].create(
            {"name": "郑州第二客户", "is_company": True, "user_id": self.salesman.id}
        )
        wizard_form = Form(self.env["crm.zz.partner.transfer"].with_user(self.sales_manager))
        wizard_form.user_from_id = self.salesman
        self.assertIn(other, wizard_form.partner_ids[:])
        self.assertIn(self.customer, wizard_form.partner_ids[:])
        wizard_form.user_to_id = self.salesman_2
        wizard_form.reason = "离职交接"
        wizard_form.save().action_transfer()
        self.assertEqual((self.customer | other).user_id, self.salesman_2)

    def test_salesman_cannot_transfer_others_customers(self):
        wizard = (
            self.env["crm.zz.partner.transfer"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_ids": [Command.set(self.customer_2.ids)],
                    "user_to_id": self.salesman.id,
                    "reason": "想要",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_transfer()
        self.assertEqual(self.customer_2.user_id, self.salesman_2)

    def test_history_is_private_to_the_salespeople_involved(self):
        self.customer_2.with_context(zz_owner_reason="分配").user_id = self.sales_manager
        History = self.env["crm.zz.partner.owner.history"]
        row = History.search([("partner_id", "=", self.customer_2.id)], limit=1)
        self.assertTrue(row)
        self.assertNotIn(row, History.with_user(self.salesman).search([]))
        with self.assertRaises(AccessError):
            row.with_user(self.salesman).read(["reason"])
        self.assertIn(row, History.with_user(self.salesman_2).search([]))


@tagged("at_install", "-post_install")
class TestPartnerSharing(CrmZzCustomerCommon):
    """A salesman sees his customers, those shared with him until the end date,
    and the pool; not the others'. Odoo's own partners stay usable."""

    @users("crm_zz_customer-salesman")
    def test_salesman_sees_own_and_pool_not_others(self):
        Partner = self.env["res.partner"]
        pool_customer = Partner.sudo().create({"name": "公海客户", "is_company": True})
        visible = Partner.search(
            [
                (
                    "id",
                    "in",
                    [self.customer.id, self.contact.id, self.customer_2.id, pool_customer.id],
                )
            ]
        )
        self.assertEqual(visible, self.customer | self.contact | pool_customer)
        with self.assertRaises(AccessError):
            Partner.browse(self.customer_2.id).read(["name"])

    def test_read_share_until_a_date(self):
        share = (
            self.env["crm.zz.partner.share"]
            .with_user(self.salesman_2)
            .create(
                {
                    "partner_id": self.customer_2.id,
                    "user_id": self.salesman.id,
                    "access": "read",
                    "date_end": date(2026, 12, 31),
                }
            )
        )
        partner = self.customer_2.with_user(self.salesman)
        with freeze_time("2026-12-01"):
            self.assertEqual(partner.read(["name"])[0]["name"], self.customer_2.name)
            with self.assertRaises(AccessError):
                partner.write({"comment": "改一下"})
            share.access = "write"
            partner.write({"comment": "改一下"})
        with freeze_time("2027-01-02"):
            self.env["crm.zz.partner.share"]._cron_expire()
            self.assertTrue(share.is_expired)
            self.env.invalidate_all()
            with self.assertRaises(AccessError):
                partner.read(["name"])

    def test_salesman_does_not_see_others_shares(self):
        third = self.sales_manager
        share = self.env["crm.zz.partner.share"].create(
            {"partner_id": self.customer_2.id, "user_id": third.id}
        )
        Share = self.env["crm.zz.partner.share"]
        self.assertNotIn(share, Share.with_user(self.salesman).search([]))
        with self.assertRaises(AccessError):
            share.with_user(self.salesman).read(["access"])
        self.assertIn(share, Share.with_user(self.salesman_2).search([]))

    def test_salesman_cannot_share_someone_elses_customer(self):
        with self.assertRaises(AccessError):
            self.env["crm.zz.partner.share"].with_user(self.salesman).create(
                {"partner_id": self.customer_2.id, "user_id": self.salesman.id}
            )

    @users("crm_zz_customer-salesman")
    def test_odoo_keeps_working_for_a_salesman(self):
        """Smoke test: own user's partner, colleagues, the company, a quotation."""
        user = self.env.user
        user.partner_id.read(["name", "email"])
        self.salesman_2.with_user(user).partner_id.read(["name"])
        user.company_id.partner_id.read(["name"])
        order_form = Form(self.env["sale.order"])
        order_form.partner_id = self.contact.with_user(user)
        with order_form.order_line.new() as line:
            line.product_id = self.product
        order = order_form.save()
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        new = self.env["res.partner"].create({"name": "新联系人", "parent_id": self.customer.id})
        self.assertEqual(new.commercial_partner_id, self.customer)
        self.env["res.partner"].create({"name": "新公司", "is_company": True})

    def test_manager_sees_all(self):
        Partner = self.env["res.partner"].with_user(self.sales_manager)
        ids = (self.customer | self.customer_2).ids
        self.assertEqual(len(Partner.search([("id", "in", ids)])), 2)

    def test_interactions_on_shared_customer(self):
        note = (
            self.env["crm.zz.interaction"]
            .with_user(self.salesman_2)
            .create({"partner_id": self.customer_2.id, "name": "拜访"})
        )
        Interaction = self.env["crm.zz.interaction"].with_user(self.salesman)
        self.assertNotIn(note, Interaction.search([]))
        self.env["crm.zz.partner.share"].create(
            {"partner_id": self.customer_2.id, "user_id": self.salesman.id}
        )
        self.assertIn(note, Interaction.search([]))


@tagged("at_install", "-post_install")
class TestPublicPool(CrmZzCustomerCommon):
    """Salespeople claim customers from the pool up to a cap, release them, and
    neglected customers are recalled after their grade's rule, with a warning first."""

    def setUp(self):
        super().setUp()
        self.pool_customer = self.env["res.partner"].create(
            {"name": "郑州公海机械有限公司", "is_company": True}
        )

    def test_claim_and_release(self):
        pool_action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.res_partner_action_zz_pool"
        )
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertIn(self.pool_customer, Partner.search(safe_eval(pool_action["domain"])))
        self.pool_customer.with_user(self.salesman).action_zz_claim()
        self.assertEqual(self.pool_customer.user_id, self.salesman)
        self.assertEqual(self.pool_customer.zz_owner_history_ids[0].kind, "claim")
        # the other salesman lost sight of it
        with self.assertRaises(AccessError):
            self.pool_customer.with_user(self.salesman_2).read(["name"])

        # the colleague still has the customer on his screen: he is told who has it
        result = self.pool_customer.with_user(self.salesman_2).action_zz_claim()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn(self.salesman.name, result["params"]["message"])
        self.assertEqual(
            result["params"]["next"], {"type": "ir.actions.client", "tag": "soft_reload"}
        )
        self.assertEqual(self.pool_customer.user_id, self.salesman)
        self.pool_customer.with_user(self.salesman).action_zz_release()
        self.assertFalse(self.pool_customer.user_id)
        self.assertTrue(self.pool_customer.zz_pool_date)
        self.assertEqual(self.pool_customer.zz_owner_history_ids[0].kind, "release")
        self.pool_customer.user_id = self.salesman_2
        self.pool_customer.invalidate_recordset(["zz_owner_history_ids"])
        self.assertFalse(self.pool_customer.zz_pool_date)
        self.assertEqual(self.pool_customer.zz_owner_history_ids[0].kind, "assign")

    def test_cannot_release_someone_elses_customer(self):
        with self.assertRaises(UserError):
            self.customer.with_user(self.salesman_2).sudo().action_zz_release()

    def test_cap_per_salesperson(self):
        self.env["ir.config_parameter"].set_param("crm_zz_customer.pool_max_customers", 1)
        with self.assertRaises(UserError) as err:
            self.pool_customer.with_user(self.salesman).action_zz_claim()
        self.assertIn("1", str(err.exception))
        self.assertFalse(self.pool_customer.user_id)

    def test_recall_after_the_grade_rule_with_a_warning_first(self):
        rule_d = self.env.ref("crm_zz_customer.pool_rule_grade_d")
        rule_d.write({"days_without_contact": 30, "days_without_deal": 0})
        self.env["ir.config_parameter"].set_param("crm_zz_customer.pool_warning_days", 5)
        with freeze_time("2026-03-01"):
            self.pool_customer.with_user(self.salesman).action_zz_claim()
            self.pool_customer.zz_grade_manual = "d"
            self.env["crm.zz.interaction"].create(
                {"partner_id": self.pool_customer.id, "name": "电话", "user_id": self.salesman.id}
            )
        Partner = self.env["res.partner"]
        with freeze_time("2026-03-26"):  # 25 days after the call: warn
            Partner._cron_zz_pool_recall()
            self.assertEqual(self.pool_customer.user_id, self.salesman)
            self.assertTrue(self.pool_customer.zz_recall_warned)
            warning = self.pool_customer.activity_ids.filtered(lambda a: a.user_id == self.salesman)
            self.assertEqual(len(warning), 1)
            Partner._cron_zz_pool_recall()  # not twice
            self.assertEqual(len(self.pool_customer.activity_ids), 1)
        with freeze_time("2026-03-31"):  # 30 days: back to the pool
            Partner._cron_zz_pool_recall()
            self.assertFalse(self.pool_customer.user_id)
            self.assertEqual(self.pool_customer.zz_owner_history_ids[0].kind, "recall")

    def test_a_customer_in_contact_stays(self):
        self.customer.zz_grade_manual = "d"
        self.env["crm.zz.interaction"].create(
            {"partner_id": self.customer.id, "name": "拜访", "date": fields.Datetime.now()}
        )
        self._confirmed_order(self.customer)
        self.env["res.partner"]._cron_zz_pool_recall()
        self.assertEqual(self.customer.user_id, self.salesman)
