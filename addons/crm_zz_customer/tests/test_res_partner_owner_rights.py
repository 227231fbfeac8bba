# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestOwnerRights(CrmZzCustomerCommon):
    """A customer a salesperson creates is his unless he leaves it in the pool;
    salespeople change owners only by claim, release and transfer, managers
    assign directly; the cap holds on every path; interactions are logged only
    on customers the user may edit."""

    def setUp(self):
        super().setUp()
        self.pool_customer = self.env["res.partner"].create(
            {"name": "郑州公海权限测试有限公司", "is_company": True}
        )

    # 1. who owns what a salesperson creates

    @users("crm_zz_customer-salesman")
    def test_salesman_owns_what_he_creates_unless_he_picks_the_pool(self):
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "郑州自建客户有限公司", "is_company": True})
        self.assertEqual(mine.user_id, self.salesman)
        self.assertTrue(mine.zz_owner_date)
        pooled = Partner.create({"name": "郑州放公海客户", "is_company": True, "user_id": False})
        self.assertFalse(pooled.user_id)
        # the form shows him as salesperson; emptying the field leaves it in the pool
        form = Form(Partner)
        form.name = "郑州表单客户有限公司"
        self.assertEqual(form.user_id, self.salesman)
        self.assertEqual(form.save().user_id, self.salesman)
        # a colleague does not see it
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman_2).read(["name"])

    def test_system_and_new_users_partners_have_no_owner(self):
        self.assertFalse(self.pool_customer.user_id)
        # a sales manager who may also create users
        self.sales_manager.groups_id += self.env.ref("base.group_erp_manager")
        new_user = (
            self.env["res.users"]
            .with_user(self.sales_manager)
            .create({"name": "新同事", "login": "crm_zz_customer-newcomer"})
        )
        self.assertFalse(new_user.partner_id.user_id)

    @users("crm_zz_customer-salesman")
    def test_salesman_cannot_create_a_customer_for_a_colleague(self):
        with self.assertRaises(UserError) as err:
            self.env["res.partner"].create(
                {"name": "郑州替人建客户", "is_company": True, "user_id": self.salesman_2.id}
            )
        self.assertIn(self.salesman_2.name, str(err.exception))

    # 3. owners change only through claim, release and transfer

    def test_salesman_cannot_take_a_customer_by_writing_the_salesperson(self):
        pool_customer = self.pool_customer.with_user(self.salesman)
        with self.assertRaises(UserError) as err:
            pool_customer.write({"user_id": self.salesman.id})
        self.assertIn(self.pool_customer.name, str(err.exception))
        self.assertFalse(self.pool_customer.user_id)
        # shared for editing: he edits it but does not take it
        self.env["crm.zz.partner.share"].create(
            {"partner_id": self.customer_2.id, "user_id": self.salesman.id, "access": "write"}
        )
        shared = self.customer_2.with_user(self.salesman)
        shared.write({"comment": "共同跟进"})
        with self.assertRaises(UserError):
            shared.write({"user_id": self.salesman.id})
        with self.assertRaises(UserError):
            shared.write({"user_id": False})
        self.assertEqual(self.customer_2.user_id, self.salesman_2)
        # nor give his own away
        with self.assertRaises(UserError):
            self.customer.with_user(self.salesman).write({"user_id": self.salesman_2.id})
        # saving the form without touching the salesperson still works
        with Form(self.customer.with_user(self.salesman)) as form:
            form.comment = "重点客户"
        self.assertEqual(self.customer.user_id, self.salesman)

    def test_claim_release_and_transfer_still_work_for_a_salesman(self):
        self.pool_customer.with_user(self.salesman).action_zz_claim()
        self.assertEqual(self.pool_customer.user_id, self.salesman)
        self.pool_customer.with_user(self.salesman).action_zz_release()
        self.assertFalse(self.pool_customer.user_id)
        wizard = (
            self.env["crm.zz.partner.transfer"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_ids": [Command.set(self.customer.ids)],
                    "user_to_id": self.salesman_2.id,
                    "reason": "区域调整",
                }
            )
        )
        wizard.action_transfer()
        self.assertEqual(self.customer.user_id, self.salesman_2)

    def test_manager_assigns_directly(self):
        self.pool_customer.with_user(self.sales_manager).write({"user_id": self.salesman.id})
        self.assertEqual(self.pool_customer.user_id, self.salesman)
        history = self.pool_customer.zz_owner_history_ids[0]
        self.assertEqual((history.kind, history.changed_by_id), ("assign", self.sales_manager))

    def test_cap_holds_on_every_path(self):
        """The salesman holds one customer and the cap is one."""
        self.env["ir.config_parameter"].set_param("crm_zz_customer.pool_max_customers", 1)
        Partner = self.env["res.partner"]
        with self.assertRaises(UserError):
            Partner.with_user(self.salesman).create({"name": "郑州超限客户", "is_company": True})
        Partner.with_user(self.salesman).create(
            {"name": "郑州超限公海客户", "is_company": True, "user_id": False}
        )
        with self.assertRaises(UserError):
            self.pool_customer.with_user(self.salesman).action_zz_claim()
        with self.assertRaises(UserError):
            self.pool_customer.with_user(self.sales_manager).write({"user_id": self.salesman.id})
        wizard = (
            self.env["crm.zz.partner.transfer"]
            .with_user(self.sales_manager)
            .create(
                {
                    "partner_ids": [Command.set(self.customer_2.ids)],
                    "user_to_id": self.salesman.id,
                    "reason": "超限",
                }
            )
        )
        with self.assertRaises(UserError) as err:
            wizard.action_transfer()
        self.assertIn(self.salesman.name, str(err.exception))
        self.assertEqual(self.customer_2.user_id, self.salesman_2)
        # the check the import calls
        with self.assertRaises(UserError):
            Partner._zz_check_owner_cap(self.salesman, 1)
        Partner._zz_check_owner_cap(self.salesman_2, 0)

    # 4. interactions only on customers the user may edit

    def test_interaction_only_on_a_customer_he_may_edit(self):
        Interaction = self.env["crm.zz.interaction"].with_user(self.salesman)
        Interaction.create({"partner_id": self.contact.id, "name": "电话"})
        Interaction.create({"partner_id": self.pool_customer.id, "name": "陌拜"})
        self.env["crm.zz.partner.share"].create(
            {"partner_id": self.customer_2.id, "user_id": self.salesman.id, "access": "read"}
        )
        with self.assertRaises(AccessError) as err:
            Interaction.create({"partner_id": self.customer_2.id, "name": "越权记录"})
        self.assertIn(self.customer_2.name, str(err.exception))
        mine = Interaction.create({"partner_id": self.customer.id, "name": "改挂客户"})
        with self.assertRaises(AccessError):
            mine.write({"partner_id": self.customer_2.id})

    # 8. what depends on the owner follows claims and transfers

    def test_stored_fields_depending_on_the_owner_follow(self):
        """Every stored field the ORM recomputes when a customer's salesperson changes
        holds the value a fresh computation gives, after a claim and a transfer."""
        registry = self.env.registry
        tree = registry.get_trigger_tree([self.env["res.partner"]._fields["user_id"]])
        dependents = set()

        def walk(node):
            dependents.update(field for field in node.root or () if field.store)
            for child in node.values():
                walk(child)

        walk(tree)
        self.pool_customer.with_user(self.salesman).action_zz_claim()
        self._assert_fresh(dependents)
        self.env["crm.zz.partner.transfer"].with_user(self.sales_manager).create(
            {
                "partner_ids": [Command.set(self.pool_customer.ids)],
                "user_to_id": self.salesman_2.id,
                "reason": "交接",
            }
        ).action_transfer()
        self._assert_fresh(dependents)
        self.assertEqual(self.pool_customer.user_id, self.salesman_2)

    def _assert_fresh(self, fields_):
        self.env.flush_all()
        for field in fields_:
            records = self.env[field.model_name].search([])
            stored = {record.id: record[field.name] for record in records}
            self.env.add_to_compute(field, records)
            records._recompute_recordset([field.name])
            for record in records:
                self.assertEqual(record[field.name], stored[record.id], f"{field} of {record}")


@tagged("at_install", "-post_install")
class TestPoolRecallBatches(CrmZzCustomerCommon):
    """The nightly recall works in batches the scheduler commits one by one, and
    decides each customer again from its current values."""

    def test_recall_in_batches(self):
        self.env.ref("crm_zz_customer.pool_rule_grade_d").write(
            {"days_without_contact": 30, "days_without_deal": 0}
        )
        with freeze_time("2026-01-01"):
            partners = self.env["res.partner"].create(
                [
                    {
                        "name": f"郑州批量回收{index}",
                        "is_company": True,
                        "user_id": self.salesman.id,
                        "zz_grade_manual": "d",
                    }
                    for index in range(3)
                ]
            )
        Partner = self.env["res.partner"]
        with freeze_time("2026-03-01"):
            Partner._cron_zz_pool_recall(batch_size=2)
            self.assertEqual(len(partners.filtered("user_id")), 1)
            Partner._cron_zz_pool_recall(batch_size=2)
            self.assertFalse(partners.user_id)
            self.assertEqual(set(partners.zz_owner_history_ids.mapped("kind")), {"recall"})
