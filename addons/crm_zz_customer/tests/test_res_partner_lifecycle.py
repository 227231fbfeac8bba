# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestPartnerLifecycle(CrmZzCustomerCommon):
    """A customer's stage follows its orders and invoices; an override sticks and is logged."""

    def test_new_customer_is_potential(self):
        self.assertEqual(self.customer.zz_lifecycle, "potential")

    def test_confirmed_order_makes_it_active_then_time_makes_it_dormant_and_lost(self):
        self.env["ir.config_parameter"].set_param("crm_zz_customer.lifecycle_dormant_days", 90)
        self.env["ir.config_parameter"].set_param("crm_zz_customer.lifecycle_lost_days", 200)
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.contact)
            self.assertEqual(self.customer.zz_lifecycle, "active")
            self.assertEqual(str(self.customer.zz_last_deal_date), "2026-01-10")
        with freeze_time("2026-04-20"):
            self.env["res.partner"]._cron_zz_refresh_lifecycle()
            self.assertEqual(self.customer.zz_lifecycle, "dormant")
        with freeze_time("2026-08-01"):
            self.env["res.partner"]._cron_zz_refresh_lifecycle()
            self.assertEqual(self.customer.zz_lifecycle, "lost")
            # a posted invoice brings it back
            self._posted_invoice(self.customer, invoice_date="2026-08-01")
            self.assertEqual(self.customer.zz_lifecycle, "active")

    def test_daily_job_works_in_batches_resumes_and_can_run_twice(self):
        """Under the scheduler each call checks one batch and reports what is left;
        the scheduler calls again until nothing is left; a second run the same day
        has nothing to do."""
        self.env["ir.config_parameter"].set_param("crm_zz_customer.lifecycle_dormant_days", 90)
        Partner = self.env["res.partner"]
        with freeze_time("2026-01-10"):
            self._confirmed_order(self.customer)
        with freeze_time("2026-05-01"):
            todo = Partner.search_count(Partner._zz_lifecycle_todo_domain())
            self.assertGreater(todo, 3)
            cron = self.env.ref("crm_zz_customer.ir_cron_zz_refresh_lifecycle")
            progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
            scheduled = Partner.with_context(ir_cron_progress_id=progress.id)
            Trigger = self.env["ir.cron.trigger"]
            triggers = Trigger.search_count([("cron_id", "=", cron.id)])
            self.assertEqual(scheduled._cron_zz_refresh_lifecycle(batch_size=3), 3)
            self.assertEqual((progress.done, progress.remaining), (3, todo - 3))
            # the rest follows at once, also after "Run Manually"
            self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
            # the scheduler calls again: the job goes on with the others
            self.assertEqual(Partner._cron_zz_refresh_lifecycle(batch_size=2), todo - 3)
            self.assertEqual(self.customer.zz_lifecycle, "dormant")
            self.assertEqual(str(self.customer.zz_lifecycle_date), "2026-05-01")
            # run twice the same day: nothing left to do, nothing changes
            self.assertEqual(Partner._cron_zz_refresh_lifecycle(), 0)
            self.assertEqual(self.customer.zz_lifecycle, "dormant")
        with freeze_time("2026-05-02"):
            self.assertEqual(Partner._cron_zz_refresh_lifecycle(), todo)

    def test_manual_override_wins_and_is_tracked(self):
        self._confirmed_order(self.customer)
        customer = self.customer.with_context(tracking_disable=False, mail_notrack=False)
        # end the transaction that created the customer: Odoo tracks later changes only
        self.env.flush_all()
        self.cr.flush()
        with Form(customer.with_user(self.sales_manager)) as form:
            form.zz_lifecycle_manual = "lost"
        self.assertEqual(customer.zz_lifecycle, "lost")
        self.assertEqual(customer.zz_lifecycle_auto, "active")
        self.env.flush_all()
        self.cr.flush()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", customer.id),
                ("field_id.name", "=", "zz_lifecycle_manual"),
            ]
        )
        self.assertTrue(tracked)
        customer.zz_lifecycle_manual = False
        self.assertEqual(customer.zz_lifecycle, "active")

    def test_grade_override(self):
        self.customer.zz_grade_auto = "c"
        self.assertEqual(self.customer.zz_grade, "c")
        self.customer.zz_grade_manual = "a"
        self.assertEqual(self.customer.zz_grade, "a")

    def test_groupable_by_stage_grade_industry_and_tags(self):
        industry = self.env["res.partner.industry"].create({"name": "装备制造"})
        tag = self.env["res.partner.category"].create({"name": "重点客户"})
        self.customer.write(
            {
                "industry_id": industry.id,
                "category_id": [Command.link(tag.id)],
                "zz_grade_manual": "b",
            }
        )
        Partner = self.env["res.partner"]
        domain = [("id", "in", (self.customer | self.customer_2).ids)]
        for field in ("zz_lifecycle", "zz_grade", "industry_id", "category_id"):
            self.assertTrue(Partner._read_group(domain, [field], ["__count"]))
        self.assertEqual(
            dict(Partner._read_group(domain, ["zz_grade"], ["__count"])), {"b": 1, False: 1}
        )

    def test_fields_the_filters_search_are_indexed(self):
        for column in ("zz_last_contact_date", "zz_lifecycle_date", "zz_is_pareto", "user_id"):
            self.env.cr.execute(
                "SELECT 1 FROM pg_indexes WHERE tablename = 'res_partner' AND indexdef ILIKE %s",
                [f"%({column})%"],
            )
            self.assertTrue(self.env.cr.fetchone(), column)


