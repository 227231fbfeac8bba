# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import closing

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestPoolClaimConcurrency(TransactionCase):
    """Two salespeople claim the same pool customer at the same moment: the first
    wins, the second is told at once, and after the first commits it is told
    who took the customer, and its list reloads. Two real database connections,
    committed data."""

    def test_first_come_first_served(self):
        # Commits are needed: another connection only sees committed rows. The
        # partner is removed again in ``finally``.
        db = sql_db.db_connect(self.env.cr.dbname)
        admin_id = self.env.ref("base.user_admin").id
        with closing(db.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner_id = (
                env["res.partner"]
                .create({"name": "郑州并发认领测试有限公司", "is_company": True})
                .id
            )
            cr.commit()  # pylint: disable=invalid-commit
        try:
            with closing(db.cursor()) as cr_a, closing(db.cursor()) as cr_b:
                env_a = api.Environment(cr_a, admin_id, {})
                env_b = api.Environment(cr_b, SUPERUSER_ID, {})
                won = env_a["res.partner"].browse(partner_id).action_zz_claim()
                self.assertEqual(won["params"]["type"], "success")
                # A has not committed yet: B does not wait, it is told someone is claiming
                busy = env_b["res.partner"].browse(partner_id).action_zz_claim()
                self.assertEqual(busy["params"]["type"], "warning")
                self.assertIn("郑州并发认领测试有限公司", busy["params"]["message"])
                self.assertEqual(busy["params"]["next"]["tag"], "soft_reload")
                cr_a.commit()  # pylint: disable=invalid-commit
                cr_b.rollback()
                # once A committed, B is told in plain words who has it
                lost = env_b["res.partner"].browse(partner_id).action_zz_claim()
                self.assertEqual(lost["params"]["type"], "warning")
                self.assertIn("郑州并发认领测试有限公司", lost["params"]["message"])
                self.assertIn(env_a.user.name, lost["params"]["message"])
                cr_b.rollback()
                cr_b.execute("SELECT user_id FROM res_partner WHERE id = %s", [partner_id])
                self.assertEqual(cr_b.fetchone()[0], admin_id)
        finally:
            with closing(db.cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.partner"].browse(partner_id).unlink()
                cr.commit()  # pylint: disable=invalid-commit


@tagged("at_install", "-post_install")
class TestPoolRecallConcurrency(TransactionCase):
    """The nightly recall does not wait for, nor fail on, a customer a salesperson
    is editing at that moment: it skips it (decided again the next night) and
    recalls the others. Two real database connections, committed data."""

    def test_recall_skips_a_customer_being_edited(self):
        db = sql_db.db_connect(self.env.cr.dbname)
        admin_id = self.env.ref("base.user_admin").id
        with closing(db.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rule = env.ref("crm_zz_customer.pool_rule_grade_d")
            saved = {"days_without_contact": rule.days_without_contact, "active": rule.active}
            saved["days_without_deal"] = rule.days_without_deal
            rule.write({"days_without_contact": 1, "days_without_deal": 0, "active": True})
            partners = env["res.partner"].create(
                [
                    {
                        "name": f"郑州回收并发测试{index}",
                        "is_company": True,
                        "user_id": admin_id,
                        "zz_grade_manual": "d",
                    }
                    for index in range(2)
                ]
            )
            ids = tuple(partners.ids)
            # owned for ten days without any interaction (test setup only)
            cr.execute(
                "UPDATE res_partner SET zz_owner_date = now() - interval '10 days' "
                "WHERE id IN %s",
                [ids],
            )
            cr.commit()  # pylint: disable=invalid-commit
        try:
            with closing(db.cursor()) as cr_edit, closing(db.cursor()) as cr_cron:
                # a salesperson is saving the first customer right now
                cr_edit.execute("SELECT id FROM res_partner WHERE id = %s FOR UPDATE", [ids[0]])
                env_cron = api.Environment(cr_cron, SUPERUSER_ID, {})
                env_cron["res.partner"]._cron_zz_pool_recall()
                env_cron.flush_all()
                cr_cron.execute(
                    "SELECT id, user_id FROM res_partner WHERE id IN %s ORDER BY id", [ids]
                )
                self.assertEqual(cr_cron.fetchall(), [(ids[0], admin_id), (ids[1], None)])
                cr_cron.rollback()
                cr_edit.rollback()
        finally:
            with closing(db.cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.partner"].browse(ids).unlink()
                env.ref("crm_zz_customer.pool_rule_grade_d").write(saved)
                cr.commit()  # pylint: disable=invalid-commit
