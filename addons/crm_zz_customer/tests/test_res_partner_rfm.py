# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.crm_zz_customer.tools import rfm

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestPartnerRfm(CrmZzCustomerCommon):
    """The nightly value analysis scores customers by recency, frequency and revenue,
    puts each in one of the eight Chinese RFM segments, flags the customers that
    make 80% of revenue and grades them A to D."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "郑州宇通大客户", "is_company": True})
        cls.small_old = Partner.create({"name": "登封小客户", "is_company": True})
        cls.never = Partner.create({"name": "没有发票的客户", "is_company": True})
        # later and more often than any invoice already in the database
        latest = (
            cls.env["account.move"]
            .search(
                [("move_type", "=", "out_invoice"), ("invoice_date", "!=", False)],
                order="invoice_date desc",
                limit=1,
            )
            .invoice_date
            or fields.Date.today()
        )
        cls.big_last_day = latest + timedelta(days=10)
        cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.big.id,
                    "invoice_date": cls.big_last_day - timedelta(days=day),
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "price_unit": 1_000_000.0, "tax_ids": []}
                        )
                    ],
                }
                for day in range(12)
            ]
        ).action_post()
        cls._posted_invoice(cls.small_old, amount=1.0, invoice_date="2019-01-02")
        # twenty ordinary customers, so that quintiles mean something
        fillers = Partner.create([{"name": f"普通客户{i}", "is_company": True} for i in range(20)])
        cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": filler.id,
                    "invoice_date": latest - timedelta(days=30 + i),
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "price_unit": 1000.0 + i, "tax_ids": []}
                        )
                    ],
                }
                for i, filler in enumerate(fillers)
                for _repeat in range(2)
            ]
        ).action_post()

    def test_segments_pareto_and_grade(self):
        self.customer.zz_grade_manual = "a"
        self._posted_invoice(self.customer, amount=2.0, invoice_date="2019-01-01")
        self.env["res.partner"]._cron_zz_rfm()

        self.assertEqual((self.big.zz_rfm_r, self.big.zz_rfm_f, self.big.zz_rfm_m), (5, 5, 5))
        self.assertEqual(self.big.zz_rfm_segment, "important_value")
        self.assertTrue(self.big.zz_is_pareto)
        self.assertEqual(self.big.zz_grade, "a")
        self.assertEqual(self.big.zz_rfm_frequency, 12)
        self.assertEqual(
            self.big.zz_rfm_recency_days, (fields.Date.today() - self.big_last_day).days
        )
        self.assertAlmostEqual(self.big.zz_rfm_monetary, 12_000_000.0)

        self.assertEqual(self.small_old.zz_rfm_segment, "general_retain")
        self.assertFalse(self.small_old.zz_is_pareto)
        self.assertEqual(self.small_old.zz_grade, "d")
        # the override wins over the analysis
        self.assertNotEqual(self.customer.zz_grade_auto, "a")
        self.assertEqual(self.customer.zz_grade, "a")

        self.assertFalse(self.never.zz_rfm_segment)
        self.assertFalse(self.never.zz_grade)

    def test_sql_agrees_with_the_pure_rules(self):
        """The set-based statement gives what tools/rfm.py says, for every customer."""
        self.env["res.partner"]._cron_zz_rfm()
        stats = self.env["account.move"]._read_group(
            [("state", "=", "posted"), ("move_type", "=", "out_invoice")],
            ["commercial_partner_id"],
            ["invoice_date:max", "__count"],
        )
        revenue = dict(
            self.env["account.move"]._read_group(
                [("state", "=", "posted"), ("move_type", "in", ("out_invoice", "out_refund"))],
                ["commercial_partner_id"],
                ["amount_untaxed_signed:sum"],
            )
        )
        ids = [partner.id for partner, _last, _count in stats]
        last = {partner.id: day for partner, day, _count in stats}
        count = {partner.id: n for partner, _day, n in stats}
        money = {partner.id: round(revenue[partner], 2) for partner, _d, _n in stats}
        r = rfm.quintiles(last)
        f = rfm.quintiles(count)
        m = rfm.quintiles(money)
        top = rfm.pareto(money)
        for partner in self.env["res.partner"].browse(ids):
            pid = partner.id
            scores = rfm.Scores(r[pid], f[pid], m[pid])
            self.assertEqual(
                (partner.zz_rfm_r, partner.zz_rfm_f, partner.zz_rfm_m),
                (scores.recency, scores.frequency, scores.monetary),
            )
            self.assertEqual(partner.zz_rfm_segment, rfm.segment(scores))
            self.assertEqual(partner.zz_is_pareto, pid in top)
            self.assertEqual(partner.zz_grade_auto, rfm.grade(rfm.segment(scores), pid in top))

    def test_identical_customers_get_identical_scores_and_grade(self):
        """Issue 9: four customers with the same invoices were scored 2, 3, 3, 4 and
        graded B and C, because ties were broken by the order of creation."""
        twins = self.env["res.partner"].create(
            [{"name": f"同样的客户{i}", "is_company": True} for i in range(4)]
        )
        for twin in twins:
            for day in ("2026-03-02", "2026-05-11"):
                self._posted_invoice(twin, amount=1010.0, invoice_date=day)
        self.env["res.partner"]._cron_zz_rfm()
        self.assertEqual(len(set(twins.mapped("zz_rfm_r"))), 1)
        self.assertEqual(len(set(twins.mapped("zz_rfm_f"))), 1)
        self.assertEqual(len(set(twins.mapped("zz_rfm_m"))), 1)
        self.assertEqual(len(set(twins.mapped("zz_rfm_segment"))), 1)
        self.assertEqual(len(set(twins.mapped("zz_is_pareto"))), 1)
        self.assertEqual(len(set(twins.mapped("zz_grade"))), 1)
        self.assertTrue(twins[0].zz_grade)

    def test_grade_follows_the_analysis_through_the_orm(self):
        """The job writes the analysis by SQL; the grade, a stored field computed
        from it, is recomputed all the same and found by the Grade filters."""
        self.env["res.partner"]._cron_zz_rfm()
        self.assertEqual(self.small_old.zz_grade, "d")
        # the small customer becomes the biggest, most frequent and most recent
        self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": self.small_old.id,
                    "invoice_date": self.big_last_day + timedelta(days=1),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "price_unit": 5_000_000.0,
                                "tax_ids": [],
                            }
                        )
                    ],
                }
                for _repeat in range(13)
            ]
        ).action_post()
        self.env["res.partner"]._cron_zz_rfm()
        self.env.invalidate_all()
        self.assertEqual(self.small_old.zz_grade_auto, "a")
        self.assertEqual(self.small_old.zz_grade, "a")
        Partner = self.env["res.partner"]
        self.assertIn(self.small_old, Partner.search([("zz_grade", "=", "a")]))
        self.assertNotIn(self.small_old, Partner.search([("zz_grade", "=", "d")]))
        # a manual grade still wins over the analysis
        self.small_old.zz_grade_manual = "c"
        self.env["res.partner"]._cron_zz_rfm()
        self.env.invalidate_all()
        self.assertEqual(self.small_old.zz_grade, "c")

    def test_customer_without_invoices_any_more_is_cleared(self):
        self.env["res.partner"]._cron_zz_rfm()
        self.assertTrue(self.small_old.zz_rfm_segment)
        self.env["account.move"].search(
            [("commercial_partner_id", "=", self.small_old.id)]
        ).button_draft()
        self.env["res.partner"]._cron_zz_rfm()
        self.assertFalse(self.small_old.zz_rfm_segment)
        self.assertFalse(self.small_old.zz_grade_auto)
        self.assertFalse(self.small_old.zz_grade)

    def test_value_list_shows_analysed_customers(self):
        self.env["res.partner"]._cron_zz_rfm()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.res_partner_action_zz_value"
        )
        shown = self.env["res.partner"].search(safe_eval(action["domain"]))
        self.assertIn(self.big, shown)
        self.assertNotIn(self.never, shown)