@tagged("at_install", "-post_install")
class TestPartnerCreditCode(CrmZzCustomerCommon):
    """The credit code is checked with its check digit and stored normalised."""

    def test_valid_code_is_normalised(self):
        self.customer.zz_credit_code = " 91110000600037341l "
        self.assertEqual(self.customer.zz_credit_code, "91110000600037341L")

    def test_invalid_code_is_refused_with_its_value(self):
        with self.assertRaises(ValidationError) as err:
            self.env["res.partner"].create(
                {"name": "错误代码公司", "is_company": True, "zz_credit_code": "91110000600037341X"}
            )
        self.assertIn("91110000600037341X", str(err.exception))
        with self.assertRaises(ValidationError) as err:
            self.customer.zz_credit_code = "12345"
        self.assertIn("12345", str(err.exception))

    def test_credit_code_is_indexed(self):
        self.env.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE tablename = 'res_partner' AND indexdef ILIKE %s",
            ["%(zz_credit_code)%"],
        )
        self.assertTrue(self.env.cr.fetchone())


@tagged("at_install", "-post_install")
class TestLifecycleSettings(CrmZzCustomerCommon):
    """A sales manager sets the lifecycle thresholds and pool limits in Settings."""

    def test_thresholds_are_saved_as_parameters(self):
        settings = Form(self.env["res.config.settings"].with_user(self.env.ref("base.user_admin")))
        settings.zz_lifecycle_dormant_days = 60
        settings.zz_lifecycle_lost_days = 120
        settings.zz_pool_max_customers = 50
        settings.save().execute()
        params = self.env["ir.config_parameter"]
        self.assertEqual(params.get_param("crm_zz_customer.lifecycle_dormant_days"), "60")
        self.assertEqual(params.get_param("crm_zz_customer.pool_max_customers"), "50")
        self.assertEqual(self.env["res.partner"]._zz_lifecycle_thresholds().lost_days, 120)

    def test_dormant_must_come_before_lost(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"zz_lifecycle_dormant_days": 200, "zz_lifecycle_lost_days": 100}
            )


@tagged("at_install", "-post_install")
class TestPartnerChinese(CrmZzCustomerCommon):
    """A Chinese user reads the new fields and errors in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["crm_zz_customer"], ["zh_CN"])

    def test_labels_and_errors_in_chinese(self):
        Partner = self.env["res.partner"].with_context(lang="zh_CN")
        description = Partner.fields_get(["zz_lifecycle", "zz_rfm_segment"])
        self.assertEqual(description["zz_lifecycle"]["string"], "生命周期阶段")
        self.assertEqual(dict(description["zz_lifecycle"]["selection"])["dormant"], "沉睡")
        self.assertEqual(
            dict(description["zz_rfm_segment"]["selection"])["important_value"], "重要价值客户"
        )
        with self.assertRaises(ValidationError) as err:
            Partner.create({"name": "错误代码公司", "zz_credit_code": "91110000600037341X"})
        self.assertIn("不是有效的统一社会信用代码", str(err.exception))
        self.assertIn("校验位错误", str(err.exception))
